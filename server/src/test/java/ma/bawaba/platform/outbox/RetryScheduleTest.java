package ma.bawaba.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The documented retry schedule: doubling from 30 s, capped at 6 h, jittered in the upper half, 12 attempts. */
class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(6), 12);

    @Test
    void waitsDoubleUntilTheCap() {
        assertEquals(Duration.ofSeconds(30), schedule.ceiling(1));
        assertEquals(Duration.ofMinutes(1), schedule.ceiling(2));
        assertEquals(Duration.ofMinutes(64), schedule.ceiling(8));
        assertEquals(Duration.ofMinutes(256), schedule.ceiling(10));
        assertEquals(Duration.ofHours(6), schedule.ceiling(11));
        assertEquals(Duration.ofHours(6), schedule.ceiling(40));
    }

    @Test
    void everyWaitIsJitteredBetweenHalfAndAllOfItsCeiling() {
        for (int failures = 1; failures <= 12; failures++) {
            Duration ceiling = schedule.ceiling(failures);
            for (int i = 0; i < 200; i++) {
                Duration delay = schedule.delayAfter(failures);
                assertTrue(delay.compareTo(ceiling.dividedBy(2)) >= 0 && delay.compareTo(ceiling) <= 0, delay + " after " + failures);
            }
        }
    }

    @Test
    void aMessageIsGivenUpAfterItsLastAttempt() {
        assertTrue(schedule.allowsAnotherAfter(11));
        assertFalse(schedule.allowsAnotherAfter(12));
    }
}
