package ma.bawaba.statistics;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
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
 * that version, on every instance alike. A snapshot is never changed once published (copy on write, see {@link Rows}),
 * so requests read it without locks while the next one is built.
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
    record Snapshot(long version, Rows<Cell, int[]> cells, Rows<Refusal, Integer> refusals, Rows<Overdue, Integer> overdue) {
    }

    /** What to do with each row: its key and its value. */
    interface RowVisitor<K, V> {
        void visit(K key, V value);
    }

    /**
     * Rows by key, copied on write: a new version copies the arrays of values (a few hundred kilobytes, in well under a
     * millisecond) and shares the index of positions, which is copied only when a batch brings a key never seen
     * before (a new month, body, kind or category). A row that sums to nothing keeps its position, without a value.
     */
    static final class Rows<K, V> {

        private final Map<K, Integer> positions;
        private final Object[] keys;
        private final Object[] values;

        private Rows(Map<K, Integer> positions, Object[] keys, Object[] values) {
            this.positions = positions;
            this.keys = keys;
            this.values = values;
        }

        static <K, V> Rows<K, V> none() {
            return new Rows<>(Map.of(), new Object[0], new Object[0]);
        }

        /** These rows with the changed ones replaced (a null value: the row sums to nothing now). */
        Rows<K, V> with(Map<K, V> changed) {
            if (changed.isEmpty()) {
                return this;
            }
            Map<K, Integer> index = positions;
            for (K key : changed.keySet()) {
                if (!index.containsKey(key)) {
                    if (index == positions) {
                        index = new HashMap<>(positions);
                    }
                    index.put(key, index.size());
                }
            }
            Object[] newKeys = Arrays.copyOf(keys, index.size());
            Object[] newValues = Arrays.copyOf(values, index.size());
            for (Map.Entry<K, V> row : changed.entrySet()) {
                int position = index.get(row.getKey());
                newKeys[position] = row.getKey();
                newValues[position] = row.getValue();
            }
            return new Rows<>(index, newKeys, newValues);
        }

        @SuppressWarnings("unchecked")
        void forEach(RowVisitor<K, V> visitor) {
            for (int position = 0; position < values.length; position++) {
                Object value = values[position];
                if (value != null) {
                    visitor.visit((K) keys[position], (V) value);
                }
            }
        }
    }

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
        Map<Cell, int[]> cells = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + Cell.COLUMNS + ", " + String.join(", ", Sums.COLUMNS)
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
                    cells.put(Cell.read(rows, 1), zero ? null : sums);
                }
            }
        }
        Map<Refusal, Integer> refusals = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + Cell.COLUMNS
                + ", refusal_ground_id, refused FROM statistics_refusal WHERE version > ?")) {
            select.setLong(1, since);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    int refused = rows.getInt(9);
                    refusals.put(new Refusal(Cell.read(rows, 1), rows.getLong(8)), refused == 0 ? null : refused);
                }
            }
        }
        Map<Overdue, Integer> overdue = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + Cell.COLUMNS
                + ", overdue_from, cases FROM statistics_overdue WHERE version > ?")) {
            select.setLong(1, since);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    int cases = rows.getInt(9);
                    overdue.put(new Overdue(Cell.read(rows, 1), rows.getObject(8, LocalDate.class)), cases == 0 ? null : cases);
                }
            }
        }
        if (previous == null) {
            return new Snapshot(version, Rows.<Cell, int[]>none().with(cells), Rows.<Refusal, Integer>none().with(refusals),
                    Rows.<Overdue, Integer>none().with(overdue));
        }
        return new Snapshot(version, previous.cells().with(cells), previous.refusals().with(refusals),
                previous.overdue().with(overdue));
    }
}
