package ma.bawaba.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** The API's date-times are written character for character as ISO_OFFSET_DATE_TIME writes them. */
@QuarkusTest
class JsonTimesTest {

    @Inject
    ObjectMapper mapper;

    @Test
    void formatsAsTheIsoFormatterDoes() {
        Random random = new Random(42);
        ZoneOffset[] offsets = {ZoneOffset.UTC, ZoneOffset.ofHours(1), ZoneOffset.ofHours(-11), ZoneOffset.ofHoursMinutes(5, 30),
                ZoneOffset.ofHoursMinutes(-3, -30), ZoneOffset.ofTotalSeconds(-(2 * 3600 + 17 * 60 + 5)), ZoneOffset.ofTotalSeconds(37),
                ZoneOffset.MAX, ZoneOffset.MIN};
        int[] nanoSteps = {1, 10, 1000, 1_000_000, 1_000_000_000};
        for (int i = 0; i < 200_000; i++) {
            long second = random.nextLong(-62_167_219_200L, 253_402_300_799L); // years 0 to 9999
            int step = nanoSteps[random.nextInt(nanoSteps.length)];
            int nano = step == 1_000_000_000 ? 0 : random.nextInt(1_000_000_000 / step) * step;
            OffsetDateTime value = Instant.ofEpochSecond(second, nano).atOffset(offsets[random.nextInt(offsets.length)]);
            if (value.getYear() >= 0 && value.getYear() <= 9999) {
                assertEquals(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value), JsonTimes.format(value), value::toString);
            }
        }
        OffsetDateTime morocco = Instant.parse("2026-12-07T19:07:58.111322Z").atZone(ZoneId.of("Africa/Casablanca")).toOffsetDateTime();
        assertEquals("2026-12-07T20:07:58.111322+01:00", JsonTimes.format(morocco));
        assertNull(JsonTimes.format(OffsetDateTime.of(10000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
        assertNull(JsonTimes.format(OffsetDateTime.of(-1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
    }

    @Test
    void theApplicationMapperWritesThemSoAndJacksonsSerializerTakesTheRest() throws Exception {
        OffsetDateTime value = OffsetDateTime.of(2026, 3, 1, 9, 5, 0, 120_000_000, ZoneOffset.ofHours(1));
        assertEquals("\"2026-03-01T09:05:00.12+01:00\"", mapper.writeValueAsString(value));
        assertEquals(JsonTimes.IsoOffsetDateTime.class,
                mapper.getSerializerProviderInstance().findValueSerializer(OffsetDateTime.class).getClass());
        OffsetDateTime far = OffsetDateTime.of(12026, 3, 1, 9, 5, 0, 0, ZoneOffset.UTC);
        assertEquals("\"+12026-03-01T09:05:00Z\"", mapper.writeValueAsString(far));
        // what Jackson's own serializer would write under another configuration
        ObjectMapper timestamps = mapper.copy().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        assertEquals("1772352300.120000000", timestamps.writeValueAsString(value));
        ObjectMapper zoned = mapper.copy().setTimeZone(TimeZone.getTimeZone("UTC"));
        assertEquals("\"2026-03-01T08:05:00.12Z\"", zoned.writeValueAsString(value));
    }
}
