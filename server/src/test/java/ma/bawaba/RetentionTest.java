package ma.bawaba;

import static ma.bawaba.ComplaintFixtures.agency;
import static ma.bawaba.ComplaintFixtures.assertStatus;
import static ma.bawaba.support.Api.anonymous;
import static ma.bawaba.support.Api.clientAddress;
import static ma.bawaba.support.Api.unique;
import static ma.bawaba.support.Api.withKey;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import ma.bawaba.ComplaintFixtures.Agency;
import ma.bawaba.ComplaintFixtures.Filed;
import ma.bawaba.DocumentOrderTest.Office;
import ma.bawaba.DocumentOrderTest.Ordered;
import ma.bawaba.cases.privacy.RetentionJob;
import ma.bawaba.platform.TimeSource;
import ma.bawaba.support.Files;
import ma.bawaba.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Law 09-08: a closed case keeps its requester's personal data for five years after its last event (the default of
 * every service), then the retention job erases them — and only them: numbers, states, dates, outcomes and events stay,
 * so the statistics count the case as before. The database itself is read, table by table, to prove nothing is left.
 */
@QuarkusTest
class RetentionTest {

    /** What the fixtures give about people and what they wrote: no row of an anonymised case may hold any of it. */
    private static final List<String> PERSONAL = List.of("Amina", "Benali", "amina.benali@example.ma", "BE123456",
            "612345678", "Karim", "Ouazzani", "karim.ouazzani@example.ma", "AB123456", "Oued Sebou", "Rabat", "Mohammed",
            "Fatima", "Alaoui", "أمينة", "بنعلي", "1995-03-14", "pension", "budget", "enquête", "relevé",
            "Merci", "versée", "releve-benali", "Dossier");

    /** The tables that hold a case's data, by the column that names the case. */
    private static final Map<String, String> CASE_TABLES = new LinkedHashMap<>();

    static {
        CASE_TABLES.put("case_file", "id");
        CASE_TABLES.put("complaint", "case_id");
        CASE_TABLES.put("complaint_answer", "case_id");
        CASE_TABLES.put("case_message", "case_id");
        CASE_TABLES.put("attachment", "case_id");
        CASE_TABLES.put("information_request", "case_id");
        CASE_TABLES.put("information_appeal", "case_id");
        CASE_TABLES.put("document_order", "case_id");
    }

    /** What statistics, deadlines and states read of a case: anonymisation never changes it. */
    private static final List<String> COUNTED = List.of(
            "SELECT number, service, kind, status, institution_id, office_id, submitted_at, due_date, final FROM case_file WHERE id = ?",
            "SELECT category_id, reopen_count, routing_due_date FROM complaint WHERE case_id = ?",
            "SELECT sequence, answered_at, rating_satisfied, rating_score, rated_at FROM complaint_answer WHERE case_id = ? ORDER BY sequence",
            "SELECT request_type, preferred_format, clock_started_on, working_days, answer_partial, answered_at, refusal_ground_id,"
                    + " refused_at, id_document_type FROM information_request WHERE case_id = ?",
            "SELECT document_type_id, copies, relation, destination, country_code, total_minor, paid_at, refund_minor,"
                    + " registration_year FROM document_order WHERE case_id = ?",
            "SELECT id, media_type, size_bytes, uploaded_by, uploaded_at, message_id, answer_id FROM attachment WHERE case_id = ? ORDER BY id",
            "SELECT id, author, institution_id, sent_at FROM case_message WHERE case_id = ? ORDER BY id",
            "SELECT id, type, from_status, to_status, actor_kind, institution_id, office_id, occurred_at, data FROM case_event"
                    + " WHERE case_id = ? ORDER BY occurred_at, id");

    @Inject
    RetentionJob retention;

    @Inject
    DataSource database;

    @AfterEach
    void backToToday() {
        TestClock.reset();
    }

    @Test
    void closedCasesOfEveryServiceLoseTheirPersonalDataFiveYearsAfterTheirLastEventAndNothingElse() {
        Instant closing = new TestClock().instant();
        Agency agency = agency();
        Filed complaint = closedComplaint(agency);
        Filed open = ComplaintFixtures.file(agency);
        InformationCase refused = refusedRequest();
        Office office = DocumentOrderTest.office();
        Ordered cancelled = DocumentOrderTest.place(office);
        cancelled.holder().header("If-Match", "\"0\"").post("/document-orders/" + cancelled.number() + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        Ordered refundOwed = DocumentOrderTest.paid(office);
        withKey(office.clerkKey()).header("If-Match", "\"1\"").contentType("application/json")
                .body(Map.of("to", "REJECTED", "reason", "Aucun acte de Amina Benali ne porte ce numéro."))
                .post("/document-orders/" + refundOwed.number() + "/transitions").then().statusCode(200);

        List<String> anonymised = List.of(complaint.number(), refused.number(), cancelled.number());
        List<String> kept = List.of(open.number(), refundOwed.number());
        Map<String, List<List<Map<String, Object>>>> counted = new HashMap<>();
        anonymised.forEach(number -> counted.put(number, counted(number)));

        // A day before five years have passed since they closed: nothing is due.
        travelTo(fiveYearsAfter(closing).minus(Duration.ofDays(1)));
        retention.anonymiseDue();
        for (String number : anonymised) {
            assertTrue(holds(number, "Benali") || holds(number, "Ouazzani"), number + " is not due yet");
        }

        travelTo(fiveYearsAfter(closing).plus(Duration.ofDays(1)));
        // The holder came back just before the job ran: the token was valid when it was issued.
        String complaintToken = ComplaintFixtures.tracked(complaint.number());
        retention.anonymiseDue();

        for (String number : anonymised) {
            assertNoPersonalData(number);
            List<List<Map<String, Object>>> after = counted(number);
            List<Map<String, Object>> events = after.get(after.size() - 1);
            Map<String, Object> last = events.get(events.size() - 1);
            assertEquals("ANONYMISED", last.get("type"), number);
            assertEquals("SYSTEM", last.get("actor_kind"), number);
            assertEquals(null, last.get("to_status"), number + ": the status stays");
            List<List<Map<String, Object>>> before = counted.get(number);
            after.set(after.size() - 1, events.subList(0, events.size() - 1));
            assertEquals(before, after, number + ": what statistics, deadlines and states read is unchanged");
        }
        assertEquals(0, rows("SELECT c.storage_key FROM attachment_content c JOIN attachment a ON a.storage_key = c.storage_key"
                + " JOIN case_file f ON f.id = a.case_id WHERE f.number = ?", complaint.number()).size(), "documents' content is gone");
        assertTrue(holds(open.number(), "amina.benali@example.ma"), "an open complaint is never anonymised");
        assertTrue(holds(refundOwed.number(), "Benali"), "an order whose refund is still owed is not closed");

        // The holder's token and tracking say why they no longer open the case.
        ComplaintFixtures.holder(complaintToken).get("/complaints/" + complaint.number())
                .then().statusCode(410).contentType("application/problem+json").body("code", equalTo("CASE_ANONYMISED"));
        ComplaintFixtures.holder(complaintToken).get("/complaints/" + complaint.number() + "/export")
                .then().statusCode(410).body("code", equalTo("CASE_ANONYMISED"));
        ComplaintFixtures.holder(complaintToken).queryParam("limit", 10).get("/complaints/" + complaint.number() + "/timeline")
                .then().statusCode(410).body("code", equalTo("CASE_ANONYMISED"));
        for (String[] tracking : List.of(new String[] {complaint.number(), "amina.benali@example.ma"},
                new String[] {refused.number(), "karim.ouazzani@example.ma"}, new String[] {complaint.number(), "x@example.ma"})) {
            anonymous().header("X-Forwarded-For", clientAddress()).header("Accept-Language", "en").contentType("application/json")
                    .body(Map.of("number", tracking[0], "email", tracking[1])).post("/tracking")
                    .then().statusCode(410).body("code", equalTo("CASE_ANONYMISED")).body("detail", org.hamcrest.Matchers.containsString("anonymised"));
        }

        // The institution still reads the case, without anyone's data; its documents are gone.
        agency.agent().get("/complaints/" + complaint.number()).then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("anonymisedAt", notNullValue())
                .body("requester.lastName", equalTo("-")).body("requester.email", equalTo("anonymised@anonymised.invalid"))
                .body("requester.idDocumentNumber", equalTo("ANONYMISED")).body("requester.phone", nullValue())
                .body("subject", equalTo("-")).body("answers[0].text", equalTo("-")).body("answers[0].rating.score", equalTo(4))
                .body("answers[0].rating.comment", equalTo("-")).body("attachments[0].fileName", equalTo("anonymised"));
        long document = ((Number) agency.agent().get("/complaints/" + complaint.number()).then().extract()
                .path("attachments[0].id")).longValue();
        agency.agent().get("/complaints/" + complaint.number() + "/attachments/" + document)
                .then().statusCode(410).body("code", equalTo("CASE_ANONYMISED"));
        agency.agent().contentType("application/json").body(Map.of("text", "Une dernière précision."))
                .post("/complaints/" + complaint.number() + "/messages").then().statusCode(410);
        List<Map<String, Object>> timeline = ma.bawaba.support.Timeline.entries(agency.agent(), "/complaints/" + complaint.number());
        assertEquals("ANONYMISED", timeline.get(timeline.size() - 1).get("type"));
        assertEquals("SYSTEM", timeline.get(timeline.size() - 1).get("actor"));
        agency.agent().get("/complaints/" + open.number()).then().statusCode(200).body("anonymisedAt", nullValue());
        withKey(refused.officerKey()).get("/information-requests/" + refused.number()).then().statusCode(200)
                .body("status", equalTo("REFUSED")).body("refusal.groundId", equalTo(9)).body("anonymisedAt", notNullValue())
                .body("description", equalTo("-")).body("postalAddress", nullValue());
        withKey(office.clerkKey()).get("/document-orders/" + cancelled.number()).then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("birthAct.firstNameArabic", equalTo("-"))
                .body("delivery.city", equalTo("-")).body("anonymisedAt", notNullValue());

        assertEquals(0, retention.anonymiseDue(), "a second run finds nothing left");
        for (String number : anonymised) {
            assertEquals(1, anonymisedEvents(number), number);
        }
    }

    @Test
    void twoInstancesAnonymisingAtOnceAnonymiseEachCaseOnce() throws Exception {
        Instant closing = new TestClock().instant();
        Agency agency = agency();
        List<Filed> closed = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Filed filed = ComplaintFixtures.file(agency);
            ComplaintFixtures.answer(agency, filed.number(), "Réponse.");
            assertStatus(200, ComplaintFixtures.rate(filed, true, 5));
            closed.add(filed);
        }
        travelTo(fiveYearsAfter(closing).plus(Duration.ofDays(1)));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int total;
        try {
            Future<Integer> first = pool.submit(retention::anonymiseDue);
            Future<Integer> second = pool.submit(retention::anonymiseDue);
            total = first.get(120, TimeUnit.SECONDS) + second.get(120, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        for (Filed filed : closed) {
            assertEquals(1, anonymisedEvents(filed.number()), filed.number());
            assertNoPersonalData(filed.number());
        }
        assertTrue(total >= closed.size(), "each run counted only what it anonymised: " + total);
        assertEquals(0, retention.anonymiseDue());
    }

    // --- the cases ---

    /** A complaint with a document, a message, an answer and a satisfied rating with a comment: closed at once. */
    private static Filed closedComplaint(Agency agency) {
        Filed filed = ComplaintFixtures.file(agency);
        long document = ((Number) ma.bawaba.support.Api.upload().header("X-Case-Token", filed.token())
                .multiPart("file", "releve-benali.pdf", Files.pdf(600), "application/pdf")
                .post("/complaints/" + filed.number() + "/attachments").then().statusCode(201).extract().path("id")).longValue();
        filed.holder().contentType("application/json")
                .body(Map.of("text", "Je joins le relevé de Amina Benali.", "attachmentIds", List.of(document)))
                .post("/complaints/" + filed.number() + "/messages").then().statusCode(201);
        ComplaintFixtures.answer(agency, filed.number(), "Madame Benali, votre pension est versée.");
        filed.holder().header("If-Match", ComplaintFixtures.etag(filed.holder(), filed.number())).contentType("application/json")
                .body(Map.of("satisfied", true, "score", 4, "comment", "Merci, Amina Benali"))
                .put("/complaints/" + filed.number() + "/rating").then().statusCode(200).body("status", equalTo("CLOSED"));
        return filed;
    }

    record InformationCase(String number, String officerKey) {
    }

    /** An information request refused with a justification, which its requester never appealed. */
    private static InformationCase refusedRequest() {
        long body = ((Number) AdministrationTest.createInstitution(unique("IR")).path("id")).longValue();
        String officer = AdministrationTest.issueKey("AGENT", body);
        Map<String, Object> request = new HashMap<>();
        request.put("institutionId", body);
        request.put("type", "ORDINARY");
        request.put("requester", Map.of("firstName", "Karim", "lastName", "Ouazzani", "idDocumentType", "CIN",
                "idDocumentNumber", "AB123456", "email", "karim.ouazzani@example.ma", "phone", "+212 612345678"));
        request.put("postalAddress", "12 rue Oued Sebou, Agdal, Rabat");
        request.put("description", "Le budget 2025 de la commune, par chapitre et par service.");
        request.put("preferredFormat", "ELECTRONIC_COPY");
        String number = anonymous().header("X-Forwarded-For", clientAddress()).contentType("application/json").body(request)
                .post("/information-requests").then().statusCode(201).extract().path("request.number");
        RequestSpecification reader = withKey(officer);
        String etag = reader.get("/information-requests/" + number).then().statusCode(200).extract().header("ETag");
        withKey(officer).header("If-Match", etag).contentType("application/json")
                .body(Map.of("to", "REFUSED", "refusalGroundId", 9, "justification", "Les données de Karim Ouazzani relèvent d'une enquête."))
                .post("/information-requests/" + number + "/transitions").then().statusCode(200);
        return new InformationCase(number, officer);
    }

    // --- the database, read directly ---

    private void assertNoPersonalData(String number) {
        long caseId = caseId(number);
        CASE_TABLES.forEach((table, column) -> {
            for (Map<String, Object> row : rows("SELECT * FROM " + table + " WHERE " + column + " = ?", caseId)) {
                for (Map.Entry<String, Object> value : row.entrySet()) {
                    String text = String.valueOf(value.getValue()).toLowerCase(Locale.ROOT);
                    for (String personal : PERSONAL) {
                        assertFalse(text.contains(personal.toLowerCase(Locale.ROOT)),
                                number + ": " + table + "." + value.getKey() + " still holds \"" + personal + "\": " + value.getValue());
                    }
                }
            }
        });
    }

    private boolean holds(String number, String personal) {
        long caseId = caseId(number);
        return CASE_TABLES.entrySet().stream().anyMatch(table -> rows("SELECT * FROM " + table.getKey() + " WHERE "
                        + table.getValue() + " = ?", caseId).stream()
                .anyMatch(row -> row.values().stream().anyMatch(value -> String.valueOf(value).contains(personal))));
    }

    private List<List<Map<String, Object>>> counted(String number) {
        long caseId = caseId(number);
        return COUNTED.stream().map(sql -> rows(sql, caseId)).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    private long anonymisedEvents(String number) {
        return ((Number) rows("SELECT COUNT(*) AS n FROM case_event WHERE case_id = ? AND type = 'ANONYMISED'", caseId(number))
                .get(0).get("n")).longValue();
    }

    private long caseId(String number) {
        return ((Number) rows("SELECT id FROM case_file WHERE number = ?", number).get(0).get("id")).longValue();
    }

    private List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int column = 1; column <= columns; column++) {
                        row.put(result.getMetaData().getColumnLabel(column), result.getObject(column));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException failure) {
            throw new AssertionError(sql, failure);
        }
    }

    // --- time ---

    private static Instant fiveYearsAfter(Instant instant) {
        ZonedDateTime inMorocco = instant.atZone(TimeSource.MOROCCO);
        return inMorocco.plusYears(5).toInstant();
    }

    private static void travelTo(Instant instant) {
        TestClock.travel(Duration.between(new TestClock().instant(), instant));
    }
}
