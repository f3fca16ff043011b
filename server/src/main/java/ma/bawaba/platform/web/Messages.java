package ma.bawaba.platform.web;

import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Localised messages (problem titles, details, field errors) from {@code i18n/messages*.properties}, loaded once. */
public final class Messages {

    private static final Map<Language, ResourceBundle> BUNDLES = new EnumMap<>(Language.class);

    static {
        ResourceBundle.Control noFallback = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        for (Language language : Language.values()) {
            BUNDLES.put(language, ResourceBundle.getBundle("i18n.messages", language.locale(), noFallback));
        }
    }

    private Messages() {
    }

    public static String get(Language language, String key, Object... args) {
        String pattern;
        try {
            pattern = BUNDLES.get(language).getString(key);
        } catch (MissingResourceException missing) {
            return key;
        }
        return new MessageFormat(pattern, language.locale()).format(args);
    }
}
