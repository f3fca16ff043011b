package ma.bawaba;

import static ma.bawaba.support.Api.anonymous;
import static ma.bawaba.support.Api.clientAddress;
import static ma.bawaba.support.Api.unique;
import static ma.bawaba.support.Api.withKey;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What complaint tests set up over HTTP, as a front end and an institution would: each call makes fresh data. */
final class ComplaintFixtures {

    /** An institution that accepts complaints, with an agent key of its own (so that its inbox holds only this test's cases). */
    record Agency(long id, String agentKey) {
        RequestSpecification agent() {
            return withKey(agentKey);
        }
    }

    /** What the citizen keeps after submitting: the number and the case token. */
    record Filed(String number, String token, long institutionId) {
        RequestSpecification holder() {
            return anonymous().header("X-Case-Token", token);
        }
    }

    private ComplaintFixtures() {
    }

    static Agency agency() {
        long id = ((Number) AdministrationTest.createInstitution(unique("CP")).path("id")).longValue();
        return new Agency(id, AdministrationTest.issueKey("AGENT", id));
    }

    static Map<String, Object> complaint(long institutionId, String kind) {
        Map<String, Object> body = new HashMap<>();
        body.put("institutionId", institutionId);
        body.put("kind", kind);
        body.put("categoryId", 1);
        body.put("subject", "Dossier de pension bloqué");
        body.put("content", "J'ai déposé mon dossier de pension le 3 mai et je n'ai reçu aucune réponse.");
        body.put("requester", Map.of("firstName", "Amina", "lastName", "Benali", "idDocumentType", "CIN",
                "idDocumentNumber", "BE123456", "email", "amina.benali@example.ma", "phone", "+212 612345678"));
        return body;
    }

    static Filed file(Agency agency) {
        return file(agency, "COMPLAINT");
    }

    static Filed file(Agency agency, String kind) {
        ExtractableResponse<Response> created = anonymous().header("X-Forwarded-For", clientAddress())
                .contentType("application/json").body(complaint(agency.id(), kind))
                .post("/complaints").then().statusCode(201).extract();
        return new Filed(created.path("complaint.number"), created.path("caseToken"), agency.id());
    }

    /** The current ETag of a complaint, as read by the given caller. */
    static String etag(RequestSpecification caller, String number) {
        return caller.get("/complaints/" + number).then().statusCode(200).extract().header("ETag");
    }

    static ExtractableResponse<Response> move(Agency agency, String number, Map<String, Object> transition) {
        return agency.agent().header("If-Match", etag(agency.agent(), number)).contentType("application/json")
                .body(transition).post("/complaints/" + number + "/transitions").then().extract();
    }

    static void acknowledge(Agency agency, String number) {
        assertStatus(200, move(agency, number, Map.of("to", "ACKNOWLEDGED")));
    }

    static void answer(Agency agency, String number, String text) {
        assertStatus(200, move(agency, number, Map.of("to", "ANSWERED", "answer", text)));
    }

    static ExtractableResponse<Response> rate(Filed filed, boolean satisfied, int score) {
        return filed.holder().header("If-Match", etag(filed.holder(), filed.number())).contentType("application/json")
                .body(Map.of("satisfied", satisfied, "score", score)).put("/complaints/" + filed.number() + "/rating")
                .then().extract();
    }

    static RequestSpecification holder(String token) {
        return anonymous().header("X-Case-Token", token);
    }

    static ExtractableResponse<Response> reopen(String token, String number) {
        return holder(token).header("If-Match", etag(holder(token), number)).contentType("application/json")
                .body(Map.of("reason", "Mon dossier n'a toujours pas été examiné.")).post("/complaints/" + number + "/reopen")
                .then().extract();
    }

    /** A fresh case token from number + e-mail, as a citizen coming back days later gets one. */
    static String tracked(String number) {
        return anonymous().header("X-Forwarded-For", clientAddress()).contentType("application/json")
                .body(Map.of("number", number, "email", "amina.benali@example.ma")).post("/tracking")
                .then().statusCode(200).extract().path("caseToken");
    }

    static List<String> timelineTypes(RequestSpecification caller, String number) {
        return caller.queryParam("limit", 100).get("/complaints/" + number + "/timeline").then().statusCode(200)
                .extract().path("items.type");
    }

    static void assertStatus(int expected, ExtractableResponse<Response> response) {
        if (response.statusCode() != expected) {
            throw new AssertionError("Expected " + expected + " but got " + response.statusCode() + ": " + response.asString());
        }
    }
}
