package ma.bawaba.information;

import static ma.bawaba.information.InformationLifecycle.Actor.COMMISSION;
import static ma.bawaba.information.InformationLifecycle.Actor.HEAD;
import static ma.bawaba.information.InformationLifecycle.Actor.HOLDER;
import static ma.bawaba.information.InformationLifecycle.Actor.OFFICER;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import ma.bawaba.information.InformationLifecycle.Status;
import ma.bawaba.platform.problem.DomainException;
import org.junit.jupiter.api.Test;

class InformationLifecycleTest {

    @Test
    void onlyTheHeadDecidesAnInternalComplaintAndOnlyTheCdaiAnEscalation() {
        assertDoesNotThrow(() -> InformationLifecycle.check(Status.INTERNAL_APPEAL, Status.APPEAL_UPHELD, EnumSet.of(OFFICER, HEAD)));
        assertThrows(DomainException.Conflict.class,
                () -> InformationLifecycle.check(Status.INTERNAL_APPEAL, Status.APPEAL_UPHELD, EnumSet.of(OFFICER)));
        assertThrows(DomainException.Conflict.class,
                () -> InformationLifecycle.check(Status.ESCALATED, Status.CDAI_UPHELD, EnumSet.of(OFFICER, HEAD)));
        assertDoesNotThrow(() -> InformationLifecycle.check(Status.ESCALATED, Status.CDAI_REJECTED, EnumSet.of(COMMISSION)));
    }

    @Test
    void theRequesterWithdrawsAndAppealsButNeverAnswers() {
        assertDoesNotThrow(() -> InformationLifecycle.check(Status.ACKNOWLEDGED, Status.WITHDRAWN, EnumSet.of(HOLDER)));
        assertDoesNotThrow(() -> InformationLifecycle.check(Status.REFUSED, Status.INTERNAL_APPEAL, EnumSet.of(HOLDER)));
        assertThrows(DomainException.Conflict.class,
                () -> InformationLifecycle.check(Status.RECEIVED, Status.ANSWERED, EnumSet.of(HOLDER)));
        assertThrows(DomainException.Conflict.class,
                () -> InformationLifecycle.check(Status.ANSWERED, Status.WITHDRAWN, EnumSet.of(HOLDER)));
    }

    @Test
    void anExtensionIsNotRepeatedAndNothingLeavesAFinalStatus() {
        assertThrows(DomainException.Conflict.class,
                () -> InformationLifecycle.check(Status.EXTENDED, Status.EXTENDED, EnumSet.of(OFFICER)));
        for (InformationLifecycle.Transition row : InformationLifecycle.TABLE) {
            for (Status from : row.from()) {
                assertFalse(from.isFinal(), row + " leaves the final status " + from);
            }
        }
    }
}
