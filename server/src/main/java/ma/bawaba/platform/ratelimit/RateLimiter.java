package ma.bawaba.platform.ratelimit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import ma.bawaba.platform.problem.DomainException;

/**
 * Fixed-window counters kept in the database, so that a limit that stops guessing holds across every instance
 * (PRODUCT.md, "Running"). One upsert and one read per hit, in their own transaction so that a hit counts even when
 * the request then fails.
 */
@ApplicationScoped
public class RateLimiter {

    private final EntityManager entityManager;
    private final Clock clock;

    RateLimiter(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** The state after a hit, for the RateLimit headers. */
    public record Quota(int limit, int remaining, long resetSeconds, long windowSeconds) {

        public String header() {
            return "limit=" + limit + ", remaining=" + remaining + ", reset=" + resetSeconds;
        }

        public String policy() {
            return limit + ";w=" + windowSeconds;
        }
    }

    /** Counts one hit on the bucket; past the limit, a 429 that says when to retry. */
    public Quota hit(String bucket, int limit, Duration window) {
        long windowSeconds = Math.max(1, window.toSeconds());
        long now = clock.instant().getEpochSecond();
        Object[] row = QuarkusTransaction.requiringNew().call(() -> {
            // A window opens at a bucket's first hit and lasts windowSeconds. MariaDB applies the assignments left
            // to right, so window_start is reset exactly when hits was.
            entityManager.createNativeQuery("""
                            INSERT INTO rate_limit_counter (bucket, window_start, hits) VALUES (?1, ?2, 1)
                            ON DUPLICATE KEY UPDATE hits = IF(window_start > ?2 - ?3, hits + 1, 1),
                                                    window_start = IF(hits = 1, ?2, window_start)""")
                    .setParameter(1, bucket)
                    .setParameter(2, now)
                    .setParameter(3, windowSeconds)
                    .executeUpdate();
            return (Object[]) entityManager.createNativeQuery("SELECT hits, window_start FROM rate_limit_counter WHERE bucket = ?1")
                    .setParameter(1, bucket)
                    .getSingleResult();
        });
        int hits = ((Number) row[0]).intValue();
        long reset = Math.max(1, ((Number) row[1]).longValue() + windowSeconds - now);
        if (hits > limit) {
            throw new DomainException.TooManyRequests(reset);
        }
        return new Quota(limit, limit - hits, reset, windowSeconds);
    }
}
