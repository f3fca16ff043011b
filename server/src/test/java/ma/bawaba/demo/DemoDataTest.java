package ma.bawaba.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Optional;
import ma.bawaba.platform.database.BawabaMain;
import org.junit.jupiter.api.Test;

/** The start-up banner shows the keys the demo made, and never a key an operator configured. */
class DemoDataTest {

    @Test
    void theBannerShowsTheDemosOwnAdministratorKey() {
        assertEquals(BawabaMain.DEMO_ADMIN_KEY, DemoData.adminKey(Optional.of(BawabaMain.DEMO_ADMIN_KEY)));
    }

    @Test
    void theBannerNeverShowsAConfiguredAdministratorKey() {
        String configured = "bwb_prodadmn_ConfiguredInProduction000000000";
        String shown = DemoData.adminKey(Optional.of(configured));
        assertFalse(shown.contains(configured));
        assertFalse(shown.contains("ConfiguredInProduction"));
    }
}
