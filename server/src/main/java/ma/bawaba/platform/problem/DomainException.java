package ma.bawaba.platform.problem;

import java.util.List;

/**
 * What domain code throws when a request cannot be honoured. The subclass says which kind of problem it is
 * ({@link ProblemCatalog} maps it to a status and type); the message key and arguments say the detail, in the
 * caller's language.
 */
public abstract class DomainException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    protected DomainException(String messageKey, Object... args) {
        super(messageKey, null, false, false);
        this.messageKey = messageKey;
        this.args = args;
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

    /** A field and the message key (with arguments) saying what is wrong with it. */
    public record FieldError(String field, String messageKey, Object... args) {
    }

    /** 404: no such object, or one the caller may not see (existence is not revealed). */
    public static class NotFound extends DomainException {
        public NotFound(String subject, Object id) {
            super("problem.not-found.detail", new Localized("subject." + subject), String.valueOf(id));
        }
    }

    /** 401: no valid credential. */
    public static class Unauthenticated extends DomainException {
        public Unauthenticated() {
            super("problem.unauthenticated.detail");
        }
    }

    /** 403: a valid credential whose role may not do this (never used for another tenant's object: that is 404). */
    public static class Forbidden extends DomainException {
        public Forbidden() {
            super("problem.forbidden.detail");
        }
    }

    /** 409: the change contradicts the current state. */
    public static class Conflict extends DomainException {
        public Conflict(String messageKey, Object... args) {
            super(messageKey, args);
        }
    }

    /** 412: the If-Match version is not the current one. */
    public static class StaleVersion extends DomainException {
        public StaleVersion(long current) {
            super("problem.stale-version.detail", current);
        }
    }

    /** 428: a change without If-Match. */
    public static class VersionRequired extends DomainException {
        public VersionRequired() {
            super("problem.version-required.detail");
        }
    }

    /** 422: well-formed but not applicable (an unknown reference, a reused idempotency key...). */
    public static class Unprocessable extends DomainException {
        private final List<FieldError> fieldErrors;

        public Unprocessable(String messageKey, Object... args) {
            this(List.of(), messageKey, args);
        }

        public Unprocessable(List<FieldError> fieldErrors, String messageKey, Object... args) {
            super(messageKey, args);
            this.fieldErrors = List.copyOf(fieldErrors);
        }

        public static Unprocessable field(String field, String messageKey, Object... args) {
            return new Unprocessable(List.of(new FieldError(field, messageKey, args)), "problem.invalid-fields.detail", 1);
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
            super("problem.invalid-fields.detail", fieldErrors.size());
            this.fieldErrors = List.copyOf(fieldErrors);
        }

        public static BadRequest field(String field, String messageKey, Object... args) {
            return new BadRequest(List.of(new FieldError(field, messageKey, args)));
        }

        @Override
        public List<FieldError> fieldErrors() {
            return fieldErrors;
        }
    }

    /** 413: a body, a file or a case's documents together exceed a size limit. */
    public static class PayloadTooLarge extends DomainException {
        public PayloadTooLarge(String messageKey, Object... args) {
            super(messageKey, args);
        }
    }

    /** 429: a limit that stops abuse was reached. */
    public static class TooManyRequests extends DomainException {
        private final long retryAfterSeconds;

        public TooManyRequests(long retryAfterSeconds) {
            super("problem.too-many-requests.detail", retryAfterSeconds);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
