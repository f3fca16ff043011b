package ma.bawaba;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import ma.bawaba.complaints.ComplaintLifecycle;
import ma.bawaba.contract.model.ComplaintStatus;
import ma.bawaba.contract.model.DocumentOrderStatus;
import ma.bawaba.contract.model.InformationRequestStatus;
import ma.bawaba.documents.DocumentOrderLifecycle;
import ma.bawaba.information.InformationLifecycle;
import org.junit.jupiter.api.Test;

/**
 * Each service's lifecycle has exactly the statuses its contract enum documents: a status added on one side only
 * would be a case clients cannot read, or a documented status no case can reach.
 */
class LifecycleContractTest {

    @Test
    void theComplaintLifecycleHasTheStatusesOfTheContract() {
        assertEquals(names(ComplaintStatus.values()), names(ComplaintLifecycle.Status.values()));
    }

    @Test
    void theInformationRequestLifecycleHasTheStatusesOfTheContract() {
        assertEquals(names(InformationRequestStatus.values()), names(InformationLifecycle.Status.values()));
    }

    @Test
    void theDocumentOrderLifecycleHasTheStatusesOfTheContract() {
        assertEquals(names(DocumentOrderStatus.values()), names(DocumentOrderLifecycle.Status.values()));
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
    }
}
