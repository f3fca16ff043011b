package ma.bawaba.cases;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import ma.bawaba.platform.TimeSource;
import ma.bawaba.platform.security.Caller;
import ma.bawaba.platform.web.Page;

/**
 * The filters every inbox shares, over {@code CaseFile f}: the caller's cases ({@link CaseAudience}), of one service or
 * of all, then status, kind, overdue, dates and the keyset position, newest first. Services add their own conditions
 * (a category, a join) with {@link #and}. The order is the case id, which never changes: a case does not move between
 * pages when it changes, and every page is one seek on an index that leads with the tenant (V18).
 */
public final class InboxQuery {

    private final StringBuilder where = new StringBuilder();
    private final Map<String, Object> parameters = new HashMap<>();
    private final CaseAudience audience;
    private final Set<CaseAudience.Lead> leads = EnumSet.noneOf(CaseAudience.Lead.class);
    private boolean onItsIndex;

    private InboxQuery(CaseAudience audience) {
        this.audience = audience;
        where.append(audience.condition());
    }

    /** The cases of {@code service} that a member of staff works on ({@link CaseAudience}). */
    public static InboxQuery of(CaseService service, Caller staff) {
        InboxQuery query = of(staff).where("f.service = '" + service.name() + "'");
        query.leads.add(CaseAudience.Lead.SERVICE);
        return query;
    }

    /**
     * The cases of every service a member of staff works on. A role's tenant column is set only on the cases of the
     * services it works on (an office on orders, an institution on complaints and requests, a commission on the
     * requests it reviews), so the audience's condition alone selects them, on the indexes that lead with it.
     */
    public static InboxQuery of(Caller staff) {
        CaseAudience audience = CaseAudience.of(staff);
        InboxQuery query = new InboxQuery(audience);
        Long tenant = audience.tenantOf(staff);
        if (audience != CaseAudience.POST) {
            // A credential bound to no tenant (which the administration refuses to issue) sees nothing.
            query.parameters.put("tenant", tenant == null ? -1L : tenant);
        }
        return query;
    }

    /** A condition that always applies (the join of a service's own table). */
    public InboxQuery where(String condition) {
        where.append(" and ").append(condition);
        return this;
    }

    /** A filter that applies when its value is given. */
    public InboxQuery and(String condition, String parameter, Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            parameters.put(parameter, value);
        }
        return this;
    }

    public InboxQuery status(String status) {
        return lead(CaseAudience.Lead.STATUS, status).and("f.status = :status", "status", status);
    }

    public InboxQuery kind(String kind) {
        return lead(CaseAudience.Lead.KIND, kind).and("f.kind = :kind", "kind", kind);
    }

    /** One service, when given (a list of all the caller's services, narrowed). */
    public InboxQuery service(CaseService service) {
        return lead(CaseAudience.Lead.SERVICE, service).and("f.service = :service", "service", service == null ? null : service.name());
    }

    private InboxQuery lead(CaseAudience.Lead lead, Object value) {
        if (value != null) {
            leads.add(lead);
        }
        return this;
    }

    /**
     * Reads on the audience's inbox index that leads with the query's most selective equality filter (V18), named to the
     * database: MariaDB's cost model otherwise sometimes walks the primary key backwards for the order (reading a whole
     * table for a small tenant's first page) or intersects two indexes and sorts. Only for a query whose other entities
     * are joined ({@code left join ... on}): the hint follows the first table.
     */
    public InboxQuery onItsIndex() {
        onItsIndex = true;
        return this;
    }

    /** Overdue is derived: a due date before today (in Morocco) on a case that still owes something. */
    public InboxQuery overdue(Boolean overdue, LocalDate today) {
        if (overdue != null) {
            where.append(overdue ? " and f.closed = false and f.dueDate < :today"
                    : " and (f.closed = true or f.dueDate is null or f.dueDate >= :today)");
            if (overdue) {
                leads.add(CaseAudience.Lead.OPEN);
            }
            parameters.put("today", today);
        }
        return this;
    }

    /**
     * A service's own deadline, a date column that is null while nothing is owed (a routing due date): past it (true)
     * or not (false), today in Morocco.
     */
    public InboxQuery past(String dateColumn, Boolean past, LocalDate today) {
        if (past != null) {
            where.append(past ? " and " + dateColumn + " < :today"
                    : " and (" + dateColumn + " is null or " + dateColumn + " >= :today)");
            parameters.put("today", today);
        }
        return this;
    }

    /** Submitted between two calendar days of Morocco, both included. */
    public InboxQuery submitted(LocalDate from, LocalDate to) {
        and("f.submittedAt >= :from", "from", from == null ? null : from.atStartOfDay(TimeSource.MOROCCO).toInstant());
        return and("f.submittedAt < :to", "to", to == null ? null : to.plusDays(1).atStartOfDay(TimeSource.MOROCCO).toInstant());
    }

    /**
     * A case by its number (as written, in any case), or one that {@code otherCondition} finds, which names
     * {@code :words}: the text as a LIKE pattern that contains it, its own wildcards escaped with {@code !}.
     */
    public InboxQuery text(String text, String otherCondition) {
        if (text != null) {
            String trimmed = text.trim();
            where.append(" and (f.number = :number or ").append(otherCondition).append(")");
            parameters.put("number", trimmed.toUpperCase(Locale.ROOT));
            parameters.put("words", "%" + trimmed.replaceAll("([!%_])", "!$1") + "%");
        }
        return this;
    }

    /** Due before a calendar day (that day excluded). */
    public InboxQuery dueBefore(LocalDate day) {
        return and("f.dueDate < :dueBefore", "dueBefore", day);
    }

    /** Changed at or after an instant (any event, a message too, moves {@code updatedAt}). */
    public InboxQuery updatedSince(Instant since) {
        return and("f.updatedAt >= :updatedSince", "updatedSince", since);
    }

    /** One page, newest first: {@code select} is the select clause and the entities after "from CaseFile f". */
    public <T> List<T> page(EntityManager entityManager, String select, String otherEntities, Class<T> type, Page.Request request) {
        return batch(entityManager, select, otherEntities, type, request.afterId(), request.fetchSize());
    }

    /**
     * Up to {@code size} cases older than the case {@code afterId} (null: from the newest), newest first: the keyset
     * step of a page and of an export, which reads its cases batch after batch. The query is left as it was.
     */
    public <T> List<T> batch(EntityManager entityManager, String select, String otherEntities, Class<T> type, Long afterId,
                             int size) {
        var query = entityManager.createQuery(select + " from CaseFile f" + otherEntities + " where " + where
                + (afterId == null ? "" : " and f.id < :after") + " order by f.id desc", type);
        parameters.forEach(query::setParameter);
        if (afterId != null) {
            query.setParameter("after", afterId);
        }
        if (onItsIndex) {
            query.unwrap(org.hibernate.query.Query.class).addQueryHint(audience.index(leads));
        }
        return query.setMaxResults(size).getResultList();
    }
}
