package ma.bawaba.platform.ratelimit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import ma.bawaba.platform.problem.DomainException;
import org.jboss.logging.Logger;

/**
 * Fixed-window limits counted in the database, so that a limit holds across every instance (PRODUCT.md, "Running").
 *
 * <p>A hit is one upsert and one read, on a connection of its own in autocommit mode, outside any transaction of the
 * request: counting never holds a lock while a case is created, and a counting conflict can never roll back (nor
 * fail) the request. Each instance writes only shard rows of its own (a random base drawn at start, plus a few rows
 * so that its own threads rarely queue on one row lock); the count of a window is the sum of every instance's
 * shards. Two instances on two Galera nodes therefore never update the same counter row, which is what made
 * submissions fail certification. Should counting fail anyway, the request goes on uncounted: a limit that fails a
 * request because two nodes counted at once is worse than no limit.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    /** Rows per instance, bucket and window: a few, so that this instance's concurrent hits rarely wait on a row. */
    static final int SHARDS_PER_INSTANCE = 4;
    /** This instance's own shard rows start here: one of 2^28 bases, so that two instances practically never share. */
    private static final int INSTANCE_BASE = new SecureRandom().nextInt(1 << 28) * SHARDS_PER_INSTANCE;

    private final AgroalDataSource dataSource;
    private final Clock clock;

    RateLimiter(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
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
        // Outside any transaction of the caller's: a connection taken inside one would be enlisted in it.
        Map<String, Long> counts = QuarkusTransaction.suspendingExisting().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                add(connection, limits, windows);
                return counts(connection, limits, windows);
            } catch (SQLException countingFailed) {
                LOG.warnf("Rate-limit counting failed (%s); this hit is let through uncounted", countingFailed.getMessage());
                return null;
            }
        });
        if (counts == null) {
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

    private static void add(Connection connection, List<Limit> limits, Map<Limit, Long> windows) throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO rate_limit_hit (bucket, window_start, shard, hits, expires_at) VALUES ");
        for (int i = 0; i < limits.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, 1, ?)");
        }
        sql.append(" ON DUPLICATE KEY UPDATE hits = hits + 1");
        try (PreparedStatement upsert = connection.prepareStatement(sql.toString())) {
            int position = 1;
            for (Limit limit : limits) {
                long start = windows.get(limit);
                upsert.setString(position++, limit.bucket());
                upsert.setLong(position++, start);
                upsert.setInt(position++, INSTANCE_BASE + ThreadLocalRandom.current().nextInt(SHARDS_PER_INSTANCE));
                upsert.setLong(position++, start + limit.windowSeconds());
            }
            upsert.executeUpdate();
        }
    }

    private static Map<String, Long> counts(Connection connection, List<Limit> limits, Map<Limit, Long> windows)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT bucket, SUM(hits) FROM rate_limit_hit WHERE ");
        for (int i = 0; i < limits.size(); i++) {
            sql.append(i == 0 ? "" : " OR ").append("(bucket = ? AND window_start = ?)");
        }
        Map<String, Long> counts = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(sql.append(" GROUP BY bucket").toString())) {
            int position = 1;
            for (Limit limit : limits) {
                select.setString(position++, limit.bucket());
                select.setLong(position++, windows.get(limit));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return counts;
    }

    /** Deletes the rows of windows that have ended, a batch at a time (any instance may run this at once). */
    public int purgeEnded(int batchSize) {
        long now = clock.instant().getEpochSecond();
        int total = 0;
        int deleted;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM rate_limit_hit WHERE expires_at < ? LIMIT " + batchSize)) {
                delete.setLong(1, now);
                do {
                    deleted = delete.executeUpdate();
                    total += deleted;
                } while (deleted == batchSize);
            }
        } catch (SQLException purgeFailed) {
            LOG.warnf("Purging ended rate-limit windows failed (%s); the next run tries again", purgeFailed.getMessage());
        }
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
