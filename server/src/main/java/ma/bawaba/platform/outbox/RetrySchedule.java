package ma.bawaba.platform.outbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed message is tried again: exponential backoff with jitter. After the n-th failed attempt the next one
 * waits a random time between half and all of {@code first × 2^(n-1)}, capped at {@code max} (so receivers that came
 * back are not hit by every sender at the same second). With the defaults (30 s first, 6 h cap, 12 attempts) the
 * upper bounds run 30 s, 1, 2, 4, 8, 16, 32, 64 min, 2 h 8, 4 h 16, 6 h: a message is given up after 7 to 15 hours
 * of failures.
 */
public record RetrySchedule(Duration first, Duration max, int maxAttempts) {

    /** The upper bound of the wait after {@code failedAttempts} failures (1 for the first failure). */
    public Duration ceiling(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        long millis = first.toMillis();
        for (int i = 0; i < doublings && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }

    /** The wait before the next attempt, jittered in [ceiling / 2, ceiling]. */
    public Duration delayAfter(int failedAttempts) {
        long ceiling = ceiling(failedAttempts).toMillis();
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }

    /** Whether another attempt is allowed after {@code attempts} in all. */
    public boolean allowsAnotherAfter(int attempts) {
        return attempts < maxAttempts;
    }
}
