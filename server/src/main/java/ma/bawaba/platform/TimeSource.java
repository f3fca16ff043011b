package ma.bawaba.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
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

    @Produces
    @Singleton
    Clock clock() {
        return Clock.system(MOROCCO);
    }
}
