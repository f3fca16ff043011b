package ma.bawaba.statistics;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ma.bawaba.platform.BawabaConfig;

/**
 * The public statistics of a filter, summed from a snapshot of the cells ({@link StatisticsCube}) in one pass: the
 * sums, the refusals by ground and the cases overdue today. No personal data is there; groups below the threshold are
 * suppressed.
 */
@ApplicationScoped
public class StatisticsQuery {

    /** The dimension of the groups, beside the service, and how many values of a key hold it. */
    public enum Dimension {
        MONTH(1), BODY(2), REGION(1), KIND(1), CATEGORY(1), SERVICE(0);

        private final int width;

        Dimension(int width) {
            this.width = width;
        }
    }

    /** What to count: every field optional but the dimensions (at least one); months inclusive. */
    public record Filter(String service, Long institutionId, Long officeId, Long regionId, String kind, Long categoryId,
                         YearMonth from, YearMonth to, List<Dimension> groupBy) {

        public Filter {
            groupBy = List.copyOf(groupBy);
        }

        /** Whether a cell is one of the filter's (stored 0 means none, so a filter on a region leaves national bodies out). */
        boolean admits(Cell cell) {
            return (service == null || service.equals(cell.service()))
                    && (institutionId == null || institutionId == cell.institutionId())
                    && (officeId == null || officeId == cell.officeId())
                    && (regionId == null || regionId == cell.regionId())
                    && (kind == null || kind.equals(cell.kind()))
                    && (categoryId == null || categoryId == cell.categoryId())
                    && (from == null || !cell.month().isBefore(from.atDay(1)))
                    && (to == null || !cell.month().isAfter(to.atDay(1)));
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

    private static final Comparator<List<Object>> KEY_ORDER = StatisticsQuery::compareKeys;

    private final AgroalDataSource dataSource;
    private final int threshold;

    StatisticsQuery(AgroalDataSource dataSource, BawabaConfig config) {
        this.dataSource = dataSource;
        this.threshold = config.statistics().suppressBelow();
    }

    /**
     * The groups of the filter in a snapshot of the figures, in the order of their keys, counting as overdue the cases
     * overdue on {@code today}; a group under the threshold is suppressed.
     */
    public List<Group> groups(Filter filter, StatisticsCube.Snapshot snapshot, LocalDate today) {
        Map<List<Object>, long[]> sums = new HashMap<>();
        snapshot.cells().forEach((cell, values) -> {
            if (filter.admits(cell)) {
                long[] group = sums.computeIfAbsent(key(filter, cell), any -> new long[Sums.SIZE]);
                for (int column = 0; column < Sums.SIZE; column++) {
                    group[column] += values[column];
                }
            }
        });
        Map<List<Object>, Map<Long, Long>> refusals = new HashMap<>();
        snapshot.refusals().forEach((refusal, refused) -> {
            if (filter.admits(refusal.cell())) {
                refusals.computeIfAbsent(key(filter, refusal.cell()), any -> new TreeMap<>())
                        .merge(refusal.groundId(), (long) refused, Long::sum);
            }
        });
        Map<List<Object>, Long> overdue = new HashMap<>();
        snapshot.overdue().forEach((late, cases) -> {
            if (!late.from().isAfter(today) && filter.admits(late.cell())) {
                overdue.merge(key(filter, late.cell()), (long) cases, Long::sum);
            }
        });
        List<List<Object>> keys = new ArrayList<>(sums.keySet());
        keys.sort(KEY_ORDER);
        List<Group> groups = new ArrayList<>(keys.size());
        for (List<Object> key : keys) {
            long[] values = sums.get(key);
            if (values[Figure.RECEIVED.ordinal()] <= 0) {
                continue;
            }
            boolean suppressed = values[Figure.RECEIVED.ordinal()] < threshold;
            Figures figures = suppressed ? null : new Figures(values, refusals.getOrDefault(key, Map.of()),
                    overdue.getOrDefault(key, 0L));
            groups.add(group(filter.groupBy(), key, figures));
        }
        return groups;
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

    /** The key of a cell's group: its service, then each dimension's values in the order asked (0 stored for none). */
    private static List<Object> key(Filter filter, Cell cell) {
        List<Object> key = new ArrayList<>(1 + 2 * filter.groupBy().size());
        key.add(cell.service());
        for (Dimension dimension : filter.groupBy()) {
            switch (dimension) {
                case MONTH -> key.add(cell.month());
                case BODY -> {
                    key.add(cell.institutionId());
                    key.add(cell.officeId());
                }
                case REGION -> key.add(cell.regionId());
                case KIND -> key.add(cell.kind());
                case CATEGORY -> key.add(cell.categoryId());
                case SERVICE -> {
                    // the service is every key's first value
                }
            }
        }
        return key;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareKeys(List<Object> left, List<Object> right) {
        for (int index = 0; index < left.size(); index++) {
            int order = ((Comparable) left.get(index)).compareTo(right.get(index));
            if (order != 0) {
                return order;
            }
        }
        return 0;
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
            column += dimension.width;
        }
        return new Group((String) key.get(0), month, institutionId, officeId, regionId, kind, categoryId, figures);
    }

    /** Stored 0 means none. */
    private static Long positive(Object value) {
        long number = ((Number) value).longValue();
        return number == 0 ? null : number;
    }
}
