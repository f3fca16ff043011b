package ma.bawaba;

import static ma.bawaba.support.Api.admin;
import static ma.bawaba.support.Api.anonymous;
import static ma.bawaba.support.Api.clientAddress;
import static ma.bawaba.support.Api.raw;
import static ma.bawaba.support.Api.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import ma.bawaba.ComplaintFixtures.Agency;
import ma.bawaba.ComplaintFixtures.Filed;
import org.junit.jupiter.api.Test;

/**
 * What browsers and proxies may keep: public reference data and the FAQ, for a configured time (2 minutes in the
 * tests), revalidated by ETag; nothing else, since the rest carries personal data or depends on a credential.
 */
@QuarkusTest
class HttpCachingTest {

    private static final String PUBLIC = "public, max-age=120";

    private static List<String> publicReads() {
        int office = anonymous().queryParam("limit", 1).get("/civil-status-offices").then().extract().path("items[0].id");
        return List.of("/regions?limit=2", "/communes?limit=2", "/institutions?limit=3", "/institutions/2",
                "/civil-status-offices?limit=3", "/civil-status-offices/" + office, "/document-types",
                "/complaint-categories", "/refusal-grounds", "/holidays?year=2026", "/faq?service=COMPLAINTS");
    }

    @Test
    void publicReferenceDataMayBeKeptAndIsRevalidatedByItsETag() {
        for (String path : publicReads()) {
            String etag = anonymous().get(path).then().statusCode(200)
                    .header("Cache-Control", PUBLIC).header("X-Content-Type-Options", "nosniff")
                    .header("Vary", containsString("Accept-Language")).header("Content-Language", "fr")
                    .header("ETag", matchesPattern("\"[A-Za-z0-9]+\""))
                    .extract().header("ETag");
            anonymous().header("If-None-Match", etag).get(path).then().statusCode(304)
                    .header("ETag", etag).header("Cache-Control", PUBLIC).body(emptyString());
            anonymous().header("If-None-Match", "\"elsewhere\", W/" + etag).get(path).then().statusCode(304);
            anonymous().header("If-None-Match", "\"elsewhere\"").get(path).then().statusCode(200).header("ETag", etag);
        }
    }

    @Test
    void aKeptCopyIsStaleOnceTheDataOrTheLanguageChanges() {
        String code = unique("CACHE");
        var created = AdministrationTest.createInstitution(code);
        String path = "/institutions/" + created.path("id");
        String version = anonymous().get(path).then().statusCode(200).header("Cache-Control", PUBLIC).extract().header("ETag");
        String page = anonymous().queryParam("q", code).get("/institutions").then().statusCode(200).extract().header("ETag");
        String arabicPage = anonymous().header("Accept-Language", "ar").queryParam("q", code).get("/institutions")
                .then().statusCode(200).header("Content-Language", "ar").extract().header("ETag");
        assertNotEquals(page, arabicPage);

        Map<String, Object> renamed = new java.util.HashMap<>(AdministrationTest.institution(code));
        renamed.put("names", Map.of("ar", "الوكالة الحضرية الجديدة", "fr", "Nouvelle agence " + code));
        admin().header("If-Match", version).contentType("application/json").body(renamed).put("/admin/institutions/" + created.path("id"))
                .then().statusCode(200).header("Cache-Control", "no-store");
        anonymous().header("If-None-Match", version).get(path).then().statusCode(200).header("ETag", not(version));
        anonymous().header("If-None-Match", page).queryParam("q", code).get("/institutions").then().statusCode(200)
                .header("ETag", not(page)).body("items[0].name", equalTo("Nouvelle agence " + code));
    }

    @Test
    void answersWithPersonalDataOrACredentialAreNeverKept() {
        Agency agency = ComplaintFixtures.agency();
        var receipt = anonymous().header("X-Forwarded-For", clientAddress()).contentType("application/json")
                .body(ComplaintFixtures.complaint(agency.id(), "COMPLAINT")).post("/complaints").then().statusCode(201)
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff").extract();
        Filed filed = new Filed(receipt.path("complaint.number"), receipt.path("caseToken"), agency.id());
        String path = "/complaints/" + filed.number();
        for (RequestSpecification reader : List.of(filed.holder(), agency.agent())) {
            String etag = reader.get(path).then().statusCode(200).header("Cache-Control", "no-store").extract().header("ETag");
            // a personal answer is never revalidated into a 304 either: nothing may have kept it
            reader.header("If-None-Match", etag).get(path).then().statusCode(200);
        }
        filed.holder().get(path + "/timeline").then().statusCode(200).header("Cache-Control", "no-store");
        filed.holder().get(path + "/messages").then().statusCode(200).header("Cache-Control", "no-store");
        agency.agent().get("/complaints").then().statusCode(200).header("Cache-Control", "no-store");
        anonymous().header("X-Forwarded-For", clientAddress()).contentType("application/json")
                .body(Map.of("number", filed.number(), "email", "amina.benali@example.ma")).post("/tracking")
                .then().statusCode(200).header("Cache-Control", "no-store");
        admin().get("/me").then().statusCode(200).header("Cache-Control", "no-store");
        admin().get("/admin/api-keys").then().statusCode(200).header("Cache-Control", "no-store");
        // problems too, even on a public read, and those written before the REST layer
        anonymous().get("/institutions/999999").then().statusCode(404)
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
        raw().get("/no-such-thing").then().statusCode(404)
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
        raw().contentType("application/json").body("x".repeat(70 * 1024)).post("/tracking").then().statusCode(413)
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
        assertEquals("no-store", anonymous().get("/health").then().extract().header("Cache-Control"));
    }
}
