package ma.bawaba.platform.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import ma.bawaba.platform.security.HmacSha256;

/**
 * The Standard Webhooks signature (https://www.standardwebhooks.com): a secret is {@code whsec_} and the base64 of
 * the HMAC key; a delivery is signed as {@code v1,} and the base64 HMAC-SHA256 of {@code id.timestamp.body}, the
 * timestamp in seconds since the epoch; several signatures (during a secret's rotation) are space-separated.
 */
public final class StandardWebhooks {

    public static final String SECRET_PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** 24 bytes, as the reference libraries issue (192 bits, above HMAC-SHA256's security of 128). */
    private static final int KEY_BYTES = 24;

    private StandardWebhooks() {
    }

    public static String newSecret() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** One signature: {@code v1,<base64>}. */
    public static String sign(String secret, String messageId, long timestampSeconds, String body) {
        byte[] key = Base64.getDecoder().decode(secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret);
        byte[] mac = new HmacSha256(key).sign((messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8),
                body.getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(mac);
    }

    /** The {@code webhook-signature} header: one signature per secret, in the order given. */
    public static String signatureHeader(List<String> secrets, String messageId, long timestampSeconds, String body) {
        return secrets.stream().map(secret -> sign(secret, messageId, timestampSeconds, body)).collect(Collectors.joining(" "));
    }
}
