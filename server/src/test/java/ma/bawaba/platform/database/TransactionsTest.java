package ma.bawaba.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A write that the database rolls back for a conflict is run again whole, and only such a write. */
@QuarkusTest
class TransactionsTest {

    @Inject
    EntityManager entityManager;

    @Test
    void deadlocksLockWaitTimeoutsAndCertificationFailuresAreTransientAndNothingElseIs() {
        assertTrue(Transactions.isTransient(new RuntimeException(new SQLTransactionRollbackException("Deadlock", "40001", 1213))));
        assertTrue(Transactions.isTransient(new IllegalStateException(new SQLException("Lock wait timeout", "HY000", 1205))));
        assertTrue(Transactions.isTransient(new SQLException("WSREP detected deadlock/conflict", "40001", 1213)));
        assertFalse(Transactions.isTransient(new SQLException("Duplicate entry 'k' for key 'uq_idempotency'", "23000", 1062)));
        // A case number drawn twice is drawn again.
        assertTrue(Transactions.isTransient(new SQLException("Duplicate entry 'CP-2026-AAAA-AAAA' for key 'uq_case_number'", "23000", 1062)));
        assertFalse(Transactions.isTransient(new IllegalArgumentException("no database involved")));
    }

    @Test
    void twoTransactionsThatDeadlockBothCommitInTheEnd() throws Exception {
        String first = "test:" + UUID.randomUUID();
        String second = "test:" + UUID.randomUUID();
        Transactions.write(() -> {
            insert(first);
            insert(second);
        });
        CyclicBarrier bothHoldOneRow = new CyclicBarrier(2);
        AtomicInteger attempts = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // Each locks one row, waits until the other holds the other row, then asks for it: InnoDB kills one.
            List<Future<Object>> both = List.of(
                    threads.submit(() -> crosswise(first, second, bothHoldOneRow, attempts)),
                    threads.submit(() -> crosswise(second, first, bothHoldOneRow, attempts)));
            for (Future<Object> done : both) {
                done.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertTrue(attempts.get() >= 3, "one of the two was retried, attempts: " + attempts.get());
        assertEquals(3, hits(first));
        assertEquals(3, hits(second));
    }

    @Test
    void aFailureThatIsNotAConflictIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThrows(IllegalStateException.class, () -> Transactions.write(() -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("a bug, not a conflict");
        }));
        assertEquals(1, attempts.get());
    }

    private Object crosswise(String mine, String theirs, CyclicBarrier barrier, AtomicInteger attempts) {
        return Transactions.write(() -> {
            int attempt = attempts.incrementAndGet();
            bump(mine);
            if (attempt <= 2) {
                barrier.await(10, TimeUnit.SECONDS);
            }
            bump(theirs);
            return null;
        });
    }

    private void insert(String bucket) {
        entityManager.createNativeQuery("INSERT INTO rate_limit_hit (bucket, window_start, shard, hits, expires_at) VALUES (?1, 0, 0, 1, 0)")
                .setParameter(1, bucket).executeUpdate();
    }

    private void bump(String bucket) {
        entityManager.createNativeQuery("UPDATE rate_limit_hit SET hits = hits + 1 WHERE bucket = ?1")
                .setParameter(1, bucket).executeUpdate();
    }

    private int hits(String bucket) {
        return Transactions.write(() -> ((Number) entityManager
                .createNativeQuery("SELECT hits FROM rate_limit_hit WHERE bucket = ?1").setParameter(1, bucket)
                .getSingleResult()).intValue());
    }
}
