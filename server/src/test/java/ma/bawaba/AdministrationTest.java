package ma.bawaba;

import static ma.bawaba.support.Api.ADMIN_KEY;
import static ma.bawaba.support.Api.admin;
import static ma.bawaba.support.Api.invalid;
import static ma.bawaba.support.Api.anonymous;
import static ma.bawaba.support.Api.unique;
import static ma.bawaba.support.Api.withKey;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdministrationTest {

    static Map<String, Object> institution(String code) {
        return Map.of("code", code, "kind", "PUBLIC_BODY",
                "names", Map.of("ar", "الوكالة الحضرية", "fr", "Agence urbaine " + code),
                "regionId", 4, "services", List.of("INFORMATION_REQUESTS", "COMPLAINTS"));
    }

    static ExtractableResponse<Response> createInstitution(String code) {
        return admin().contentType("application/json").body(institution(code)).post("/admin/institutions")
                .then().statusCode(201).extract();
    }

    static String issueKey(String role, Long institutionId) {
        Map<String, Object> body = institutionId == null ? Map.of("name", "test key", "role", role)
                : Map.of("name", "test key", "role", role, "institutionId", institutionId);
        return admin().contentType("application/json").body(body).post("/admin/api-keys")
                .then().statusCode(201).extract().path("secret");
    }

    @Test
    void administratorCreatesAnInstitutionThatThePublicThenSees() {
        String code = unique("AU");
        ExtractableResponse<Response> created = createInstitution(code);
        long id = ((Number) created.path("id")).longValue();
        assertEquals("/api/v1/institutions/" + id, java.net.URI.create(created.header("Location")).getPath());
        assertEquals("\"0\"", created.header("ETag"));
        anonymous().queryParam("q", code).get("/institutions").then().statusCode(200).body("items.code", hasItem(code));
        anonymous().queryParam("service", "COMPLAINTS").queryParam("regionId", 4).queryParam("limit", 100).get("/institutions")
                .then().statusCode(200).body("items.code", hasItem(code));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReplaysTheFirstAnswerAndCreatesNothing() {
        String code = unique("IDEM");
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> first = admin().header("Idempotency-Key", key).contentType("application/json")
                .body(institution(code)).post("/admin/institutions").then().statusCode(201).extract();
        ExtractableResponse<Response> replay = admin().header("Idempotency-Key", key).contentType("application/json")
                .body(institution(code)).post("/admin/institutions").then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract();
        assertEquals(first.asString(), replay.asString());
        assertEquals(first.header("Location"), replay.header("Location"));
        admin().header("Idempotency-Key", key).contentType("application/json")
                .body(institution(unique("OTHER"))).post("/admin/institutions")
                .then().statusCode(422).contentType("application/problem+json");
        anonymous().queryParam("q", code).get("/institutions").then().body("items.size()", equalTo(1));
    }

    @Test
    void changesNeedTheCurrentVersion() {
        ExtractableResponse<Response> created = createInstitution(unique("VER"));
        long id = ((Number) created.path("id")).longValue();
        Map<String, Object> renamed = new java.util.HashMap<>(institution(created.path("code")));
        renamed.put("acronym", "VR");
        admin().contentType("application/json").body(renamed).put("/admin/institutions/" + id)
                .then().statusCode(428).contentType("application/problem+json");
        String etag = admin().header("If-Match", "\"0\"").contentType("application/json").body(renamed)
                .put("/admin/institutions/" + id).then().statusCode(200).body("acronym", equalTo("VR"))
                .extract().header("ETag");
        assertNotEquals("\"0\"", etag);
        admin().header("If-Match", "\"0\"").contentType("application/json").body(renamed)
                .put("/admin/institutions/" + id).then().statusCode(412).contentType("application/problem+json");
        admin().header("If-Match", etag).contentType("application/json").body(renamed)
                .put("/admin/institutions/999999").then().statusCode(404);
    }

    @Test
    void invalidInstitutionsAreRefusedFieldByField() {
        invalid().header("X-Api-Key", ADMIN_KEY).contentType("application/json")
                .body(Map.of("code", "lower case", "kind", "MINISTRY", "acronym", "<b>",
                        "names", Map.of("ar", "س", "fr", "x"), "services", List.of()))
                .post("/admin/institutions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("code", "acronym")).body("errors.code", hasItem("INVALID_FORMAT"))
                .body("errors.message", hasItems("n'a pas la forme attendue", "contient des caractères non autorisés"))
                .body("errors.message", everyItem(not(containsString("^["))));
        invalid().header("X-Api-Key", ADMIN_KEY).contentType("application/json")
                .body(Map.of("code", "MISSING", "kind", "MINISTRY", "names", Map.of("fr", "x"), "services", List.of()))
                .post("/admin/institutions")
                .then().statusCode(400).body("errors.field", hasItem("names.ar"))
                .body("errors.message", hasItem("est obligatoire")).body("errors.code", hasItem("REQUIRED"));
        invalid().header("X-Api-Key", ADMIN_KEY).contentType("application/json")
                .body(Map.of("code", unique("MASS"), "kind", "MINISTRY", "names", Map.of("ar", "س", "fr", "x"),
                        "services", List.of(), "id", 1))
                .post("/admin/institutions")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("id"));
        admin().contentType("application/json").body(Map.of("code", "X9", "kind", "MINISTRY",
                        "names", Map.of("ar", "س", "fr", "x"), "services", List.of(), "regionId", 99999))
                .post("/admin/institutions").then().statusCode(422).body("errors.field", hasItem("regionId"))
                .body("errors.code", hasItem("UNKNOWN_REFERENCE"));
        String code = unique("DUP");
        createInstitution(code);
        admin().contentType("application/json").body(institution(code)).post("/admin/institutions")
                .then().statusCode(409).contentType("application/problem+json").body("code", equalTo("ALREADY_EXISTS"));
    }

    @Test
    void namesAreOneLineOfReadableTextThatFitsItsColumn() {
        for (String name : List.of("Agence\u202Egnp.exe", "Agence\nurbaine", "Agence <b>urbaine</b>", "Agence\u0000")) {
            invalid().header("X-Api-Key", ADMIN_KEY).contentType("application/json")
                    .body(Map.of("code", unique("NAME"), "kind", "PUBLIC_BODY", "names", Map.of("ar", "وكالة", "fr", name),
                            "services", List.of()))
                    .post("/admin/institutions").then().statusCode(400)
                    .body("errors.field", equalTo(List.of("names.fr")))
                    .body("errors[0].message", equalTo("contient des caractères non autorisés"));
        }
        invalid().header("X-Api-Key", ADMIN_KEY).contentType("application/json")
                .body(Map.of("code", unique("NAME"), "kind", "PUBLIC_BODY", "services", List.of(),
                        "names", Map.of("ar", "وكالة", "fr", "Agence", "de", "Agentur")))
                .post("/admin/institutions").then().statusCode(400).body("errors.field", hasItem("names.de"));
        admin().contentType("application/json")
                .body(Map.of("code", unique("NAME"), "kind", "PUBLIC_BODY", "names", Map.of("ar", "   ", "fr", "Agence"),
                        "services", List.of()))
                .post("/admin/institutions").then().statusCode(422).body("errors.field", hasItem("names.ar"));

        // Holiday names are kept in 200 characters: one more is refused before it reaches the database.
        String date = (2090 + (int) (Math.random() * 9)) + "-1" + (int) (Math.random() * 3) + "-2" + (int) (Math.random() * 9);
        invalid().header("X-Api-Key", ADMIN_KEY).contentType("application/json")
                .body(Map.of("date", date, "kind", "FIXED", "names", Map.of("ar", "عيد", "fr", "F".repeat(201))))
                .post("/admin/holidays").then().statusCode(400).body("errors.field", equalTo(List.of("names.fr")));
        ExtractableResponse<Response> longest = admin().contentType("application/json")
                .body(Map.of("date", date, "kind", "FIXED", "names", Map.of("ar", "ع".repeat(200), "fr", "F".repeat(200))))
                .post("/admin/holidays").then().statusCode(201).body("names.fr", equalTo("F".repeat(200))).extract();
        admin().header("If-Match", longest.header("ETag")).delete("/admin/holidays/" + longest.path("id")).then().statusCode(204);
    }

    @Test
    void onlyAdministratorsAdminister() {
        String agentKey = issueKey("AGENT", 2L);
        anonymous().contentType("application/json").body(institution(unique("ANON"))).post("/admin/institutions")
                .then().statusCode(401).contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
        withKey(agentKey).contentType("application/json").body(institution(unique("AGT"))).post("/admin/institutions")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        withKey("bwb_aaaaaaaa_NotARealKeyNotARealKeyNotARealKey").get("/admin/api-keys").then().statusCode(401);
        withKey(agentKey).get("/admin/api-keys").then().statusCode(403);
        withKey(agentKey).header("If-Match", "\"0\"").delete("/admin/holidays/1").then().statusCode(403);
    }

    @Test
    void officesAreCommunalInMoroccoOrConsulatesAbroad() {
        String code = unique("BEC");
        ExtractableResponse<Response> created = admin().contentType("application/json")
                .body(Map.of("code", code, "kind", "COMMUNAL", "names", Map.of("ar", "مكتب", "fr", "Bureau " + code),
                        "communeId", 1001, "countryCode", "MA", "city", "Rabat"))
                .post("/admin/civil-status-offices").then().statusCode(201)
                .body("provinceId", notNullValue()).body("regionId", notNullValue()).extract();
        long id = ((Number) created.path("id")).longValue();
        anonymous().get("/civil-status-offices/" + id).then().statusCode(200).body("code", equalTo(code));
        admin().contentType("application/json")
                .body(Map.of("code", unique("CONS"), "kind", "CONSULATE", "names", Map.of("ar", "قنصلية", "fr", "Consulat"),
                        "countryCode", "MA"))
                .post("/admin/civil-status-offices").then().statusCode(422).body("errors.field", hasItem("countryCode"));
        admin().contentType("application/json")
                .body(Map.of("code", unique("BEC"), "kind", "COMMUNAL", "names", Map.of("ar", "مكتب", "fr", "Bureau"),
                        "countryCode", "MA"))
                .post("/admin/civil-status-offices").then().statusCode(422).body("errors.field", hasItem("communeId"));
        admin().header("If-Match", "\"5\"").contentType("application/json")
                .body(Map.of("code", code, "kind", "COMMUNAL", "names", Map.of("ar", "مكتب", "fr", "Bureau"),
                        "communeId", 1001, "countryCode", "MA"))
                .put("/admin/civil-status-offices/" + id).then().statusCode(412);
    }

    @Test
    void holidaysAreManagedWithVersions() {
        int year = 2090 + (int) (Math.random() * 9);
        String date = year + "-0" + (1 + (int) (Math.random() * 9)) + "-1" + (int) (Math.random() * 9);
        ExtractableResponse<Response> created = admin().contentType("application/json")
                .body(Map.of("date", date, "kind", "RELIGIOUS", "names", Map.of("ar", "عيد", "fr", "Fête", "en", "Feast")))
                .post("/admin/holidays").then().statusCode(201).extract();
        long id = ((Number) created.path("id")).longValue();
        anonymous().queryParam("year", year).get("/holidays").then().statusCode(200).body("items.date", hasItem(date));
        admin().contentType("application/json")
                .body(Map.of("date", date, "kind", "FIXED", "names", Map.of("ar", "عيد", "fr", "Fête")))
                .post("/admin/holidays").then().statusCode(409);
        admin().header("If-Match", "\"9\"").delete("/admin/holidays/" + id).then().statusCode(412);
        admin().delete("/admin/holidays/" + id).then().statusCode(428);
        admin().header("If-Match", created.header("ETag")).delete("/admin/holidays/" + id).then().statusCode(204);
        anonymous().queryParam("year", year).get("/holidays").then().body("items.date", not(hasItem(date)));
    }
}
