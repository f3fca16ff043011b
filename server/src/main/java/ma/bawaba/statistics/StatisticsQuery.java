package ma.bawaba.statistics;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import ma.bawaba.platform.BawabaConfig;

/**
 * Reads the public statistics from the sums the counting job keeps ({@code statistics_cell}, {@code statistics_refusal})
 * and the overdue cases from the per-case rows ({@code case_statistics}, by their overdue date): a few thousand rows
 * at most, whatever the number of cases. No personal data is read; groups below the threshold are suppressed.
 */
@ApplicationScoped
public class StatisticsQuery {

    /** The dimension of the groups, beside the service, and the columns that hold it. */
    public enum Dimension {
        MONTH("month"), BODY("institution_id", "office_id"), REGION("region_id"), KIND("kind"), CATEGORY("category_id"), SERVICE;

        private final List<String> columns;

        Dimension(String... columns) {
            this.columns = List.of(columns);
        }
    }

    /** What to count: every field optional but the dimensions (at least one); months inclusive. */
    public record Filter(String service, Long institutionId, Long officeId, Long regionId, String kind, Long categoryId,
                         YearMonth from, YearMonth to, List<Dimension> groupBy) {

        public Filter {
            groupBy = List.copyOf(groupBy);
        }
    }

    /** One group: its service and dimension value (absent parts null), and its figures unless suppressed. */
    public record Group(String service, YearMonth month, Long institutionId, Long officeId, Long regionId, String kind,
                        Long categoryId, Figures figures) {

        public boolean suppressed() {
            return figures == null;
        }
    }

    /** The sums of a group, read by figure; durations as quantiles of the histogram. */
    public record Figures(long[] sums, Map<Long, Long> refusedByGround, long overdue) {

        long count(Figure figure) {
            return sums[figure.ordinal()];
        }

        public Integer medianDays() {
            return Durations.quantile(buckets(), 0.5);
        }

        public Integer p90Days() {
            return Durations.quantile(buckets(), 0.9);
        }

        /** The mean over the responses whose duration was recorded. */
        public Double averageDays() {
            long timed = 0;
            for (long count : buckets()) {
                timed += count;
            }
            return timed == 0 ? null : (double) sums[Sums.DAYS_TOTAL] / timed;
        }

        private long[] buckets() {
            long[] buckets = new long[Durations.BUCKETS];
            System.arraycopy(sums, Sums.FIRST_BUCKET, buckets, 0, Durations.BUCKETS);
            return buckets;
        }
    }

    /** The version of the figures (one more for each batch of the counting job that changed one) and its progress. */
    public record Progress(long version, Instant countedUpTo) {
    }

    private static final String SUMS = Sums.COLUMNS.stream().map(column -> "SUM(" + column + ")").collect(Collectors.joining(", "));

    private final AgroalDataSource dataSource;
    private final int threshold;

    StatisticsQuery(AgroalDataSource dataSource, BawabaConfig config) {
        this.dataSource = dataSource;
        this.threshold = config.statistics().suppressBelow();
    }

    /**
     * The groups of the filter, counted against {@code today} for "overdue" (not suppressed yet: see
     * {@link StatisticsAnswers}, which keeps them by the version of the figures).
     */
    public List<Group> groups(Filter filter, LocalDate today) {
        List<Object> parameters = new ArrayList<>();
        List<String> filtered = new ArrayList<>();
        String where = where(filter, parameters, filtered);
        List<String> keys = new ArrayList<>();
        keys.add("service");
        filter.groupBy().forEach(dimension -> keys.addAll(dimension.columns));
        List<String> needed = new ArrayList<>(keys);
        needed.addAll(filtered);
        Grain grain = Grain.holding(needed);
        String groupBy = String.join(", ", keys);
        Map<List<Object>, long[]> sums = new LinkedHashMap<>();
        Map<List<Object>, Map<Long, Long>> refusals = new LinkedHashMap<>();
        Map<List<Object>, Long> overdue = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            query(connection, "SELECT " + groupBy + ", " + SUMS + " FROM " + grain.table + where + " GROUP BY " + groupBy
                    + " HAVING SUM(received) > 0 ORDER BY " + groupBy, parameters, keys.size(), (key, rows) -> {
                long[] values = new long[Sums.SIZE];
                for (int column = 0; column < Sums.SIZE; column++) {
                    values[column] = rows.getLong(keys.size() + 1 + column);
                }
                sums.put(key, values);
            });
            query(connection, "SELECT " + groupBy + ", refusal_ground_id, SUM(refused) FROM statistics_refusal" + where
                    + " GROUP BY " + groupBy + ", refusal_ground_id HAVING SUM(refused) > 0", parameters, keys.size(),
                    (key, rows) -> refusals.computeIfAbsent(key, any -> new TreeMap<>())
                            .put(rows.getLong(keys.size() + 1), rows.getLong(keys.size() + 2)));
            List<Object> overdueParameters = new ArrayList<>();
            overdueParameters.add(today);
            overdueParameters.addAll(parameters);
            query(connection, "SELECT " + groupBy + ", COUNT(*) FROM case_statistics WHERE overdue_from <= ?"
                            + where.replaceFirst("^ WHERE ", " AND ") + " GROUP BY " + groupBy, overdueParameters, keys.size(),
                    (key, rows) -> overdue.put(key, rows.getLong(keys.size() + 1)));
        } catch (SQLException failure) {
            throw new IllegalStateException("the statistics could not be read", failure);
        }
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<List<Object>, long[]> entry : sums.entrySet()) {
            long[] values = entry.getValue();
            boolean suppressed = values[Figure.RECEIVED.ordinal()] < threshold;
            Figures figures = suppressed ? null : new Figures(values, refusals.getOrDefault(entry.getKey(), Map.of()),
                    overdue.getOrDefault(entry.getKey(), 0L));
            groups.add(group(filter.groupBy(), entry.getKey(), figures));
        }
        return groups;
    }

    /** The conditions of the filter, their parameters, and the columns they read ({@code columns}). */
    private static String where(Filter filter, List<Object> parameters, List<String> columns) {
        List<String> conditions = new ArrayList<>();
        condition(conditions, parameters, columns, "service", "=", filter.service());
        condition(conditions, parameters, columns, "institution_id", "=", filter.institutionId());
        condition(conditions, parameters, columns, "office_id", "=", filter.officeId());
        condition(conditions, parameters, columns, "region_id", "=", filter.regionId());
        condition(conditions, parameters, columns, "kind", "=", filter.kind());
        condition(conditions, parameters, columns, "category_id", "=", filter.categoryId());
        condition(conditions, parameters, columns, "month", ">=", filter.from() == null ? null : filter.from().atDay(1));
        condition(conditions, parameters, columns, "month", "<=", filter.to() == null ? null : filter.to().atDay(1));
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static void condition(List<String> conditions, List<Object> parameters, List<String> columns, String column,
                                  String operator, Object value) {
        if (value != null) {
            conditions.add(column + " " + operator + " ?");
            parameters.add(value);
            columns.add(column);
        }
    }

    private interface RowReader {
        void read(List<Object> key, ResultSet rows) throws SQLException;
    }

    private static void query(Connection connection, String sql, List<Object> parameters, int keyColumns, RowReader reader)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            for (Object parameter : parameters) {
                if (parameter instanceof LocalDate day) {
                    statement.setObject(index++, day, Types.DATE);
                } else {
                    statement.setObject(index++, parameter);
                }
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    List<Object> key = new ArrayList<>(keyColumns);
                    for (int column = 1; column <= keyColumns; column++) {
                        Object value = rows.getObject(column);
                        key.add(value instanceof java.sql.Date date ? date.toLocalDate() : value);
                    }
                    reader.read(key, rows);
                }
            }
        }
    }

    /** Where the counting job stands: the version of the figures and the time up to which every change is counted. */
    public Progress progress() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT version, counted_up_to FROM statistics_progress WHERE name = 'statistics'");
             ResultSet rows = select.executeQuery()) {
            if (!rows.next()) {
                return new Progress(0, Instant.EPOCH);
            }
            return new Progress(rows.getLong(1), StatisticsCounting.instant(rows, 2));
        } catch (SQLException failure) {
            throw new IllegalStateException("the statistics could not be read", failure);
        }
    }

    /** A group from its key: the service, then each dimension's columns in the order asked. */
    private static Group group(List<Dimension> dimensions, List<Object> key, Figures figures) {
        YearMonth month = null;
        Long institutionId = null;
        Long officeId = null;
        Long regionId = null;
        String kind = null;
        Long categoryId = null;
        int column = 1;
        for (Dimension dimension : dimensions) {
            switch (dimension) {
                case MONTH -> month = YearMonth.from((LocalDate) key.get(column));
                case BODY -> {
                    institutionId = positive(key.get(column));
                    officeId = positive(key.get(column + 1));
                }
                case REGION -> regionId = positive(key.get(column));
                case KIND -> kind = (String) key.get(column);
                case CATEGORY -> categoryId = positive(key.get(column));
                case SERVICE -> {
                    // the service is every group's first key
                }
            }
            column += dimension.columns.size();
        }
        return new Group((String) key.get(0), month, institutionId, officeId, regionId, kind, categoryId, figures);
    }

    /** Stored 0 means none. */
    private static Long positive(Object value) {
        long number = ((Number) value).longValue();
        return number == 0 ? null : number;
    }
}
