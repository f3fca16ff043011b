package ma.bawaba.bench.ceiling;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The least a Quarkus endpoint can do for a case: one INSERT or one primary-key SELECT, autocommit, JSON in and out
 * through Jackson as in the server. bench/run.sh shows each Bawaba figure as a share of these.
 */
@Path("/")
public class CeilingResource {

    /** Shaped like a complaint (case_file + complaint columns), so that a row costs about what a case row costs. */
    private static final String CREATE_TABLE = """
            CREATE TABLE IF NOT EXISTS ceiling_case (
                id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
                number           VARCHAR(32)   NOT NULL,
                institution_id   BIGINT        NOT NULL,
                kind             VARCHAR(40)   NOT NULL,
                status           VARCHAR(40)   NOT NULL,
                subject          VARCHAR(200)  NOT NULL,
                content          TEXT          NOT NULL,
                first_name       VARCHAR(100)  NOT NULL,
                last_name        VARCHAR(100)  NOT NULL,
                requester_email  VARCHAR(254)  NOT NULL,
                due_date         DATE          NULL,
                version          INT           NOT NULL DEFAULT 0,
                submitted_at     TIMESTAMP(6)  NOT NULL,
                CONSTRAINT uq_ceiling_case_number UNIQUE (number),
                INDEX ix_ceiling_case_inbox (institution_id, status, id)
            ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci""";

    private final DataSource dataSource;

    CeilingResource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void createTable(@Observes StartupEvent started) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(CREATE_TABLE);
        }
    }

    public record CaseInput(long institutionId, String kind, String subject, String content, String firstName,
                            String lastName, String email) {
    }

    public record CaseRow(long id, String number, long institutionId, String kind, String status, String subject,
                          String email, Instant submittedAt) {
    }

    /** Ready once the pool reaches the database and the table is there: what the server's readiness check proves. */
    @GET
    @Path("ready")
    @Produces(MediaType.TEXT_PLAIN)
    public String ready() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM ceiling_case WHERE id = 0")) {
            rows.next();
            return "UP";
        }
    }

    @POST
    @Path("insert")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response insert(CaseInput input) throws SQLException {
        Instant now = Instant.now();
        String number = "CL-" + UUID.randomUUID().toString().substring(0, 23);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO ceiling_case (number, institution_id, kind, status, subject, content, first_name,
                                               last_name, requester_email, due_date, submitted_at)
                     VALUES (?, ?, ?, 'RECEIVED', ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, number);
            insert.setLong(2, input.institutionId());
            insert.setString(3, input.kind());
            insert.setString(4, input.subject());
            insert.setString(5, input.content());
            insert.setString(6, input.firstName());
            insert.setString(7, input.lastName());
            insert.setString(8, input.email());
            insert.setObject(9, LocalDate.now().plusDays(60));
            insert.setTimestamp(10, Timestamp.from(now));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                long id = keys.getLong(1);
                return Response.status(Response.Status.CREATED)
                        .entity(new CaseRow(id, number, input.institutionId(), input.kind(), "RECEIVED",
                                input.subject(), input.email(), now))
                        .build();
            }
        }
    }

    @GET
    @Path("select/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response select(@PathParam("id") long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT id, number, institution_id, kind, status, subject, requester_email, submitted_at
                     FROM ceiling_case WHERE id = ?""")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Response.status(Response.Status.NOT_FOUND).build();
                }
                return Response.ok(new CaseRow(row.getLong(1), row.getString(2), row.getLong(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7), row.getTimestamp(8).toInstant())).build();
            }
        }
    }
}
