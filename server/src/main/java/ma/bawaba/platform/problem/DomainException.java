package ma.bawaba.platform.problem;

import java.util.List;

/**
 * What domain code throws when a request cannot be honoured. The subclass says which kind of problem it is
 * ({@link ProblemCatalog} maps it to a status and type); the {@link ProblemCode} says what went wrong for programs,
 * with the {@link ProblemFacts} they need; the message key and arguments say it for people, in the caller's language.
 */
public abstract class DomainException extends RuntimeException {

    private final ProblemCode code;
    private final ProblemFacts facts;
    private final String messageKey;
    private final transient Object[] args;

    protected DomainException(ProblemCode code, ProblemFacts facts, String messageKey, Object... args) {
        super(code + " " + messageKey, null, false, false);
        this.code = code;
        this.facts = facts;
        this.messageKey = messageKey;
        this.args = args;
    }

    public ProblemCode code() {
        return code;
    }

    public ProblemFacts facts() {
        return facts;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<FieldError> fieldErrors() {
        return List.of();
    }

    /** A message argument that is itself a message key, localised with the rest (e.g. the name of a subject). */
    public record Localized(String key) {
    }

    /** A field, what is wrong with it for programs, and the message key (with arguments) saying it for people. */
    public record FieldError(String field, FieldErrorCode code, String messageKey, Object... args) {
    }

    /** 404: no such object, or one the caller may not see (existence is not revealed). */
    public static class NotFound extends DomainException {
        public NotFound(String subject, Object id) {
            super(ProblemCode.NOT_FOUND, ProblemFacts.NONE, "problem.not-found.detail", new Localized("subject." + subject),
                    String.valueOf(id));
        }
    }

    /**
     * 410: the case was anonymised once its retention period ended (Law 09-08). Its personal data no longer exist, so
     * its holder's token and tracking no longer open it; its number says nothing about anyone.
     */
    public static class Gone extends DomainException {
        public Gone(String number) {
            super(ProblemCode.CASE_ANONYMISED, ProblemFacts.NONE, "problem.case-anonymised.detail", number);
        }
    }

    /** 401: no valid credential. */
    public static class Unauthenticated extends DomainException {
        public Unauthenticated() {
            super(ProblemCode.UNAUTHENTICATED, ProblemFacts.NONE, "problem.unauthenticated.detail");
        }

        /** A credential that is there but does not hold (a signature that does not match). */
        public Unauthenticated(ProblemCode code, String messageKey) {
            super(code, ProblemFacts.NONE, messageKey);
        }
    }

    /** 403: a valid credential whose role may not do this (never used for another tenant's object: that is 404). */
    public static class Forbidden extends DomainException {
        public Forbidden() {
            super(ProblemCode.FORBIDDEN, ProblemFacts.NONE, "problem.forbidden.detail");
        }
    }

    /** 409: the change contradicts the current state; the code says how. */
    public static class Conflict extends DomainException {
        public Conflict(ProblemCode code, String messageKey, Object... args) {
            this(code, ProblemFacts.NONE, messageKey, args);
        }

        public Conflict(ProblemCode code, ProblemFacts facts, String messageKey, Object... args) {
            super(code, facts, messageKey, args);
        }
    }

    /** 412: the If-Match version is not the current one. */
    public static class StaleVersion extends DomainException {
        public StaleVersion(long current) {
            super(ProblemCode.STALE_VERSION, ProblemFacts.currentVersion(current), "problem.stale-version.detail", current);
        }

        /** Unless the version the caller last read (its If-Match, read at the edge) is still the current one. */
        public static void check(long expectedVersion, long currentVersion) {
            if (expectedVersion != currentVersion) {
                throw new StaleVersion(currentVersion);
            }
        }
    }

    /** 428: a change without If-Match. */
    public static class VersionRequired extends DomainException {
        public VersionRequired() {
            super(ProblemCode.VERSION_REQUIRED, ProblemFacts.NONE, "problem.version-required.detail");
        }
    }

    /** 422: well-formed but not applicable (an unknown reference, a reused idempotency key...). */
    public static class Unprocessable extends DomainException {
        private final List<FieldError> fieldErrors;

        public Unprocessable(ProblemCode code, String messageKey, Object... args) {
            this(code, List.of(), messageKey, args);
        }

        private Unprocessable(ProblemCode code, List<FieldError> fieldErrors, String messageKey, Object... args) {
            super(code, ProblemFacts.NONE, messageKey, args);
            this.fieldErrors = List.copyOf(fieldErrors);
        }

        /** Fields that a rule refuses, each with its own code. */
        public static Unprocessable fields(List<FieldError> fieldErrors) {
            return new Unprocessable(ProblemCode.VALIDATION_FAILED, fieldErrors, "problem.invalid-fields.detail",
                    fieldErrors.size());
        }

        public static Unprocessable field(String field, FieldErrorCode code, String messageKey, Object... args) {
            return fields(List.of(new FieldError(field, code, messageKey, args)));
        }

        @Override
        public List<FieldError> fieldErrors() {
            return fieldErrors;
        }
    }

    /** 400: the request itself is malformed. */
    public static class BadRequest extends DomainException {
        private final List<FieldError> fieldErrors;

        public BadRequest(List<FieldError> fieldErrors) {
            super(ProblemCode.VALIDATION_FAILED, ProblemFacts.NONE, "problem.invalid-fields.detail", fieldErrors.size());
            this.fieldErrors = List.copyOf(fieldErrors);
        }

        public static BadRequest field(String field, FieldErrorCode code, String messageKey, Object... args) {
            return new BadRequest(List.of(new FieldError(field, code, messageKey, args)));
        }

        @Override
        public List<FieldError> fieldErrors() {
            return fieldErrors;
        }
    }

    /** 413: a body, a file or a case's documents together exceed a size limit, in bytes (the message's argument). */
    public static class PayloadTooLarge extends DomainException {
        public PayloadTooLarge(ProblemCode code, long limitBytes, String messageKey) {
            super(code, ProblemFacts.limit(limitBytes), messageKey, limitBytes);
        }
    }

    /** 429: a limit that stops abuse was reached. */
    public static class TooManyRequests extends DomainException {
        private final long retryAfterSeconds;

        public TooManyRequests(long retryAfterSeconds) {
            super(ProblemCode.RATE_LIMITED, ProblemFacts.NONE, "problem.too-many-requests.detail", retryAfterSeconds);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
