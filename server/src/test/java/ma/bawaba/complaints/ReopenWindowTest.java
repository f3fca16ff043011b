package ma.bawaba.complaints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import ma.bawaba.platform.TimeSource;
import org.junit.jupiter.api.Test;

class ReopenWindowTest {

    private final ReopenWindow window = new ReopenWindow(30);

    private static Instant rabat(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, TimeSource.MOROCCO).toInstant();
    }

    @Test
    void anAnswerGivenJustBeforeMidnightMayBeReopenedUntilTheEndOfItsThirtiethDay() {
        Instant answered = rabat(2026, 3, 1, 23, 59);
        assertEquals(LocalDate.of(2026, 3, 31), window.lastDay(answered));
        assertEquals(rabat(2026, 4, 1, 0, 0), window.end(answered));
        assertTrue(window.isOpen(answered, rabat(2026, 3, 31, 23, 59)));
        assertFalse(window.isOpen(answered, rabat(2026, 4, 1, 0, 0)));
    }

    @Test
    void anAnswerGivenInTheMorningIsStillReopenableAfterThirtyTimesTwentyFourHours() {
        Instant answered = rabat(2026, 11, 2, 8, 0);
        assertTrue(window.isOpen(answered, answered.plus(Duration.ofDays(30)).plus(Duration.ofHours(15))));
        assertEquals(rabat(2026, 12, 3, 0, 0), window.end(answered));
    }

    @Test
    void theDaysAreMoroccosEvenAcrossItsRamadanChangeOfOffset() {
        // Morocco is at UTC+0 during Ramadan (mid-February to late March 2026) and at UTC+1 outside it: 30×24 hours
        // after 00:30 on 1 February end at 23:30 on 2 March, before the 30th day has even begun.
        Instant answered = rabat(2026, 2, 1, 0, 30);
        assertEquals(LocalDate.of(2026, 3, 3), window.lastDay(answered));
        assertEquals(rabat(2026, 3, 4, 0, 0), window.end(answered));
        assertTrue(window.isOpen(answered, answered.plus(Duration.ofDays(30))));
    }

    @Test
    void theClosingJobsCutoffClaimsExactlyTheAnswersWhoseWindowHasEnded() {
        Instant answered = rabat(2025, 12, 1, 0, 0);
        for (int step = 0; step < 12_000; step++, answered = answered.plus(Duration.ofMinutes(47))) {
            Instant end = window.end(answered);
            for (Instant now : new Instant[] {end.minusNanos(1_000), end, end.plusNanos(1_000), end.minus(Duration.ofDays(1))}) {
                assertEquals(!window.isOpen(answered, now), answered.isBefore(window.closedForAnswersBefore(now)),
                        "answered " + answered + ", now " + now);
            }
        }
    }
}
