package ma.bawaba;

import static ma.bawaba.support.Api.anonymous;
import static ma.bawaba.support.Api.invalid;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import ma.bawaba.ComplaintFixtures.Agency;
import ma.bawaba.ComplaintFixtures.Filed;
import org.junit.jupiter.api.Test;

/**
 * A cursor leads to the next page of the list and filters that gave it, and nowhere else: not to another list, not to
 * the same list with other filters, and a cursor made or changed by hand is refused.
 */
@QuarkusTest
class CursorTest {

    private static void refused(io.restassured.specification.RequestSpecification request, String path) {
        request.get(path).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("cursor")))
                .body("errors[0].message", equalTo("ne vient pas de cette liste avec ces filtres : reprenez à la première page, sans curseur"));
    }

    @Test
    void aCursorReadsOnlyTheListAndFiltersThatGaveIt() {
        String cursor = anonymous().queryParam("kind", "MINISTRY").queryParam("limit", 2).get("/institutions")
                .then().statusCode(200).body("nextCursor", matchesPattern("[A-Za-z0-9_-]+")).extract().path("nextCursor");
        // the same list and filters, in another order and with another page size
        anonymous().queryParam("limit", 3).queryParam("cursor", cursor).queryParam("kind", "MINISTRY").get("/institutions")
                .then().statusCode(200).body("items", hasSize(3));
        refused(invalid().queryParam("cursor", cursor), "/institutions");
        refused(invalid().queryParam("kind", "PUBLIC_BODY").queryParam("cursor", cursor), "/institutions");
        refused(invalid().queryParam("cursor", cursor), "/civil-status-offices");
        refused(invalid().queryParam("cursor", cursor).queryParam("kind", "MINISTRY"), "/communes");
    }

    @Test
    void aCursorMadeOrChangedByHandIsRefused() {
        String cursor = anonymous().queryParam("limit", 1).get("/document-types").then().statusCode(200)
                .extract().path("nextCursor");
        String encoder = Base64.getUrlEncoder().withoutPadding().encodeToString("1".getBytes(StandardCharsets.UTF_8));
        byte[] sealed = Base64.getUrlDecoder().decode(cursor);
        sealed[sealed.length - 1] ^= 1;
        for (String forged : List.of(encoder, "MTAw", Base64.getUrlEncoder().withoutPadding().encodeToString(sealed),
                cursor.substring(1), "A")) {
            refused(invalid().queryParam("limit", 1).queryParam("cursor", forged), "/document-types");
        }
        anonymous().queryParam("limit", 1).queryParam("cursor", cursor).get("/document-types").then().statusCode(200);
    }

    @Test
    void aCaseListsCursorIsRefusedOnAnotherCase() {
        Agency agency = ComplaintFixtures.agency();
        Filed first = ComplaintFixtures.file(agency);
        Filed second = ComplaintFixtures.file(agency);
        for (Filed filed : List.of(first, second)) {
            for (String text : List.of("Premier message.", "Second message.")) {
                filed.holder().contentType("application/json").body(Map.of("text", text))
                        .post("/complaints/" + filed.number() + "/messages").then().statusCode(201);
            }
        }
        String cursor = agency.agent().queryParam("limit", 1).get("/complaints/" + first.number() + "/messages")
                .then().statusCode(200).extract().path("nextCursor");
        agency.agent().queryParam("limit", 1).queryParam("cursor", cursor).get("/complaints/" + first.number() + "/messages")
                .then().statusCode(200).body("items[0].text", equalTo("Second message."));
        refused(invalid().header("X-Api-Key", agency.agentKey()).queryParam("cursor", cursor),
                "/complaints/" + second.number() + "/messages");
        refused(invalid().header("X-Api-Key", agency.agentKey()).queryParam("cursor", cursor),
                "/complaints/" + first.number() + "/timeline");
        refused(invalid().header("X-Api-Key", agency.agentKey()).queryParam("cursor", cursor), "/complaints");
    }
}
