package ma.bawaba.platform.database;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jboss.logging.Logger;

/**
 * The one place where a write transaction begins, commits, and — when the database gave up on it because of a
 * conflict with another transaction — is run again from the start. MariaDB reports an InnoDB deadlock as error 1213
 * (SQLState 40001) and a lock wait that timed out as 1205; a Galera cluster reports a write set that lost
 * certification against another node's as the same 1213, at any statement or at COMMIT. In each case the whole
 * transaction was rolled back, so running it again is safe: it re-reads everything it depends on, and whatever it
 * creates (a case and its idempotency record) commits together or not at all.
 */
public final class Transactions {

    private static final Logger LOG = Logger.getLogger(Transactions.class);

    /** Attempts in all, the first included; then the conflict is the caller's (a 503 with Retry-After). */
    static final int MAX_ATTEMPTS = 6;
    /** Upper bound of the first pause; each retry doubles it, with full jitter, so that rivals do not meet again. */
    private static final long FIRST_PAUSE_MICROS = 2_000;
    /** The unique index of values drawn at random, whose clash a new draw resolves. */
    private static final String REDRAWN_ON_CLASH = "uq_case_number";

    private Transactions() {
    }

    /**
     * Runs {@code work} in a transaction of its own, retried whole on a transient conflict. Inside a transaction
     * that is already active, it simply joins it: only the outermost transaction can be retried.
     */
    public static <T> T write(Callable<T> work) {
        if (QuarkusTransaction.isActive()) {
            return call(work);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(work);
            } catch (RuntimeException failure) {
                if (!isTransient(failure) || attempt == MAX_ATTEMPTS) {
                    if (isTransient(failure)) {
                        throw new TransientConflict(failure);
                    }
                    throw failure;
                }
                LOG.debugf("Transient conflict on attempt %d, retrying: %s", attempt, rootMessage(failure));
                pause(attempt);
            }
        }
    }

    /** As {@link #write(Callable)}, for work that returns nothing. */
    public static void write(Runnable work) {
        write(() -> {
            work.run();
            return null;
        });
    }

    /** Whether the database rolled the transaction back for a conflict that running it again may not meet. */
    public static boolean isTransient(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof SQLException sql && isTransient(sql)) {
                return true;
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                if (isTransient(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isTransient(SQLException sql) {
        for (SQLException next = sql; next != null; next = next.getNextException()) {
            int code = next.getErrorCode();
            // A case number drawn at random that another case already has (about one in a million draws at a
            // million cases a year): running the transaction again draws another. The unique index is the check.
            if (code == 1062 && String.valueOf(next.getMessage()).contains(REDRAWN_ON_CLASH)) {
                return true;
            }
            // 1213 deadlock / Galera certification failure, 1205 lock wait timeout; 40001 is the SQL standard's
            // "serialization failure", which the driver also reports for both.
            if (code == 1213 || code == 1205 || "40001".equals(next.getSQLState())) {
                return true;
            }
            if (next.getNextException() == next) {
                break;
            }
        }
        return false;
    }

    private static <T> T call(Callable<T> work) {
        try {
            return work.call();
        } catch (RuntimeException | Error failure) {
            throw failure;
        } catch (Exception checked) {
            throw new IllegalStateException(checked);
        }
    }

    private static void pause(int attempt) {
        long bound = FIRST_PAUSE_MICROS << (attempt - 1);
        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(ThreadLocalRandom.current().nextLong(bound / 2, bound)));
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /** The conflict outlived every retry: the request may be sent again as it was (503 with Retry-After). */
    public static final class TransientConflict extends RuntimeException {
        public TransientConflict(Throwable cause) {
            super("The database kept refusing the transaction for conflicts with concurrent ones", cause, false, false);
        }
    }
}
