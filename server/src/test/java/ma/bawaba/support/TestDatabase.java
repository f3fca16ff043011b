package ma.bawaba.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import ma.bawaba.platform.database.EmbeddedMariaDb;

/**
 * The tests' database: a fresh {@code bawaba_test} on the MariaDB at 127.0.0.1:3306 (root, no password) when one
 * answers there, else an embedded MariaDB under target/. Decided once per test run.
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    /** {@code BAWABA_TEST_DATABASE} names another one, so that two checkouts can run their tests at once. */
    private static final String DATABASE = System.getenv().getOrDefault("BAWABA_TEST_DATABASE", "bawaba_test");
    private EmbeddedMariaDb embedded;

    @Override
    public Map<String, String> start() {
        try {
            String url;
            if (localServerAnswers()) {
                try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
                     Statement statement = connection.createStatement()) {
                    statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
                    statement.execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_ai_ci");
                }
                url = "jdbc:mariadb://127.0.0.1:3306/" + DATABASE;
            } else {
                embedded = EmbeddedMariaDb.start(Path.of("target", "embedded-mariadb").toAbsolutePath(), freePort());
                url = embedded.createDatabase(DATABASE);
            }
            return Map.of("quarkus.datasource.jdbc.url", url,
                    "quarkus.datasource.username", "root",
                    "quarkus.datasource.password", "");
        } catch (Exception failed) {
            throw new IllegalStateException("No test database could be prepared", failed);
        }
    }

    @Override
    public void stop() {
        if (embedded != null) {
            embedded.close();
        }
    }

    private static boolean localServerAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 3306), 1000);
            return true;
        } catch (IOException absent) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
