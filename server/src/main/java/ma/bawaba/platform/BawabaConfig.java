package ma.bawaba.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Every tunable number of the platform, typed; defaults here, overrides in application.properties or the environment. */
@ConfigMapping(prefix = "bawaba")
public interface BawabaConfig {

    Security security();

    Tracking tracking();

    Paging paging();

    Idempotency idempotency();

    Demo demo();

    interface Security {
        /** A key with the ADMIN role that exists only in configuration, to create the first real keys. */
        Optional<String> bootstrapAdminKey();

        /** HMAC secret of case tokens; must be the same on every instance. */
        String caseTokenSecret();

        /** Lifetime of the token returned at submission. */
        @WithDefault("P30D")
        Duration submissionTokenTtl();
    }

    interface Tracking {
        /** Lifetime of the token returned by POST /tracking. */
        @WithDefault("PT1H")
        Duration tokenTtl();

        /** Look-ups allowed per client address and window, across all instances (they count in the database). */
        @WithDefault("10")
        int maxLookups();

        @WithDefault("PT1M")
        Duration window();
    }

    interface Paging {
        @WithDefault("20")
        int defaultLimit();

        @WithDefault("100")
        int maxLimit();
    }

    interface Idempotency {
        /** How long a stored response answers replays. */
        @WithDefault("P1D")
        Duration retention();
    }

    interface Demo {
        /** Loads demo credentials at start and prints them (on by default with the embedded database). */
        @WithDefault("false")
        boolean enabled();

        @WithDefault("bwb_demoagnt_DemoAgentKeyOfTheMinistryOfJustice01")
        String agentKey();
    }
}
