package ma.bawaba.platform.web;

import java.util.List;
import java.util.Locale;

/** The languages Bawaba answers in; French when the caller asks for none of them (the administration's usual default). */
public enum Language {
    AR, FR, EN;

    private static final List<Locale> SUPPORTED = List.of(Locale.forLanguageTag("ar"), Locale.FRENCH, Locale.ENGLISH);

    public Locale locale() {
        return SUPPORTED.get(ordinal());
    }

    /** The best match of an {@code Accept-Language} header; malformed or absent headers give French. */
    public static Language fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return FR;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
            return best == null ? FR : values()[SUPPORTED.indexOf(best)];
        } catch (IllegalArgumentException malformed) {
            return FR;
        }
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
