package ma.bawaba.platform.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.OffsetDateTimeSerializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Every date-time of the API is an {@link OffsetDateTime} written as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}
 * prints it ({@code 2026-12-07T20:07:58.111322+01:00}): the same characters, written without the formatter, whose
 * generic printer (a BigDecimal per fraction of a second) was the largest single cost of an inbox page (15% of its
 * CPU: two date-times per row). Years outside 0..9999 and any configuration under which Jackson's own serializer
 * would print something else (timestamps, a context time zone) go to that serializer.
 */
@Singleton
public class JsonTimes implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("bawaba-times").addSerializer(OffsetDateTime.class, new IsoOffsetDateTime()));
    }

    @Override
    public int priority() {
        // after Quarkus's own customizers, which register the JavaTime module: a serializer of a module registered
        // later wins
        return MINIMUM_PRIORITY;
    }

    static final class IsoOffsetDateTime extends StdSerializer<OffsetDateTime> {

        IsoOffsetDateTime() {
            super(OffsetDateTime.class);
        }

        @Override
        public void serialize(OffsetDateTime value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            String text = provider.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    || provider.getConfig().hasExplicitTimeZone() ? null : format(value);
            if (text == null) {
                OffsetDateTimeSerializer.INSTANCE.serialize(value, generator, provider);
            } else {
                generator.writeString(text);
            }
        }
    }

    /** As {@code ISO_OFFSET_DATE_TIME.format(value)}, or null for a year outside 0..9999. */
    static String format(OffsetDateTime value) {
        int year = value.getYear();
        if (year < 0 || year > 9999) {
            return null;
        }
        char[] text = new char[38]; // yyyy-MM-ddTHH:mm:ss.nnnnnnnnn+HH:MM:ss
        int at = 0;
        at = digits(text, at, year / 100);
        at = digits(text, at, year % 100);
        text[at++] = '-';
        at = digits(text, at, value.getMonthValue());
        text[at++] = '-';
        at = digits(text, at, value.getDayOfMonth());
        text[at++] = 'T';
        at = digits(text, at, value.getHour());
        text[at++] = ':';
        at = digits(text, at, value.getMinute());
        text[at++] = ':';
        at = digits(text, at, value.getSecond());
        int nano = value.getNano();
        if (nano != 0) {
            // the fraction's digits without its trailing zeros, as the formatter's fraction printer gives them
            int width = 9;
            while (nano % 10 == 0) {
                nano /= 10;
                width--;
            }
            text[at++] = '.';
            for (int i = at + width - 1; i >= at; i--) {
                text[i] = (char) ('0' + nano % 10);
                nano /= 10;
            }
            at += width;
        }
        int offset = value.getOffset().getTotalSeconds();
        if (offset == 0) {
            text[at++] = 'Z';
        } else {
            text[at++] = offset < 0 ? '-' : '+';
            int absolute = Math.abs(offset);
            at = digits(text, at, absolute / 3600);
            text[at++] = ':';
            at = digits(text, at, absolute / 60 % 60);
            if (absolute % 60 != 0) {
                text[at++] = ':';
                at = digits(text, at, absolute % 60);
            }
        }
        return new String(text, 0, at);
    }

    private static int digits(char[] text, int at, int twoDigits) {
        text[at] = (char) ('0' + twoDigits / 10);
        text[at + 1] = (char) ('0' + twoDigits % 10);
        return at + 2;
    }
}
