package ma.bawaba.statistics;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import ma.bawaba.platform.BawabaConfig;
import ma.bawaba.platform.Digests;
import ma.bawaba.platform.TimeSource;
import ma.bawaba.statistics.StatisticsQuery.Dimension;
import ma.bawaba.statistics.StatisticsQuery.Filter;
import ma.bawaba.statistics.StatisticsQuery.Figures;
import ma.bawaba.statistics.StatisticsQuery.Group;
import ma.bawaba.statistics.StatisticsQuery.Progress;

/**
 * The answers of the public statistics, kept by the version of the figures. The figures change only when a batch of
 * the counting job commits (it adds one to the version in that transaction) and "overdue" only when the day turns,
 * so an answer computed at (version, day) stays exact until either moves: each request reads the version (one row
 * by its key), brings the cells in memory up to it ({@link StatisticsCube}) when a batch has committed since, and is
 * answered from the kept answer when nothing moved. Every instance reads the same version, so they agree.
 * Concurrent requests for an answer not kept yet wait for one computation.
 */
@ApplicationScoped
public class StatisticsAnswers {

    /** The figures of a filter as of one version and day. */
    public record Report(Filter filter, int suppressionThreshold, Instant countedUpTo, long version, LocalDate today,
                         List<Group> groups) {

        /** A weak entity tag for this answer in a representation: the same while its figures are. */
        public String tag(String representation) {
            return Digests.sha256Hex((version + "|" + today + "|" + representation + "|" + filter).getBytes(StandardCharsets.UTF_8)).substring(0, 32);
        }
    }

    /** A body of the ranking, with its answers in the months asked. */
    public record RankedBody(int rank, Long institutionId, Long officeId, long responded, long respondedOnTime, Integer medianDays) {

        public double onTimeShare() {
            return (double) respondedOnTime / responded;
        }
    }

    /** The ranking of one service's bodies as of one version and day. */
    public record Ranking(long version, LocalDate today, List<RankedBody> bodies) {

        public String tag(String service, YearMonth from, YearMonth to) {
            return Digests.sha256Hex((version + "|" + today + "|ranking|" + service + "|" + from + "|" + to).getBytes(StandardCharsets.UTF_8)).substring(0, 32);
        }
    }

    private record Key(Filter filter, long version, LocalDate today) {
    }

    private final StatisticsQuery query;
    private final StatisticsCube cube;
    private final Clock clock;
    private final int threshold;
    private final Cache<Key, List<Group>> answers;

    StatisticsAnswers(StatisticsQuery query, StatisticsCube cube, Clock clock, BawabaConfig config) {
        this.query = query;
        this.cube = cube;
        this.clock = clock;
        this.threshold = config.statistics().suppressBelow();
        this.answers = Caffeine.newBuilder()
                // weighed by groups (about a kilobyte each): a bound on memory, not on the number of answers
                .maximumWeight(config.statistics().keepGroups())
                .<Key, List<Group>>weigher((key, groups) -> groups.size() + 1)
                // an answer of an older version is never asked for again; it goes when it has not been read for a while
                .expireAfterAccess(Duration.ofMinutes(10))
                .build();
    }

    public Report report(Filter filter) {
        Progress progress = query.progress();
        StatisticsCube.Snapshot snapshot = cube.atLeast(progress.version());
        LocalDate today = TimeSource.today(clock);
        List<Group> groups = answers.get(new Key(filter, snapshot.version(), today), key -> query.groups(filter, snapshot, today));
        return new Report(filter, threshold, progress.countedUpTo(), snapshot.version(), today, groups);
    }

    /** The bodies of one service by their share of responses on time, best first; those under the threshold left out. */
    public Ranking ranking(String service, YearMonth from, YearMonth to) {
        Report report = report(new Filter(service, null, null, null, null, null, from, to, List.of(Dimension.BODY)));
        List<RankedBody> bodies = new ArrayList<>();
        for (Group group : report.groups()) {
            Figures figures = group.figures();
            if (group.suppressed() || figures.count(Figure.RESPONDED) < threshold) {
                continue;
            }
            bodies.add(new RankedBody(0, group.institutionId(), group.officeId(), figures.count(Figure.RESPONDED),
                    figures.count(Figure.RESPONDED_ON_TIME), figures.medianDays()));
        }
        bodies.sort(Comparator.comparingDouble(RankedBody::onTimeShare).reversed()
                .thenComparing(Comparator.comparingLong(RankedBody::responded).reversed())
                .thenComparingLong(body -> body.institutionId() != null ? body.institutionId() : body.officeId()));
        List<RankedBody> ranked = new ArrayList<>(bodies.size());
        for (int index = 0; index < bodies.size(); index++) {
            RankedBody body = bodies.get(index);
            ranked.add(new RankedBody(index + 1, body.institutionId(), body.officeId(), body.responded(), body.respondedOnTime(),
                    body.medianDays()));
        }
        return new Ranking(report.version(), report.today(), ranked);
    }
}
