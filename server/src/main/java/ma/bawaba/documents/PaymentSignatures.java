package ma.bawaba.documents;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import ma.bawaba.platform.BawabaConfig;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.problem.ProblemCode;
import ma.bawaba.platform.security.HmacSha256;
import org.jboss.logging.Logger;

/**
 * The payment provider's callback signature: {@code v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>">} under the
 * secret Bawaba and the provider share, with the timestamp (Unix seconds) within a replay window of this server's
 * clock. Signing the timestamp with the body means an old notification cannot be sent again later under a new
 * timestamp; the window bounds how long a captured one stays valid, and the transaction id makes it count once.
 * Several {@code v1=} values may be sent (separated by spaces or commas) while the secret is being rotated.
 */
@ApplicationScoped
public class PaymentSignatures {

    private static final Logger LOG = Logger.getLogger(PaymentSignatures.class);
    private static final String SCHEME = "v1=";

    private final Optional<HmacSha256> key;
    private final Duration tolerance;
    private final Clock clock;

    PaymentSignatures(BawabaConfig config, Clock clock) {
        this.key = config.payments().callbackSecret()
                .map(secret -> new HmacSha256(secret.getBytes(StandardCharsets.UTF_8)));
        this.tolerance = config.payments().signatureTolerance();
        this.clock = clock;
        if (key.isEmpty()) {
            LOG.warn("No payment callback secret is configured (BAWABA_PAYMENTS_CALLBACK_SECRET): every payment callback"
                    + " will be refused");
        }
    }

    /** The signature header of a body sent at that timestamp. */
    public String sign(String timestamp, byte[] body) {
        return SCHEME + HexFormat.of().formatHex(mac(timestamp, body,
                key.orElseThrow(() -> new IllegalStateException("no payment callback secret is configured"))));
    }

    /** Refuses (401, {@code SIGNATURE_INVALID}) a body whose signature or timestamp does not hold; nothing is read. */
    public void verify(String timestamp, byte[] body, String signatures) {
        if (key.isEmpty() || timestamp == null || signatures == null) {
            throw invalid();
        }
        long sentAt;
        try {
            sentAt = Long.parseLong(timestamp);
        } catch (NumberFormatException notSeconds) {
            throw invalid();
        }
        if (Math.abs(clock.instant().getEpochSecond() - sentAt) > tolerance.toSeconds()) {
            throw new DomainException.Unauthenticated(ProblemCode.SIGNATURE_INVALID, "problem.signature-stale.detail");
        }
        byte[] expected = mac(timestamp, body, key.get());
        for (String candidate : signatures.split("[ ,]+")) {
            if (candidate.startsWith(SCHEME) && MessageDigest.isEqual(expected, hex(candidate.substring(SCHEME.length())))) {
                return;
            }
        }
        throw invalid();
    }

    private static DomainException invalid() {
        return new DomainException.Unauthenticated(ProblemCode.SIGNATURE_INVALID, "problem.signature-invalid.detail");
    }

    private static byte[] hex(String given) {
        try {
            return HexFormat.of().parseHex(given);
        } catch (IllegalArgumentException notHex) {
            return new byte[0];
        }
    }

    private static byte[] mac(String timestamp, byte[] body, HmacSha256 key) {
        return key.sign((timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
    }
}
