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
        long windowStart = now - Math.floorMod(now, windowSeconds);
        long reset = windowStart + windowSeconds - now;
        int hits = QuarkusTransaction.requiringNew().call(() -> {
            // MariaDB applies the assignments left to right: hits is computed against the old window_start.
            entityManager.createNativeQuery("""
                            INSERT INTO rate_limit_counter (bucket, window_start, hits) VALUES (?1, ?2, 1)
                            ON DUPLICATE KEY UPDATE hits = IF(window_start = VALUES(window_start), hits + 1, 1),
                                                    window_start = VALUES(window_start)""")
                    .setParameter(1, bucket)
                    .setParameter(2, windowStart)
                    .executeUpdate();
            return ((Number) entityManager.createNativeQuery("SELECT hits FROM rate_limit_counter WHERE bucket = ?1")
                    .setParameter(1, bucket)
                    .getSingleResult()).intValue();
        });
        if (hits > limit) {
            throw new DomainException.TooManyRequests(reset);
        }
        return new Quota(limit, limit - hits, reset, windowSeconds);
    }
}
