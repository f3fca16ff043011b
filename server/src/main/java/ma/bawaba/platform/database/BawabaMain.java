package ma.bawaba.platform.database;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;

/**
 * Starts Bawaba. With a database configured ({@code BAWABA_DB_URL}, or Quarkus's datasource properties) it uses
 * that server; with none, it starts the embedded MariaDB with its data under {@code BAWABA_DATA_DIR} (default
 * {@code ./data}) and turns on the demo data, so that one command runs everything on a machine with only a JDK.
 */
@QuarkusMain
public class BawabaMain {

    private static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";
    static final String DEMO_ADMIN_KEY = "bwb_demoadmn_DemoAdministratorKeyChangeMeInProduction";

    public static void main(String... args) throws Exception {
        if (databaseConfigured()) {
            Quarkus.run(args);
            return;
        }
        if (!EmbeddedMariaDb.isAvailable()) {
            System.err.println("No database configured (BAWABA_DB_URL) and this build has no embedded MariaDB.");
            System.exit(2);
        }
        Path home = Path.of(setting("BAWABA_DATA_DIR", "bawaba.data-dir", "data")).toAbsolutePath().resolve("mariadb");
        int port = Integer.parseInt(setting("BAWABA_EMBEDDED_DB_PORT", "bawaba.embedded-db.port", "3307"));
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(home, port)) {
            Runtime.getRuntime().addShutdownHook(new Thread(db::close, "embedded-mariadb-stop"));
            System.setProperty(URL_PROPERTY, db.createDatabase("bawaba"));
            System.setProperty("quarkus.datasource.username", "root");
            System.setProperty("quarkus.datasource.password", "");
            if (System.getProperty("bawaba.demo.enabled") == null && System.getenv("BAWABA_DEMO_ENABLED") == null) {
                // A local demo: known credentials, printed at start. A real deployment configures a database.
                System.setProperty("bawaba.demo.enabled", "true");
                defaultTo("bawaba.security.bootstrap-admin-key", "BAWABA_BOOTSTRAP_ADMIN_KEY", DEMO_ADMIN_KEY);
                defaultTo("bawaba.security.case-token-secret", "BAWABA_CASE_TOKEN_SECRET", "demo-only-case-token-secret-0123456789");
            }
            Quarkus.run(args);
        }
    }

    private static void defaultTo(String property, String env, String value) {
        if (System.getProperty(property) == null && System.getenv(env) == null) {
            System.setProperty(property, value);
        }
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
