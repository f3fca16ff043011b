package ma.bawaba.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import ma.bawaba.cases.CaseAudience;
import ma.bawaba.cases.CaseEvent;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.security.Caller;

/**
 * Reads a body's change feed after a position: the events of its cases in the order the sequencer placed them
 * ({@link FeedSequencing}), one seek on the feed's primary key (audience, tenant, position) and the rows of one page.
 */
@ApplicationScoped
public class ChangeFeed {

    private final EntityManager entityManager;

    ChangeFeed(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One event of the feed with its case's number and service. */
    public record Item(long position, String caseNumber, String service, CaseEvent event) {
    }

    /** A page of the feed; {@code lastPosition} is where the next read resumes. */
    public record Slice(List<Item> items, long lastPosition, boolean hasMore) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Slice after(Caller staff, long after, int limit) {
        CaseAudience audience = CaseAudience.of(staff);
        if (audience == CaseAudience.POST) {
            // A carrier reads what a service shows it of a case, never its timeline (CaseService#carriers).
            throw new DomainException.Forbidden();
        }
        Long tenant = audience.tenantOf(staff);
        List<Item> rows = entityManager.createQuery("select new " + Item.class.getName()
                        + "(e.position, f.number, f.service, ev) from FeedEntry e, CaseEvent ev, CaseFile f"
                        + " where e.audience = :audience and e.tenantId = :tenant and e.position > :after"
                        + " and ev.id = e.eventId and f.id = ev.caseId order by e.position", Item.class)
                .setParameter("audience", audience.name())
                .setParameter("tenant", tenant == null ? -1L : tenant)
                .setParameter("after", after)
                .setMaxResults(limit + 1)
                .getResultList();
        boolean more = rows.size() > limit;
        List<Item> shown = more ? rows.subList(0, limit) : rows;
        return new Slice(shown, shown.isEmpty() ? after : shown.get(shown.size() - 1).position(), more);
    }
}
