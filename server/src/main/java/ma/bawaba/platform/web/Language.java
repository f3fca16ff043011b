package ma.bawaba.platform.web;

import java.util.List;
import java.util.Locale;

/**
 * The languages Bawaba answers in; French when the caller asks for none of them (the administration's usual default).
 * Which one a request gets is decided once, at the edge ({@link RequestLanguage}), and everything localised in its
 * answer (names, problem titles, details and field messages) uses that one decision.
 */
public enum Language {
    AR("ar", "ar-MA"), FR("fr", "fr-MA"), EN("en", "en-MA");

    /** The order in which a wildcard ({@code *}) or an unsupported preference is served. */
    private static final List<Language> BY_DEFAULT = List.of(FR, AR, EN);

    private final String tag;
    private final Locale locale;

    Language(String tag, String formattingLocale) {
        this.tag = tag;
        // Moroccan conventions for numbers and dates: Latin digits in Arabic too, as administrations write them.
        this.locale = Locale.forLanguageTag(formattingLocale);
    }

    /** The language tag of {@code Content-Language}. */
    public String tag() {
        return tag;
    }

    /** The locale that formats numbers and dates, and finds the message bundle ({@code ar-MA} falls back to {@code ar}). */
    public Locale locale() {
        return locale;
    }

    /**
     * The best match of an {@code Accept-Language} header (RFC 9110 §12.5.4): the preferences are read by weight, a
     * region is ignored ({@code ar-MA} is Arabic), {@code q=0} excludes a language, and {@code *} — what Node's fetch
     * sends — means any language, so the default. Absent, malformed or unmatched headers give French.
     */
    public static Language fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return FR;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException malformed) {
            return FR;
        }
        List<Language> excluded = ranges.stream().filter(range -> range.getWeight() == 0)
                .map(range -> ofRange(range.getRange())).filter(java.util.Objects::nonNull).toList();
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() == 0) {
                continue;
            }
            if (range.getRange().equals("*")) {
                return BY_DEFAULT.stream().filter(language -> !excluded.contains(language)).findFirst().orElse(FR);
            }
            Language language = ofRange(range.getRange());
            if (language != null && !excluded.contains(language)) {
                return language;
            }
        }
        return FR;
    }

    private static Language ofRange(String range) {
        String primary = range.split("-", 2)[0];
        for (Language language : values()) {
            if (language.tag.equals(primary)) {
                return language;
            }
        }
        return null;
    }

    /** Picks the text in this language, falling back to French, then Arabic, when it is missing. */
    public String pick(String ar, String fr, String en) {
        String chosen = switch (this) {
            case AR -> ar;
            case FR -> fr;
            case EN -> en;
        };
        if (chosen != null && !chosen.isBlank()) {
            return chosen;
        }
        return fr != null ? fr : ar;
    }
}
