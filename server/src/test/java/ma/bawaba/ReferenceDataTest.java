package ma.bawaba;

import static ma.bawaba.support.Api.anonymous;
import static ma.bawaba.support.Api.invalid;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReferenceDataTest {

    @Test
    void twelveRegionsComeWithTheirProvincesAndCommunes() {
        JsonPath page = anonymous().queryParam("limit", 100).get("/regions")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(12, page.getList("items").size());
        assertEquals(75, page.getList("items.provinces.flatten()").size());
        assertTrue(page.getList("items.provinces.communes.flatten().flatten()").size() >= 200);
        assertEquals("Rabat-Salé-Kénitra", page.getString("items.find { it.code == '04' }.name"));
    }

    @Test
    void namesAnswerInTheLanguageAsked() {
        anonymous().header("Accept-Language", "ar-MA, fr;q=0.5").get("/institutions/2")
                .then().statusCode(200).body("name", equalTo("وزارة العدل")).header("ETag", notNullValue());
        anonymous().header("Accept-Language", "en").get("/institutions/2")
                .then().statusCode(200).body("name", equalTo("Ministry of Justice"));
        anonymous().header("Accept-Language", "de").get("/institutions/2")
                .then().statusCode(200).body("name", equalTo("Ministère de la Justice"));
    }

    @Test
    void searchMatchesArabicAndLatinNamesIgnoringAccents() {
        anonymous().queryParam("q", "العدل").get("/institutions")
                .then().statusCode(200).body("items.code", hasItem("MIN_JUSTICE"));
        anonymous().queryParam("q", "justice").get("/institutions")
                .then().statusCode(200).body("items.code", hasItem("MIN_JUSTICE"));
        anonymous().queryParam("q", "fes").get("/communes")
                .then().statusCode(200).body("items.names.fr", hasItem(equalTo("Fès")));
        anonymous().queryParam("q", "CNSS").get("/institutions")
                .then().statusCode(200).body("items.acronym", hasItem("CNSS"));
    }

    @Test
    void officesPageWithCursorsWithoutRepeatsOrGaps() {
        Set<Integer> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = anonymous().queryParam("limit", 50);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/civil-status-offices").then().statusCode(200).extract().jsonPath();
            List<Integer> ids = page.getList("items.id");
            ids.forEach(id -> assertTrue(seen.add(id), "office " + id + " shown twice"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 20);
        assertTrue(seen.size() >= 80, "at least one office per province plus consulates");
        assertTrue(pages >= 2);
    }

    @Test
    void officesFilterByRegionProvinceAndKind() {
        anonymous().queryParam("kind", "CONSULATE").get("/civil-status-offices")
                .then().statusCode(200).body("items", hasSize(greaterThanOrEqualTo(5)))
                .body("items.countryCode", everyItem(org.hamcrest.Matchers.not("MA")));
        anonymous().queryParam("regionId", 4).queryParam("limit", 100).get("/civil-status-offices")
                .then().statusCode(200).body("items.regionId", everyItem(equalTo(4)));
    }

    @Test
    void legalListsAndPricesArePublic() {
        anonymous().get("/document-types").then().statusCode(200)
                .body("items.code", hasItem("BIRTH_EXTRACT"))
                .body("items.find { it.code == 'BIRTH_EXTRACT' }.pricePerCopy.amount", equalTo("20.00"))
                .body("items.find { it.code == 'BIRTH_EXTRACT' }.maxCopies", equalTo(5));
        anonymous().queryParam("limit", 100).get("/refusal-grounds").then().statusCode(200)
                .body("items.code", hasItem("PRIVATE_LIFE"))
                .body("items.legalBasis", everyItem(org.hamcrest.Matchers.startsWith("Law 31-13")));
        anonymous().get("/complaint-categories").then().statusCode(200).body("items", hasSize(greaterThan(5)));
    }

    @Test
    void everyReferenceItemCarriesTheIdentifierItsUsersSend() {
        for (String list : List.of("/regions", "/communes", "/institutions", "/civil-status-offices", "/document-types",
                "/complaint-categories", "/refusal-grounds", "/holidays?year=2026")) {
            JsonPath page = anonymous().queryParam("limit", 100).get(list).then().statusCode(200).extract().jsonPath();
            assertTrue(page.getList("items").size() > 0, list);
            page.getList("items.id").forEach(id -> assertTrue(id instanceof Integer && (Integer) id > 0, list + ": " + id));
        }
        JsonPath regions = anonymous().queryParam("limit", 100).get("/regions").then().extract().jsonPath();
        assertTrue(regions.getList("items.provinces.flatten().id").stream().allMatch(Integer.class::isInstance));
        assertTrue(regions.getList("items.provinces.communes.flatten().flatten().id").stream().allMatch(Integer.class::isInstance));
    }

    @Test
    void holidaysOfAYearComeInDateOrder() {
        JsonPath page = anonymous().queryParam("year", 2026).queryParam("limit", 100).get("/holidays")
                .then().statusCode(200).body("nextCursor", nullValue()).extract().jsonPath();
        List<String> dates = page.getList("items.date");
        assertTrue(dates.contains("2026-01-01") && dates.contains("2026-07-30") && dates.contains("2026-11-18"));
        assertEquals(dates.stream().sorted().toList(), dates);
        assertTrue(dates.stream().allMatch(date -> date.startsWith("2026-")));
    }

    @Test
    void badParametersAreProblemsNamingTheField() {
        invalid().queryParam("limit", 1000).get("/institutions")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("limit"));
        invalid().queryParam("year", 1900).get("/holidays")
                .then().statusCode(400).body("errors.field", hasItem("year"));
        invalid().get("/holidays").then().statusCode(400).body("errors.field", hasItem("year"));
        anonymous().queryParam("cursor", "bm90LWEtbnVtYmVy").get("/institutions")
                .then().statusCode(400).body("errors.field", hasItem("cursor"));
        invalid().queryParam("limit", "abc").get("/institutions")
                .then().statusCode(400).contentType("application/problem+json");
        invalid().queryParam("kind", "NOT_A_KIND").get("/institutions")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void unknownObjectsAreNotFoundProblems() {
        anonymous().header("Accept-Language", "en").get("/institutions/999999")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://bawaba.ma/problems/not-found"))
                .body("detail", equalTo("No institution with identifier 999999."));
        anonymous().get("/civil-status-offices/999999").then().statusCode(404);
    }
}
