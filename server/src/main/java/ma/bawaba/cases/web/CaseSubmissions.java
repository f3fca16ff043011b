package ma.bawaba.cases.web;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import ma.bawaba.cases.CaseFile;
import ma.bawaba.cases.CaseService;
import ma.bawaba.cases.Requester;
import ma.bawaba.cases.TrackingService;
import ma.bawaba.platform.BawabaConfig;
import ma.bawaba.platform.Digests;
import ma.bawaba.platform.web.idempotency.Idempotency;
import ma.bawaba.platform.ratelimit.RateLimiter;
import ma.bawaba.platform.security.Access;
import ma.bawaba.platform.security.CaseTokens;
import ma.bawaba.platform.security.Caller;
import ma.bawaba.platform.web.Versions;

/**
 * How a citizen files a case of any service, written once: a retry with a known {@code Idempotency-Key} is answered
 * from its record before anything is counted; then the limits are counted (per requester identity, tightly, and per
 * client address, generously), and in one transaction retried whole on conflicts the key is claimed, the service
 * creates the case, and the key's record takes the receipt. The receipt carries a case token, the case's ETag and its Location, and the
 * RateLimit headers of the tightest limit. A replay reads the case again and issues a new token: neither the token
 * nor the requester's identity is ever stored with the key.
 */
@ApplicationScoped
public class CaseSubmissions {

    private final Idempotency idempotency;
    private final RateLimiter rateLimiter;
    private final CaseTokens caseTokens;
    private final Access access;
    private final BawabaConfig config;

    CaseSubmissions(Idempotency idempotency, RateLimiter rateLimiter, CaseTokens caseTokens, Access access,
                    BawabaConfig config) {
        this.idempotency = idempotency;
        this.rateLimiter = rateLimiter;
        this.caseTokens = caseTokens;
        this.access = access;
        this.config = config;
    }

    /** Who files, from where, and what: the parts of a request that the limits and the idempotency record read. */
    public record Filing(CaseService service, Object input, String idempotencyKey, String clientAddress,
                         Requester requester) {
    }

    /**
     * What one service brings: how it creates the case from the request ({@code create}), how it reads it back by
     * number for a replay ({@code reread}), which case file a view is of, and how a view and a fresh case token make
     * its receipt.
     */
    public record Service<V>(Function<Caller, V> create, Function<String, V> reread, Function<V, CaseFile> file,
                             BiFunction<V, CaseTokens.Issued, Object> receipt) {
    }

    public <V> Response submit(Filing filing, Service<V> service) {
        Caller citizen = access.caller();
        String path = filing.service().path();
        Function<JsonNode, Idempotency.Revived> revive = stored -> {
            V view = service.reread().apply(stored.get("number").asText());
            return new Idempotency.Revived(receipt(service, view), service.file().apply(view).version);
        };
        Idempotency.Key key = idempotency.key(citizen, "POST /" + path, filing.idempotencyKey(), filing.input());
        Optional<Response> replayed = idempotency.replay(key, revive);
        if (replayed.isPresent()) {
            return replayed.get();
        }
        // Counted on its own, before the case's transaction: counting never holds a lock while a case is created.
        RateLimiter.Quota quota = rateLimiter.hit(limits(filing));
        AtomicReference<String> number = new AtomicReference<>();
        Response created = idempotency.create(key, () -> {
            V view = service.create().apply(citizen);
            CaseFile file = service.file().apply(view);
            number.set(file.number);
            return Response.created(URI.create(path + "/" + file.number))
                    .tag(Versions.etag(file.version))
                    .entity(receipt(service, view))
                    .build();
        }, receipt -> Map.of("number", number.get()), revive);
        if (quota == null) {
            return created;
        }
        return Response.fromResponse(created).header("RateLimit", quota.header()).header("RateLimit-Policy", quota.policy()).build();
    }

    private <V> Object receipt(Service<V> service, V view) {
        CaseTokens.Issued token = caseTokens.issue(service.file().apply(view).id, config.security().submissionTokenTtl());
        return service.receipt().apply(view, token);
    }

    /**
     * Identities are counted by digest: the limit table holds no personal data (Law 09-08). A requester who changes
     * e-mail still meets the limit of the identity document, and the reverse.
     */
    private List<RateLimiter.Limit> limits(Filing filing) {
        BawabaConfig.Submissions limits = config.submissions();
        String prefix = "submission:" + filing.service().prefix() + ":";
        Requester requester = filing.requester();
        String email = TrackingService.normalizeEmail(requester.email());
        String document = requester.idDocumentType() + ":" + requester.idDocumentNumber().strip().toUpperCase(Locale.ROOT);
        return List.of(
                new RateLimiter.Limit(prefix + "address:" + filing.clientAddress(), limits.perAddress(), limits.window()),
                new RateLimiter.Limit(prefix + "email:" + digest(email), limits.perIdentity(), limits.window()),
                new RateLimiter.Limit(prefix + "document:" + digest(document), limits.perIdentity(), limits.window()));
    }

    private static String digest(String value) {
        return Digests.sha256Hex(value.getBytes(StandardCharsets.UTF_8));
    }
}
