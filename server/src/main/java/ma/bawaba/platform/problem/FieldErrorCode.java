package ma.bawaba.platform.problem;

/**
 * What is wrong with one field, as a program reads it (to mark the field in a form): the contract's open enumeration
 * {@code FieldErrorCode}, value for value (a test holds the two equal). The localised message beside it says the same
 * for people, often more precisely.
 */
public enum FieldErrorCode {
    REQUIRED,
    MUST_BE_EMPTY,
    INVALID,
    INVALID_FORMAT,
    TOO_SHORT,
    TOO_LONG,
    OUT_OF_RANGE,
    WRONG_TYPE,
    UNKNOWN_PROPERTY,
    UNKNOWN_REFERENCE,
    NOT_ALLOWED,
    EMPTY_FILE,
    FILE_TYPE_NOT_ALLOWED
}
