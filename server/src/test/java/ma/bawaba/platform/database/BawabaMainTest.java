package ma.bawaba.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The demo's public credentials work on this machine only, and never replace what the operator configured. */
class BawabaMainTest {

    @Test
    void theDemoListensOnThisMachineOnly() {
        Map<String, String> settings = BawabaMain.demoSettings(Map.of(), new Properties());
        assertEquals("127.0.0.1", settings.get("quarkus.http.host"));
        assertEquals(BawabaMain.DEMO_ADMIN_KEY, settings.get("bawaba.security.bootstrap-admin-key"));
        assertEquals("true", settings.get("bawaba.demo.enabled"));
    }

    @Test
    void aHostTheOperatorSetsIsKept() {
        assertFalse(BawabaMain.demoSettings(Map.of("QUARKUS_HTTP_HOST", "0.0.0.0"), new Properties())
                .containsKey("quarkus.http.host"));
        Properties system = new Properties();
        system.setProperty("quarkus.http.host", "10.0.0.5");
        assertFalse(BawabaMain.demoSettings(Map.of(), system).containsKey("quarkus.http.host"));
    }

    @Test
    void anAdministratorKeyTheOperatorSetsIsKept() {
        Map<String, String> settings = BawabaMain.demoSettings(
                Map.of("BAWABA_BOOTSTRAP_ADMIN_KEY", "bwb_prodadmn_ConfiguredInProduction000000000"), new Properties());
        assertFalse(settings.containsKey("bawaba.security.bootstrap-admin-key"));
        assertEquals("127.0.0.1", settings.get("quarkus.http.host"));
    }
}
