package ma.bawaba;

import static ma.bawaba.support.Api.admin;
import static ma.bawaba.support.Api.anonymous;
import static ma.bawaba.support.Api.withKey;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FaqTest {

    private static Map<String, Object> entry(String service, String french, int position) {
        return Map.of("service", service, "position", position,
                "question", Map.of("ar", "سؤال " + french, "fr", french + " ?", "en", "Question " + french),
                "answer", Map.of("ar", "جواب", "fr", "Réponse à " + french));
    }

    @Test
    void administratorsWriteTheFaqThatEveryoneReadsInTheirLanguage() {
        String tag = ma.bawaba.support.Api.unique("Q");
        var created = admin().contentType("application/json").body(entry("COMPLAINTS", tag, 5000))
                .post("/admin/faq").then().statusCode(201).header("ETag", "\"0\"").extract();
        int id = created.path("id");

        anonymous().header("Accept-Language", "fr").queryParam("service", "COMPLAINTS").queryParam("limit", 100)
                .get("/faq").then().statusCode(200).body("items.question", hasItem(tag + " ?"));
        anonymous().header("Accept-Language", "ar").queryParam("service", "COMPLAINTS").queryParam("limit", 100)
                .get("/faq").then().body("items.question", hasItem("سؤال " + tag));
        // no English answer: French is shown instead
        anonymous().header("Accept-Language", "en").queryParam("service", "COMPLAINTS").queryParam("limit", 100)
                .get("/faq").then().body("items.answer", hasItem("Réponse à " + tag));
        anonymous().queryParam("service", "DOCUMENT_ORDERS").queryParam("limit", 100).get("/faq").then()
                .body("items.question", not(hasItem(tag + " ?")));

        admin().header("If-Match", "\"0\"").contentType("application/json").body(entry("COMPLAINTS", tag + " bis", 5000))
                .put("/admin/faq/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("question.fr", equalTo(tag + " bis ?"));
        admin().header("If-Match", "\"0\"").contentType("application/json").body(entry("COMPLAINTS", tag, 5000))
                .put("/admin/faq/" + id).then().statusCode(412);
        admin().get("/admin/faq/" + id).then().statusCode(200).header("ETag", "\"1\"");
        admin().header("If-Match", "\"1\"").delete("/admin/faq/" + id).then().statusCode(204);
        admin().get("/admin/faq/" + id).then().statusCode(404);
    }

    @Test
    void theFaqIsInDisplayOrderAcrossPages() {
        String tag = ma.bawaba.support.Api.unique("P");
        for (int position : List.of(9003, 9001, 9002)) {
            admin().contentType("application/json").body(entry("INFORMATION_REQUESTS", tag + position, position))
                    .post("/admin/faq").then().statusCode(201);
        }
        var first = anonymous().queryParam("service", "INFORMATION_REQUESTS").queryParam("limit", 1)
                .get("/faq").then().statusCode(200).extract();
        String cursor = first.path("nextCursor");
        List<String> questions = new java.util.ArrayList<>(first.<List<String>>path("items.question"));
        while (cursor != null) {
            var page = anonymous().queryParam("service", "INFORMATION_REQUESTS").queryParam("limit", 1)
                    .queryParam("cursor", cursor).get("/faq").then().statusCode(200).extract();
            questions.addAll(page.path("items.question"));
            cursor = page.path("nextCursor");
        }
        List<String> ours = questions.stream().filter(question -> question.startsWith(tag)).toList();
        org.junit.jupiter.api.Assertions.assertEquals(List.of(tag + "9001 ?", tag + "9002 ?", tag + "9003 ?"), ours);
    }

    @Test
    void everyServiceHasAnFaqFromTheStartInArabicFrenchAndEnglish() {
        for (String service : List.of("INFORMATION_REQUESTS", "COMPLAINTS", "DOCUMENT_ORDERS")) {
            Map<String, List<String>> questions = new java.util.HashMap<>();
            Map<String, List<String>> answers = new java.util.HashMap<>();
            for (String language : List.of("ar", "fr", "en")) {
                var page = anonymous().header("Accept-Language", language).queryParam("service", service)
                        .queryParam("limit", 3).get("/faq").then().statusCode(200).extract();
                questions.put(language, page.path("items.question"));
                answers.put(language, page.path("items.answer"));
            }
            org.junit.jupiter.api.Assertions.assertEquals(3, questions.get("ar").size(), service);
            for (int i = 0; i < 3; i++) {
                String arabic = questions.get("ar").get(i) + answers.get("ar").get(i);
                org.junit.jupiter.api.Assertions.assertTrue(arabic.codePoints().filter(c ->
                        Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN).count() < 10, arabic);
                for (String other : List.of("ar", "en")) {
                    org.junit.jupiter.api.Assertions.assertNotEquals(questions.get("fr").get(i), questions.get(other).get(i));
                    org.junit.jupiter.api.Assertions.assertNotEquals(answers.get("fr").get(i), answers.get(other).get(i));
                }
            }
        }
    }

    @Test
    void onlyAdministratorsChangeTheFaq() {
        String agentKey = AdministrationTest.issueKey("AGENT", 2L);
        ma.bawaba.support.Api.invalid().header("X-Api-Key", agentKey).contentType("application/json")
                .body(entry("COMPLAINTS", "x", 1)).post("/admin/faq").then().statusCode(403);
        ma.bawaba.support.Api.invalid().contentType("application/json")
                .body(entry("COMPLAINTS", "x", 1)).post("/admin/faq").then().statusCode(401);
        withKey(agentKey).get("/admin/faq/1").then().statusCode(403);
    }
}
