package ma.bawaba.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
import ma.bawaba.statistics.StatisticsQuery.Figures;
import ma.bawaba.statistics.StatisticsQuery.Filter;
import ma.bawaba.statistics.StatisticsQuery.Group;
import ma.bawaba.statistics.StatisticsQuery.Progress;

/**
 * The answers of the public statistics, named by the version of the figures. The figures change only when a batch of
 * the counting job commits (it adds one to the version in that transaction) and "overdue" only when the day turns,
 * so an answer at (version, day) stays exact until either moves. Each request reads the version (one row by its key)
 * and brings the cells in memory up to it ({@link StatisticsCube}) when a batch has committed since; its
 * {@link Answer#tag} names the answer before anything is computed, so that a kept copy (the client's, or the one the
 * resource keeps) is used without counting again. Every instance reads the same version, so they agree.
 */
@ApplicationScoped
public class StatisticsAnswers {

    /** The figures of a filter as computed. */
    public record Report(Filter filter, int suppressionThreshold, Instant countedUpTo, List<Group> groups) {
    }

    /** A body of the ranking, with its answers in the months asked. */
    public record RankedBody(int rank, Long institutionId, Long officeId, long responded, long respondedOnTime, Integer medianDays) {

        public double onTimeShare() {
            return (double) respondedOnTime / responded;
        }
    }

    /** The answer to a filter as of one version of the figures and one day, not computed until asked for. */
    public final class Answer {

        private final Filter filter;
        private final Progress progress;
        private final StatisticsCube.Snapshot snapshot;
        private final LocalDate today;

        private Answer(Filter filter, Progress progress, StatisticsCube.Snapshot snapshot, LocalDate today) {
            this.filter = filter;
            this.progress = progress;
            this.snapshot = snapshot;
            this.today = today;
        }

        /** Names this answer in a representation: the same while its figures are (a weak entity tag). */
        public String tag(String representation) {
            return Digests.sha256Hex((snapshot.version() + "|" + today + "|" + representation + "|" + filter)
                    .getBytes(StandardCharsets.UTF_8)).substring(0, 32);
        }

        /** Every change committed before this time is counted (it moves on while the figures stay the same). */
        public Instant countedUpTo() {
            return progress.countedUpTo();
        }

        public Report report() {
            return new Report(filter, threshold, progress.countedUpTo(), query.groups(filter, snapshot, today));
        }

        /** The bodies of the filter's one service by their share of responses on time, best first; those under the threshold left out. */
        public List<RankedBody> ranking() {
            List<RankedBody> bodies = new ArrayList<>();
            for (Group group : report().groups()) {
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
                ranked.add(new RankedBody(index + 1, body.institutionId(), body.officeId(), body.responded(),
                        body.respondedOnTime(), body.medianDays()));
            }
            return ranked;
        }
    }

    private final StatisticsQuery query;
    private final StatisticsCube cube;
    private final Clock clock;
    private final int threshold;

    StatisticsAnswers(StatisticsQuery query, StatisticsCube cube, Clock clock, BawabaConfig config) {
        this.query = query;
        this.cube = cube;
        this.clock = clock;
        this.threshold = config.statistics().suppressBelow();
    }

    public Answer answer(Filter filter) {
        Progress progress = query.progress();
        return new Answer(filter, progress, cube.atLeast(progress.version()), TimeSource.today(clock));
    }

    /** The answer whose {@link Answer#ranking()} ranks the bodies of one service in the months asked. */
    public Answer ranking(String service, YearMonth from, YearMonth to) {
        return answer(new Filter(service, null, null, null, null, null, from, to, List.of(Dimension.BODY)));
    }
}
