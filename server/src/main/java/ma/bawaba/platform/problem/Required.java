package ma.bawaba.platform.problem;

/** Free texts a rule needs (a reason, an answer, a name): missing or blank is a 422 naming the field. */
public final class Required {

    private Required() {
    }

    /** The text without its surrounding blanks. */
    public static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw DomainException.Unprocessable.field(field, FieldErrorCode.REQUIRED, "field.required");
        }
        return value.strip();
    }
}
