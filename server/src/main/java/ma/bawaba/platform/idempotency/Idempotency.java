package ma.bawaba.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import ma.bawaba.platform.BawabaConfig;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.security.ApiKeySecrets;
import ma.bawaba.platform.security.Caller;

/**
 * Idempotent creation for every POST that creates something. The creation and the record of its response commit in
 * one transaction, so that a retry — on this instance or another, before or after a crash — either finds the record
 * and replays the response, or finds nothing because nothing was created. A key reused with another body is a 422.
 * Records are scoped to the caller and the route, and kept for {@code bawaba.idempotency.retention}.
 */
@ApplicationScoped
public class Idempotency {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final ObjectMapper json;
    private final Clock clock;
    private final BawabaConfig config;

    Idempotency(ObjectMapper json, Clock clock, BawabaConfig config) {
        this.json = json;
        this.clock = clock;
        this.config = config;
    }

    /** Runs the creation once per key; without a key, simply runs it in a transaction. */
    public Response create(Caller caller, String route, String key, Object request, Supplier<Response> creation) {
        return create(caller, route, key, request, creation, UnaryOperator.identity());
    }

    /**
     * As {@link #create(Caller, String, String, Object, Supplier)}, storing the response entity as {@code redact}
     * returns it (for a secret that must be shown once and never stored).
     */
    public Response create(Caller caller, String route, String key, Object request, Supplier<Response> creation,
                           UnaryOperator<Object> redact) {
        return create(caller, route, key, request, creation, redact, null);
    }

    /**
     * As {@link #create(Caller, String, String, Object, Supplier, UnaryOperator)}, for a response that must not be
     * stored as it was (a bearer token, personal data): {@code redact} keeps only what identifies the creation, and
     * {@code revive} rebuilds the full response from it on a replay (e.g. with a freshly issued token).
     */
    public Response create(Caller caller, String route, String key, Object request, Supplier<Response> creation,
                           UnaryOperator<Object> redact, Function<JsonNode, Object> revive) {
        if (key == null) {
            return QuarkusTransaction.joiningExisting().call(creation::get);
        }
        String scope = ApiKeySecrets.hash(callerRef(caller) + " " + route);
        String requestHash = ApiKeySecrets.hash(toJson(request));
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                IdempotencyRecord existing = find(scope, key);
                if (existing != null) {
                    return replay(existing, requestHash, revive);
                }
                // A record past its retention that the purge has not reached yet would block the key: it goes now.
                IdempotencyRecord.delete("scope = ?1 and key = ?2", scope, key);
                Response response = creation.get();
                if (response.getStatus() < 500) {
                    store(scope, key, requestHash, response, redact);
                }
                return response;
            });
        } catch (PersistenceException concurrentTwin) {
            // Another request with the same key committed first: ours rolled back, so answer as a retry would.
            IdempotencyRecord winner = QuarkusTransaction.requiringNew().call(() -> find(scope, key));
            if (winner == null) {
                throw concurrentTwin;
            }
            return QuarkusTransaction.requiringNew().call(() -> replay(winner, requestHash, revive));
        }
    }

    /**
     * Deletes records past their retention, a batch at a time (several instances may run this at once: deletes of
     * the same rows simply wait for each other). Returns how many were deleted.
     */
    public int purgeExpired(int batchSize) {
        java.time.Instant cutoff = clock.instant().minus(config.idempotency().retention());
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> IdempotencyRecord.getEntityManager()
                    .createNativeQuery("DELETE FROM idempotency_record WHERE created_at < ?1 LIMIT " + batchSize)
                    .setParameter(1, cutoff)
                    .executeUpdate());
            total += deleted;
        } while (deleted == batchSize);
        return total;
    }

    @io.quarkus.scheduler.Scheduled(every = "${bawaba.idempotency.purge-every:1h}", delayed = "5m",
            concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        purgeExpired(1000);
    }

    private IdempotencyRecord find(String scope, String key) {
        return IdempotencyRecord.<IdempotencyRecord>find("scope = ?1 and key = ?2 and createdAt > ?3", scope, key,
                clock.instant().minus(config.idempotency().retention())).firstResult();
    }

    private Response replay(IdempotencyRecord record, String requestHash, Function<JsonNode, Object> revive) {
        if (!record.requestHash.equals(requestHash)) {
            throw new DomainException.Unprocessable("problem.idempotency-key-reused.detail");
        }
        Response.ResponseBuilder replay = Response.status(record.statusCode).header(REPLAYED_HEADER, "true");
        if (record.responseBody != null) {
            Object body = revive != null && record.statusCode < 400 ? revive.apply(readTree(record.responseBody)) : record.responseBody;
            replay.entity(body).type(record.statusCode >= 400 ? "application/problem+json" : MediaType.APPLICATION_JSON);
        }
        if (record.location != null) {
            replay.header(HttpHeaders.LOCATION, record.location);
        }
        if (record.etag != null) {
            replay.header(HttpHeaders.ETAG, record.etag);
        }
        return replay.build();
    }

    private void store(String scope, String key, String requestHash, Response response, UnaryOperator<Object> redact) {
        IdempotencyRecord record = new IdempotencyRecord();
        record.scope = scope;
        record.key = key;
        record.requestHash = requestHash;
        record.statusCode = response.getStatus();
        record.location = response.getLocation() == null ? null : response.getLocation().toString();
        record.etag = response.getHeaderString(HttpHeaders.ETAG);
        record.responseBody = response.getEntity() == null ? null : toJson(redact.apply(response.getEntity()));
        record.createdAt = clock.instant();
        record.persistAndFlush();
    }

    private static String callerRef(Caller caller) {
        return switch (caller.kind()) {
            case API_KEY -> "key:" + caller.keyPrefix();
            case JWT -> "jwt:" + caller.subject() + ":" + caller.role();
            case BOOTSTRAP_KEY -> "bootstrap";
            case CASE_HOLDER -> "case:" + caller.caseId();
            case ANONYMOUS -> "anonymous";
            case SYSTEM -> "system";
        };
    }

    private JsonNode readTree(String stored) {
        try {
            return json.readTree(stored);
        } catch (JsonProcessingException unexpected) {
            throw new IllegalStateException(unexpected);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException unexpected) {
            throw new IllegalStateException(unexpected);
        }
    }

}
