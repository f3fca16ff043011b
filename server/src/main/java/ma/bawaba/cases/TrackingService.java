package ma.bawaba.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import ma.bawaba.platform.BawabaConfig;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.security.CaseTokens;

/**
 * Exchanges a case number and the e-mail given at submission for a short-lived case token. A wrong e-mail and an
 * unknown number give the same 404, so the answer reveals nothing; the caller's rate limit is checked before. An
 * anonymised case answers 410 whatever the e-mail.
 */
@ApplicationScoped
public class TrackingService {

    private final CaseTokens caseTokens;
    private final BawabaConfig config;

    TrackingService(CaseTokens caseTokens, BawabaConfig config) {
        this.caseTokens = caseTokens;
        this.config = config;
    }

    /** The case found and the token that opens it. */
    public record Tracked(CaseFile file, CaseTokens.Issued token) {
    }

    @Transactional
    public Tracked track(String number, String email) {
        String normalizedNumber = number.trim().toUpperCase(Locale.ROOT);
        CaseFile file = CaseFile.<CaseFile>find("number", normalizedNumber).firstResult();
        if (file != null && file.isAnonymised()) {
            // It holds no e-mail to compare any more; its number alone says nothing about anyone (Law 09-08).
            throw new DomainException.Gone(file.number);
        }
        byte[] given = normalizeEmail(email).getBytes(StandardCharsets.UTF_8);
        byte[] expected = file == null ? new byte[0] : file.requesterEmail.getBytes(StandardCharsets.UTF_8);
        if (file == null || !MessageDigest.isEqual(given, expected)) {
            throw new DomainException.NotFound("case", normalizedNumber);
        }
        return new Tracked(file, caseTokens.issue(file.id, config.tracking().tokenTtl()));
    }

    /** E-mail addresses are compared without case or surrounding blanks. */
    public static String normalizeEmail(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }
}
