package ma.bawaba;

import static ma.bawaba.ComplaintFixtures.assertStatus;
import static ma.bawaba.support.Api.admin;
import static ma.bawaba.support.Api.anonymous;
import static ma.bawaba.support.Api.clientAddress;
import static ma.bawaba.support.Api.invalid;
import static ma.bawaba.support.Api.withKey;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ma.bawaba.ComplaintFixtures.Agency;
import ma.bawaba.ComplaintFixtures.Filed;
import ma.bawaba.DocumentOrderTest.Office;
import ma.bawaba.DocumentOrderTest.Ordered;
import ma.bawaba.platform.TimeSource;
import ma.bawaba.statistics.StatisticsJob;
import ma.bawaba.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The public statistics are kept from the case events by the counting job. After a varied scenario (transfers,
 * reopenings, a holiday that moves a due date, late answers, appeals, orders delivered and cancelled), they equal a
 * count made directly over the cases, and they say what the scenario did.
 */
@QuarkusTest
class StatisticsTest {

    @Inject
    StatisticsJob job;

    @Inject
    EntityManager entityManager;

    @AfterEach
    void backToToday() {
        TestClock.reset();
    }

    @Test
    void afterAVariedScenarioTheFiguresEqualADirectCountAndSayWhatHappened() {
        Agency agency = ComplaintFixtures.agency();
        Agency other = ComplaintFixtures.agency();
        InformationBody body = InformationBody.create();

        // Complaints: answered and closed satisfied; answered, reopened and answered again; rejected; an observation
        // closed; one transferred in from another institution and answered; one left open, later overdue.
        Filed satisfied = ComplaintFixtures.file(agency);
        ComplaintFixtures.answer(agency, satisfied.number(), "Votre dossier a été traité.");
        assertStatus(200, ComplaintFixtures.rate(satisfied, true, 5));

        Filed reopened = ComplaintFixtures.file(agency);
        ComplaintFixtures.answer(agency, reopened.number(), "Votre dossier est en cours.");
        assertStatus(200, ComplaintFixtures.rate(reopened, false, 2));
        assertStatus(200, ComplaintFixtures.reopen(reopened.token(), reopened.number()));
        ComplaintFixtures.answer(agency, reopened.number(), "Votre dossier a été traité.");

        Filed rejected = ComplaintFixtures.file(agency);
        assertStatus(200, ComplaintFixtures.move(agency, rejected.number(), Map.of("to", "REJECTED", "reason", "Affaire en justice.")));

        Filed observation = ComplaintFixtures.file(agency, "OBSERVATION");
        ComplaintFixtures.acknowledge(agency, observation.number());
        assertStatus(200, ComplaintFixtures.move(agency, observation.number(), Map.of("to", "CLOSED")));

        Filed transferred = ComplaintFixtures.file(other);
        assertStatus(200, ComplaintFixtures.move(other, transferred.number(),
                Map.of("to", "TRANSFERRED", "institutionId", agency.id(), "reason", "Compétence de l'autre administration.")));
        ComplaintFixtures.answer(agency, transferred.number(), "Nous avons repris votre dossier.");

        Filed open = ComplaintFixtures.file(agency);
        Filed late = ComplaintFixtures.file(agency);

        // Information requests: answered; partially answered; refused, then an internal complaint the head rejects;
        // withdrawn; transferred in; and one whose due date a new holiday moves, answered on that later day.
        InformationBody sender = InformationBody.create();
        String answered = body.file();
        body.moves(answered, Map.of("to", "ANSWERED", "answer", "Voici le budget."));
        String partial = body.file();
        body.moves(partial, Map.of("to", "PARTIALLY_ANSWERED", "answer", "Voici une partie du budget."));
        String refused = body.file();
        body.moves(refused, Map.of("to", "REFUSED", "refusalGroundId", 9, "justification", "Enquête en cours."));
        body.appeals(refused, "INTERNAL_COMPLAINT");
        body.decides(refused, Map.of("to", "APPEAL_REJECTED", "justification", "Le refus est confirmé."));
        String withdrawn = body.file();
        body.withdraws(withdrawn);
        String moved = sender.file();
        sender.moves(moved, Map.of("to", "TRANSFERRED", "institutionId", body.id(), "reason", "Le budget est tenu par l'autre organisme."));
        body.moves(moved, Map.of("to", "ANSWERED", "answer", "Voici le budget."));
        String redated = body.file();
        LocalDate firstDue = LocalDate.parse(body.read(redated).getString("dueDate"));
        // A holiday on a working day before the due date: the due date moves one working day later.
        LocalDate holiday = firstDue.minusDays(firstDue.getDayOfWeek().getValue() == 1 ? 3 : 1);
        ExtractableResponse<Response> added = addHoliday(holiday);
        try {
            LocalDate movedDue = LocalDate.parse(body.read(redated).getString("dueDate"));
            assertTrue(movedDue.isAfter(firstDue), "the holiday moves the due date: " + firstDue + " -> " + movedDue);
            // Answered on the moved due date: late by the first due date, on time by the one in force.
            travelTo(movedDue);
            body.moves(redated, Map.of("to", "ANSWERED", "answer", "Voici le budget, avec retard excusé."));
        } finally {
            TestClock.reset();
            admin().header("If-Match", added.header("ETag")).delete("/admin/holidays/" + added.path("id")).then().statusCode(204);
        }
        String tardy = body.file();

        // Late answers: 70 days on, the complaint and the request are answered past their due dates; the open
        // complaint is overdue by then.
        TestClock.travel(Duration.ofDays(70));
        ComplaintFixtures.answer(agency, late.number(), "Réponse tardive.");
        body.moves(tardy, Map.of("to", "ANSWERED", "answer", "Réponse tardive."));

        countEverything();

        JsonPath complaints = statistics(Map.of("institutionId", agency.id(), "groupBy", "SERVICE")).extract().jsonPath();
        assertEquals(1, complaints.getList("groups").size());
        assertEquals("COMPLAINTS", complaints.getString("groups[0].service"));
        assertEquals(false, complaints.getBoolean("groups[0].suppressed"));
        assertEquals(7, complaints.getLong("groups[0].received"));
        // satisfied, reopened, transferred, late: four first answers; three by their due date
        assertEquals(4, complaints.getLong("groups[0].responded"));
        assertEquals(3, complaints.getLong("groups[0].respondedOnTime"));
        assertEquals(0.75, complaints.getDouble("groups[0].onTimeShare"));
        assertEquals("CALENDAR_DAYS", complaints.getString("groups[0].durationUnit"));
        assertEquals(1, complaints.getLong("groups[0].overdue"));
        assertEquals(1, complaints.getLong("groups[0].complaints.rejected"));
        assertEquals(2, complaints.getLong("groups[0].complaints.rated"));
        assertEquals(List.of(0, 1, 0, 0, 1), complaints.getList("groups[0].complaints.ratingCounts"));
        assertEquals(1, complaints.getLong("groups[0].complaints.satisfied"));
        assertEquals(1, complaints.getLong("groups[0].complaints.reopened"));
        assertEquals(0, complaints.getInt("groups[0].medianDays"));
        // 70 days falls in the band 61–90, given by its first day
        assertEquals(61, complaints.getInt("groups[0].p90Days"));

        JsonPath information = statistics(Map.of("institutionId", body.id(), "groupBy", "SERVICE")).extract().jsonPath();
        assertEquals("INFORMATION_REQUESTS", information.getString("groups[0].service"));
        assertEquals(7, information.getLong("groups[0].received"));
        // answered, partial, refused, transferred-in, re-dated and tardy responded; the withdrawn one did not
        assertEquals(6, information.getLong("groups[0].responded"));
        assertEquals(5, information.getLong("groups[0].respondedOnTime"));
        assertEquals("WORKING_DAYS", information.getString("groups[0].durationUnit"));
        assertEquals(4, information.getLong("groups[0].information.answered"));
        assertEquals(1, information.getLong("groups[0].information.partiallyAnswered"));
        assertEquals(1, information.getLong("groups[0].information.refused"));
        assertEquals(List.of(Map.of("refusalGroundId", 9, "count", 1)), information.getList("groups[0].information.refusedByGround"));
        assertEquals(1, information.getLong("groups[0].information.transferred"));
        assertEquals(1, information.getLong("groups[0].information.withdrawn"));
        assertEquals(Map.of("filed", 1, "upheld", 0, "rejected", 1), information.getMap("groups[0].information.internalComplaints"));
        assertEquals(Map.of("filed", 0, "upheld", 0, "rejected", 0), information.getMap("groups[0].information.escalations"));

        // Two dimensions at once: the body's months (every complaint of the scenario was filed before the clock moved).
        JsonPath months = anonymous().queryParam("institutionId", agency.id()).queryParam("groupBy", "BODY", "MONTH")
                .get("/statistics").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("BODY", "MONTH"), months.getList("groupBy"));
        assertEquals((int) agency.id(), months.getInt("groups[0].institutionId"));
        assertNotNull(months.getString("groups[0].month"));
        assertEquals(List.of(7), months.getList("groups.received"));

        // The same cases read from the finest sums (a body with kinds): the grains agree.
        JsonPath kinds = anonymous().queryParam("institutionId", agency.id()).queryParam("groupBy", "KIND")
                .get("/statistics").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("COMPLAINT"), kinds.getList("groups.findAll { !it.suppressed }.kind"));
        assertEquals(6, kinds.getInt("groups.find { it.kind == 'COMPLAINT' }.received"));
        assertEquals(true, kinds.getBoolean("groups.find { it.kind == 'OBSERVATION' }.suppressed"));

        // Every body over all months (another table of sums): the agency's complaints are the same seven.
        JsonPath bodies = anonymous().queryParam("service", "COMPLAINTS").queryParam("groupBy", "BODY")
                .get("/statistics").then().statusCode(200).extract().jsonPath();
        assertEquals(7, bodies.getInt("groups.find { it.institutionId == " + agency.id() + " }.received"));
        assertEquals(4, bodies.getInt("groups.find { it.institutionId == " + agency.id() + " }.responded"));

        // The sender keeps nothing of the request it transferred: a case counts where it is.
        statistics(Map.of("institutionId", sender.id())).body("groups", hasSize(0));

        assertEqualsDirectCount();
    }

    @Test
    void documentOrdersCountVolumeDeliveriesAndDaysFromPaymentToDelivery() {
        Office office = DocumentOrderTest.office();
        String post = DocumentOrderTest.postalKey();
        List<Ordered> delivered = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Ordered order = DocumentOrderTest.paid(office);
            orderMove(office.clerk(), order.number(), Map.of("to", "READY"));
            orderMove(withKey(post), order.number(), Map.of("to", "SHIPPED", "trackingNumber", "RR12345678" + i + "MA"));
            delivered.add(order);
        }
        TestClock.travel(Duration.ofDays(2));
        for (Ordered order : delivered) {
            orderMove(withKey(post), order.number(), Map.of("to", "DELIVERED"));
        }
        Ordered unpaid = DocumentOrderTest.place(office);
        unpaid.holder().header("If-Match", unpaid.holder().get("/document-orders/" + unpaid.number()).then().extract().header("ETag"))
                .post("/document-orders/" + unpaid.number() + "/cancel").then().statusCode(200);
        Ordered refusedOrder = DocumentOrderTest.paid(office);
        orderMove(office.clerk(), refusedOrder.number(), Map.of("to", "REJECTED", "reason", "Acte introuvable dans nos registres."));

        countEverything();

        JsonPath orders = statistics(Map.of("officeId", office.id(), "groupBy", "BODY")).extract().jsonPath();
        assertEquals("DOCUMENT_ORDERS", orders.getString("groups[0].service"));
        assertEquals(office.id(), orders.getLong("groups[0].officeId"));
        assertEquals(5, orders.getLong("groups[0].received"));
        assertEquals(4, orders.getLong("groups[0].orders.paid"));
        assertEquals(3, orders.getLong("groups[0].orders.delivered"));
        assertEquals(0.75, orders.getDouble("groups[0].orders.deliveredShare"));
        assertEquals(1, orders.getLong("groups[0].orders.cancelled"));
        assertEquals(1, orders.getLong("groups[0].orders.rejected"));
        assertEquals(3, orders.getLong("groups[0].responded"));
        assertEquals(3, orders.getLong("groups[0].respondedOnTime"));
        assertEquals(2, orders.getInt("groups[0].medianDays"));
        assertEquals("CALENDAR_DAYS", orders.getString("groups[0].durationUnit"));
        assertEqualsDirectCount();
    }

    @Test
    void aGroupOfFewerThanFiveCasesShowsNoFigureInJsonNorInCsv() {
        Agency small = ComplaintFixtures.agency();
        Filed one = ComplaintFixtures.file(small);
        ComplaintFixtures.answer(small, one.number(), "Réponse.");
        ComplaintFixtures.file(small);
        countEverything();

        statistics(Map.of("institutionId", small.id(), "groupBy", "BODY"))
                .body("groups", hasSize(1))
                .body("groups[0].institutionId", equalTo((int) small.id()))
                .body("groups[0].suppressed", equalTo(true))
                .body("groups[0].received", nullValue())
                .body("groups[0].responded", nullValue())
                .body("groups[0].complaints", nullValue());

        String csv = anonymous().accept("text/csv").queryParam("institutionId", small.id()).queryParam("groupBy", "BODY")
                .get("/statistics").then().statusCode(200).contentType("text/csv")
                .header("Vary", org.hamcrest.Matchers.containsString("Accept")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(2, lines.length, csv);
        assertTrue(lines[0].startsWith("service,month,institutionId,officeId,regionId,kind,categoryId,suppressed,received,"), lines[0]);
        String[] cells = lines[1].split(",", -1);
        assertEquals(lines[0].split(",").length, cells.length, "one cell per column: " + lines[1]);
        assertEquals("COMPLAINTS", cells[0]);
        assertEquals(String.valueOf(small.id()), cells[2]);
        assertEquals("true", cells[7]);
        for (int column = 8; column < cells.length; column++) {
            assertEquals("", cells[column], "column " + lines[0].split(",")[column] + " of a suppressed group is empty");
        }
    }

    @Test
    void theStatisticsAreCacheableAndRevalidatedWithTheirEtag() {
        countEverything();
        ExtractableResponse<Response> first = anonymous().queryParam("groupBy", "KIND").get("/statistics").then().statusCode(200)
                .header("Cache-Control", equalTo("public, max-age=120")).extract();
        String etag = first.header("ETag");
        assertNotNull(etag);
        anonymous().header("If-None-Match", etag).queryParam("groupBy", "KIND").get("/statistics").then().statusCode(304);
        // The CSV is another representation: another tag.
        String csvTag = anonymous().accept("text/csv").queryParam("groupBy", "KIND").get("/statistics").then().statusCode(200)
                .extract().header("ETag");
        assertTrue(!etag.equals(csvTag));
        assertTrue(etag.startsWith("W/\""), "a weak tag: countedUpTo moves while the figures stay: " + etag);
        // A count that finds nothing new moves countedUpTo but not the figures: the tag stays.
        Agency agency = ComplaintFixtures.agency();
        for (int i = 0; i < 5; i++) {
            ComplaintFixtures.file(agency);
        }
        countEverything();
        ExtractableResponse<Response> idle = figuresOf(agency);
        assertEquals(5, ((Number) idle.path("groups[0].received")).intValue());
        countEverything();
        assertEquals(idle.header("ETag"), figuresOf(agency).header("ETag"));
        anonymous().header("If-None-Match", idle.header("ETag")).queryParam("groupBy", "SERVICE")
                .queryParam("institutionId", agency.id()).get("/statistics").then().statusCode(304)
                .header("ETag", idle.header("ETag")).header("Cache-Control", equalTo("public, max-age=120"));
        // A new case changes the figures once counted, and so the tag; the answer kept for the old tag is not served.
        ComplaintFixtures.file(agency);
        countEverything();
        ExtractableResponse<Response> counted = figuresOf(agency);
        assertEquals(6, ((Number) counted.path("groups[0].received")).intValue());
        assertTrue(!idle.header("ETag").equals(counted.header("ETag")));
        anonymous().header("If-None-Match", etag).queryParam("groupBy", "KIND").get("/statistics").then().statusCode(200);
        // "Overdue" is counted against today: the next day is another answer.
        TestClock.travel(Duration.ofDays(1));
        String tomorrow = figuresOf(agency).header("ETag");
        assertTrue(!tomorrow.equals(counted.header("ETag")));
    }

    private static ExtractableResponse<Response> figuresOf(Agency agency) {
        return anonymous().queryParam("groupBy", "SERVICE").queryParam("institutionId", agency.id()).get("/statistics")
                .then().statusCode(200).extract();
    }

    @Test
    void theRankingOrdersBodiesByTheirShareOfAnswersOnTime() {
        Agency punctual = ComplaintFixtures.agency();
        Agency tardy = ComplaintFixtures.agency();
        List<Filed> late = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ComplaintFixtures.answer(punctual, ComplaintFixtures.file(punctual).number(), "À temps.");
            late.add(ComplaintFixtures.file(tardy));
        }
        TestClock.travel(Duration.ofDays(65));
        ComplaintFixtures.answer(tardy, late.get(0).number(), "En retard.");
        for (Filed filed : late.subList(1, 5)) {
            ComplaintFixtures.answer(tardy, filed.number(), "En retard.");
        }
        countEverything();

        List<Map<String, Object>> items = anonymous().queryParam("service", "COMPLAINTS").get("/statistics/ranking")
                .then().statusCode(200).extract().jsonPath().getList("items");
        int punctualRank = rankOf(items, punctual.id());
        int tardyRank = rankOf(items, tardy.id());
        assertTrue(punctualRank < tardyRank, "on time ranks before late: " + items);
        Map<String, Object> tardyItem = items.get(tardyRank - 1);
        assertEquals(5, ((Number) tardyItem.get("responded")).intValue());
        assertEquals(0.0, ((Number) tardyItem.get("onTimeShare")).doubleValue());
        for (int index = 0; index < items.size(); index++) {
            assertEquals(index + 1, ((Number) items.get(index).get("rank")).intValue());
        }
    }

    @Test
    void badFiltersAreFieldErrorsAndTheStatisticsNeedNoCredential() {
        anonymous().queryParam("from", "2026-05").queryParam("to", "2026-01").get("/statistics").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("to"));
        invalid().queryParam("from", "2026-13").get("/statistics").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        invalid().queryParam("groupBy", "PERSON").get("/statistics").then().statusCode(400);
        invalid().queryParam("institutionId", 0).get("/statistics").then().statusCode(400)
                .body("errors[0].field", equalTo("institutionId"));
        invalid().get("/statistics/ranking").then().statusCode(400).body("errors[0].field", equalTo("service"));
        invalid().accept("application/xml").get("/statistics").then().statusCode(406).body("code", equalTo("NOT_ACCEPTABLE"));
        // Public: a credential changes nothing, an invalid one is not even looked at.
        anonymous().queryParam("service", "COMPLAINTS").get("/statistics").then().statusCode(200);
        admin().queryParam("service", "COMPLAINTS").get("/statistics").then().statusCode(200);
    }

    // --- the direct count -------------------------------------------------------------------------------------------

    /**
     * Every service's figures, counted straight from the case tables with the rules the statistics document, equal
     * what GET /statistics answers for the whole database (every test's cases included).
     */
    private void assertEqualsDirectCount() {
        LocalDate today = TimeSource.today(new TestClock());
        JsonPath served = statistics(Map.of("groupBy", "SERVICE")).extract().jsonPath();
        Map<String, Map<String, Object>> byService = new HashMap<>();
        for (Map<String, Object> group : served.<Map<String, Object>>getList("groups")) {
            byService.put((String) group.get("service"), group);
        }
        for (Object[] row : rows("""
                SELECT f.service, COUNT(*), SUM(f.responded_at IS NOT NULL),
                       SUM(f.responded_at IS NOT NULL AND f.responded_on_time = TRUE),
                       SUM(f.final = FALSE AND f.due_date < ?1),
                       SUM(f.service IN ('COMPLAINTS', 'DOCUMENT_ORDERS') AND f.status = 'REJECTED'),
                       SUM(c.reopen_count > 0),
                       SUM(f.status = 'WITHDRAWN'),
                       SUM(f.status <> 'WITHDRAWN' AND r.answered_at IS NOT NULL AND r.answer_partial = FALSE),
                       SUM(f.status <> 'WITHDRAWN' AND r.answered_at IS NULL AND r.refusal_ground_id IS NOT NULL),
                       SUM(o.paid_at IS NOT NULL), SUM(f.status = 'DELIVERED'), SUM(f.status = 'CANCELLED')
                FROM case_file f
                LEFT JOIN complaint c ON c.case_id = f.id
                LEFT JOIN information_request r ON r.case_id = f.id
                LEFT JOIN document_order o ON o.case_id = f.id
                GROUP BY f.service""", today)) {
            String service = (String) row[0];
            Map<String, Object> group = byService.get(service);
            assertNotNull(group, "a group for " + service + ": " + served.prettify());
            if (number(row[1]) < 5) {
                // run alone on a new database, a service may have fewer cases than the threshold
                assertEquals(true, group.get("suppressed"), service + " suppressed");
                continue;
            }
            assertEquals(number(row[1]), number(group.get("received")), service + " received");
            assertEquals(number(row[2]), number(group.get("responded")), service + " responded");
            assertEquals(number(row[3]), number(group.get("respondedOnTime")), service + " on time");
            assertEquals(number(row[4]), number(group.get("overdue")), service + " overdue");
            switch (service) {
                case "COMPLAINTS" -> {
                    Map<?, ?> complaints = (Map<?, ?>) group.get("complaints");
                    assertEquals(number(row[5]), number(complaints.get("rejected")), "complaints rejected");
                    assertEquals(number(row[6]), number(complaints.get("reopened")), "complaints reopened");
                    assertEquals(latestRatings(), complaints.get("ratingCounts"), "complaints' ratings");
                }
                case "INFORMATION_REQUESTS" -> {
                    Map<?, ?> information = (Map<?, ?>) group.get("information");
                    assertEquals(number(row[7]), number(information.get("withdrawn")), "requests withdrawn");
                    assertEquals(number(row[8]), number(information.get("answered")), "requests answered");
                    assertEquals(number(row[9]), number(information.get("refused")), "requests refused");
                }
                case "DOCUMENT_ORDERS" -> {
                    Map<?, ?> orders = (Map<?, ?>) group.get("orders");
                    assertEquals(number(row[5]), number(orders.get("rejected")), "orders rejected");
                    assertEquals(number(row[10]), number(orders.get("paid")), "orders paid");
                    assertEquals(number(row[11]), number(orders.get("delivered")), "orders delivered");
                    assertEquals(number(row[12]), number(orders.get("cancelled")), "orders cancelled");
                }
                default -> throw new AssertionError(service);
            }
            List<Long> days = rows("SELECT response_days FROM case_file WHERE service = ?1 AND responded_at IS NOT NULL"
                    + " AND response_days IS NOT NULL ORDER BY response_days", service).stream().map(day -> number(day[0])).toList();
            if (!days.isEmpty()) {
                assertEquals(quantile(days, 0.5), number(group.get("medianDays")), service + " median");
                assertEquals(quantile(days, 0.9), number(group.get("p90Days")), service + " 90th percentile");
            }
        }
    }

    /** The scores of each complaint's latest rated answer, counted from 1 to 5. */
    private List<Integer> latestRatings() {
        List<Integer> counts = new ArrayList<>(List.of(0, 0, 0, 0, 0));
        for (Object[] row : rows("""
                SELECT a.rating_score, COUNT(*) FROM complaint_answer a
                WHERE a.rating_score IS NOT NULL AND a.sequence = (SELECT MAX(b.sequence) FROM complaint_answer b
                                                                  WHERE b.case_id = a.case_id AND b.rating_score IS NOT NULL)
                GROUP BY a.rating_score""")) {
            counts.set((int) number(row[0]) - 1, (int) number(row[1]));
        }
        return counts;
    }

    /** The smallest duration with at least ceil(q × n) durations at or below it (exact below 61 days, as tested). */
    private static long quantile(List<Long> sorted, double q) {
        int rank = (int) Math.max(1, Math.ceil(q * sorted.size()));
        long value = sorted.get(rank - 1);
        return value <= 60 ? value : value <= 90 ? 61 : value <= 120 ? 91 : value <= 180 ? 121 : value <= 365 ? 181 : 366;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... parameters) {
        var query = entityManager.createNativeQuery(sql);
        for (int index = 0; index < parameters.length; index++) {
            query.setParameter(index + 1, parameters[index]);
        }
        List<Object> result = query.getResultList();
        return result.stream().map(row -> row instanceof Object[] columns ? columns : new Object[] {row}).toList();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    /** Runs the counting job until the backlog is empty (the scheduler is off in tests). */
    private void countEverything() {
        for (int attempt = 0; attempt < 50; attempt++) {
            job.countAll();
            if (number(rows("SELECT COUNT(*) FROM statistics_backlog").get(0)[0]) == 0) {
                return;
            }
        }
        throw new AssertionError("the backlog was not emptied");
    }

    private static io.restassured.response.ValidatableResponse statistics(Map<String, Object> parameters) {
        return anonymous().queryParams(parameters).get("/statistics").then().statusCode(200);
    }

    private static int rankOf(List<Map<String, Object>> items, long institutionId) {
        return items.stream().filter(item -> item.get("institutionId") != null
                        && ((Number) item.get("institutionId")).longValue() == institutionId)
                .mapToInt(item -> ((Number) item.get("rank")).intValue()).findFirst()
                .orElseThrow(() -> new AssertionError("institution " + institutionId + " is ranked: " + items));
    }

    private static void orderMove(RequestSpecification staff, String number, Map<String, Object> transition) {
        String etag = staff.get("/document-orders/" + number).then().statusCode(200).extract().header("ETag");
        staff.header("If-Match", etag).contentType("application/json").body(transition)
                .post("/document-orders/" + number + "/transitions").then().statusCode(200);
    }

    private static void travelTo(LocalDate day) {
        LocalDate today = TimeSource.today(new TestClock());
        TestClock.travel(Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(today, day)));
    }

    private static ExtractableResponse<Response> addHoliday(LocalDate day) {
        return admin().contentType("application/json")
                .body(Map.of("date", day.toString(), "kind", "RELIGIOUS", "names", Map.of("ar", "عيد", "fr", "Fête", "en", "Feast")))
                .post("/admin/holidays").then().statusCode(201).extract();
    }

    /** A public body for information requests, with an officer and a head. */
    record InformationBody(long id, String officerKey, String headKey) {

        static InformationBody create() {
            long id = ((Number) AdministrationTest.createInstitution(ma.bawaba.support.Api.unique("ST")).path("id")).longValue();
            return new InformationBody(id, AdministrationTest.issueKey("AGENT", id), AdministrationTest.issueKey("HEAD", id));
        }

        String file() {
            Map<String, Object> request = new HashMap<>();
            request.put("institutionId", id);
            request.put("type", "ORDINARY");
            request.put("requester", Map.of("firstName", "Karim", "lastName", "Ouazzani", "idDocumentType", "CIN",
                    "idDocumentNumber", "AB123456", "email", "karim.ouazzani@example.ma"));
            request.put("description", "Le budget 2025 de la commune, par chapitre et par service.");
            request.put("preferredFormat", "ELECTRONIC_COPY");
            ExtractableResponse<Response> created = anonymous().header("X-Forwarded-For", clientAddress())
                    .contentType("application/json").body(request).post("/information-requests").then().statusCode(201).extract();
            tokens.put(created.path("request.number"), created.path("caseToken"));
            return created.path("request.number");
        }

        JsonPath read(String number) {
            return withKey(officerKey).get("/information-requests/" + number).then().statusCode(200).extract().jsonPath();
        }

        void moves(String number, Map<String, Object> transition) {
            move(withKey(officerKey), number, transition);
        }

        void decides(String number, Map<String, Object> transition) {
            move(withKey(headKey), number, transition);
        }

        void appeals(String number, String level) {
            RequestSpecification holder = anonymous().header("X-Case-Token", tokens.get(number));
            String etag = anonymous().header("X-Case-Token", tokens.get(number)).get("/information-requests/" + number)
                    .then().statusCode(200).extract().header("ETag");
            holder.header("If-Match", etag).contentType("application/json")
                    .body(Map.of("level", level, "reason", "La réponse ne couvre pas ma demande."))
                    .post("/information-requests/" + number + "/appeals").then().statusCode(201);
        }

        void withdraws(String number) {
            String etag = anonymous().header("X-Case-Token", tokens.get(number)).get("/information-requests/" + number)
                    .then().statusCode(200).extract().header("ETag");
            anonymous().header("X-Case-Token", tokens.get(number)).header("If-Match", etag)
                    .post("/information-requests/" + number + "/withdrawal").then().statusCode(200);
        }

        private void move(RequestSpecification staff, String number, Map<String, Object> transition) {
            String etag = withKey(officerKey).get("/information-requests/" + number).then().statusCode(200).extract().header("ETag");
            ExtractableResponse<Response> moved = staff.header("If-Match", etag).contentType("application/json").body(transition)
                    .post("/information-requests/" + number + "/transitions").then().extract();
            assertStatus(200, moved);
        }

        private static final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();
    }
}
