package ma.bawaba.platform.database;

import java.util.function.IntSupplier;
import org.jboss.logging.Logger;

/**
 * How a scheduled job works through what is due, written once: batch after batch (each its own transaction, its
 * rows claimed with SKIP LOCKED, so that several instances may run the job at once), until a batch finds nothing.
 */
public final class Batches {

    private static final Logger LOG = Logger.getLogger(Batches.class);

    private Batches() {
    }

    /**
     * Runs {@code batch} (which answers how many items it handled) until it handles none; returns the total. A batch
     * that lost a race (a Galera certification failure, a deadlock that outlasted its retries) rolled back as a
     * whole: what it held is handled by the next run, here or on another instance.
     */
    public static int drain(String what, IntSupplier batch) {
        int total = 0;
        int handled;
        do {
            try {
                handled = batch.getAsInt();
            } catch (RuntimeException conflict) {
                LOG.warnf("A batch of %s could not be handled now: %s", what, conflict.toString());
                break;
            }
            total += handled;
        } while (handled > 0);
        if (total > 0) {
            LOG.infof("Handled %d %s", total, what);
        }
        return total;
    }
}
