package ma.bawaba;

import static ma.bawaba.ComplaintFixtures.agency;
import static ma.bawaba.support.Api.admin;
import static ma.bawaba.support.Api.anonymous;
import static ma.bawaba.support.Api.clientAddress;
import static ma.bawaba.support.Api.invalid;
import static ma.bawaba.support.Api.unique;
import static ma.bawaba.support.Api.withKey;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import ma.bawaba.ComplaintFixtures.Agency;
import ma.bawaba.ComplaintFixtures.Filed;
import ma.bawaba.DocumentOrderTest.Office;
import ma.bawaba.cases.privacy.RetentionJob;
import ma.bawaba.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Law 09-08, right of access: an administrator answers a person who proved their e-mail address and identity
 * document with every case that holds either, of every service; each request is audited without the data asked about.
 */
@QuarkusTest
class DataSubjectRequestTest {

    @Inject
    DataSource database;

    @Inject
    RetentionJob retention;

    @AfterEach
    void backToToday() {
        TestClock.reset();
    }

    /** Someone of their own, so that the answer holds exactly this test's cases. */
    private record Person(String email, String idDocumentNumber) {
        static Person fresh() {
            String id = unique("");
            return new Person("subject." + id.toLowerCase(Locale.ROOT) + "@example.ma", "ZX" + id.substring(0, 8));
        }

        Map<String, Object> requester() {
            return Map.of("firstName", "Nadia", "lastName", "Berrada", "idDocumentType", "CIN",
                    "idDocumentNumber", idDocumentNumber, "email", email);
        }
    }

    @Test
    void anAdministratorFindsEveryCaseHoldingTheEmailOrTheIdentityDocumentAndTheRequestIsAudited() throws Exception {
        Person person = Person.fresh();
        Person someoneElse = Person.fresh();
        Agency agency = agency();
        String byBoth = complaint(agency, person.requester());
        String byEmail = complaint(agency, Map.of("firstName", "Nadia", "lastName", "Berrada", "idDocumentType", "PASSPORT",
                "idDocumentNumber", someoneElse.idDocumentNumber(), "email", person.email()));
        String byDocument = order(Map.of("firstName", "Nadia", "lastName", "Berrada", "idDocumentType", "CIN",
                "idDocumentNumber", person.idDocumentNumber(), "email", someoneElse.email()));
        complaint(agency, someoneElse.requester());

        // As people type them: the e-mail in capitals, the document in lower case.
        ExtractableResponse<Response> answer = admin().contentType("application/json")
                .body(Map.of("email", person.email().toUpperCase(Locale.ROOT), "idDocumentNumber", person.idDocumentNumber().toLowerCase(Locale.ROOT)))
                .post("/admin/data-subject-requests").then().statusCode(200).header("Cache-Control", "no-store")
                .body("items.number", equalTo(List.of(byBoth, byEmail, byDocument)))
                .body("items[0].matchedBy", equalTo(List.of("EMAIL", "ID_DOCUMENT")))
                .body("items[0].service", equalTo("COMPLAINTS")).body("items[0].institutionId", equalTo((int) agency.id()))
                .body("items[1].matchedBy", equalTo(List.of("EMAIL")))
                .body("items[2].matchedBy", equalTo(List.of("ID_DOCUMENT"))).body("items[2].service", equalTo("DOCUMENT_ORDERS"))
                .extract();

        long auditId = ((Number) answer.path("auditId")).longValue();
        Map<String, Object> audit = row("SELECT * FROM data_subject_request WHERE id = ?", auditId);
        assertEquals("BOOTSTRAP_KEY", audit.get("actor_kind"));
        assertEquals("bootstrap", audit.get("actor_ref"));
        assertEquals(3, ((Number) audit.get("cases_found")).intValue());
        for (Object value : audit.values()) {
            String text = String.valueOf(value).toLowerCase(Locale.ROOT);
            assertFalse(text.contains(person.email()) || text.contains(person.idDocumentNumber().toLowerCase(Locale.ROOT)),
                    "the audit keeps no personal data: " + audit);
        }

        admin().contentType("application/json").body(Map.of("email", "nobody." + person.email(), "idDocumentNumber", "ZZ000000"))
                .post("/admin/data-subject-requests").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void anonymisedCasesHoldNothingToFind() {
        Person person = Person.fresh();
        Agency agency = agency();
        String closed = complaint(agency, person.requester());
        ComplaintFixtures.answer(agency, closed, "Réponse.");
        String token = anonymous().header("X-Forwarded-For", clientAddress()).contentType("application/json")
                .body(Map.of("number", closed, "email", person.email())).post("/tracking").then().statusCode(200)
                .extract().path("caseToken");
        anonymous().header("X-Case-Token", token).header("If-Match", ComplaintFixtures.etag(anonymous().header("X-Case-Token", token), closed))
                .contentType("application/json").body(Map.of("satisfied", true, "score", 5))
                .put("/complaints/" + closed + "/rating").then().statusCode(200).body("status", equalTo("CLOSED"));
        String open = complaint(agency, person.requester());

        TestClock.travel(Duration.ofDays(5 * 366 + 2));
        retention.anonymiseDue();
        admin().contentType("application/json")
                .body(Map.of("email", person.email(), "idDocumentNumber", person.idDocumentNumber()))
                .post("/admin/data-subject-requests").then().statusCode(200).body("items.number", equalTo(List.of(open)));
        // Nor does anyone find every anonymised case by asking for what replaced the data.
        List<String> found = admin().contentType("application/json")
                .body(Map.of("email", "anonymised@anonymised.invalid", "idDocumentNumber", "ANONYMISED"))
                .post("/admin/data-subject-requests").then().statusCode(200).extract().path("items.number");
        assertFalse(found.contains(closed));
    }

    @Test
    void onlyAnAdministratorMayAskAndTheBodyIsChecked() {
        Map<String, Object> query = Map.of("email", "someone@example.ma", "idDocumentNumber", "AB123456");
        String path = "/admin/data-subject-requests";
        anonymous().contentType("application/json").body(query).post(path).then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        Agency agency = agency();
        agency.agent().contentType("application/json").body(query).post(path).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        withKey(AdministrationTest.issueKey("HEAD", agency.id())).contentType("application/json").body(query).post(path)
                .then().statusCode(403);
        Filed filed = ComplaintFixtures.file(agency);
        filed.holder().contentType("application/json").body(query).post(path).then().statusCode(403);

        invalid().header("X-Api-Key", ma.bawaba.support.Api.ADMIN_KEY).contentType("application/json")
                .body(Map.of("email", "not an e-mail", "idDocumentNumber", "AB123456")).post(path)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("email"));
        invalid().header("X-Api-Key", ma.bawaba.support.Api.ADMIN_KEY).contentType("application/json")
                .body(Map.of("email", "someone@example.ma")).post(path)
                .then().statusCode(400).body("errors.field", hasItem("idDocumentNumber"));
        invalid().header("X-Api-Key", ma.bawaba.support.Api.ADMIN_KEY).contentType("application/json")
                .body(Map.of("email", "someone@example.ma", "idDocumentNumber", "AB-12/34")).post(path)
                .then().statusCode(400).body("errors.field", hasItem("idDocumentNumber"));
        invalid().header("X-Api-Key", ma.bawaba.support.Api.ADMIN_KEY).contentType("application/json")
                .body(Map.of("email", "someone@example.ma", "idDocumentNumber", "AB123456", "status", "CLOSED")).post(path)
                .then().statusCode(400).body("errors.field", hasItem("status"));
    }

    private static String complaint(Agency agency, Map<String, Object> requester) {
        Map<String, Object> body = ComplaintFixtures.complaint(agency.id(), "COMPLAINT");
        body.put("requester", requester);
        return anonymous().header("X-Forwarded-For", clientAddress()).contentType("application/json").body(body)
                .post("/complaints").then().statusCode(201).extract().path("complaint.number");
    }

    private static String order(Map<String, Object> requester) {
        Office office = DocumentOrderTest.office();
        Map<String, Object> body = new HashMap<>(DocumentOrderTest.order(office.id()));
        body.put("requester", requester);
        return anonymous().header("X-Forwarded-For", clientAddress()).contentType("application/json").body(body)
                .post("/document-orders").then().statusCode(201).extract().path("order.number");
    }

    private Map<String, Object> row(String sql, Object parameter) throws Exception {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                Map<String, Object> row = new HashMap<>();
                for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                    row.put(result.getMetaData().getColumnLabel(column), result.getObject(column));
                }
                return row;
            }
        }
    }
}
