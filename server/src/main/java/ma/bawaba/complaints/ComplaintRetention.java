package ma.bawaba.complaints;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import ma.bawaba.cases.CaseService;
import ma.bawaba.cases.privacy.Erased;
import ma.bawaba.cases.privacy.ServiceRetention;
import ma.bawaba.complaints.ComplaintLifecycle.Status;
import ma.bawaba.platform.BawabaConfig;

/**
 * Law 09-08 for complaints: a complaint, observation or suggestion is closed once closed or rejected (its terminal
 * statuses: an answer nobody reopened closes by itself when the reopen window ends). The subject, content, answers,
 * rating comments and rejection reason are erased; the category, kind, reopenings and ratings' scores remain.
 */
@ApplicationScoped
class ComplaintRetention implements ServiceRetention {

    private static final String CLOSED = ServiceRetention.statusIn(Arrays.stream(Status.values()).filter(Status::isTerminal).toList());

    private final Period period;

    ComplaintRetention(BawabaConfig config) {
        this.period = config.retention().complaints();
    }

    @Override
    public CaseService service() {
        return CaseService.COMPLAINTS;
    }

    @Override
    public Period period() {
        return period;
    }

    @Override
    public String table() {
        return "complaint";
    }

    @Override
    public String closedWhere() {
        return CLOSED;
    }

    @Override
    public void erase(EntityManager entityManager, List<Long> caseIds) {
        entityManager.createNativeQuery("UPDATE complaint SET subject = :text, content = :text,"
                        + " rejection_reason = IF(rejection_reason IS NULL, NULL, :text) WHERE case_id IN (:ids)")
                .setParameter("text", Erased.TEXT).setParameter("ids", caseIds).executeUpdate();
        entityManager.createNativeQuery("UPDATE complaint_answer SET text = :text,"
                        + " rating_comment = IF(rating_comment IS NULL, NULL, :text) WHERE case_id IN (:ids)")
                .setParameter("text", Erased.TEXT).setParameter("ids", caseIds).executeUpdate();
    }
}
