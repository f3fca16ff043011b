package ma.bawaba.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import ma.bawaba.cases.CaseEvent;
import ma.bawaba.cases.CaseFile;
import ma.bawaba.platform.BawabaConfig;
import ma.bawaba.platform.web.Language;

/**
 * Writes the e-mail about one case event, in the language the case was filed in: its subject, and its body as plain
 * text and as HTML (right to left in Arabic), from the Qute templates {@code mail/case-event.*} and the texts of
 * {@code i18n/mail*.properties}. It names the case by its number only: no name, no content of the case (the citizen
 * reads those through the tracking page).
 */
@ApplicationScoped
class CitizenLetters {

    private static final Map<Language, ResourceBundle> TEXTS = new EnumMap<>(Language.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    static {
        ResourceBundle.Control noFallback = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        for (Language language : Language.values()) {
            TEXTS.put(language, ResourceBundle.getBundle("i18n.mail", language.locale(), noFallback));
        }
    }

    /** A written e-mail. */
    record Letter(String subject, String text, String html) {
    }

    private final Template html;
    private final Template text;
    private final ObjectMapper mapper;
    private final BawabaConfig config;

    CitizenLetters(@Location("mail/case-event.html") Template html, @Location("mail/case-event.txt") Template text,
                   ObjectMapper mapper, BawabaConfig config) {
        this.html = html;
        this.text = text;
        this.mapper = mapper;
        this.config = config;
    }

    static Language languageOf(CaseFile file) {
        return file.language == null ? Language.FR : Language.fromAcceptLanguage(file.language);
    }

    Letter write(CaseFile file, CaseEvent event) {
        Language language = languageOf(file);
        String key = event.type + ("REJECTED".equals(event.type) && "DOCUMENT_ORDERS".equals(file.service) ? ".order" : "");
        Object[] args = {file.number, text(language, "service." + file.service), detail(event, language),
                config.mail().trackingUrl(), config.complaints().reopenWithinDays()};
        String subject = format(language, key + ".subject", args);
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(format(language, key + ".body", args));
        if ("ANSWERED".equals(event.type) && "COMPLAINTS".equals(file.service) && "COMPLAINT".equals(file.kind)) {
            // Decree 2-17-265: the citizen rates the answer, and may reopen within the window
            paragraphs.add(format(language, "ANSWERED.rate", args));
        }
        paragraphs.add(format(language, "track", args));
        boolean rightToLeft = language == Language.AR;
        Map<String, Object> data = Map.of(
                "lang", language.tag(),
                "dir", rightToLeft ? "rtl" : "ltr",
                "align", rightToLeft ? "right" : "left",
                "subject", subject,
                "paragraphs", paragraphs,
                "numberLabel", text(language, "number-label"),
                "number", file.number,
                "trackingUrl", config.mail().trackingUrl(),
                "footer", text(language, "footer"));
        return new Letter(subject, text.data(data).render(), html.data(data).render());
    }

    /** The one fact of the event the e-mail states: a new due date, a tracking number, an amount. */
    private String detail(CaseEvent event, Language language) {
        JsonNode data;
        try {
            data = mapper.readTree(event.data);
        } catch (JsonProcessingException unreadable) {
            return "";
        }
        if (data.hasNonNull("trackingNumber")) {
            return data.get("trackingNumber").asText();
        }
        JsonNode money = data.hasNonNull("refundDue") ? data.get("refundDue") : data.get("amount");
        if (money != null && money.hasNonNull("amount")) {
            return money.get("amount").asText() + " " + money.path("currency").asText();
        }
        if (data.hasNonNull("dueDate")) {
            return LocalDate.parse(data.get("dueDate").asText()).format(DATE);
        }
        return "";
    }

    private static String text(Language language, String key) {
        try {
            return TEXTS.get(language).getString(key);
        } catch (MissingResourceException missing) {
            return TEXTS.get(Language.EN).getString(key);
        }
    }

    private static String format(Language language, String key, Object... args) {
        return new MessageFormat(text(language, key), language.locale()).format(args);
    }
}
