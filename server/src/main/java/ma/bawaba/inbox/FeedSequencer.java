package ma.bawaba.inbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import ma.bawaba.platform.database.Batches;

/**
 * Keeps the change feed a second behind the changes (every {@code bawaba.inbox.sequence-every}), batch after batch
 * until the backlog is empty, whether or not anyone reads the feed. Safe on several instances: one sequences at a time
 * ({@link FeedSequencing}).
 */
@ApplicationScoped
public class FeedSequencer {

    private final FeedSequencing sequencing;

    FeedSequencer(FeedSequencing sequencing) {
        this.sequencing = sequencing;
    }

    @Scheduled(every = "${bawaba.inbox.sequence-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sequenceAll();
    }

    /** Places every event waiting; answers how many. */
    public int sequenceAll() {
        return Batches.drain("case events placed in the change feed", sequencing::sequenceBatch);
    }
}
