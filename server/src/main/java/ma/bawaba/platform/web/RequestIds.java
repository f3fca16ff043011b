package ma.bawaba.platform.web;

import jakarta.ws.rs.core.HttpHeaders;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/** The request id every response carries ({@code X-Request-Id}): the caller's when it is sane, a new one otherwise. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** Set on the request by {@link HttpEdge} so that JAX-RS code sees the method even in exception mappers. */
    static final String METHOD_HEADER = "X-Bawaba-Method";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestIds() {
    }

    public static String acceptOrCreate(String fromCaller) {
        if (fromCaller != null && SANE.matcher(fromCaller).matches()) {
            return fromCaller;
        }
        // Sixteen characters of five bits from one draw of ten bytes: SecureRandom takes a lock shared by every
        // request thread on each call, so one call per id rather than one per character.
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        char[] id = new char[16];
        long bits = 0;
        int available = 0;
        int next = 0;
        for (int i = 0; i < id.length; i++) {
            if (available < 5) {
                bits = (bits << 8) | (random[next++] & 0xFF);
                available += 8;
            }
            available -= 5;
            id[i] = ALPHABET[(int) (bits >>> available) & 31];
        }
        return new String(id);
    }

    public static String of(HttpHeaders headers) {
        String id = headers.getHeaderString(HEADER);
        return id == null ? "unknown" : id;
    }

    public static String method(HttpHeaders headers) {
        String method = headers.getHeaderString(METHOD_HEADER);
        return method == null ? "?" : method;
    }
}
