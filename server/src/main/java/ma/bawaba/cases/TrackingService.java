package ma.bawaba.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Locale;
import ma.bawaba.contract.model.TrackingResult;
import ma.bawaba.platform.BawabaConfig;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.security.CaseTokens;

/**
 * Exchanges a case number and the e-mail given at submission for a short-lived case token. A wrong e-mail and an
 * unknown number give the same 404, so the answer reveals nothing; the caller's rate limit is checked before.
 */
@ApplicationScoped
public class TrackingService {

    private final CaseTokens caseTokens;
    private final BawabaConfig config;
    private final Clock clock;

    TrackingService(CaseTokens caseTokens, BawabaConfig config, Clock clock) {
        this.caseTokens = caseTokens;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public TrackingResult track(String number, String email) {
        String normalizedNumber = number.trim().toUpperCase(Locale.ROOT);
        CaseFile file = CaseFile.<CaseFile>find("number", normalizedNumber).firstResult();
        byte[] given = normalizeEmail(email).getBytes(StandardCharsets.UTF_8);
        byte[] expected = file == null ? new byte[0] : file.requesterEmail.getBytes(StandardCharsets.UTF_8);
        if (file == null || !MessageDigest.isEqual(given, expected)) {
            throw new DomainException.NotFound("case", normalizedNumber);
        }
        CaseTokens.Issued token = caseTokens.issue(file.id, config.tracking().tokenTtl());
        return new TrackingResult()
                ._case(CaseSummaries.of(file, clock))
                .caseToken(token.token())
                .expiresAt(token.expiresAt().atZone(ma.bawaba.platform.TimeSource.MOROCCO).toOffsetDateTime());
    }

    /** E-mail addresses are compared without case or surrounding blanks. */
    public static String normalizeEmail(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }
}
