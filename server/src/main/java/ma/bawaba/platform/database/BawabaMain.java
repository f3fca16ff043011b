package ma.bawaba.platform.database;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Starts Bawaba. With a database configured ({@code BAWABA_DB_URL}, or Quarkus's datasource properties) it uses
 * that server; with none, it starts the embedded MariaDB with its data under {@code BAWABA_DATA_DIR} (default
 * {@code ./data}) and turns on the demo data, so that one command runs everything on a machine with only a JDK.
 */
@QuarkusMain
public class BawabaMain {

    private static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";
    /** The demo's administrator key, published in the README: it must never work beyond this machine. */
    public static final String DEMO_ADMIN_KEY = "bwb_demoadmn_DemoAdministratorKeyChangeMeInProduction";

    public static void main(String... args) throws Exception {
        if (databaseConfigured()) {
            Quarkus.run(args);
            return;
        }
        if (!EmbeddedMariaDb.isAvailable()) {
            System.err.println("No database configured (BAWABA_DB_URL) and this build has no embedded MariaDB.");
            System.exit(2);
        }
        Path data = Path.of(setting("BAWABA_DATA_DIR", "bawaba.data-dir", "data")).toAbsolutePath();
        Path home = data.resolve("mariadb");
        int port = Integer.parseInt(setting("BAWABA_EMBEDDED_DB_PORT", "bawaba.embedded-db.port", "3307"));
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(home, port)) {
            Runtime.getRuntime().addShutdownHook(new Thread(db::close, "embedded-mariadb-stop"));
            System.setProperty(URL_PROPERTY, db.createDatabase("bawaba"));
            System.setProperty("quarkus.datasource.username", "root");
            System.setProperty("quarkus.datasource.password", "");
            if (System.getProperty("bawaba.demo.enabled") == null && System.getenv("BAWABA_DEMO_ENABLED") == null) {
                // A local demo: known credentials, printed at start. A real deployment configures a database.
                demoSettings(System.getenv(), System.getProperties()).forEach(System::setProperty);
                // No SMTP server in a demo: the e-mails to citizens become .eml files beside the database.
                if (System.getProperty("bawaba.mail.folder") == null && System.getenv("BAWABA_MAIL_FOLDER") == null) {
                    System.setProperty("bawaba.mail.folder", data.resolve("mail").toString());
                }
            }
            Quarkus.run(args);
        }
    }

    /** A setting, the environment variable that also gives it, and the demo's value when neither is given. */
    private record DemoDefault(String property, String variable, String value) {
    }

    private static final List<DemoDefault> DEMO_DEFAULTS = List.of(
            new DemoDefault("bawaba.security.bootstrap-admin-key", "BAWABA_BOOTSTRAP_ADMIN_KEY", DEMO_ADMIN_KEY),
            new DemoDefault("bawaba.security.case-token-secret", "BAWABA_CASE_TOKEN_SECRET",
                    "demo-only-case-token-secret-0123456789"),
            new DemoDefault("bawaba.payments.callback-secret", "BAWABA_PAYMENTS_CALLBACK_SECRET",
                    "demo-only-payment-callback-secret-0123456789"),
            new DemoDefault("bawaba.payments.sandbox", "BAWABA_PAYMENTS_SANDBOX", "true"),
            // The key and the secrets above are public: the demo answers this machine only, unless told otherwise.
            new DemoDefault("quarkus.http.host", "QUARKUS_HTTP_HOST", "127.0.0.1"));

    /** The demo's settings that the operator has not given, as a system property or an environment variable. */
    static Map<String, String> demoSettings(Map<String, String> environment, Properties system) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("bawaba.demo.enabled", "true");
        for (DemoDefault setting : DEMO_DEFAULTS) {
            if (system.getProperty(setting.property()) == null && environment.get(setting.variable()) == null) {
                settings.put(setting.property(), setting.value());
            }
        }
        return settings;
    }

    private static boolean databaseConfigured() {
        return System.getenv("BAWABA_DB_URL") != null || System.getProperty(URL_PROPERTY) != null
                || System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null;
    }

    private static String setting(String env, String property, String fallback) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(env);
        }
        return value == null ? fallback : value;
    }
}
