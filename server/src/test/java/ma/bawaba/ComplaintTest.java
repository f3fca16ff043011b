package ma.bawaba;

import static ma.bawaba.ComplaintFixtures.acknowledge;
import static ma.bawaba.ComplaintFixtures.agency;
import static ma.bawaba.ComplaintFixtures.answer;
import static ma.bawaba.ComplaintFixtures.assertStatus;
import static ma.bawaba.ComplaintFixtures.complaint;
import static ma.bawaba.ComplaintFixtures.etag;
import static ma.bawaba.ComplaintFixtures.file;
import static ma.bawaba.ComplaintFixtures.move;
import static ma.bawaba.ComplaintFixtures.rate;
import static ma.bawaba.ComplaintFixtures.reopen;
import static ma.bawaba.ComplaintFixtures.timelineTypes;
import static ma.bawaba.ComplaintFixtures.tracked;
import static ma.bawaba.support.Api.anonymous;
import static ma.bawaba.support.Api.clientAddress;
import static ma.bawaba.support.Api.invalid;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.List;
import java.util.Map;
import ma.bawaba.ComplaintFixtures.Agency;
import ma.bawaba.ComplaintFixtures.Filed;
import ma.bawaba.complaints.AnsweredComplaintClosing;
import ma.bawaba.platform.TimeSource;
import ma.bawaba.support.TestClock;
import ma.bawaba.support.Timeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ComplaintTest {

    @Inject
    AnsweredComplaintClosing closing;

    @AfterEach
    void backToToday() {
        TestClock.reset();
    }

    private static LocalDate today() {
        return LocalDate.now(new TestClock().withZone(TimeSource.MOROCCO));
    }

    private static void travelTo(Instant instant) {
        TestClock.travel(Duration.between(new TestClock().instant(), instant));
    }

    /** Midnight at the end of the 30th calendar day (Morocco) after the complaint's latest answer. */
    private static Instant reopenWindowEnd(RequestSpecification reader, String number) {
        String answeredAt = reader.get("/complaints/" + number).then().statusCode(200).extract().path("answers[-1].answeredAt");
        LocalDate answered = OffsetDateTime.parse(answeredAt).atZoneSameInstant(TimeSource.MOROCCO).toLocalDate();
        return answered.plusDays(31).atStartOfDay(TimeSource.MOROCCO).toInstant();
    }

    private static Instant instant(ExtractableResponse<Response> response, String path) {
        return OffsetDateTime.parse(response.<String>path(path)).toInstant();
    }

    @Test
    void citizenFilesAComplaintAndGetsItsNumberTokenStatusAndDueDateAtOnce() {
        Agency agency = agency();
        var created = anonymous().header("X-Forwarded-For", clientAddress()).contentType("application/json")
                .body(complaint(agency.id(), "COMPLAINT")).post("/complaints")
                .then().statusCode(201)
                .header("ETag", "\"0\"")
                .header("RateLimit", startsWith("limit=5"))
                .body("complaint.number", matchesPattern("CP-" + Year.now() + "-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}"))
                .body("complaint.status", equalTo("RECEIVED"))
                .body("complaint.dueDate", equalTo(today().plusDays(60).toString()))
                .body("complaint.overdue", equalTo(false))
                .body("complaint.institutionId", equalTo((int) agency.id()))
                .body("caseToken", startsWith("ct_"))
                .extract();
        String number = created.path("complaint.number");
        assertEquals("/api/v1/complaints/" + number, java.net.URI.create(created.header("Location")).getPath());

        anonymous().header("X-Case-Token", (String) created.path("caseToken")).get("/complaints/" + number)
                .then().statusCode(200).header("ETag", "\"0\"")
                .body("requester.idDocumentNumber", equalTo("BE123456"))
                .body("requester.email", equalTo("amina.benali@example.ma"))
                .body("answers", hasSize(0));
        assertEquals(List.of("SUBMITTED"), timelineTypes(anonymous().header("X-Case-Token", (String) created.path("caseToken")), number));
    }

    @Test
    void aComplaintIsTrackedWithItsEmailAndAWrongEmailLooksLikeAnUnknownNumber() {
        Filed filed = file(agency());
        ComplaintFixtures.holder(tracked(filed.number())).get("/complaints/" + filed.number()).then().statusCode(200);
        var wrong = anonymous().header("X-Forwarded-For", clientAddress()).contentType("application/json")
                .body(Map.of("number", filed.number(), "email", "someone.else@example.ma")).post("/tracking")
                .then().statusCode(404).extract();
        var unknown = anonymous().header("X-Forwarded-For", clientAddress()).contentType("application/json")
                .body(Map.of("number", "CP-2026-ZZZZ-ZZZZ", "email", "someone.else@example.ma")).post("/tracking")
                .then().statusCode(404).extract();
        assertEquals(wrong.path("title"), unknown.<String>path("title"));
        assertEquals(((String) wrong.path("detail")).replace(filed.number(), "N"),
                ((String) unknown.path("detail")).replace("CP-2026-ZZZZ-ZZZZ", "N"));
    }

    @Test
    void aReplayedReceiptCarriesTheETagOfTheComplaintItShows() {
        Agency agency = agency();
        String key = "etag-" + java.util.UUID.randomUUID();
        String address = clientAddress();
        String number = anonymous().header("X-Forwarded-For", address).header("Idempotency-Key", key)
                .contentType("application/json").body(complaint(agency.id(), "COMPLAINT")).post("/complaints")
                .then().statusCode(201).header("ETag", "\"0\"").extract().path("complaint.number");
        acknowledge(agency, number);
        // The receipt is rebuilt from the complaint as it is now; its ETag must be that version's, not the first one.
        anonymous().header("X-Forwarded-For", address).header("Idempotency-Key", key)
                .contentType("application/json").body(complaint(agency.id(), "COMPLAINT")).post("/complaints")
                .then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("ETag", "\"1\"").body("complaint.status", equalTo("ACKNOWLEDGED"));
    }

    @Test
    void retryingWithTheSameIdempotencyKeyFilesOneComplaint() {
        Agency agency = agency();
        String key = "retry-" + java.util.UUID.randomUUID();
        String address = clientAddress();
        String first = anonymous().header("X-Forwarded-For", address).header("Idempotency-Key", key)
                .contentType("application/json").body(complaint(agency.id(), "COMPLAINT")).post("/complaints")
                .then().statusCode(201).extract().path("complaint.number");
        anonymous().header("X-Forwarded-For", address).header("Idempotency-Key", key)
                .contentType("application/json").body(complaint(agency.id(), "COMPLAINT")).post("/complaints")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("complaint.number", equalTo(first));
        Map<String, Object> other = complaint(agency.id(), "SUGGESTION");
        anonymous().header("X-Forwarded-For", address).header("Idempotency-Key", key)
                .contentType("application/json").body(other).post("/complaints")
                .then().statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        agency.agent().get("/complaints").then().statusCode(200).body("items", hasSize(1));

        // The stored replay keeps neither the case token nor the requester: a replay issues a new token.
        String stored = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                ma.bawaba.platform.web.idempotency.IdempotencyRecord.<ma.bawaba.platform.web.idempotency.IdempotencyRecord>find("key", key)
                        .firstResult().responseBody);
        assertFalse(stored.contains("ct_") || stored.contains("Benali") || stored.contains("@example.ma"), stored);
        String replayedToken = anonymous().header("X-Forwarded-For", address).header("Idempotency-Key", key)
                .contentType("application/json").body(complaint(agency.id(), "COMPLAINT")).post("/complaints")
                .then().statusCode(201).body("complaint.requester.lastName", equalTo("Benali")).extract().path("caseToken");
        ComplaintFixtures.holder(replayedToken).get("/complaints/" + first).then().statusCode(200);
    }

    @Test
    void submissionsFromOneClientAddressAreLimited() {
        Agency agency = agency();
        String address = clientAddress();
        for (int i = 0; i < 5; i++) {
            anonymous().header("X-Forwarded-For", address).contentType("application/json")
                    .body(complaint(agency.id(), "SUGGESTION")).post("/complaints").then().statusCode(201);
        }
        anonymous().header("X-Forwarded-For", address).contentType("application/json")
                .body(complaint(agency.id(), "SUGGESTION")).post("/complaints")
                .then().statusCode(429).header("Retry-After", matchesPattern("[0-9]+"))
                .contentType("application/problem+json").body("code", equalTo("RATE_LIMITED"));
    }

    @Test
    void aComplaintMustNameAnInstitutionThatAcceptsComplaintsAndAKnownCategory() {
        Map<String, Object> toCdai = complaint(41, "COMPLAINT");
        anonymous().header("X-Forwarded-For", clientAddress()).contentType("application/json").body(toCdai)
                .post("/complaints").then().statusCode(422).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("institutionId")).body("errors[0].code", equalTo("NOT_ALLOWED"));
        Map<String, Object> unknownCategory = complaint(2, "COMPLAINT");
        unknownCategory.put("categoryId", 999);
        anonymous().header("X-Forwarded-For", clientAddress()).contentType("application/json").body(unknownCategory)
                .post("/complaints").then().statusCode(422).body("errors[0].field", equalTo("categoryId"))
                .body("errors[0].code", equalTo("UNKNOWN_REFERENCE"));
        Map<String, Object> noEmail = complaint(2, "COMPLAINT");
        noEmail.put("requester", Map.of("firstName", "Amina", "lastName", "Benali", "idDocumentType", "CIN",
                "idDocumentNumber", "BE123456", "email", "not-an-address"));
        invalid().header("X-Forwarded-For", clientAddress()).contentType("application/json").body(noEmail)
                .post("/complaints").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem(containsString("email"))).body("errors.code", hasItem("INVALID_FORMAT"));
        Map<String, Object> blank = complaint(2, "COMPLAINT");
        blank.put("subject", "      ");
        anonymous().header("X-Forwarded-For", clientAddress()).contentType("application/json").body(blank)
                .post("/complaints").then().statusCode(422).body("errors[0].field", equalTo("subject"))
                .body("errors[0].code", equalTo("REQUIRED"));
    }

    @Test
    void noBodyCanSetTheStatusTheDueDateOrTheInstitution() {
        Agency agency = agency();
        for (Map.Entry<String, Object> extra : Map.<String, Object>of("status", "ANSWERED", "dueDate", "2030-01-01",
                "overdue", true, "number", "CP-2026-AAAA-BBBB").entrySet()) {
            Map<String, Object> body = complaint(agency.id(), "COMPLAINT");
            body.put(extra.getKey(), extra.getValue());
            invalid().header("X-Forwarded-For", clientAddress()).contentType("application/json").body(body)
                    .post("/complaints").then().statusCode(400).body("errors.field", hasItem(extra.getKey()))
                    .body("errors.code", everyItem(equalTo("UNKNOWN_PROPERTY")));
        }
        Filed filed = file(agency);
        String path = "/complaints/" + filed.number();
        invalid().header("X-Case-Token", filed.token()).contentType("application/json")
                .body(Map.of("text", "Bonjour", "status", "CLOSED")).post(path + "/messages")
                .then().statusCode(400).body("errors.field", hasItem("status"));
        invalid().header("X-Case-Token", filed.token()).header("If-Match", "\"0\"").contentType("application/json")
                .body(Map.of("satisfied", true, "score", 5, "institutionId", 3)).put(path + "/rating")
                .then().statusCode(400).body("errors.field", hasItem("institutionId"));
        invalid().header("X-Case-Token", filed.token()).header("If-Match", "\"0\"").contentType("application/json")
                .body(Map.of("reason", "Toujours pas de réponse.", "dueDate", "2030-01-01")).post(path + "/reopen")
                .then().statusCode(400).body("errors.field", hasItem("dueDate"));
        invalid().header("X-Api-Key", agency.agentKey()).header("If-Match", "\"0\"").contentType("application/json")
                .body(Map.of("to", "ACKNOWLEDGED", "dueDate", "2030-01-01")).post(path + "/transitions")
                .then().statusCode(400).body("errors.field", hasItem("dueDate"));
        filed.holder().get(path).then().statusCode(200).body("status", equalTo("RECEIVED"))
                .body("dueDate", equalTo(today().plusDays(60).toString())).body("institutionId", equalTo((int) agency.id()));
    }

    @Test
    void theInstitutionAcknowledgesMessagesAndAnswersAndTheCitizenRatesOnce() {
        Agency agency = agency();
        Filed filed = file(agency);
        String path = "/complaints/" + filed.number();

        agency.agent().queryParam("status", "RECEIVED").get("/complaints").then().statusCode(200)
                .body("items.number", hasItem(filed.number())).body("items[0].requester", nullValue());
        agency.agent().get(path).then().statusCode(200).body("requester.lastName", equalTo("Benali"));
        acknowledge(agency, filed.number());

        agency.agent().contentType("application/json").body(Map.of("text", "Pouvez-vous joindre votre reçu ?"))
                .post(path + "/messages").then().statusCode(201).body("author", equalTo("INSTITUTION"));
        filed.holder().contentType("application/json").body(Map.of("text", "Le voici, en pièce jointe bientôt."))
                .post(path + "/messages").then().statusCode(201).body("author", equalTo("CITIZEN"));
        filed.holder().get(path + "/messages").then().statusCode(200)
                .body("items.author", equalTo(List.of("INSTITUTION", "CITIZEN")));

        rate(filed, true, 5).response().then().statusCode(409).body("code", equalTo("NOT_ANSWERED"))
                .body("currentStatus", equalTo("ACKNOWLEDGED"));

        answer(agency, filed.number(), "Votre pension sera versée à partir de janvier.");
        filed.holder().get(path).then().statusCode(200).body("status", equalTo("ANSWERED"))
                .body("answers[0].sequence", equalTo(1)).body("answers[0].rating", nullValue())
                .body("reopenableUntil", notNullValue()).body("overdue", equalTo(false));

        rate(filed, false, 2).response().then().statusCode(200)
                .body("answers[0].rating.satisfied", equalTo(false)).body("answers[0].rating.score", equalTo(2));
        rate(filed, true, 5).response().then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("ALREADY_RATED")).body("detail", containsString("1"));

        String timeline = filed.holder().queryParam("limit", 100).get(path + "/timeline").then().statusCode(200).extract().asString();
        assertEquals(List.of("SUBMITTED", "ACKNOWLEDGED", "MESSAGE_SENT", "MESSAGE_SENT", "ANSWERED", "RATED"),
                timelineTypes(filed.holder(), filed.number()));
        assertFalse(timeline.contains(agency.agentKey().substring(4, 12)), "the timeline names no key or person");
        anonymous().header("X-Case-Token", filed.token()).queryParam("limit", 100).get(path + "/timeline").then()
                .body("items.actor", equalTo(List.of("CITIZEN", "INSTITUTION", "INSTITUTION", "CITIZEN", "INSTITUTION", "CITIZEN")));
    }

    @Test
    void anUnsatisfiedCitizenReopensTwiceAndNotAThirdTime() {
        Agency agency = agency();
        Filed filed = file(agency);
        String path = "/complaints/" + filed.number();
        answer(agency, filed.number(), "Première réponse.");
        TestClock.travel(Duration.ofDays(10));
        String token = tracked(filed.number());
        reopen(token, filed.number()).response().then().statusCode(200)
                .body("status", equalTo("REOPENED")).body("reopenCount", equalTo(1))
                .body("dueDate", equalTo(today().plusDays(60).toString()))
                .body("institutionId", equalTo((int) agency.id()));
        agency.agent().get(path + "/messages").then().body("items.text", hasItem("Mon dossier n'a toujours pas été examiné."));

        answer(agency, filed.number(), "Deuxième réponse.");
        reopen(token, filed.number()).response().then().statusCode(200).body("reopenCount", equalTo(2));
        answer(agency, filed.number(), "Troisième réponse.");
        reopen(token, filed.number()).response().then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("REOPEN_LIMIT_REACHED")).body("limit", equalTo(2)).body("detail", containsString("2"));
        ComplaintFixtures.holder(token).get(path).then().body("answers.sequence", equalTo(List.of(1, 2, 3)))
                .body("status", equalTo("ANSWERED")).body("reopenableUntil", nullValue());
    }

    @Test
    void aSatisfiedRatingClosesTheComplaintAtOnce() {
        Agency agency = agency();
        Filed pleased = file(agency);
        answer(agency, pleased.number(), "Votre pension sera versée à partir de janvier.");
        rate(pleased, true, 5).response().then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("answers[0].rating.satisfied", equalTo(true))
                .body("reopenableUntil", nullValue()).body("dueDate", nullValue()).body("overdue", equalTo(false));
        List<Map<String, Object>> events = pleased.holder().queryParam("limit", 100)
                .get("/complaints/" + pleased.number() + "/timeline").then().statusCode(200).extract().path("items");
        assertEquals(List.of("RATED", "CLOSED"), events.subList(events.size() - 2, events.size()).stream()
                .map(event -> event.get("type")).toList());
        assertEquals("CITIZEN", events.get(events.size() - 1).get("actor"));
        reopen(pleased.token(), pleased.number()).response().then().statusCode(409)
                .body("code", equalTo("TRANSITION_NOT_ALLOWED")).body("currentStatus", equalTo("CLOSED"));
        pleased.holder().contentType("application/json").body(Map.of("text", "Merci !"))
                .post("/complaints/" + pleased.number() + "/messages").then().statusCode(409)
                .body("code", equalTo("CASE_CLOSED")).body("currentStatus", equalTo("CLOSED"));
        agency.agent().queryParam("status", "CLOSED").get("/complaints").then()
                .body("items.number", equalTo(List.of(pleased.number())));
    }

    @Test
    void theReopenWindowRunsToTheEndOfTheThirtiethDayInMoroccoForTheHolderAndTheClosingJob() {
        Agency agency = agency();
        Filed reopened = file(agency);
        Filed unrated = file(agency);
        Filed late = file(agency);
        // Answered at 08:00 in Rabat: 30×24 hours would end at 08:00 on the 30th day, the window ends at its midnight.
        LocalDate answeredOn = today().plusDays(1);
        travelTo(answeredOn.atTime(8, 0).atZone(TimeSource.MOROCCO).toInstant());
        for (Filed filed : List.of(reopened, unrated, late)) {
            answer(agency, filed.number(), "Réponse.");
        }
        Instant end = answeredOn.plusDays(31).atStartOfDay(TimeSource.MOROCCO).toInstant();
        assertEquals(end, instant(agency.agent().get("/complaints/" + late.number()).then().extract(), "reopenableUntil"));

        travelTo(end.minus(Duration.ofMinutes(1)));
        String token = tracked(reopened.number());
        reopen(token, reopened.number()).response().then().statusCode(200).body("status", equalTo("REOPENED"));
        closing.closeDue();
        agency.agent().get("/complaints/" + unrated.number()).then().body("status", equalTo("ANSWERED"))
                .body("reopenableUntil", notNullValue());

        travelTo(end.plusSeconds(1));
        reopen(tracked(late.number()), late.number()).response().then().statusCode(409).body("code", equalTo("WINDOW_CLOSED"))
                .body("allowedFrom", equalTo(answeredOn.toString())).body("allowedUntil", equalTo(answeredOn.plusDays(30).toString()))
                .body("detail", containsString(answeredOn.plusDays(30).toString())).body("detail", containsString("30"));
        agency.agent().get("/complaints/" + late.number()).then().body("reopenableUntil", nullValue());
        closing.closeDue();
        agency.agent().get("/complaints/" + unrated.number()).then().body("status", equalTo("CLOSED"));
        agency.agent().get("/complaints/" + late.number()).then().body("status", equalTo("CLOSED"));
        agency.agent().get("/complaints/" + reopened.number()).then().body("status", equalTo("REOPENED"));
    }

    @Test
    void onlyUnratedAndUnsatisfiedAnswersThatWereNotReopenedCloseByThemselves() {
        Agency agency = agency();
        Filed unrated = file(agency);
        Filed unsatisfied = file(agency);
        Filed reopened = file(agency);
        Filed satisfied = file(agency);
        for (Filed filed : List.of(unrated, unsatisfied, reopened, satisfied)) {
            answer(agency, filed.number(), "Réponse.");
        }
        rate(unsatisfied, false, 2).response().then().statusCode(200).body("status", equalTo("ANSWERED"));
        rate(reopened, false, 1).response().then().statusCode(200);
        reopen(reopened.token(), reopened.number()).response().then().statusCode(200);
        rate(satisfied, true, 4).response().then().statusCode(200).body("status", equalTo("CLOSED"));

        travelTo(reopenWindowEnd(agency.agent(), unrated.number()).plus(Duration.ofDays(1)));
        closing.closeDue();
        for (Filed filed : List.of(unrated, unsatisfied)) {
            assertEquals("SYSTEM", agency.agent().queryParam("limit", 100)
                    .get("/complaints/" + filed.number() + "/timeline").then().extract().path("items[-1].actor"));
            agency.agent().get("/complaints/" + filed.number()).then().body("status", equalTo("CLOSED"));
        }
        agency.agent().get("/complaints/" + reopened.number()).then().body("status", equalTo("REOPENED"));
        assertEquals("CITIZEN", agency.agent().queryParam("limit", 100)
                .get("/complaints/" + satisfied.number() + "/timeline").then().extract().path("items[-1].actor"));
    }

    @Test
    void unratedAnswersCloseWhenTheirWindowEndsAndThenTakeNoMessage() {
        Agency agency = agency();
        Filed filed = file(agency);
        Filed fresh = file(agency);
        answer(agency, filed.number(), "Réponse.");
        TestClock.travel(Duration.ofDays(20));
        answer(agency, fresh.number(), "Réponse plus récente.");
        travelTo(reopenWindowEnd(agency.agent(), filed.number()));
        closing.closeDue();
        String token = tracked(filed.number());
        ComplaintFixtures.holder(token).get("/complaints/" + filed.number()).then().body("status", equalTo("CLOSED"));
        agency.agent().get("/complaints/" + fresh.number()).then().body("status", equalTo("ANSWERED"));
        assertEquals("SYSTEM", ComplaintFixtures.holder(token).queryParam("limit", 100)
                .get("/complaints/" + filed.number() + "/timeline").then().extract().path("items[-1].actor"));
        ComplaintFixtures.holder(token).contentType("application/json").body(Map.of("text", "Encore une question."))
                .post("/complaints/" + filed.number() + "/messages")
                .then().statusCode(409).body("code", equalTo("CASE_CLOSED")).body("currentStatus", equalTo("CLOSED"));
        rate(new Filed(filed.number(), token, agency.id()), true, 4).response().then().statusCode(409);
        assertEquals(0, closing.closeDue(), "a second run finds nothing left to close");
    }

    @Test
    void twoInstancesClosingAtOnceCloseEachComplaintOnce() throws Exception {
        Agency agency = agency();
        List<Filed> answered = List.of(file(agency), file(agency), file(agency), file(agency));
        answered.forEach(filed -> answer(agency, filed.number(), "Réponse."));
        travelTo(reopenWindowEnd(agency.agent(), answered.get(answered.size() - 1).number()));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(closing::closeDue);
            var second = pool.submit(closing::closeDue);
            first.get(60, java.util.concurrent.TimeUnit.SECONDS);
            second.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        for (Filed filed : answered) {
            List<String> types = timelineTypes(agency.agent(), filed.number());
            assertEquals(1, types.stream().filter("CLOSED"::equals).count(), filed.number() + ": " + types);
        }
    }

    @Test
    void observationsAndSuggestionsAreAcknowledgedThenClosedAndNeverAnswered() {
        Agency agency = agency();
        Filed observation = file(agency, "OBSERVATION");
        assertStatus(409, move(agency, observation.number(), Map.of("to", "CLOSED")));
        acknowledge(agency, observation.number());
        var refused = move(agency, observation.number(), Map.of("to", "ANSWERED", "answer", "Merci."));
        assertStatus(409, refused);
        assertEquals("TRANSITION_NOT_ALLOWED", refused.path("code"));
        assertEquals("ACKNOWLEDGED", refused.path("currentStatus"));
        move(agency, observation.number(), Map.of("to", "CLOSED")).response().then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("overdue", equalTo(false));
        Filed suggestion = file(agency, "SUGGESTION");
        acknowledge(agency, suggestion.number());
        rate(suggestion, true, 5).response().then().statusCode(409).body("code", equalTo("NOT_RATEABLE"));
    }

    @Test
    void aTransitionOutsideTheTableIsAConflictNamingTheCurrentStatus() {
        Agency agency = agency();
        Filed filed = file(agency);
        answer(agency, filed.number(), "Réponse.");
        move(agency, filed.number(), Map.of("to", "ACKNOWLEDGED")).response().then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("TRANSITION_NOT_ALLOWED"))
                .body("currentStatus", equalTo("ANSWERED"));
        move(agency, filed.number(), Map.of("to", "CLOSED")).response().then().statusCode(409);
        assertStatus(422, move(agency, file(agency).number(), Map.of("to", "ANSWERED")));
    }

    @Test
    void aTransitionConflictNamesTheStatusesInTheCallersWordsNotAsEnumValues() {
        Agency agency = agency();
        Filed filed = file(agency);
        answer(agency, filed.number(), "Réponse.");
        String version = etag(agency.agent(), filed.number());
        Map<String, String> details = new java.util.HashMap<>();
        for (String language : List.of("ar", "fr", "en")) {
            details.put(language, agency.agent().header("Accept-Language", language).header("If-Match", version)
                    .contentType("application/json").body(Map.of("to", "ACKNOWLEDGED"))
                    .post("/complaints/" + filed.number() + "/transitions").then().statusCode(409)
                    .body("code", equalTo("TRANSITION_NOT_ALLOWED")).body("currentStatus", equalTo("ANSWERED"))
                    .extract().path("detail"));
        }
        assertFalse(details.get("ar").matches("(?s).*[A-Za-z].*"), "no Latin letter in Arabic: " + details.get("ar"));
        assertEquals("لا يمكن نقل شكاية من حالة «تم الرد» إلى حالة «تم الإشعار بالتوصل».", details.get("ar"));
        assertEquals("Le statut de cette plainte ne peut pas passer de « répondue » à « prise en charge ».", details.get("fr"));
        assertEquals("The status of this complaint cannot change from “answered” to “acknowledged”.", details.get("en"));
    }

    @Test
    void anObservationIsNamedWithTheRightArticleInEachLanguage() {
        Agency agency = agency();
        Filed observation = file(agency, "OBSERVATION");
        acknowledge(agency, observation.number());
        String version = etag(observation.holder(), observation.number());
        Map<String, String> details = new java.util.HashMap<>();
        for (String language : List.of("ar", "fr", "en")) {
            details.put(language, observation.holder().header("Accept-Language", language).header("If-Match", version)
                    .contentType("application/json").body(Map.of("satisfied", true, "score", 5))
                    .put("/complaints/" + observation.number() + "/rating").then().statusCode(409)
                    .body("code", equalTo("NOT_RATEABLE")).extract().path("detail"));
        }
        assertEquals("This observation has no answer to rate: only complaints are answered.", details.get("en"));
        assertEquals("Cette observation n'a pas de réponse à évaluer : seules les plaintes reçoivent une réponse.", details.get("fr"));
        assertEquals("لا جواب يمكن تقييمه للملاحظة: لا يجاب إلا عن الشكايات.", details.get("ar"));
    }

    @Test
    void fieldErrorsCarryACodeAndASentenceNeverARegularExpression() {
        Agency agency = agency();
        Filed filed = file(agency);
        answer(agency, filed.number(), "Réponse.");
        String reopen = "/complaints/" + filed.number() + "/reopen";
        String version = etag(filed.holder(), filed.number());
        invalid().header("X-Case-Token", filed.token()).header("If-Match", version).header("Accept-Language", "en")
                .contentType("application/json").body(Map.of("reason", "Non.")).post(reopen).then().statusCode(400)
                .body("errors.field", equalTo(List.of("reason"))).body("errors[0].code", equalTo("TOO_SHORT"))
                .body("errors[0].message", equalTo("must be at least 10 characters long"));
        invalid().header("X-Case-Token", filed.token()).header("If-Match", version).header("Accept-Language", "fr")
                .contentType("application/json").body(Map.of("reason", "Toujours rien\u0007 depuis le mois de mai.")).post(reopen)
                .then().statusCode(400).body("errors[0].code", equalTo("INVALID_FORMAT"))
                .body("errors[0].message", equalTo("contient des caractères non autorisés"));
        invalid().header("X-Case-Token", filed.token()).header("If-Match", version).header("Accept-Language", "en")
                .contentType("application/json").body(Map.of("satisfied", false, "score", 9))
                .put("/complaints/" + filed.number() + "/rating").then().statusCode(400)
                .body("errors[0].code", equalTo("OUT_OF_RANGE")).body("errors[0].message", equalTo("must be at most 5"));

        Map<String, Object> wrongType = complaint(agency.id(), "COMPLAINT");
        wrongType.put("categoryId", "pension");
        invalid().header("X-Forwarded-For", clientAddress()).header("Accept-Language", "en").contentType("application/json")
                .body(wrongType).post("/complaints").then().statusCode(400)
                .body("errors[0].field", equalTo("categoryId")).body("errors[0].code", equalTo("WRONG_TYPE"))
                .body("errors[0].message", equalTo("must be a whole number"));
        invalid().header("X-Forwarded-For", clientAddress()).header("Accept-Language", "en").contentType("application/json")
                .body(complaint(agency.id(), "GRIEVANCE")).post("/complaints").then().statusCode(400)
                .body("errors[0].field", equalTo("kind")).body("errors[0].code", equalTo("INVALID"))
                .body("errors[0].message", equalTo("must be one of: COMPLAINT, OBSERVATION, SUGGESTION"));
    }

    @Test
    void outOfScopeComplaintsAreRejectedWithAReasonAndTakeNothingMore() {
        Agency agency = agency();
        Filed filed = file(agency);
        assertStatus(422, move(agency, filed.number(), Map.of("to", "REJECTED")));
        move(agency, filed.number(), Map.of("to", "REJECTED", "reason", "L'affaire est pendante devant le tribunal."))
                .response().then().statusCode(200).body("status", equalTo("REJECTED"))
                .body("rejectionReason", equalTo("L'affaire est pendante devant le tribunal."));
        filed.holder().contentType("application/json").body(Map.of("text", "Je conteste."))
                .post("/complaints/" + filed.number() + "/messages").then().statusCode(409);
    }

    @Test
    void aTransferredComplaintLeavesTheFirstInboxForTheCompetentOne() {
        Agency first = agency();
        Agency competent = agency();
        Filed filed = file(first);
        String path = "/complaints/" + filed.number();
        assertStatus(422, move(first, filed.number(), Map.of("to", "TRANSFERRED", "reason", "Hors compétence",
                "institutionId", 41)));
        move(first, filed.number(), Map.of("to", "TRANSFERRED", "reason", "Hors compétence", "institutionId", first.id()))
                .response().then().statusCode(422).body("errors[0].field", equalTo("institutionId"))
                .body("errors[0].code", equalTo("NOT_ALLOWED"));
        move(first, filed.number(), Map.of("to", "TRANSFERRED", "reason", "Relève de l'agence compétente.",
                "institutionId", competent.id())).response().then().statusCode(200)
                .body("status", equalTo("TRANSFERRED")).body("institutionId", equalTo((int) competent.id()));

        first.agent().get(path).then().statusCode(404);
        first.agent().get("/complaints").then().statusCode(200).body("items.number", not(hasItem(filed.number())));
        competent.agent().get("/complaints").then().statusCode(200).body("items.number", hasItem(filed.number()));
        acknowledge(competent, filed.number());
        filed.holder().get(path).then().body("institutionId", equalTo((int) competent.id()))
                .body("status", equalTo("ACKNOWLEDGED"));
        filed.holder().get(path + "/messages").then().body("items.text", hasItem("Relève de l'agence compétente."));
    }

    @Test
    void theTimelineShowsEachEventAsTheActOfTheBodyThatActedWithItsTypedPayload() {
        Agency first = agency();
        Agency competent = agency();
        Filed filed = file(first);
        String path = "/complaints/" + filed.number();
        String due = today().plusDays(60).toString();
        move(first, filed.number(), Map.of("to", "TRANSFERRED", "reason", "Relève de l'agence compétente.",
                "institutionId", competent.id())).response().then().statusCode(200);
        answer(competent, filed.number(), "Votre dossier de pension est débloqué.");
        rate(filed, false, 2).response().then().statusCode(200);
        reopen(filed.token(), filed.number()).response().then().statusCode(200);
        answer(competent, filed.number(), "Le premier versement est parti.");
        rate(filed, true, 5).response().then().statusCode(200);

        List<Number> messages = filed.holder().get(path + "/messages").then().statusCode(200).extract().path("items.id");
        List<Map<String, Object>> events = Timeline.entries(filed.holder(), path);
        assertEquals(List.of("SUBMITTED", "MESSAGE_SENT", "TRANSFERRED", "ANSWERED", "RATED", "REOPENED", "MESSAGE_SENT",
                "ANSWERED", "RATED", "CLOSED"), events.stream().map(event -> event.get("type")).toList());
        Timeline.assertEntry(events.get(0), "SUBMITTED", "CITIZEN", null, first.id(), Map.of("kind", "COMPLAINT", "dueDate", due));
        // The first institution gave its reason and transferred; from then on the complaint is the competent one's.
        Timeline.assertEntry(events.get(1), "MESSAGE_SENT", "INSTITUTION", first.id(), first.id(),
                Map.of("messageId", messages.get(0)));
        Timeline.assertEntry(events.get(2), "TRANSFERRED", "INSTITUTION", first.id(), competent.id(),
                Map.of("fromInstitutionId", first.id(), "toInstitutionId", competent.id(), "dueDate", due));
        Timeline.assertEntry(events.get(3), "ANSWERED", "INSTITUTION", competent.id(), competent.id(), Map.of("answerSequence", 1));
        Timeline.assertEntry(events.get(4), "RATED", "CITIZEN", null, competent.id(),
                Map.of("answerSequence", 1, "satisfied", false, "score", 2));
        Timeline.assertEntry(events.get(5), "REOPENED", "CITIZEN", null, competent.id(), Map.of("reopenCount", 1, "dueDate", due));
        Timeline.assertEntry(events.get(6), "MESSAGE_SENT", "CITIZEN", null, competent.id(), Map.of("messageId", messages.get(1)));
        Timeline.assertEntry(events.get(7), "ANSWERED", "INSTITUTION", competent.id(), competent.id(), Map.of("answerSequence", 2));
        Timeline.assertEntry(events.get(8), "RATED", "CITIZEN", null, competent.id(),
                Map.of("answerSequence", 2, "satisfied", true, "score", 5));
        Timeline.assertEntry(events.get(9), "CLOSED", "CITIZEN", null, competent.id(), Map.of("answerSequence", 2));
        String timeline = competent.agent().queryParam("limit", 100).get(path + "/timeline").then().statusCode(200)
                .extract().asString();
        assertFalse(timeline.contains("pension") || timeline.contains("Benali") || timeline.contains("compétente"),
                "payloads carry no personal data nor free text");
    }

    @Test
    void changesNeedTheCurrentVersion() {
        Agency agency = agency();
        Filed filed = file(agency);
        String path = "/complaints/" + filed.number() + "/transitions";
        invalid().header("X-Api-Key", agency.agentKey()).contentType("application/json")
                .body(Map.of("to", "ACKNOWLEDGED")).post(path).then().statusCode(428).body("code", equalTo("VERSION_REQUIRED"));
        String before = etag(agency.agent(), filed.number());
        acknowledge(agency, filed.number());
        agency.agent().header("If-Match", before).contentType("application/json")
                .body(Map.of("to", "ANSWERED", "answer", "Réponse.")).post(path).then().statusCode(412)
                .body("code", equalTo("STALE_VERSION")).body("currentVersion", equalTo(1));
        assertNotEquals(before, etag(agency.agent(), filed.number()));
    }

    @Test
    void nobodyElseSeesOrChangesAComplaint() {
        Agency owner = agency();
        Agency other = agency();
        Filed filed = file(owner);
        Filed another = file(owner);
        String path = "/complaints/" + filed.number();

        for (String sub : List.of("", "/messages", "/timeline")) {
            other.agent().get(path + sub).then().statusCode(404).contentType("application/problem+json");
            another.holder().get(path + sub).then().statusCode(404);
            invalid().get(path + sub).then().statusCode(401);
            anonymous().header("X-Api-Key", ma.bawaba.support.Api.ADMIN_KEY).get(path + sub).then().statusCode(404);
        }
        other.agent().header("If-Match", "\"0\"").contentType("application/json").body(Map.of("to", "ACKNOWLEDGED"))
                .post(path + "/transitions").then().statusCode(404);
        other.agent().contentType("application/json").body(Map.of("text", "Intrusion"))
                .post(path + "/messages").then().statusCode(404);
        another.holder().contentType("application/json").body(Map.of("text", "Intrusion"))
                .post(path + "/messages").then().statusCode(404);
        other.agent().get("/complaints").then().statusCode(200).body("items", hasSize(0));

        // Credentials these operations do not take: the requests break the contract on purpose.
        invalid().header("X-Case-Token", filed.token()).header("If-Match", "\"0\"").contentType("application/json")
                .body(Map.of("to", "ACKNOWLEDGED")).post(path + "/transitions").then().statusCode(403);
        invalid().header("X-Case-Token", filed.token()).get("/complaints").then().statusCode(403);
        invalid().get("/complaints").then().statusCode(401);
        invalid().header("X-Api-Key", owner.agentKey()).header("If-Match", "\"0\"").contentType("application/json")
                .body(Map.of("satisfied", true, "score", 5)).put(path + "/rating").then().statusCode(403);
        invalid().header("X-Api-Key", owner.agentKey()).header("If-Match", "\"0\"").contentType("application/json")
                .body(Map.of("reason", "Je rouvre pour le citoyen.")).post(path + "/reopen").then().statusCode(403);
        filed.holder().get(path).then().statusCode(200).body("status", equalTo("RECEIVED"));

        // The commission role (the CDAI's) has no business with complaints, even bound to the same institution, as an
        // identity provider's token can be (API keys of that role are issued for the CDAI alone).
        String commission = "Bearer " + commissionToken(owner.id());
        anonymous().header("Authorization", commission).get(path).then().statusCode(404);
        anonymous().header("Authorization", commission).contentType("application/json")
                .body(Map.of("text", "Intrusion")).post(path + "/messages").then().statusCode(404);
        invalid().header("Authorization", commission).get("/complaints").then().statusCode(403);
    }

    private static String commissionToken(long institutionId) {
        try {
            return io.smallrye.jwt.build.Jwt.issuer("https://id.bawaba.ma").audience("bawaba").subject("commission-member")
                    .claim("role", "COMMISSION").claim("institutionId", institutionId)
                    .expiresIn(java.time.Duration.ofMinutes(5))
                    .sign(io.smallrye.jwt.util.KeyUtils.readPrivateKey("test-jwt-private.pem"));
        } catch (java.security.GeneralSecurityException | java.io.IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    @Test
    void theInboxFiltersAndPagesWithACursor() {
        Agency agency = agency();
        Filed oldest = file(agency);
        Filed observation = file(agency, "OBSERVATION");
        Filed acknowledged = file(agency);
        acknowledge(agency, acknowledged.number());

        var firstPage = agency.agent().queryParam("limit", 2).get("/complaints").then().statusCode(200)
                .body("items.number", equalTo(List.of(acknowledged.number(), observation.number())))
                .extract();
        agency.agent().queryParam("limit", 2).queryParam("cursor", (String) firstPage.path("nextCursor"))
                .get("/complaints").then().body("items.number", equalTo(List.of(oldest.number())))
                .body("nextCursor", nullValue());
        agency.agent().queryParam("kind", "OBSERVATION").get("/complaints").then()
                .body("items.number", equalTo(List.of(observation.number())));
        agency.agent().queryParam("status", "ACKNOWLEDGED").get("/complaints").then()
                .body("items.number", equalTo(List.of(acknowledged.number())));
        agency.agent().queryParam("categoryId", 1).get("/complaints").then().body("items", hasSize(3));
        agency.agent().queryParam("categoryId", 2).get("/complaints").then().body("items", hasSize(0));
        agency.agent().queryParam("submittedFrom", today().toString()).queryParam("submittedTo", today().toString())
                .get("/complaints").then().body("items", hasSize(3));
        agency.agent().queryParam("submittedFrom", today().plusDays(1).toString()).get("/complaints").then()
                .body("items", hasSize(0));
        invalid().header("X-Api-Key", agency.agentKey()).queryParam("submittedFrom", today().toString())
                .queryParam("submittedTo", today().minusDays(1).toString()).get("/complaints").then().statusCode(400);
        invalid().header("X-Api-Key", agency.agentKey()).queryParam("submittedTo", "+999999999-12-31")
                .get("/complaints").then().statusCode(400);
        agency.agent().queryParam("submittedFrom", "1999-12-31").get("/complaints").then().statusCode(400)
                .body("errors[0].field", equalTo("submittedFrom"));
        agency.agent().queryParam("overdue", true).get("/complaints").then().body("items", hasSize(0));

        TestClock.travel(Duration.ofDays(61));
        // The observation owes no answer: it is never overdue.
        agency.agent().queryParam("overdue", true).get("/complaints").then()
                .body("items.number", equalTo(List.of(acknowledged.number(), oldest.number())))
                .body("items[0].overdue", equalTo(true));
        agency.agent().queryParam("overdue", false).get("/complaints").then()
                .body("items.number", equalTo(List.of(observation.number())));
    }

    @Test
    void theFifteenDayRoutingDeadlineIsShownCanBeOverdueAndEndsOnceRouted() {
        Agency first = agency();
        Agency competent = agency();
        Filed waiting = file(first);
        Filed acknowledged = file(first);
        Filed transferred = file(first);
        Filed observation = file(first, "OBSERVATION");
        waiting.holder().get("/complaints/" + waiting.number()).then()
                .body("routingDueDate", equalTo(today().plusDays(15).toString())).body("routingOverdue", equalTo(false));
        acknowledge(first, acknowledged.number());
        first.agent().get("/complaints/" + acknowledged.number()).then()
                .body("routingDueDate", nullValue()).body("routingOverdue", equalTo(false));
        first.agent().queryParam("routingOverdue", true).get("/complaints").then().body("items", hasSize(0));

        TestClock.travel(Duration.ofDays(16));
        first.agent().get("/complaints/" + waiting.number()).then().body("routingOverdue", equalTo(true))
                .body("overdue", equalTo(false));
        first.agent().queryParam("routingOverdue", true).get("/complaints").then()
                .body("items.number", equalTo(List.of(observation.number(), transferred.number(), waiting.number())))
                .body("items.routingOverdue", equalTo(List.of(true, true, true)));
        first.agent().queryParam("routingOverdue", false).get("/complaints").then()
                .body("items.number", equalTo(List.of(acknowledged.number())))
                .body("items[0].routingDueDate", nullValue());

        // The competent institution acts on it as if it had received it: 15 days to route, from the transfer.
        move(first, transferred.number(), Map.of("to", "TRANSFERRED", "reason", "Relève de l'agence compétente.",
                "institutionId", competent.id())).response().then().statusCode(200)
                .body("routingDueDate", equalTo(today().plusDays(15).toString())).body("routingOverdue", equalTo(false));
        acknowledge(competent, transferred.number());
        transferred.holder().get("/complaints/" + transferred.number()).then().body("routingDueDate", nullValue());
        acknowledge(first, observation.number());
        first.agent().queryParam("routingOverdue", true).get("/complaints").then()
                .body("items.number", equalTo(List.of(waiting.number())));
    }

    @Test
    void observationsAndSuggestionsOweNoAnswerSoHaveNoDueDateAndAreNeverOverdue() {
        Agency agency = agency();
        Filed observation = file(agency, "OBSERVATION");
        Filed suggestion = file(agency, "SUGGESTION");
        for (Filed filed : List.of(observation, suggestion)) {
            filed.holder().get("/complaints/" + filed.number()).then().body("dueDate", nullValue())
                    .body("overdue", equalTo(false)).body("routingDueDate", equalTo(today().plusDays(15).toString()));
        }
        acknowledge(agency, suggestion.number());
        TestClock.travel(Duration.ofDays(400));
        for (Filed filed : List.of(observation, suggestion)) {
            agency.agent().get("/complaints/" + filed.number()).then().body("dueDate", nullValue()).body("overdue", equalTo(false));
        }
        agency.agent().queryParam("overdue", true).get("/complaints").then().body("items", hasSize(0));
        agency.agent().queryParam("overdue", false).get("/complaints").then().body("items", hasSize(2))
                .body("items.dueDate", everyItem(nullValue()));
    }

    @Test
    void theDueDateIsShownOnlyWhileAnAnswerIsOwed() {
        Agency agency = agency();
        Filed answered = file(agency);
        Filed rejected = file(agency);
        answer(agency, answered.number(), "Réponse.");
        answered.holder().get("/complaints/" + answered.number()).then().body("dueDate", nullValue()).body("overdue", equalTo(false));
        TestClock.travel(Duration.ofDays(1));
        reopen(answered.token(), answered.number()).response().then().statusCode(200)
                .body("dueDate", equalTo(today().plusDays(60).toString()));
        move(agency, rejected.number(), Map.of("to", "REJECTED", "reason", "Affaire pendante devant le tribunal."))
                .response().then().statusCode(200).body("dueDate", nullValue());
        agency.agent().queryParam("status", "REJECTED").get("/complaints").then()
                .body("items.number", equalTo(List.of(rejected.number()))).body("items[0].dueDate", nullValue());
        agency.agent().queryParam("status", "REOPENED").get("/complaints").then()
                .body("items[0].dueDate", equalTo(today().plusDays(60).toString()));
    }

    @Test
    void aCitizensNewMessageOrDocumentMovesUpdatedAtForTheBackOffice() {
        Agency agency = agency();
        Filed filed = file(agency);
        String path = "/complaints/" + filed.number();
        acknowledge(agency, filed.number());
        Instant acknowledgedAt = instant(agency.agent().get(path).then().extract(), "updatedAt");

        TestClock.travel(Duration.ofHours(1));
        filed.holder().contentType("application/json").body(Map.of("text", "Avez-vous reçu mon dossier ?"))
                .post(path + "/messages").then().statusCode(201);
        var afterMessage = agency.agent().get(path).then().extract();
        Instant messagedAt = instant(afterMessage, "updatedAt");
        assertEquals(true, messagedAt.isAfter(acknowledgedAt.plus(Duration.ofMinutes(59))), messagedAt.toString());
        assertEquals(messagedAt, instant(agency.agent().get("/complaints").then().extract(), "items[0].updatedAt"));

        TestClock.travel(Duration.ofHours(1));
        ma.bawaba.support.Api.upload().header("X-Case-Token", filed.token())
                .multiPart("file", "recu.pdf", ma.bawaba.support.Files.pdf(1000), "application/pdf")
                .post(path + "/attachments").then().statusCode(201);
        Instant uploadedAt = instant(agency.agent().get(path).then().extract(), "updatedAt");
        assertEquals(true, uploadedAt.isAfter(messagedAt.plus(Duration.ofMinutes(59))), uploadedAt.toString());
        assertNotEquals(afterMessage.header("ETag"), etag(agency.agent(), filed.number()));
    }
}
