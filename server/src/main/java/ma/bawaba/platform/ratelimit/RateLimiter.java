package ma.bawaba.platform.ratelimit;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import ma.bawaba.platform.database.Transactions;
import ma.bawaba.platform.problem.DomainException;
import org.jboss.logging.Logger;

/**
 * Fixed-window limits counted in the database, so that a limit holds across every instance (PRODUCT.md, "Running").
 * One hit is one upsert of a random shard row of each bucket's current window, and the count is the sum of the
 * window's shards: requests of one bucket rarely touch the same row, so they neither queue on a hot row lock nor,
 * on a Galera cluster, fail certification against each other. Both statements run in the caller's transaction when
 * there is one (a submission counts only if it is created), else in their own.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    /** Rows per bucket and window; a power of two above the cores that write at once on one node. */
    static final int SHARDS = 16;

    private final EntityManager entityManager;
    private final Clock clock;

    RateLimiter(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** A limit: at most {@code max} hits on {@code bucket} per {@code window}. */
    public record Limit(String bucket, int max, Duration window) {

        long windowSeconds() {
            return Math.max(1, window.toSeconds());
        }
    }

    /** The state of the tightest limit after a hit, for the RateLimit headers. */
    public record Quota(int limit, int remaining, long resetSeconds, long windowSeconds) {

        public String header() {
            return "limit=" + limit + ", remaining=" + remaining + ", reset=" + resetSeconds;
        }

        public String policy() {
            return limit + ";w=" + windowSeconds;
        }
    }

    /**
     * Counts one hit on each limit's bucket; past any limit, a 429 that says when to retry. Null when the hit could
     * not be counted (the request goes on, without RateLimit headers).
     */
    public Quota hit(Limit... limits) {
        return hit(List.of(limits));
    }

    /** As {@link #hit(Limit...)}. */
    public Quota hit(List<Limit> limits) {
        long now = clock.instant().getEpochSecond();
        Map<Limit, Long> windows = new HashMap<>();
        limits.forEach(limit -> windows.put(limit, now - Math.floorMod(now, limit.windowSeconds())));
        Map<String, Long> counts;
        try {
            counts = Transactions.write(() -> {
                add(limits, windows);
                return counts(limits, windows);
            });
        } catch (Transactions.TransientConflict countingConflict) {
            // Counting on its own lost to concurrent counts past every retry: a limit never fails a request for that.
            LOG.warn("Rate-limit counting kept conflicting; this hit is let through uncounted");
            return null;
        }
        Quota tightest = null;
        for (Limit limit : limits) {
            long hits = counts.getOrDefault(limit.bucket(), 0L);
            long reset = Math.max(1, windows.get(limit) + limit.windowSeconds() - now);
            if (hits > limit.max()) {
                throw new DomainException.TooManyRequests(reset);
            }
            Quota quota = new Quota(limit.max(), (int) (limit.max() - hits), reset, limit.windowSeconds());
            if (tightest == null || quota.remaining() < tightest.remaining()) {
                tightest = quota;
            }
        }
        return tightest;
    }

    private void add(List<Limit> limits, Map<Limit, Long> windows) {
        StringBuilder sql = new StringBuilder("INSERT INTO rate_limit_hit (bucket, window_start, shard, hits, expires_at) VALUES ");
        for (int i = 0; i < limits.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, 1, ?)");
        }
        Query upsert = entityManager.createNativeQuery(sql.append(" ON DUPLICATE KEY UPDATE hits = hits + 1").toString());
        int position = 1;
        for (Limit limit : limits) {
            long start = windows.get(limit);
            upsert.setParameter(position++, limit.bucket());
            upsert.setParameter(position++, start);
            upsert.setParameter(position++, ThreadLocalRandom.current().nextInt(SHARDS));
            upsert.setParameter(position++, start + limit.windowSeconds());
        }
        upsert.executeUpdate();
    }

    private Map<String, Long> counts(List<Limit> limits, Map<Limit, Long> windows) {
        StringBuilder sql = new StringBuilder("SELECT bucket, SUM(hits) FROM rate_limit_hit WHERE ");
        for (int i = 0; i < limits.size(); i++) {
            sql.append(i == 0 ? "" : " OR ").append("(bucket = ? AND window_start = ?)");
        }
        Query select = entityManager.createNativeQuery(sql.append(" GROUP BY bucket").toString());
        int position = 1;
        for (Limit limit : limits) {
            select.setParameter(position++, limit.bucket());
            select.setParameter(position++, windows.get(limit));
        }
        Map<String, Long> counts = new HashMap<>();
        for (Object row : select.getResultList()) {
            Object[] columns = (Object[]) row;
            counts.put((String) columns[0], ((Number) columns[1]).longValue());
        }
        return counts;
    }

    /** Deletes the rows of windows that have ended, a batch at a time (any instance may run this at once). */
    public int purgeEnded(int batchSize) {
        long now = clock.instant().getEpochSecond();
        int total = 0;
        int deleted;
        do {
            deleted = Transactions.write(() -> entityManager
                    .createNativeQuery("DELETE FROM rate_limit_hit WHERE expires_at < ?1 LIMIT " + batchSize)
                    .setParameter(1, now)
                    .executeUpdate());
            total += deleted;
        } while (deleted == batchSize);
        return total;
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        int deleted = purgeEnded(1000);
        if (deleted > 0) {
            LOG.debugf("Purged %d rate-limit rows of ended windows", deleted);
        }
    }
}
