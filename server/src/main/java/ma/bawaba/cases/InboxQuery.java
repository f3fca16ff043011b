package ma.bawaba.cases;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ma.bawaba.platform.TimeSource;
import ma.bawaba.platform.web.Page;

/**
 * The filters every institution inbox shares, over {@code CaseFile f}: one service, one tenant, then status, kind,
 * overdue, submission dates and the keyset position, newest first. Services add their own conditions (a category,
 * a join) with {@link #and}.
 */
public final class InboxQuery {

    private final StringBuilder where = new StringBuilder();
    private final Map<String, Object> parameters = new HashMap<>();

    private InboxQuery(CaseService service, String whose) {
        where.append("f.service = '").append(service.name()).append("' and ").append(whose);
    }

    /** The cases of {@code service} where {@code tenantCondition} (naming {@code :tenant}) holds for {@code tenantId}. */
    public static InboxQuery of(CaseService service, String tenantCondition, Long tenantId) {
        InboxQuery query = new InboxQuery(service, tenantCondition);
        query.parameters.put("tenant", tenantId);
        return query;
    }

    /** The cases of {@code service} handed to the postal operator, which is no tenant. */
    public static InboxQuery handedToPost(CaseService service) {
        return new InboxQuery(service, "f.handedToPostAt is not null");
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
        return and("f.status = :status", "status", status);
    }

    public InboxQuery kind(String kind) {
        return and("f.kind = :kind", "kind", kind);
    }

    /** Overdue is derived: a due date before today (in Morocco) on a case that still owes something. */
    public InboxQuery overdue(Boolean overdue, LocalDate today) {
        if (overdue != null) {
            where.append(overdue ? " and f.closed = false and f.dueDate < :today"
                    : " and (f.closed = true or f.dueDate is null or f.dueDate >= :today)");
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

    /** One page, newest first: {@code select} is the select clause and the entities after "from CaseFile f". */
    public <T> List<T> page(EntityManager entityManager, String select, String otherEntities, Class<T> type, Page.Request request) {
        and("f.id < :after", "after", request.afterId());
        var query = entityManager.createQuery(select + " from CaseFile f" + otherEntities + " where " + where
                + " order by f.id desc", type);
        parameters.forEach(query::setParameter);
        return query.setMaxResults(request.fetchSize()).getResultList();
    }
}
