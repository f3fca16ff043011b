package ma.bawaba.statistics;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import ma.bawaba.platform.database.Batches;

/**
 * Follows the case events into the statistics a few seconds behind them (every {@code bawaba.statistics.count-every}),
 * batch after batch until the backlog is empty. Safe on several instances: one counts at a time.
 */
@ApplicationScoped
public class StatisticsJob {

    private final StatisticsCounting counting;

    StatisticsJob(StatisticsCounting counting) {
        this.counting = counting;
    }

    @Scheduled(every = "${bawaba.statistics.count-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        countAll();
    }

    /** Counts the whole backlog; answers how many events it counted. */
    public int countAll() {
        return Batches.drain("case events counted into the statistics", counting::countBatch);
    }
}
