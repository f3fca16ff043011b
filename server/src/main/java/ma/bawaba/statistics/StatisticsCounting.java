package ma.bawaba.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import ma.bawaba.platform.BawabaConfig;
import ma.bawaba.platform.database.Sql;
import ma.bawaba.platform.database.WriteTransaction;
import org.hibernate.Session;

/**
 * Counts the cases on the backlog into the statistics, one batch per transaction. For each case it reads what the
 * case counts for now ({@link CaseFacts}), takes its previous contribution out of its old cell and adds the new one
 * to its new cell, and keeps the new contribution in {@code case_statistics}: a case recounted twice, or an event
 * counted twice, changes nothing, and a case that moved (a transfer) leaves its old cell. The backlog rows are written
 * in the transaction of their change, so none is missed; a batch removes only the rows it read. The changes go to
 * the cells, the refusals by ground and the overdue dates, each row stamped with the batch's version of the figures
 * ({@code statistics_progress.version}, one more per batch that changes something), which {@link StatisticsCube}
 * follows.
 *
 * <p>One instance counts at a time: each batch first holds the {@code statistics_progress} row (SKIP LOCKED: an
 * instance that finds it held leaves the work to the holder), and writes it, so that on Galera two nodes counting at
 * once fail certification and one batch is retried.
 */
@ApplicationScoped
public class StatisticsCounting {

    /** Adds a batch's changes to a cell's sums, and stamps the row with the batch's version (StatisticsCube reads by it). */
    private static final String UPSERT_CELL = "INSERT INTO statistics_cell (" + Cell.COLUMNS + ", " + String.join(", ", Sums.COLUMNS)
            + ", version) VALUES (" + Sql.placeholders(7 + Sums.SIZE + 1) + ") ON DUPLICATE KEY UPDATE "
            + Sums.COLUMNS.stream().map(column -> column + " = " + column + " + VALUES(" + column + ")").collect(Collectors.joining(", "))
            + ", version = VALUES(version)";
    private static final String UPSERT_REFUSAL = "INSERT INTO statistics_refusal (" + Cell.COLUMNS
            + ", refusal_ground_id, refused, version) VALUES (" + Sql.placeholders(10) + ")"
            + " ON DUPLICATE KEY UPDATE refused = refused + VALUES(refused), version = VALUES(version)";
    private static final String UPSERT_OVERDUE = "INSERT INTO statistics_overdue (" + Cell.COLUMNS
            + ", overdue_from, cases, version) VALUES (" + Sql.placeholders(10) + ")"
            + " ON DUPLICATE KEY UPDATE cases = cases + VALUES(cases), version = VALUES(version)";
    private static final String UPSERT_CASE = "INSERT INTO case_statistics (case_id, " + Cell.COLUMNS
            + ", figures, response_days, refusal_ground_id, overdue_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE service = VALUES(service), month = VALUES(month), institution_id = VALUES(institution_id),"
            + " office_id = VALUES(office_id), region_id = VALUES(region_id), kind = VALUES(kind), category_id = VALUES(category_id),"
            + " figures = VALUES(figures), response_days = VALUES(response_days), refusal_ground_id = VALUES(refusal_ground_id),"
            + " overdue_from = VALUES(overdue_from)";
    private static final Comparator<Cell> CELL_ORDER = Comparator.comparing(Cell::service).thenComparing(Cell::month)
            .thenComparingLong(Cell::institutionId).thenComparingLong(Cell::officeId).thenComparingLong(Cell::regionId)
            .thenComparing(Cell::kind).thenComparingLong(Cell::categoryId);

    private final EntityManager entityManager;
    private final Clock clock;
    private final int batchSize;

    StatisticsCounting(EntityManager entityManager, Clock clock, BawabaConfig config) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.batchSize = config.statistics().countBatchSize();
    }

    /** Counts one batch of the backlog; answers how many events it counted (0 when none is left, or another instance counts). */
    @WriteTransaction
    public int countBatch() {
        Instant started = clock.instant();
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            long held = holdProgress(connection);
            if (held < 0) {
                return 0;
            }
            Map<Long, Long> backlog = backlog(connection);
            if (backlog.isEmpty()) {
                // Everything committed before this batch began was on the backlog it found empty: it is all counted.
                try (PreparedStatement progress = connection.prepareStatement(
                        "UPDATE statistics_progress SET counted_up_to = ? WHERE name = 'statistics'")) {
                    progress.setObject(1, LocalDateTime.ofInstant(started, ZoneOffset.UTC));
                    progress.executeUpdate();
                }
                return 0;
            }
            Set<Long> caseIds = new LinkedHashSet<>(backlog.values());
            long version = held + 1;
            if (recount(connection, caseIds, version)) {
                // A new version of the figures, committed with the rows stamped with it.
                try (PreparedStatement next = connection.prepareStatement(
                        "UPDATE statistics_progress SET version = ? WHERE name = 'statistics'")) {
                    next.setLong(1, version);
                    next.executeUpdate();
                }
            }
            try (PreparedStatement done = connection.prepareStatement("DELETE FROM statistics_backlog WHERE event_id IN ("
                    + Sql.placeholders(backlog.size()) + ")")) {
                int index = 1;
                for (Long eventId : backlog.keySet()) {
                    done.setLong(index++, eventId);
                }
                done.executeUpdate();
            }
            return backlog.size();
        });
    }

    /** Holds the progress row (or answers -1 when another instance holds it): answers the version of the figures. */
    private long holdProgress(Connection connection) throws SQLException {
        long version;
        try (PreparedStatement hold = connection.prepareStatement(
                "SELECT version FROM statistics_progress WHERE name = 'statistics' FOR UPDATE SKIP LOCKED");
             ResultSet held = hold.executeQuery()) {
            if (!held.next()) {
                return -1;
            }
            version = held.getLong(1);
        }
        try (PreparedStatement mark = connection.prepareStatement(
                "UPDATE statistics_progress SET holder = CONNECTION_ID() WHERE name = 'statistics'")) {
            mark.executeUpdate();
        }
        return version;
    }

    /** The oldest events of the backlog, by event id, with their cases. */
    private Map<Long, Long> backlog(Connection connection) throws SQLException {
        Map<Long, Long> caseByEvent = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT event_id, case_id FROM statistics_backlog ORDER BY event_id LIMIT ?")) {
            select.setInt(1, batchSize);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    caseByEvent.put(rows.getLong(1), rows.getLong(2));
                }
            }
        }
        return caseByEvent;
    }

    /** Recounts the cases; answers whether any contribution changed (the figures then have a new version). */
    private boolean recount(Connection connection, Collection<Long> caseIds, long version) throws SQLException {
        Map<Long, Contribution> before = contributions(connection, caseIds);
        List<CaseFacts> facts = facts(connection, caseIds);
        Map<Cell, long[]> cells = new TreeMap<>(CELL_ORDER);
        Map<Cell, Map<Long, Long>> refusals = new TreeMap<>(CELL_ORDER);
        Map<Cell, Map<LocalDate, Long>> overdue = new TreeMap<>(CELL_ORDER);
        List<Map.Entry<Long, Contribution>> after = new ArrayList<>();
        for (CaseFacts fact : facts) {
            Contribution now = fact.contribution();
            Contribution was = before.get(fact.caseId());
            if (now.equals(was)) {
                continue;
            }
            if (was != null) {
                was.addTo(cells.computeIfAbsent(was.cell(), cell -> Sums.empty()), -1);
                add(refusals, was.cell(), was.refusalGroundId(), -1);
                add(overdue, was.cell(), was.overdueFrom(), -1);
            }
            now.addTo(cells.computeIfAbsent(now.cell(), cell -> Sums.empty()), 1);
            add(refusals, now.cell(), now.refusalGroundId(), 1);
            add(overdue, now.cell(), now.overdueFrom(), 1);
            after.add(Map.entry(fact.caseId(), now));
        }
        if (after.isEmpty()) {
            return false;
        }
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_CELL)) {
            for (Map.Entry<Cell, long[]> cell : cells.entrySet()) {
                if (!Sums.isZero(cell.getValue())) {
                    int index = key(upsert, 1, cell.getKey());
                    for (long sum : cell.getValue()) {
                        upsert.setLong(index++, sum);
                    }
                    upsert.setLong(index, version);
                    upsert.addBatch();
                }
            }
            upsert.executeBatch();
        }
        addCounts(connection, UPSERT_REFUSAL, refusals, version, (statement, index, ground) -> statement.setLong(index, ground));
        addCounts(connection, UPSERT_OVERDUE, overdue, version,
                (statement, index, date) -> statement.setObject(index, date, Types.DATE));
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_CASE)) {
            for (Map.Entry<Long, Contribution> counted : after) {
                Contribution contribution = counted.getValue();
                upsert.setLong(1, counted.getKey());
                int index = key(upsert, 2, contribution.cell());
                upsert.setLong(index++, contribution.figures());
                setNullable(upsert, index++, contribution.responseDays() == null ? null : contribution.responseDays().longValue());
                setNullable(upsert, index++, contribution.refusalGroundId());
                upsert.setObject(index, contribution.overdueFrom(), Types.DATE);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        return true;
    }

    private interface Binder<T> {
        void bind(PreparedStatement statement, int index, T value) throws SQLException;
    }

    /** Adds the changes of counts per cell and value (a refusal ground, an overdue date), those not zero, in key order. */
    private static <T> void addCounts(Connection connection, String sql, Map<Cell, Map<T, Long>> counts,
                                                           long version, Binder<T> value) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(sql)) {
            for (Map.Entry<Cell, Map<T, Long>> cell : counts.entrySet()) {
                for (Map.Entry<T, Long> count : new TreeMap<>(cell.getValue()).entrySet()) {
                    if (count.getValue() != 0) {
                        int index = key(upsert, 1, cell.getKey());
                        value.bind(upsert, index++, count.getKey());
                        upsert.setLong(index++, count.getValue());
                        upsert.setLong(index, version);
                        upsert.addBatch();
                    }
                }
            }
            upsert.executeBatch();
        }
    }

    private static <T> void add(Map<Cell, Map<T, Long>> counts, Cell cell, T value, int sign) {
        if (value != null) {
            counts.computeIfAbsent(cell, any -> new HashMap<>()).merge(value, (long) sign, Long::sum);
        }
    }

    private static int key(PreparedStatement statement, int first, Cell cell) throws SQLException {
        int index = first;
        statement.setString(index++, cell.service());
        statement.setObject(index++, cell.month(), Types.DATE);
        statement.setLong(index++, cell.institutionId());
        statement.setLong(index++, cell.officeId());
        statement.setLong(index++, cell.regionId());
        statement.setString(index++, cell.kind());
        statement.setLong(index++, cell.categoryId());
        return index;
    }

    private static void setNullable(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static Map<Long, Contribution> contributions(Connection connection, Collection<Long> caseIds) throws SQLException {
        Map<Long, Contribution> contributions = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT case_id, " + Cell.COLUMNS
                + ", figures, response_days, refusal_ground_id, overdue_from FROM case_statistics WHERE case_id IN ("
                + Sql.placeholders(caseIds.size()) + ")")) {
            bind(select, caseIds);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Cell cell = Cell.read(rows, 2);
                    contributions.put(rows.getLong(1), new Contribution(cell, rows.getLong(9), nullableInt(rows, 10),
                            nullableLong(rows, 11), rows.getObject(12, LocalDate.class)));
                }
            }
        }
        return contributions;
    }

    private static List<CaseFacts> facts(Connection connection, Collection<Long> caseIds) throws SQLException {
        List<CaseFacts> facts = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT f.id, f.service, f.kind, f.status, COALESCE(f.institution_id, 0), COALESCE(f.office_id, 0),
                       COALESCE(i.region_id, p.region_id, 0), f.submitted_at, f.responded_at, f.response_days,
                       f.responded_on_time, f.due_date, f.final, COALESCE(c.category_id, 0), COALESCE(c.reopen_count, 0),
                       (SELECT a.rating_score FROM complaint_answer a
                        WHERE a.case_id = f.id AND a.rating_score IS NOT NULL ORDER BY a.sequence DESC LIMIT 1),
                       (SELECT a.rating_satisfied FROM complaint_answer a
                        WHERE a.case_id = f.id AND a.rating_score IS NOT NULL ORDER BY a.sequence DESC LIMIT 1),
                       r.answered_at, r.answer_partial, r.refusal_ground_id,
                       EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = f.id AND e.type = 'TRANSFERRED'),
                       internal.decision, internal.id IS NOT NULL, escalation.decision, escalation.id IS NOT NULL,
                       o.paid_at
                FROM case_file f
                LEFT JOIN institution i ON i.id = f.institution_id
                LEFT JOIN civil_status_office so ON so.id = f.office_id
                LEFT JOIN province p ON p.id = so.province_id
                LEFT JOIN complaint c ON c.case_id = f.id
                LEFT JOIN information_request r ON r.case_id = f.id
                LEFT JOIN information_appeal internal ON internal.case_id = f.id AND internal.level = 'INTERNAL_COMPLAINT'
                LEFT JOIN information_appeal escalation ON escalation.case_id = f.id AND escalation.level = 'CDAI_ESCALATION'
                LEFT JOIN document_order o ON o.case_id = f.id
                WHERE f.id IN (""" + Sql.placeholders(caseIds.size()) + ")")) {
            bind(select, caseIds);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    facts.add(new CaseFacts(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getLong(5), rows.getLong(6), rows.getLong(7), instant(rows, 8), instant(rows, 9),
                            nullableInt(rows, 10), nullableBoolean(rows, 11), rows.getObject(12, LocalDate.class),
                            rows.getBoolean(13), rows.getLong(14), rows.getInt(15), nullableInt(rows, 16),
                            nullableBoolean(rows, 17), instant(rows, 18), nullableBoolean(rows, 19), nullableLong(rows, 20),
                            rows.getBoolean(21), rows.getString(22), rows.getBoolean(23), rows.getString(24),
                            rows.getBoolean(25), instant(rows, 26)));
                }
            }
        }
        return facts;
    }

    private static void bind(PreparedStatement statement, Collection<Long> ids) throws SQLException {
        int index = 1;
        for (Long id : ids) {
            statement.setLong(index++, id);
        }
    }


    /**
     * A stored time: times are stored as their UTC wall clock (quarkus.hibernate-orm.jdbc.timezone), read here as
     * java.time values, without the driver's Calendar (a shared Calendar is not safe across threads).
     */
    static Instant instant(ResultSet rows, int column) throws SQLException {
        LocalDateTime time = rows.getObject(column, LocalDateTime.class);
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    private static Integer nullableInt(ResultSet rows, int column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }

    private static Long nullableLong(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    private static Boolean nullableBoolean(ResultSet rows, int column) throws SQLException {
        boolean value = rows.getBoolean(column);
        return rows.wasNull() ? null : value;
    }
}
