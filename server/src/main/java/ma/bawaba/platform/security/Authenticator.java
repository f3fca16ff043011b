package ma.bawaba.platform.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.RequestScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import ma.bawaba.platform.BawabaConfig;
import ma.bawaba.platform.problem.DomainException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Decides, once per request and only when an operation asks, who the caller is. Credentials, in order: an API key,
 * a bearer JWT verified with the configured public key, a case token (read from the request by the web side, see
 * {@link PresentedCredentials}).
 * A credential that is present but invalid is a 401, never a silent downgrade to anonymous.
 */
@RequestScoped
public class Authenticator {

    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(5);

    private final PresentedCredentials presented;
    private final JWTParser jwtParser;
    private final CaseTokens caseTokens;
    private final BawabaConfig config;
    private final Clock clock;
    private Caller caller;

    Authenticator(PresentedCredentials presented, JWTParser jwtParser, CaseTokens caseTokens, BawabaConfig config, Clock clock) {
        this.presented = presented;
        this.jwtParser = jwtParser;
        this.caseTokens = caseTokens;
        this.config = config;
        this.clock = clock;
    }

    public Caller caller() {
        if (caller == null) {
            caller = resolve();
        }
        return caller;
    }

    private Caller resolve() {
        String apiKey = presented.apiKey();
        if (apiKey != null) {
            return fromApiKey(apiKey.trim());
        }
        String authorization = presented.authorization();
        if (authorization != null) {
            return fromBearer(authorization);
        }
        String caseToken = presented.caseToken();
        if (caseToken != null) {
            Long caseId = caseTokens.verify(caseToken.trim());
            if (caseId == null) {
                throw new DomainException.Unauthenticated();
            }
            return Caller.caseHolder(caseId);
        }
        return Caller.ANONYMOUS;
    }

    private Caller fromApiKey(String presented) {
        if (config.security().bootstrapAdminKey().filter(bootstrap -> constantTimeEquals(bootstrap, presented)).isPresent()) {
            return new Caller(Caller.Kind.BOOTSTRAP_KEY, Role.ADMIN, null, null, null, "bootstrap", null);
        }
        String prefix = ApiKeySecrets.prefixOf(presented);
        if (prefix == null) {
            throw new DomainException.Unauthenticated();
        }
        // One autocommit SELECT when no transaction is active (the common case: authentication runs before the
        // service's): a transaction of its own would cost three more statements (autocommit off, COMMIT, on) for a read.
        ApiKey key = ApiKey.<ApiKey>find("prefix", prefix).firstResult();
        if (key == null || !key.isActive() || !ApiKeySecrets.matches(presented, key.secretHash)) {
            throw new DomainException.Unauthenticated();
        }
        touch(key);
        return new Caller(Caller.Kind.API_KEY, key.role, key.institutionId, key.officeId, null, key.prefix, null);
    }

    /** Records when a key was last used, at most every few minutes, so that a busy key does not write on each call. */
    private void touch(ApiKey key) {
        Instant now = clock.instant();
        if (key.lastUsedAt == null || key.lastUsedAt.isBefore(now.minus(LAST_USED_PRECISION))) {
            QuarkusTransaction.requiringNew().run(() -> ApiKey.update("lastUsedAt = ?1 where id = ?2", now, key.id));
        }
    }

    private Caller fromBearer(String authorization) {
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new DomainException.Unauthenticated();
        }
        try {
            JsonWebToken jwt = jwtParser.parse(authorization.substring(7).trim());
            Role role = Role.valueOf(String.valueOf(jwt.<Object>getClaim("role")));
            Long institutionId = longClaim(jwt, "institutionId");
            Long officeId = longClaim(jwt, "officeId");
            boolean bound = switch (role.tenantKind()) {
                case NONE -> institutionId == null && officeId == null;
                case INSTITUTION -> institutionId != null && officeId == null;
                case OFFICE -> officeId != null && institutionId == null;
            };
            if (!bound) {
                throw new DomainException.Unauthenticated();
            }
            return new Caller(Caller.Kind.JWT, role, institutionId, officeId, null, null, jwt.getSubject());
        } catch (ParseException | IllegalArgumentException | ClassCastException invalid) {
            throw new DomainException.Unauthenticated();
        }
    }

    private static Long longClaim(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        if (value == null) {
            return null;
        }
        if (value instanceof jakarta.json.JsonNumber number) {
            return number.longValueExact();
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        return Long.parseLong(value.toString());
    }

    private static boolean constantTimeEquals(String expected, String presented) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
