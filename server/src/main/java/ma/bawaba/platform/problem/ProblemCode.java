package ma.bawaba.platform.problem;

/**
 * What went wrong, as a program reads it: the contract's open enumeration {@code ProblemCode}, value for value (a test
 * holds the two equal). Clients branch on these codes, not on the localised words of a problem; a code, once
 * published, keeps its meaning.
 */
public enum ProblemCode {
    VALIDATION_FAILED,
    MALFORMED_JSON,
    UNAUTHENTICATED,
    /** A payment callback whose signature or timestamp does not hold. */
    SIGNATURE_INVALID,
    FORBIDDEN,
    NOT_FOUND,
    METHOD_NOT_ALLOWED,
    NOT_ACCEPTABLE,
    /** The lifecycle table has no row for this move, from the current status, for this caller. */
    TRANSITION_NOT_ALLOWED,
    /** The case takes no more messages or documents. */
    CASE_CLOSED,
    /** Observations and suggestions get no answer (Decree 2-17-265), so there is nothing to rate. */
    NOT_RATEABLE,
    NOT_ANSWERED,
    ALREADY_RATED,
    REOPEN_LIMIT_REACHED,
    /** A payment for an order that no longer waits for one. */
    ALREADY_PAID,
    WINDOW_NOT_OPEN,
    WINDOW_CLOSED,
    ALREADY_EXISTS,
    CONCURRENT_CHANGE,
    STALE_VERSION,
    BODY_TOO_LARGE,
    FILE_TOO_LARGE,
    CASE_ATTACHMENTS_FULL,
    UNSUPPORTED_MEDIA_TYPE,
    IDEMPOTENCY_KEY_REUSED,
    /** A payment or refund notification for another amount than the one owed. */
    AMOUNT_MISMATCH,
    VERSION_REQUIRED,
    RATE_LIMITED,
    INTERNAL_ERROR,
    TEMPORARILY_UNAVAILABLE,
    /** The case's personal data were erased once its retention period ended (Law 09-08). */
    CASE_ANONYMISED
}
