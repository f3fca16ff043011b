package ma.bawaba.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A case's timeline as a client reads it (validated against the contract), and what a test expects of each entry. */
public final class Timeline {

    private Timeline() {
    }

    /** Every entry of a case's timeline ({@code casePath}: {@code /complaints/CP-…}), oldest first. */
    public static List<Map<String, Object>> entries(RequestSpecification reader, String casePath) {
        return reader.queryParam("limit", 100).get(casePath + "/timeline").then().statusCode(200).extract().path("items");
    }

    /**
     * One entry: its type, the kind of actor, the institution that acted (null: nobody's staff), the institution the
     * case is assigned to after it, and its payload beyond the type (numbers compared as longs).
     */
    public static void assertEntry(Map<String, Object> entry, String type, String actor, Long actingInstitutionId,
                                   long institutionId, Map<String, Object> payload) {
        String what = type + " " + entry;
        assertEquals(type, entry.get("type"), what);
        assertEquals(actor, entry.get("actor"), what);
        assertEquals(actingInstitutionId, longOrNull(entry.get("actingInstitutionId")), what + ": the body that acted");
        assertEquals(institutionId, longOrNull(entry.get("institutionId")), what + ": the body the case is assigned to");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("type", type);
        payload.forEach((name, value) -> expected.put(name, value instanceof Number number ? number.longValue() : value));
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) entry.get("data");
        Map<String, Object> actual = new LinkedHashMap<>();
        data.forEach((name, value) -> actual.put(name, value instanceof Number number ? number.longValue() : value));
        assertEquals(expected, actual, what + ": its payload");
    }

    private static Long longOrNull(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
