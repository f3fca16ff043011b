package ma.bawaba.sdk;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a webhook delivery comes from Bawaba, as the Standard Webhooks specification says: the
 * {@code webhook-signature} header holds one or more space-separated {@code v1,<base64>} signatures (two during a
 * secret's rotation), each an HMAC-SHA256 of {@code webhook-id.webhook-timestamp.body} under the subscription's
 * secret ({@code whsec_} and the base64 key); the timestamp must be within five minutes of this clock, so that a
 * captured delivery cannot be replayed later. De-duplicate on {@code webhook-id}: a retry or a replay keeps it.
 *
 * <pre>{@code
 * WebhookVerifier verifier = new WebhookVerifier(System.getenv("BAWABA_WEBHOOK_SECRET"));
 * verifier.verify(rawBody, request.headers().map());   // throws WebhookVerificationException
 * }</pre>
 */
public final class WebhookVerifier {

    public static final String SECRET_PREFIX = "whsec_";
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private final byte[] key;
    private final Duration tolerance;
    private final Clock clock;

    /** A verifier of the secret shown when the subscription was created or rotated (with or without its prefix). */
    public WebhookVerifier(String secret) {
        this(secret, DEFAULT_TOLERANCE, Clock.systemUTC());
    }

    public WebhookVerifier(String secret, Duration tolerance, Clock clock) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a webhook secret is required");
        }
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        this.key = Base64.getDecoder().decode(encoded);
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /** Why a delivery was not accepted. */
    public static final class WebhookVerificationException extends Exception {
        public WebhookVerificationException(String message) {
            super(message);
        }
    }

    /** The signature this secret gives a delivery: {@code v1,<base64>}. */
    public String sign(String webhookId, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signature = mac.doFinal((webhookId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("every JVM has HmacSHA256", impossible);
        }
    }

    /**
     * Verifies a delivery from its raw body (exactly the bytes received, as UTF-8) and its headers, whose names are
     * matched without regard to case (as {@code java.net.http.HttpHeaders#map()} and servlet containers give them).
     */
    public void verify(String body, Map<String, List<String>> headers) throws WebhookVerificationException {
        String id = header(headers, "webhook-id");
        String timestamp = header(headers, "webhook-timestamp");
        String signatures = header(headers, "webhook-signature");
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException malformed) {
            throw new WebhookVerificationException("Invalid webhook-timestamp");
        }
        long now = clock.instant().getEpochSecond();
        if (seconds < now - tolerance.toSeconds()) {
            throw new WebhookVerificationException("Message timestamp too old");
        }
        if (seconds > now + tolerance.toSeconds()) {
            throw new WebhookVerificationException("Message timestamp too new");
        }
        byte[] expected = sign(id, seconds, body).substring(3).getBytes(StandardCharsets.UTF_8);
        for (String candidate : signatures.split(" ")) {
            int comma = candidate.indexOf(',');
            if (comma < 0 || !candidate.substring(0, comma).equals("v1")) {
                continue;
            }
            if (MessageDigest.isEqual(expected, candidate.substring(comma + 1).getBytes(StandardCharsets.UTF_8))) {
                return;
            }
        }
        throw new WebhookVerificationException("No matching signature found");
    }

    private static String header(Map<String, List<String>> headers, String name) throws WebhookVerificationException {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().toLowerCase(Locale.ROOT).equals(name)
                    && entry.getValue() != null && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        throw new WebhookVerificationException("Missing required header " + name);
    }
}
