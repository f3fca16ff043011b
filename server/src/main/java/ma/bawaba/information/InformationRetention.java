package ma.bawaba.information;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Period;
import java.util.List;
import java.util.stream.Stream;
import ma.bawaba.cases.CaseService;
import ma.bawaba.cases.privacy.Erased;
import ma.bawaba.cases.privacy.ServiceRetention;
import ma.bawaba.information.InformationLifecycle.Status;
import ma.bawaba.platform.BawabaConfig;

/**
 * Law 09-08 for access-to-information requests. A request is closed when it is final (answered, withdrawn, or refused
 * by the CDAI) or when only its requester could still act and did not: a refusal, a partial answer or a rejected
 * internal complaint, whose appeal windows (Law 31-13 art. 19 and 20: 20 working days, then 30 days) are long over
 * when a retention period of years ends. A request whose body still owes an answer, a decision or a review is never
 * closed. The description, justifications, reasons, the answer's text, appeal reasons and decisions' texts and the
 * postal address are erased; the type, format, clock, outcome, refusal ground, fee and appeal levels and decisions
 * remain.
 */
@ApplicationScoped
class InformationRetention implements ServiceRetention {

    private static final String CLOSED = ServiceRetention.statusIn(Stream.concat(
            Stream.of(Status.values()).filter(Status::isFinal),
            Stream.of(Status.REFUSED, Status.PARTIALLY_ANSWERED, Status.APPEAL_REJECTED)).toList());

    private final Period period;

    InformationRetention(BawabaConfig config) {
        this.period = config.retention().informationRequests();
    }

    @Override
    public CaseService service() {
        return CaseService.INFORMATION_REQUESTS;
    }

    @Override
    public Period period() {
        return period;
    }

    @Override
    public String table() {
        return "information_request";
    }

    @Override
    public String closedWhere() {
        return CLOSED;
    }

    @Override
    public void erase(EntityManager entityManager, List<Long> caseIds) {
        entityManager.createNativeQuery("UPDATE information_request SET description = :text, postal_address = NULL,"
                        + " urgency_justification = IF(urgency_justification IS NULL, NULL, :text),"
                        + " extension_reason = IF(extension_reason IS NULL, NULL, :text),"
                        + " answer_text = IF(answer_text IS NULL, NULL, :text),"
                        + " refusal_justification = IF(refusal_justification IS NULL, NULL, :text)"
                        + " WHERE case_id IN (:ids)")
                .setParameter("text", Erased.TEXT).setParameter("ids", caseIds).executeUpdate();
        entityManager.createNativeQuery("UPDATE information_appeal SET reason = :text,"
                        + " decision_text = IF(decision_text IS NULL, NULL, :text) WHERE case_id IN (:ids)")
                .setParameter("text", Erased.TEXT).setParameter("ids", caseIds).executeUpdate();
    }
}
