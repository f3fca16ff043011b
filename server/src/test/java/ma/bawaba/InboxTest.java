package ma.bawaba;

import static ma.bawaba.support.Api.admin;
import static ma.bawaba.support.Api.anonymous;
import static ma.bawaba.support.Api.clientAddress;
import static ma.bawaba.support.Api.invalid;
import static ma.bawaba.support.Api.withKey;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import ma.bawaba.cases.CaseAudience;
import ma.bawaba.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The unified inbox, as an institution's back office and a civil-status office read it over the API. */
@QuarkusTest
class InboxTest {

    @AfterEach
    void backToToday() {
        TestClock.reset();
    }

    private static String fileRequest(ComplaintFixtures.Agency agency) {
        return anonymous().header("X-Forwarded-For", clientAddress()).contentType("application/json")
                .body(InformationRequestTest.request(agency.id(), "ORDINARY")).post("/information-requests")
                .then().statusCode(201).extract().path("request.number");
    }

    /** Every number of the caller's inbox, page after page, following the cursors. */
    static List<String> numbers(Supplier<RequestSpecification> caller, Map<String, ?> filters, int limit) {
        List<String> numbers = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = caller.get().queryParams(filters).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/inbox").then().statusCode(200).header("Cache-Control", "no-store").extract().jsonPath();
            numbers.addAll(page.getList("items.number"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return numbers;
    }

    @Test
    void agentSeesComplaintsAndRequestsOfItsOwnInstitutionInOneListNewestFirst() {
        ComplaintFixtures.Agency agency = ComplaintFixtures.agency();
        ComplaintFixtures.Agency other = ComplaintFixtures.agency();
        String complaint = ComplaintFixtures.file(agency).number();
        String request = fileRequest(agency);
        String suggestion = ComplaintFixtures.file(agency, "SUGGESTION").number();
        String elsewhere = ComplaintFixtures.file(other).number();

        assertEquals(List.of(suggestion, request, complaint), numbers(agency::agent, Map.of(), 2));
        assertEquals(List.of(elsewhere), numbers(other::agent, Map.of(), 20));

        JsonPath first = agency.agent().queryParam("limit", 1).get("/inbox").then().statusCode(200).extract().jsonPath();
        assertEquals("COMPLAINTS", first.getString("items[0].service"));
        assertEquals("SUGGESTION", first.getString("items[0].kind"));
        assertEquals(1, first.getInt("items[0].categoryId"));
        assertEquals("Dossier de pension bloqué", first.getString("items[0].subject"));
        JsonPath requestItem = agency.agent().queryParam("service", "INFORMATION_REQUESTS").get("/inbox").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(request), requestItem.getList("items.number"));
        assertNull(requestItem.get("items[0].subject"));
        assertEquals("ORDINARY", requestItem.getString("items[0].kind"));
    }

    @Test
    void filtersCombineAndEachNarrowsTheList() {
        ComplaintFixtures.Agency agency = ComplaintFixtures.agency();
        String complaint = ComplaintFixtures.file(agency).number();
        String acknowledged = ComplaintFixtures.file(agency).number();
        ComplaintFixtures.acknowledge(agency, acknowledged);
        String request = fileRequest(agency);
        String observation = ComplaintFixtures.file(agency, "OBSERVATION").number();

        assertEquals(List.of(acknowledged), numbers(agency::agent, Map.of("status", "ACKNOWLEDGED"), 20));
        assertEquals(List.of(request), numbers(agency::agent, Map.of("kind", "ORDINARY"), 20));
        assertEquals(List.of(observation, acknowledged, complaint), numbers(agency::agent, Map.of("categoryId", 1), 20));
        assertEquals(List.of(complaint), numbers(agency::agent, Map.of("q", complaint.toLowerCase()), 20));
        assertEquals(List.of(observation, acknowledged, complaint), numbers(agency::agent, Map.of("q", "PENSION bloque"), 20));
        assertEquals(List.of(), numbers(agency::agent, Map.of("q", "100%_"), 20));
        assertEquals(List.of(acknowledged, complaint),
                numbers(agency::agent, Map.of("service", "COMPLAINTS", "kind", "COMPLAINT"), 1));
        // Due in 60 days (complaints) or 20 working days (the request); the observation owes nothing.
        String inAMonth = java.time.LocalDate.now(new TestClock()).plusDays(45).toString();
        assertEquals(List.of(request), numbers(agency::agent, Map.of("dueBefore", inAMonth), 20));
        assertEquals(List.of(), numbers(agency::agent, Map.of("overdue", true), 20));

        TestClock.travel(Duration.ofDays(70));
        assertEquals(List.of(request, acknowledged, complaint), numbers(agency::agent, Map.of("overdue", true), 20));
        assertEquals(List.of(observation), numbers(agency::agent, Map.of("overdue", false), 20));
        // A change moves updatedAt: only the case changed since then is listed, in its place in the order.
        OffsetDateTime now = OffsetDateTime.now(new TestClock());
        ComplaintFixtures.answer(agency, acknowledged, "Votre dossier est traité.");
        assertEquals(List.of(acknowledged), numbers(agency::agent, Map.of("updatedSince", now.toString()), 20));
    }

    @Test
    void civilStatusOfficeAndThePostSeeTheirOrdersOnly() {
        DocumentOrderTest.Office office = DocumentOrderTest.office();
        DocumentOrderTest.Ordered unpaid = DocumentOrderTest.place(office);
        DocumentOrderTest.Ordered ready = DocumentOrderTest.paid(office);
        String etag = office.clerk().get("/document-orders/" + ready.number()).then().statusCode(200).extract().header("ETag");
        office.clerk().header("If-Match", etag).contentType("application/json").body(Map.of("to", "READY"))
                .post("/document-orders/" + ready.number() + "/transitions").then().statusCode(200);

        assertEquals(List.of(ready.number(), unpaid.number()), numbers(office::clerk, Map.of(), 20));
        assertEquals(List.of(ready.number()), numbers(office::clerk, Map.of("status", "READY"), 20));
        assertEquals(List.of(), numbers(office::clerk, Map.of("service", "COMPLAINTS"), 20));

        String postalKey = DocumentOrderTest.postalKey();
        List<String> handed = numbers(() -> withKey(postalKey), Map.of("status", "READY"), 100);
        assertTrue(handed.contains(ready.number()));
        assertTrue(!handed.contains(unpaid.number()));
    }

    @Test
    void anotherBodysCasesAreNeitherListedNorExported() {
        ComplaintFixtures.Agency agency = ComplaintFixtures.agency();
        ComplaintFixtures.Agency other = ComplaintFixtures.agency();
        String theirs = ComplaintFixtures.file(other).number();
        assertEquals(List.of(), numbers(agency::agent, Map.of("q", theirs), 20));
        String export = agency.agent().accept("text/csv").get("/inbox/export").then().statusCode(200).extract().asString();
        assertTrue(!export.contains(theirs));
    }

    @Test
    void citizenAnonymousCallerAndAdministratorAreRefused() {
        ComplaintFixtures.Filed filed = ComplaintFixtures.file(ComplaintFixtures.agency());
        for (String path : List.of("/inbox", "/inbox/events", "/inbox/export")) {
            invalid().accept("text/csv, application/json").get(path).then().statusCode(401).contentType("application/problem+json");
            invalid().header("X-Case-Token", filed.token()).accept("text/csv, application/json").get(path)
                    .then().statusCode(403).contentType("application/problem+json");
            admin().accept("text/csv, application/json").get(path).then().statusCode(403);
        }
    }

    @Inject
    EntityManager entityManager;

    @Test
    @SuppressWarnings("unchecked")
    void everyIndexTheInboxNamesExists() {
        // USE INDEX of a name a migration dropped or renamed is an error of the database, not a slower query
        Set<String> existing = new TreeSet<>(entityManager.createNativeQuery(
                "SELECT DISTINCT index_name FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = 'case_file'")
                .getResultList());
        Set<String> missing = new TreeSet<>(CaseAudience.indexNames());
        missing.removeAll(existing);
        assertEquals(Set.of(), missing, "inbox indexes missing from case_file");
    }

    @Test
    void invalidFiltersAre400NamingTheParameter() {
        ComplaintFixtures.Agency agency = ComplaintFixtures.agency();
        List<Map.Entry<String, String>> bad = List.of(Map.entry("overdue", "maybe"), Map.entry("dueBefore", "31/12/2026"),
                Map.entry("updatedSince", "yesterday"), Map.entry("status", "received"), Map.entry("service", "PARKING"),
                Map.entry("categoryId", "0"), Map.entry("limit", "0"), Map.entry("q", "<script>"),
                Map.entry("cursor", "not*a*cursor"), Map.entry("kind", "x".repeat(41)),
                // well-formed, but a year the database would compare wrongly instead of refusing
                Map.entry("dueBefore", "9999-12-31"), Map.entry("updatedSince", "9999-01-01T00:00:00Z"),
                Map.entry("dueBefore", "1900-01-01"));
        bad.forEach(parameter -> assertEquals(List.of(parameter.getKey()), invalid().header("X-Api-Key", agency.agentKey())
                .queryParam(parameter.getKey(), parameter.getValue()).get("/inbox").then().statusCode(400)
                .contentType("application/problem+json").extract().path("errors.field"), parameter.toString()));
        invalid().header("X-Api-Key", agency.agentKey()).queryParam("after", "-1").get("/inbox/events")
                .then().statusCode(400).body("errors.field", equalTo(List.of("after")));
        invalid().header("X-Api-Key", agency.agentKey()).queryParam("after", "abc").get("/inbox/events")
                .then().statusCode(400).body("errors.field", equalTo(List.of("after")));
        invalid().header("X-Api-Key", agency.agentKey()).accept("text/csv").queryParam("dueBefore", "tomorrow").get("/inbox/export")
                .then().statusCode(400).body("errors.field", equalTo(List.of("dueBefore")));
        // A cursor of another list is refused, not read as a position of this one.
        ComplaintFixtures.file(agency);
        ComplaintFixtures.file(agency);
        String complaintsCursor = agency.agent().queryParam("limit", 1).get("/complaints").then().statusCode(200)
                .extract().path("nextCursor");
        invalid().header("X-Api-Key", agency.agentKey()).queryParam("cursor", complaintsCursor).get("/inbox")
                .then().statusCode(400).body("errors.field", equalTo(List.of("cursor")));
    }

    @Test
    void exportStreamsTheListAsCsvOrNdjson() {
        ComplaintFixtures.Agency agency = ComplaintFixtures.agency();
        String complaint = ComplaintFixtures.file(agency).number();
        String request = fileRequest(agency);

        String csv = agency.agent().accept("text/csv").get("/inbox/export").then().statusCode(200)
                .contentType(startsWith("text/csv")).header("Content-Disposition", startsWith("attachment"))
                .header("Cache-Control", "no-store").extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals("number,service,kind,status,institutionId,officeId,categoryId,subject,submittedAt,updatedAt,dueDate,overdue",
                lines[0]);
        assertEquals(3, lines.length);
        assertTrue(lines[1].startsWith(request + ",INFORMATION_REQUESTS,ORDINARY,RECEIVED," + agency.id() + ",,,,"), lines[1]);
        assertTrue(lines[2].startsWith(complaint + ",COMPLAINTS,COMPLAINT,RECEIVED," + agency.id() + ",,1,Dossier de pension bloqué,"),
                lines[2]);

        String ndjson = agency.agent().accept("application/x-ndjson").queryParam("service", "COMPLAINTS").get("/inbox/export")
                .then().statusCode(200).contentType(startsWith("application/x-ndjson")).extract().asString();
        String[] records = ndjson.split("\n");
        assertEquals(1, records.length);
        JsonPath record = JsonPath.from(records[0]);
        assertEquals(complaint, record.getString("number"));
        assertEquals(false, record.getBoolean("overdue"));

        invalid().header("X-Api-Key", agency.agentKey()).accept("application/json").get("/inbox/export").then().statusCode(406);
    }
}
