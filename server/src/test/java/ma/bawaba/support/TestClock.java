package ma.bawaba.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import ma.bawaba.platform.TimeSource;

/**
 * The application's clock in tests: the real time, moved forward by what a test asks, so that deadlines and windows
 * are tested without waiting. A test that travels must {@link #reset()} in a finally block.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private static volatile Duration offset = Duration.ZERO;

    private final ZoneId zone;

    public TestClock() {
        this(TimeSource.MOROCCO);
    }

    private TestClock(ZoneId zone) {
        this.zone = zone;
    }

    public static void travel(Duration forward) {
        offset = offset.plus(forward);
    }

    public static void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new TestClock(other);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
