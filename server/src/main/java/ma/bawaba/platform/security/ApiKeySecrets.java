package ma.bawaba.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ma.bawaba.platform.Digests;

/**
 * The format of API keys: {@code bwb_<8 chars prefix>_<40 chars secret>}. The prefix identifies a key in lists and
 * logs and finds its row; the secret has 238 bits of entropy, so a plain SHA-256 is a sufficient hash (no slow KDF:
 * nobody can guess such a secret, and every request checks it).
 */
public final class ApiKeySecrets {

    private static final Pattern FORMAT = Pattern.compile("(bwb_[a-z0-9]{8})_([A-Za-z0-9]{20,64})");
    private static final String PREFIX_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final String SECRET_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A freshly made key and what is stored of it. */
    public record Issued(String prefix, String wholeKey, String hash) {
    }

    private ApiKeySecrets() {
    }

    public static Issued issue() {
        String prefix = "bwb_" + random(PREFIX_ALPHABET, 8);
        String whole = prefix + "_" + random(SECRET_ALPHABET, 40);
        return new Issued(prefix, whole, hash(whole));
    }

    /** The prefix of a well-formed key, or null. */
    public static String prefixOf(String presented) {
        if (presented == null) {
            return null;
        }
        Matcher matcher = FORMAT.matcher(presented.trim());
        return matcher.matches() ? matcher.group(1) : null;
    }

    /** Hex SHA-256 of a text: how keys are stored, and how idempotency records fingerprint requests. */
    public static String hash(String wholeKey) {
        return Digests.sha256Hex(wholeKey.getBytes(StandardCharsets.UTF_8));
    }

    /** Constant-time comparison of a presented key with a stored hash. */
    public static boolean matches(String presented, String storedHash) {
        return MessageDigest.isEqual(hash(presented.trim()).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    private static String random(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
