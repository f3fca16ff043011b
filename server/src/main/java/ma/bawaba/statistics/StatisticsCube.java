package ma.bawaba.statistics;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The sums of every cell of the statistics, in this instance's memory, as of one version of the figures: some 50,000
 * cells at a million cases over three years (a few tens of megabytes; the count grows with months × bodies × kinds ×
 * categories, not with cases). Any filter and grouping is answered by one pass over them, in milliseconds.
 *
 * <p>The counting job stamps every row it writes with the version of its batch ({@code statistics_progress.version},
 * committed with the rows). A snapshot older than the version asked for is brought up to date by reading, in one
 * consistent read-only transaction, the version and the rows stamped after the snapshot's: the new snapshot is exactly
 * that version, on every instance alike. A snapshot is never changed once published (copy on write), so requests
 * read it without locks while the next one is built.
 */
@ApplicationScoped
public class StatisticsCube {

    /** A refusal ground's count in a cell. */
    record Refusal(Cell cell, long groundId) {
    }

    /** The cases of a cell that become overdue on a date. */
    record Overdue(Cell cell, LocalDate from) {
    }

    /** The figures as of one version: never changed once published. */
    record Snapshot(long version, Map<Cell, int[]> cells, Map<Refusal, Integer> refusals, Map<Overdue, Integer> overdue) {
    }

    private static final String KEY_COLUMNS = "service, month, institution_id, office_id, region_id, kind, category_id";

    private final AgroalDataSource dataSource;
    private volatile Snapshot snapshot;

    StatisticsCube(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A snapshot of at least this version: the one held, or a newer one read now (one reader at a time). */
    public Snapshot atLeast(long version) {
        Snapshot held = snapshot;
        if (held != null && held.version() >= version) {
            return held;
        }
        synchronized (this) {
            held = snapshot;
            if (held == null || held.version() < version) {
                snapshot = read(held);
            }
            return snapshot;
        }
    }

    private Snapshot read(Snapshot previous) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setAutoCommit(false);
            try {
                return read(connection, previous);
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
                connection.setTransactionIsolation(isolation);
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("the statistics could not be read", failure);
        }
    }

    /** Reads, in the connection's one snapshot (REPEATABLE READ), the version and the rows changed since the previous. */
    private static Snapshot read(Connection connection, Snapshot previous) throws SQLException {
        try (PreparedStatement consistent = connection.prepareStatement("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY")) {
            consistent.execute();
        }
        long version;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT version FROM statistics_progress WHERE name = 'statistics'");
             ResultSet rows = select.executeQuery()) {
            version = rows.next() ? rows.getLong(1) : 0;
        }
        long since = previous == null ? -1 : previous.version();
        Map<Cell, int[]> cells = previous == null ? new HashMap<>(1 << 16) : new HashMap<>(previous.cells());
        try (PreparedStatement select = connection.prepareStatement("SELECT " + KEY_COLUMNS + ", " + String.join(", ", Sums.COLUMNS)
                + " FROM statistics_cell WHERE version > ?")) {
            select.setLong(1, since);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    int[] sums = new int[Sums.SIZE];
                    boolean zero = true;
                    for (int column = 0; column < Sums.SIZE; column++) {
                        sums[column] = rows.getInt(8 + column);
                        zero &= sums[column] == 0;
                    }
                    replace(cells, cell(rows), zero ? null : sums);
                }
            }
        }
        Map<Refusal, Integer> refusals = previous == null ? new HashMap<>() : new HashMap<>(previous.refusals());
        try (PreparedStatement select = connection.prepareStatement("SELECT " + KEY_COLUMNS
                + ", refusal_ground_id, refused FROM statistics_refusal WHERE version > ?")) {
            select.setLong(1, since);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    int refused = rows.getInt(9);
                    replace(refusals, new Refusal(cell(rows), rows.getLong(8)), refused == 0 ? null : refused);
                }
            }
        }
        Map<Overdue, Integer> overdue = previous == null ? new HashMap<>() : new HashMap<>(previous.overdue());
        try (PreparedStatement select = connection.prepareStatement("SELECT " + KEY_COLUMNS
                + ", overdue_from, cases FROM statistics_overdue WHERE version > ?")) {
            select.setLong(1, since);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    int cases = rows.getInt(9);
                    replace(overdue, new Overdue(cell(rows), rows.getObject(8, LocalDate.class)), cases == 0 ? null : cases);
                }
            }
        }
        return new Snapshot(version, cells, refusals, overdue);
    }

    private static <K, V> void replace(Map<K, V> map, K key, V value) {
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }

    private static Cell cell(ResultSet rows) throws SQLException {
        // the few services and kinds, one String each however many cells
        return new Cell(rows.getString(1).intern(), rows.getObject(2, LocalDate.class), rows.getLong(3), rows.getLong(4),
                rows.getLong(5), rows.getString(6).intern(), rows.getLong(7));
    }
}
