package ma.bawaba.cases.privacy;

import jakarta.persistence.EntityManager;
import java.time.Period;
import java.util.List;
import ma.bawaba.cases.CaseService;

/**
 * What one service tells the retention job (Law 09-08): how long its closed cases keep their personal data, when one
 * of its cases is closed, and how to erase what its own tables keep beyond the kit (case file, requester identity,
 * messages, documents), which {@link Anonymisation} erases for every service alike.
 *
 * <p>Erasing replaces or clears personal data only. A service never deletes a row and never changes a column that
 * states, deadlines or statistics read (kinds, categories, tenants, statuses, dates, outcomes, ratings' scores, refusal
 * grounds, fees, appeal levels and decisions), so that the case still counts as it did.
 */
public interface ServiceRetention {

    CaseService service();

    /** How long after its last event a closed case of this service keeps its personal data. */
    Period period();

    /**
     * The service's own table of its cases (keyed by {@code case_id}), which holds the requester's identity (the
     * columns of {@link ma.bawaba.cases.RequesterIdentity}).
     */
    String table();

    /**
     * The SQL condition, on {@code case_file f}, that a case of this service is closed: nothing more can happen to it
     * (no one owes it anything and no one may still act on it).
     */
    String closedWhere();

    /** Replaces or clears the personal data the service's own tables keep about these cases, beyond the identity. */
    void erase(EntityManager entityManager, List<Long> caseIds);

    /** The condition that the status of {@code case_file f} is one of these. */
    static String statusIn(List<? extends Enum<?>> statuses) {
        return statuses.stream().map(status -> "'" + status.name() + "'")
                .collect(java.util.stream.Collectors.joining(", ", "f.status IN (", ")"));
    }
}
