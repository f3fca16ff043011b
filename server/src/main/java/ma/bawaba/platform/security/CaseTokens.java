package ma.bawaba.platform.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import jakarta.enterprise.context.ApplicationScoped;
import ma.bawaba.platform.BawabaConfig;

/**
 * Case tokens: {@code ct_<payload>.<signature>}, where the payload is the case id and the expiry, signed with
 * HMAC-SHA256. Stateless, so that any instance verifies a token another one issued; short-lived when obtained by
 * tracking, longer when returned at submission.
 */
@ApplicationScoped
public class CaseTokens {

    private static final String PREFIX = "ct_";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final HmacSha256 key;
    private final Clock clock;

    /** A token and when it stops working. */
    public record Issued(String token, Instant expiresAt) {
    }

    CaseTokens(BawabaConfig config, Clock clock) {
        this.key = new HmacSha256(config.security().caseTokenSecret().getBytes(StandardCharsets.UTF_8));
        this.clock = clock;
    }

    public Issued issue(long caseId, Duration lifetime) {
        Instant expiresAt = clock.instant().plus(lifetime).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        byte[] payload = ByteBuffer.allocate(16).putLong(caseId).putLong(expiresAt.getEpochSecond()).array();
        return new Issued(PREFIX + ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload)), expiresAt);
    }

    /** The case id of a valid, unexpired token; null for anything else. */
    public Long verify(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return null;
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return null;
        }
        try {
            String encoded = token.substring(PREFIX.length(), dot);
            byte[] payload = DECODER.decode(encoded);
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            // One spelling per token: the decoder ignores the unused bits of the last character, which would otherwise
            // let one token be written several ways.
            if (payload.length != 16 || !ENCODER.encodeToString(payload).equals(encoded)
                    || !MessageDigest.isEqual(sign(payload), signature)) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.wrap(payload);
            long caseId = buffer.getLong();
            long expiresAt = buffer.getLong();
            return clock.instant().getEpochSecond() < expiresAt ? caseId : null;
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private byte[] sign(byte[] payload) {
        return key.sign(payload);
    }
}
