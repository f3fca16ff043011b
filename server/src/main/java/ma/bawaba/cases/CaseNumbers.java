package ma.bawaba.cases;

import java.security.SecureRandom;
import java.time.Year;

/**
 * Case numbers such as {@code CP-2026-7KQ4-M2XD}: a service prefix, the year, and 8 characters drawn by a secure
 * random generator from Crockford's base-32 alphabet (no I, L, O, U, so they read aloud without ambiguity).
 * That is 2^40 ≈ 10^12 numbers per service and year: not sequential, so they cannot be walked, and tracking
 * also needs the e-mail address and is rate-limited. Uniqueness is enforced by the database; a clash is redrawn.
 */
public final class CaseNumbers {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private CaseNumbers() {
    }

    public static String next(CaseService service, Year year) {
        char[] random = new char[8];
        for (int i = 0; i < random.length; i++) {
            random[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return service.prefix() + "-" + year.getValue() + "-" + new String(random, 0, 4) + "-" + new String(random, 4, 4);
    }
}
