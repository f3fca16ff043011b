package ma.bawaba.documents;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import ma.bawaba.platform.database.Batches;

/**
 * Expires the orders not paid in time (48 hours by default, PRODUCT.md). Safe on several instances at once: each
 * batch claims its rows with SKIP LOCKED, and one instance never overlaps itself.
 */
@ApplicationScoped
public class UnpaidOrderExpiry {

    private final DocumentOrders orders;

    UnpaidOrderExpiry(DocumentOrders orders) {
        this.orders = orders;
    }

    @Scheduled(every = "${bawaba.documents.expire-every:5m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        expireDue();
    }

    /** Expires every order whose time to pay is over, batch after batch; returns how many. */
    public int expireDue() {
        return Batches.drain("unpaid document orders whose time to pay was over", orders::expireUnpaidBatch);
    }
}
