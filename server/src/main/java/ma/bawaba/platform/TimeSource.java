package ma.bawaba.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The one clock of the application, so that deadlines and expiry are testable without waiting.
 * Calendar dates are taken in Morocco's time zone, whatever the server's (PRODUCT.md: deadlines).
 */
@ApplicationScoped
public class TimeSource {

    public static final ZoneId MOROCCO = ZoneId.of("Africa/Casablanca");

    /** Today's calendar date in Morocco by this clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(MOROCCO));
    }

    /** The calendar date in Morocco of an instant. */
    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, MOROCCO);
    }

    /**
     * The first instant of a calendar day in Morocco. A window of days ends at the start of the day after its last
     * one (PRODUCT.md: at the end of the last day, not N×24 hours after the minute of the event).
     */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(MOROCCO).toInstant();
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.system(MOROCCO);
    }
}
