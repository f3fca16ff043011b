package ma.bawaba.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;

/**
 * The one clock of the application, so that deadlines and expiry are testable without waiting.
 * Calendar dates are taken in Morocco's time zone, whatever the server's (PRODUCT.md: deadlines).
 */
@ApplicationScoped
public class TimeSource {

    public static final ZoneId MOROCCO = ZoneId.of("Africa/Casablanca");

    @Produces
    @Singleton
    Clock clock() {
        return Clock.system(MOROCCO);
    }
}
