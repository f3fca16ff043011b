package ma.bawaba.complaints;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import ma.bawaba.platform.database.Batches;

/**
 * Closes answered complaints whose reopen window has ended (Decree 2-17-265: an answer that is not rated, or rated
 * unsatisfied and not reopened, closes by itself at the end of the 30th day after it; a satisfied rating has closed
 * its complaint already). Safe on several instances at once: each batch claims its rows with SKIP LOCKED, and one
 * instance never overlaps itself.
 */
@ApplicationScoped
public class AnsweredComplaintClosing {

    private final Complaints complaints;

    AnsweredComplaintClosing(Complaints complaints) {
        this.complaints = complaints;
    }

    @Scheduled(every = "${bawaba.complaints.close-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        closeDue();
    }

    /** Closes every complaint that is due, batch after batch; returns how many. */
    public int closeDue() {
        return Batches.drain("answered complaints whose reopen window had ended", complaints::closeAnsweredBatch);
    }
}
