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
import java.util.Objects;
import java.util.TreeMap;
import ma.bawaba.platform.BawabaConfig;

/**
 * The public statistics of a filter, summed from a snapshot of the cells ({@link StatisticsCube}) in one pass: the
 * sums, the refusals by ground and the cases overdue today. No personal data is there; groups below the threshold are
 * suppressed.
 */
@ApplicationScoped
public class StatisticsQuery {

    /** The dimension of the groups, beside the service. */
    public enum Dimension { MONTH, BODY, REGION, KIND, CATEGORY, SERVICE }

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
        Grouping grouping = new Grouping(filter.groupBy());
        Map<GroupKey, long[]> sums = new HashMap<>();
        snapshot.cells().forEach((cell, values) -> {
            if (filter.admits(cell)) {
                long[] group = sums.computeIfAbsent(grouping.key(cell), any -> new long[Sums.SIZE]);
                for (int column = 0; column < Sums.SIZE; column++) {
                    group[column] += values[column];
                }
            }
        });
        Map<GroupKey, Map<Long, Long>> refusals = new HashMap<>();
        snapshot.refusals().forEach((refusal, refused) -> {
            if (filter.admits(refusal.cell())) {
                refusals.computeIfAbsent(grouping.key(refusal.cell()), any -> new TreeMap<>())
                        .merge(refusal.groundId(), (long) refused, Long::sum);
            }
        });
        Map<GroupKey, Long> overdue = new HashMap<>();
        snapshot.overdue().forEach((late, cases) -> {
            if (!late.from().isAfter(today) && filter.admits(late.cell())) {
                overdue.merge(grouping.key(late.cell()), (long) cases, Long::sum);
            }
        });
        List<GroupKey> keys = new ArrayList<>(sums.keySet());
        keys.sort(grouping.order());
        List<Group> groups = new ArrayList<>(keys.size());
        for (GroupKey key : keys) {
            long[] values = sums.get(key);
            if (values[Figure.RECEIVED.ordinal()] <= 0) {
                continue;
            }
            boolean suppressed = values[Figure.RECEIVED.ordinal()] < threshold;
            Figures figures = suppressed ? null : new Figures(values, refusals.getOrDefault(key, Map.of()),
                    overdue.getOrDefault(key, 0L));
            groups.add(key.group(figures));
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

    /**
     * The key of a group: the service and the values of the dimensions asked for (a month as year × 12 + month − 1);
     * the others are null, or -1 for numbers (0 is stored for "none": a national body's region). Hashed with a mix of all its parts, as a few thousand keys
     * of small ids and nearby months would collide under the usual multiply-by-31.
     */
    private record GroupKey(String service, int month, long institutionId, long officeId, long regionId, String kind,
                            long categoryId) {

        private static final long MIX = 0x9E3779B97F4A7C15L;

        @Override
        public int hashCode() {
            long hash = service.hashCode();
            hash = hash * MIX + month;
            hash = hash * MIX + institutionId;
            hash = hash * MIX + officeId;
            hash = hash * MIX + regionId;
            hash = hash * MIX + (kind == null ? -1 : kind.hashCode());
            hash = hash * MIX + categoryId;
            // the finaliser of MurmurHash3: every bit of the key reaches the low bits a hash table indexes by
            hash = (hash ^ (hash >>> 33)) * 0xFF51AFD7ED558CCDL;
            hash = (hash ^ (hash >>> 33)) * 0xC4CEB9FE1A85EC53L;
            return Long.hashCode(hash ^ (hash >>> 33));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof GroupKey key && month == key.month && institutionId == key.institutionId
                    && officeId == key.officeId && regionId == key.regionId && categoryId == key.categoryId
                    && service.equals(key.service) && Objects.equals(kind, key.kind);
        }

        Group group(Figures figures) {
            return new Group(service, month < 0 ? null : YearMonth.of(month / 12, month % 12 + 1), id(institutionId), id(officeId),
                    id(regionId), kind, id(categoryId), figures);
        }

        /** Stored 0 means none; -1 not grouped by. */
        private static Long id(long value) {
            return value <= 0 ? null : value;
        }
    }

    /** The dimensions of a query: which parts of a cell make its group's key, and the order of the groups. */
    private static final class Grouping {

        private final boolean month;
        private final boolean body;
        private final boolean region;
        private final boolean kind;
        private final boolean category;
        private final Dimension[] dimensions;

        Grouping(List<Dimension> dimensions) {
            this.month = dimensions.contains(Dimension.MONTH);
            this.body = dimensions.contains(Dimension.BODY);
            this.region = dimensions.contains(Dimension.REGION);
            this.kind = dimensions.contains(Dimension.KIND);
            this.category = dimensions.contains(Dimension.CATEGORY);
            this.dimensions = dimensions.toArray(Dimension[]::new);
        }

        GroupKey key(Cell cell) {
            return new GroupKey(cell.service(), month ? cell.month().getYear() * 12 + cell.month().getMonthValue() - 1 : -1,
                    body ? cell.institutionId() : -1, body ? cell.officeId() : -1, region ? cell.regionId() : -1,
                    kind ? cell.kind() : null, category ? cell.categoryId() : -1);
        }

        /** The order of the groups: by service, then by each dimension in the order asked. */
        Comparator<GroupKey> order() {
            return this::compare;
        }

        private int compare(GroupKey left, GroupKey right) {
            int order = left.service().compareTo(right.service());
            for (int index = 0; order == 0 && index < dimensions.length; index++) {
                order = switch (dimensions[index]) {
                    case MONTH -> Integer.compare(left.month(), right.month());
                    case BODY -> left.institutionId() != right.institutionId()
                            ? Long.compare(left.institutionId(), right.institutionId())
                            : Long.compare(left.officeId(), right.officeId());
                    case REGION -> Long.compare(left.regionId(), right.regionId());
                    case KIND -> left.kind().compareTo(right.kind());
                    case CATEGORY -> Long.compare(left.categoryId(), right.categoryId());
                    case SERVICE -> 0;
                };
            }
            return order;
        }
    }
}
