package ma.bawaba.platform.web.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Optional;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import ma.bawaba.platform.BawabaConfig;
import ma.bawaba.platform.database.Transactions;
import ma.bawaba.platform.web.Versions;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.problem.ProblemCode;
import ma.bawaba.platform.security.ApiKeySecrets;
import ma.bawaba.platform.security.Caller;

/**
 * Idempotent creation for every POST that creates something. The key is recorded first, then the creation runs and
 * the record takes its response, all in one transaction: a retry — on this instance or another, at the same moment
 * or after a crash — either finds the record and replays the response, waits for the twin that holds the key, or
 * finds nothing because nothing was created. A key reused with another body is a 422. Records are scoped to the
 * caller and the route, and kept for {@code bawaba.idempotency.retention}.
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
                           UnaryOperator<Object> redact, Function<JsonNode, Revived> revive) {
        return create(key(caller, route, key, request), creation, redact, revive);
    }

    /**
     * The record a request's key is looked up and stored under: scoped to the caller and the route, with the digest
     * of the body that a retry must repeat. Null without a key. Computed once per request, for {@link #replay} and
     * {@link #create(Key, Supplier, UnaryOperator, Function)} alike.
     */
    public Key key(Caller caller, String route, String key, Object request) {
        return key == null ? null
                : new Key(ApiKeySecrets.hash(callerRef(caller) + " " + route), key, ApiKeySecrets.hash(toJson(request)));
    }

    /** What identifies one idempotent creation: see {@link #key}. */
    public record Key(String scope, String value, String requestHash) {
    }

    /** As {@link #create(Caller, String, String, Object, Supplier, UnaryOperator, Function)}, for a key already made. */
    public Response create(Key key, Supplier<Response> creation, UnaryOperator<Object> redact,
                           Function<JsonNode, Revived> revive) {
        if (key == null) {
            return Transactions.write(creation::get);
        }
        return Transactions.write(() -> {
            // The key is claimed first. A twin that claimed it and has not committed yet makes this insert wait; once
            // the twin commits, the insert is ignored and the twin's response replayed; if the twin rolled back, this
            // request goes on. No row that does not exist is ever locked, and nothing is deleted but a record past
            // its retention.
            if (!claim(key)) {
                IdempotencyRecord twin = find(key);
                if (twin != null) {
                    return replay(twin, key, revive);
                }
                deleteExpired(key);
                if (!claim(key)) {
                    return replay(find(key), key, revive);
                }
            }
            Response response = creation.get();
            complete(key, response, redact);
            return response;
        });
    }

    /**
     * The stored answer to a retry of a creation with this key, read before anything else is done for the request
     * (so that a retry is answered before its rate limits are counted); empty for a key not seen yet. A reused key
     * with another body is a 422.
     */
    public Optional<Response> replay(Key key, Function<JsonNode, Revived> revive) {
        if (key == null) {
            return Optional.empty();
        }
        // One autocommit SELECT, in no transaction: a first submission (nearly all of them) only reads here.
        return Optional.ofNullable(find(key)).map(record -> replay(record, key, revive));
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
            deleted = Transactions.write(() -> entityManager()
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

    private IdempotencyRecord find(Key key) {
        return IdempotencyRecord.<IdempotencyRecord>find("scope = ?1 and key = ?2 and createdAt > ?3", key.scope(), key.value(),
                clock.instant().minus(config.idempotency().retention())).firstResult();
    }

    private Response replay(IdempotencyRecord record, Key key, Function<JsonNode, Revived> revive) {
        if (!record.requestHash.equals(key.requestHash())) {
            throw new DomainException.Unprocessable(ProblemCode.IDEMPOTENCY_KEY_REUSED, "problem.idempotency-key-reused.detail");
        }
        Response.ResponseBuilder replay = Response.status(record.statusCode).header(REPLAYED_HEADER, "true");
        String etag = record.etag;
        Long revivedVersion = null;
        if (record.responseBody != null) {
            Object body = record.responseBody;
            if (revive != null && record.statusCode < 400) {
                // Rebuilt from what the resource is now: its ETag must be the one of the body that is sent.
                Revived revived = revive.apply(readTree(record.responseBody));
                body = revived.body();
                revivedVersion = revived.version();
            }
            replay.entity(body).type(record.statusCode >= 400 ? "application/problem+json" : MediaType.APPLICATION_JSON);
        }
        if (record.location != null) {
            replay.header(HttpHeaders.LOCATION, record.location);
        }
        if (revivedVersion != null) {
            replay.tag(Versions.etag(revivedVersion));
        } else if (etag != null) {
            replay.header(HttpHeaders.ETAG, etag);
        }
        return replay.build();
    }

    /** A response rebuilt for a replay from what the record kept: the body as the resource is now, and its ETag. */
    public record Revived(Object body, long version) {
    }

    /** Inserts the record of a new key (still without its response); false when the key is already recorded. */
    private boolean claim(Key key) {
        return entityManager().createNativeQuery("""
                        INSERT IGNORE INTO idempotency_record (scope, idem_key, request_hash, status_code, created_at)
                        VALUES (?1, ?2, ?3, 0, ?4)""")
                .setParameter(1, key.scope())
                .setParameter(2, key.value())
                .setParameter(3, key.requestHash())
                .setParameter(4, clock.instant())
                .executeUpdate() == 1;
    }

    /** Stores the response in the record claimed by this transaction: both commit with what was created. */
    private void complete(Key key, Response response, UnaryOperator<Object> redact) {
        entityManager().createNativeQuery("""
                        UPDATE idempotency_record SET status_code = ?1, location = ?2, etag = ?3, response_body = ?4
                        WHERE scope = ?5 AND idem_key = ?6""")
                .setParameter(1, response.getStatus())
                .setParameter(2, response.getLocation() == null ? null : response.getLocation().toString())
                .setParameter(3, response.getHeaderString(HttpHeaders.ETAG))
                .setParameter(4, response.getEntity() == null ? null : toJson(redact.apply(response.getEntity())))
                .setParameter(5, key.scope())
                .setParameter(6, key.value())
                .executeUpdate();
    }

    /** A record past its retention that the purge has not reached yet would block its key: it goes now. */
    private void deleteExpired(Key key) {
        entityManager().createNativeQuery("DELETE FROM idempotency_record WHERE scope = ?1 AND idem_key = ?2 AND created_at <= ?3")
                .setParameter(1, key.scope())
                .setParameter(2, key.value())
                .setParameter(3, clock.instant().minus(config.idempotency().retention()))
                .executeUpdate();
    }

    private static jakarta.persistence.EntityManager entityManager() {
        return IdempotencyRecord.getEntityManager();
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
