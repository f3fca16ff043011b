package ma.bawaba.documents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import ma.bawaba.cases.CaseService;
import ma.bawaba.cases.privacy.Erased;
import ma.bawaba.cases.privacy.ServiceRetention;
import ma.bawaba.documents.DocumentOrderLifecycle.Status;
import ma.bawaba.platform.BawabaConfig;

/**
 * Law 09-08 for civil-status document orders. An order is closed when delivered, cancelled or expired, or rejected
 * with no refund outstanding (none was due, or the provider confirmed it). The birth act (act number, names, date of
 * birth, parents), the delivery address and the reasons are erased; the document type, copies, relation, destination
 * and country, the fee, payment and refund, and the postal tracking number remain.
 */
@ApplicationScoped
class DocumentOrderRetention implements ServiceRetention {

    /** A date of birth no one has: the column is required, and a real one would identify the act. */
    static final LocalDate ERASED_DATE_OF_BIRTH = LocalDate.of(1900, 1, 1);

    private static final String CLOSED = "(" + ServiceRetention.statusIn(List.of(Status.DELIVERED, Status.CANCELLED, Status.EXPIRED))
            + " OR (f.status = '" + Status.REJECTED + "' AND EXISTS (SELECT 1 FROM document_order o WHERE o.case_id = f.id"
            + " AND (o.refund_minor IS NULL OR o.refund_confirmed_at IS NOT NULL))))";

    private final Period period;

    DocumentOrderRetention(BawabaConfig config) {
        this.period = config.retention().documentOrders();
    }

    @Override
    public CaseService service() {
        return CaseService.DOCUMENT_ORDERS;
    }

    @Override
    public Period period() {
        return period;
    }

    @Override
    public String table() {
        return "document_order";
    }

    @Override
    public String closedWhere() {
        return CLOSED;
    }

    @Override
    public void erase(EntityManager entityManager, List<Long> caseIds) {
        entityManager.createNativeQuery("UPDATE document_order SET act_number = '0',"
                        + " first_name_arabic = :text, last_name_arabic = :text, first_name_latin = :text, last_name_latin = :text,"
                        + " date_of_birth = :born, father_name = :text, mother_name = :text,"
                        + " addressee = :text, street = :text, city = :text, postal_code = NULL,"
                        + " rejection_reason = IF(rejection_reason IS NULL, NULL, :text),"
                        + " return_reason = IF(return_reason IS NULL, NULL, :text)"
                        + " WHERE case_id IN (:ids)")
                .setParameter("text", Erased.TEXT).setParameter("born", ERASED_DATE_OF_BIRTH)
                .setParameter("ids", caseIds).executeUpdate();
    }
}
