package ma.bawaba.reference;

/**
 * A text as an administrator gives it in Arabic, French and, optionally, English: what a command carries before the
 * rules of whatever stores it (a {@link Names}, an FAQ entry) apply.
 */
public record LocalizedText(String ar, String fr, String en) {
}
