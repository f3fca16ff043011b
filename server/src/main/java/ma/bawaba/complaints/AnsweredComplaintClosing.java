package ma.bawaba.complaints;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Closes answered complaints whose reopen window has ended (Decree 2-17-265: an answer that is not rated, or rated
 * unsatisfied and not reopened, closes by itself at the end of the 30th day after it; a satisfied rating has closed
 * its complaint already). Safe on several instances at once: each batch claims its rows with SKIP LOCKED, and one
 * instance never overlaps itself.
 */
@ApplicationScoped
public class AnsweredComplaintClosing {

    private static final Logger LOG = Logger.getLogger(AnsweredComplaintClosing.class);

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
        int total = 0;
        int closed;
        do {
            try {
                closed = complaints.closeAnsweredBatch();
            } catch (RuntimeException conflict) {
                // A batch that lost a race (a Galera certification failure, a deadlock) rolled back as a whole;
                // what it held is closed by the next run, here or on another instance.
                LOG.warnf("A batch of answered complaints could not be closed now: %s", conflict.toString());
                break;
            }
            total += closed;
        } while (closed > 0);
        if (total > 0) {
            LOG.infof("Closed %d answered complaints whose reopen window had ended", total);
        }
        return total;
    }
}
