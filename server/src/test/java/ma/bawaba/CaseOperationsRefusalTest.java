package ma.bawaba;

import static ma.bawaba.support.Api.anonymous;
import static ma.bawaba.support.Api.clientAddress;
import static ma.bawaba.support.Api.invalid;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import ma.bawaba.support.Files;
import org.junit.jupiter.api.Test;

/**
 * Every operation on one case, of both services, refuses the anonymous caller (401), another institution and
 * another case's holder (404, as for a number that does not exist), and answers malformed input with a problem
 * naming what is wrong, never a 500.
 */
@QuarkusTest
class CaseOperationsRefusalTest {

    /** One operation on a case: its method, its path under the case, and a body that is valid for it. */
    record Operation(String method, String sub, Object body) {
        io.restassured.response.ValidatableResponse call(RequestSpecification caller, String base) {
            RequestSpecification request = caller.header("If-Match", "\"0\"");
            if ("upload".equals(body)) {
                request = request.multiPart("file", "scan.pdf", Files.pdf(1000), "application/pdf");
            } else if (body != null) {
                request = request.contentType("application/json").body(body);
            }
            return request.request(method, base + sub).then();
        }
    }

    private static final Map<String, Object> MESSAGE = Map.of("text", "Bonjour.");

    private static List<Operation> operations(String service) {
        boolean complaints = service.equals("complaints");
        List<Operation> common = new java.util.ArrayList<>(List.of(
                new Operation("GET", "", null),
                new Operation("GET", "/messages", null),
                new Operation("POST", "/messages", MESSAGE),
                new Operation("GET", "/timeline", null),
                new Operation("POST", "/attachments", "upload"),
                new Operation("GET", "/attachments/1", null),
                new Operation("POST", "/transitions", Map.of("to", "ACKNOWLEDGED"))));
        if (complaints) {
            common.add(new Operation("PUT", "/rating", Map.of("satisfied", true, "score", 5)));
            common.add(new Operation("POST", "/reopen", Map.of("reason", "Toujours aucune réponse.")));
        } else {
            common.add(new Operation("POST", "/withdrawal", null));
            common.add(new Operation("POST", "/appeals", Map.of("level", "INTERNAL_COMPLAINT", "reason", "Aucune réponse reçue.")));
        }
        return common;
    }

    /** A case of the service, filed against a new body, with the token of its holder. */
    private static String[] file(String service, long institutionId) {
        Map<String, Object> body = service.equals("complaints") ? ComplaintFixtures.complaint(institutionId, "COMPLAINT")
                : Map.of("institutionId", institutionId, "type", "ORDINARY", "preferredFormat", "PAPER_COPY",
                        "description", "Les marchés publics de 2025 et leurs attributaires.",
                        "requester", Map.of("firstName", "Aicha", "lastName", "Kettani", "idDocumentType", "CIN",
                                "idDocumentNumber", "EE556677", "email", "aicha@example.ma"));
        var created = anonymous().header("X-Forwarded-For", clientAddress()).contentType("application/json").body(body)
                .post("/" + service).then().statusCode(201).extract();
        String number = service.equals("complaints") ? created.path("complaint.number") : created.path("request.number");
        return new String[] {number, created.path("caseToken")};
    }

    private static void eachOperation(Function<String, RequestSpecification> caller, int expected) {
        ComplaintFixtures.Agency owner = ComplaintFixtures.agency();
        for (String service : List.of("complaints", "information-requests")) {
            String number = file(service, owner.id())[0];
            for (Operation operation : operations(service)) {
                operation.call(caller.apply(service), "/" + service + "/" + number).statusCode(expected)
                        .contentType("application/problem+json").body("status", equalTo(expected));
            }
        }
    }

    @Test
    void anonymousCallersAreAskedForACredential() {
        eachOperation(service -> invalid(), 401);
    }

    @Test
    void anotherInstitutionFindsNothing() {
        ComplaintFixtures.Agency other = ComplaintFixtures.agency();
        // staff operations get 404; the holder-only ones (rating, reopening, withdrawal, appeals) refuse staff with 403
        ComplaintFixtures.Agency owner = ComplaintFixtures.agency();
        for (String service : List.of("complaints", "information-requests")) {
            String number = file(service, owner.id())[0];
            for (Operation operation : operations(service)) {
                boolean holderOnly = List.of("/rating", "/reopen", "/withdrawal", "/appeals").contains(operation.sub());
                operation.call(invalid().header("X-Api-Key", other.agentKey()), "/" + service + "/" + number)
                        .statusCode(holderOnly ? 403 : 404).contentType("application/problem+json");
            }
        }
    }

    @Test
    void anotherCasesHolderFindsNothing() {
        ComplaintFixtures.Agency owner = ComplaintFixtures.agency();
        for (String service : List.of("complaints", "information-requests")) {
            String number = file(service, owner.id())[0];
            String otherToken = file(service, owner.id())[1];
            for (Operation operation : operations(service)) {
                // the transitions are staff-only: a case token there is a 403 before any look-up
                int expected = operation.sub().equals("/transitions") ? 403 : 404;
                operation.call(invalid().header("X-Case-Token", otherToken), "/" + service + "/" + number)
                        .statusCode(expected).contentType("application/problem+json");
            }
        }
    }

    @Test
    void aMalformedUploadIsABadRequestWithOrWithoutACredential() {
        ComplaintFixtures.Agency owner = ComplaintFixtures.agency();
        String boundary = "bawaba-boundary";
        // a part header cut by a bare line feed inside the file name, as a careless client writes it
        String bareLineFeed = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan\n.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n\r\n--" + boundary + "--\r\n";
        for (String service : List.of("complaints", "information-requests")) {
            String[] filed = file(service, owner.id());
            for (String body : List.of("garbage", "--" + boundary + "\r\ngarbage", bareLineFeed)) {
                for (RequestSpecification caller : List.of(invalid(), invalid().header("X-Case-Token", filed[1]))) {
                    caller.contentType("multipart/form-data; boundary=" + boundary).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                            .post("/" + service + "/" + filed[0] + "/attachments")
                            .then().statusCode(400).contentType("application/problem+json")
                            .body("status", equalTo(400)).body("errors.field", hasItem("file"));
                }
            }
            anonymous().header("X-Case-Token", filed[1]).get("/" + service + "/" + filed[0])
                    .then().statusCode(200).body("attachments", org.hamcrest.Matchers.hasSize(0));
        }
    }

    @Test
    void fieldErrorsNameTheJsonPropertyAndTheHeaderAsTheClientSentThem() {
        ComplaintFixtures.Agency owner = ComplaintFixtures.agency();
        for (String service : List.of("complaints", "information-requests")) {
            String[] filed = file(service, owner.id());
            String base = "/" + service + "/" + filed[0];
            invalid().header("X-Api-Key", owner.agentKey()).header("If-Match", "\"0\"").contentType("application/json")
                    .body(Map.of("to", "TRANSFERRED", "reason", "x", "institutionId", 0)).post(base + "/transitions")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", equalTo(List.of("institutionId", "reason")));
            invalid().header("X-Api-Key", owner.agentKey()).header("If-Match", "\"0\"").contentType("application/json")
                    .body(Map.of("to", "ACKNOWLEDGED", "attachmentIds", List.of(0))).post(base + "/transitions")
                    .then().statusCode(400).body("errors.field", equalTo(List.of("attachmentIds")));
            invalid().header("X-Api-Key", owner.agentKey()).header("If-Match", "version 0").contentType("application/json")
                    .body(Map.of("to", "ACKNOWLEDGED")).post(base + "/transitions")
                    .then().statusCode(400).body("errors.field", equalTo(List.of("If-Match")));
            invalid().header("X-Case-Token", filed[1]).contentType("application/json").body(Map.of("text", "Bonjour", "attachmentIds", List.of(-1)))
                    .post(base + "/messages").then().statusCode(400).body("errors.field", equalTo(List.of("attachmentIds")));
        }
        Map<String, Object> complaint = ComplaintFixtures.complaint(owner.id(), "COMPLAINT");
        complaint.put("requester", Map.of("firstName", "Amina", "lastName", "Benali", "idDocumentType", "CIN",
                "idDocumentNumber", "BE123456", "email", "not-an-address"));
        invalid().header("X-Forwarded-For", clientAddress()).contentType("application/json").body(complaint)
                .post("/complaints").then().statusCode(400).body("errors.field", equalTo(List.of("requester.email")));
    }

    @Test
    void malformedInputIsAProblemNamingTheField() {
        ComplaintFixtures.Agency owner = ComplaintFixtures.agency();
        for (String service : List.of("complaints", "information-requests")) {
            String[] filed = file(service, owner.id());
            String base = "/" + service + "/" + filed[0];
            invalid().header("X-Case-Token", filed[1]).get("/" + service + "/not-a-number")
                    .then().statusCode(400).body("errors.field", notNullValue());
            invalid().header("X-Case-Token", filed[1]).contentType("application/json").body("{\"text\": ")
                    .post(base + "/messages").then().statusCode(400).contentType("application/problem+json");
            invalid().header("X-Case-Token", filed[1]).contentType("application/json").body(Map.of("text", ""))
                    .post(base + "/messages").then().statusCode(400).body("errors.field", hasItem("text"));
            invalid().header("X-Case-Token", filed[1]).queryParam("limit", 0).get(base + "/timeline")
                    .then().statusCode(400).body("errors.field", hasItem("limit"));
            invalid().header("X-Case-Token", filed[1]).queryParam("cursor", "%%%").get(base + "/messages")
                    .then().statusCode(400);
            invalid().header("X-Case-Token", filed[1]).get(base + "/attachments/abc")
                    .then().statusCode(400);
            invalid().header("X-Api-Key", owner.agentKey()).header("If-Match", "\"0\"").contentType("application/json")
                    .body(Map.of("to", "NOT_A_STATUS")).post(base + "/transitions")
                    .then().statusCode(anyOf(equalTo(400), equalTo(422))).contentType("application/problem+json");
            invalid().header("X-Api-Key", owner.agentKey()).queryParam("status", "NOT_A_STATUS").get("/" + service)
                    .then().statusCode(400).contentType("application/problem+json");
        }
        invalid().queryParam("service", "NOT_A_SERVICE").get("/faq").then().statusCode(400)
                .body("errors.field", hasItem("service"));
        invalid().queryParam("cursor", "bm90LWEtY3Vyc29y").get("/faq").then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
    }
}
