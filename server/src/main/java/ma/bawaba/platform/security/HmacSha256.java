package ma.bawaba.platform.security;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An HMAC-SHA256 key made ready once. Every signature starts from a copy of the keyed {@link Mac}: looking the
 * algorithm up among the providers and hashing the key into its pads again for each case token and each cursor cost
 * more than the MAC of their few bytes. A {@code Mac} is not thread-safe; its copies are.
 */
public final class HmacSha256 {

    private static final String ALGORITHM = "HmacSHA256";

    private final Mac keyed;

    public HmacSha256(byte[] key) {
        try {
            keyed = Mac.getInstance(ALGORITHM);
            keyed.init(new SecretKeySpec(key, ALGORITHM));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("every JVM has " + ALGORITHM, impossible);
        }
    }

    /** The MAC of the parts, in order, as if they were one array. */
    public byte[] sign(byte[]... parts) {
        Mac mac;
        try {
            mac = (Mac) keyed.clone();
        } catch (CloneNotSupportedException impossible) {
            throw new IllegalStateException("the JDK's " + ALGORITHM + " can be copied", impossible);
        }
        for (byte[] part : parts) {
            mac.update(part);
        }
        return mac.doFinal();
    }
}
