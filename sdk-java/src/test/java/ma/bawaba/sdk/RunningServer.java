package ma.bawaba.sdk;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The packaged server (server/target/quarkus-app), started as a user would start it, for the SDK to call over real
 * HTTP: on a free port, with the MariaDB at 127.0.0.1:3306 when one answers (its own database), else embedded.
 */
final class RunningServer implements AutoCloseable {

    static final String ADMIN_KEY = "bwb_sdkadmin_SdkTestBootstrapAdministratorKey01";

    private final Process process;
    private final int port;

    private RunningServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    private static RunningServer shared;

    /** One server for every test class of this JVM, stopped when the JVM exits (a start costs seconds). */
    static synchronized RunningServer shared() throws Exception {
        if (shared == null) {
            shared = start(database("bawaba_sdk_java"));
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /**
     * Its database, or one named after {@code BAWABA_TEST_DATABASE} when that is set, so that two checkouts can run
     * their tests at once: each run cleans its schema at start.
     */
    static String database(String fallback) {
        String checkout = System.getenv("BAWABA_TEST_DATABASE");
        return checkout == null || checkout.isBlank() ? fallback : checkout + "_java";
    }

    static RunningServer start(String database) throws Exception {
        int port = freePort();
        String app = System.getProperty("bawaba.server.app", "../server/target/quarkus-app/quarkus-run.jar");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", app)
                .redirectErrorStream(true)
                .redirectOutput(new File("target/server-" + database + ".log"));
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("BAWABA_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY);
        env.put("BAWABA_CASE_TOKEN_SECRET", "sdk-test-case-token-secret-0123456789");
        env.put("BAWABA_DEMO_ENABLED", "false");
        // Document orders are paid through the sandbox provider, as in the server's own tests and the demo.
        env.put("BAWABA_PAYMENTS_SANDBOX", "true");
        env.put("BAWABA_PAYMENTS_CALLBACK_SECRET", "sdk-test-payment-callback-secret-0123456789");
        // Every test submits from 127.0.0.1, and the counters live in the database, which outlives one run.
        env.put("BAWABA_SUBMISSIONS_PER_ADDRESS", "100000");
        env.put("BAWABA_SUBMISSIONS_PER_IDENTITY", "100000");
        // The statistics follow the cases within a second, so that a test reads its own cases' figures soon.
        env.put("BAWABA_STATISTICS_COUNT_EVERY", "1s");
        // Webhooks go to a receiver in the test JVM (plain http on loopback) within a second; e-mails to files.
        env.put("BAWABA_WEBHOOKS_LOOPBACK_ALLOWED", "true");
        env.put("BAWABA_OUTBOX_SEND_EVERY", "1s");
        env.put("BAWABA_MAIL_FOLDER", Path.of("target", "mail-" + database).toAbsolutePath().toString());
        // A fresh schema every run: the database outlives the run, and a migration may have changed since.
        env.put("QUARKUS_FLYWAY_CLEAN_AT_START", "true");
        if (answers(3306)) {
            env.put("BAWABA_DB_URL", "jdbc:mariadb://127.0.0.1:3306/" + database + "?createDatabaseIfNotExist=true");
        } else {
            env.put("BAWABA_DATA_DIR", Path.of("target", "embedded-db").toAbsolutePath().toString());
            env.put("BAWABA_EMBEDDED_DB_PORT", Integer.toString(freePort()));
        }
        RunningServer server = new RunningServer(builder.start(), port);
        server.awaitReady(Duration.ofMinutes(3));
        return server;
    }

    String baseUri() {
        return "http://127.0.0.1:" + port + "/api/v1";
    }

    private void awaitReady(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server stopped while starting; see target/server-*.log");
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/q/health/ready")
                        .toURL().openConnection();
                connection.setConnectTimeout(500);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("The server was not ready within " + timeout);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
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
