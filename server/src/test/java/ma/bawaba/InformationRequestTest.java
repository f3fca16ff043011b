package ma.bawaba;

import static ma.bawaba.support.Api.admin;
import static ma.bawaba.support.Api.anonymous;
import static ma.bawaba.support.Api.clientAddress;
import static ma.bawaba.support.Api.invalid;
import static ma.bawaba.support.Api.withKey;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ma.bawaba.platform.TimeSource;
import ma.bawaba.platform.calendar.WorkingDayCalendar;
import ma.bawaba.support.Api;
import ma.bawaba.support.Files;
import ma.bawaba.support.TestClock;
import ma.bawaba.support.Timeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InformationRequestTest {

    private static final long CDAI = 41L;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    ma.bawaba.inbox.FeedSequencer sequencer;

    /** A public body with an information officer and a head, each with a key of their own. */
    record Body(long id, String officerKey, String headKey) {
        RequestSpecification officer() {
            return withKey(officerKey);
        }

        RequestSpecification head() {
            return withKey(headKey);
        }
    }

    record Filed(String number, String token) {
        RequestSpecification holder() {
            return anonymous().header("X-Case-Token", token);
        }
    }

    @AfterEach
    void backToToday() {
        TestClock.reset();
    }

    private static LocalDate today() {
        return TimeSource.today(new TestClock());
    }

    private static Body body() {
        long id = ((Number) AdministrationTest.createInstitution(Api.unique("IR")).path("id")).longValue();
        return new Body(id, AdministrationTest.issueKey("AGENT", id), AdministrationTest.issueKey("HEAD", id));
    }

    static Map<String, Object> request(long bodyId, String type) {
        Map<String, Object> body = new HashMap<>();
        body.put("institutionId", bodyId);
        body.put("type", type);
        if ("URGENT".equals(type)) {
            body.put("urgencyJustification", "Mon fils est détenu ; je dois connaître la date de son audience.");
        }
        body.put("requester", Map.of("firstName", "Karim", "lastName", "Ouazzani", "idDocumentType", "CIN",
                "idDocumentNumber", "AB123456", "email", "karim.ouazzani@example.ma"));
        body.put("postalAddress", "12 rue Oued Sebou, Agdal, Rabat");
        body.put("description", "Le budget 2025 de la commune, par chapitre et par service.");
        body.put("preferredFormat", "ELECTRONIC_COPY");
        return body;
    }

    private static Filed file(Body body, String type) {
        ExtractableResponse<Response> created = anonymous().header("X-Forwarded-For", clientAddress())
                .contentType("application/json").body(request(body.id(), type)).post("/information-requests")
                .then().statusCode(201).extract();
        return new Filed(created.path("request.number"), created.path("caseToken"));
    }

    private static String etag(RequestSpecification caller, String number) {
        return caller.get("/information-requests/" + number).then().statusCode(200).extract().header("ETag");
    }

    private static ExtractableResponse<Response> move(RequestSpecification caller, RequestSpecification reader, String number,
                                                      Map<String, Object> transition) {
        return caller.header("If-Match", etag(reader, number)).contentType("application/json").body(transition)
                .post("/information-requests/" + number + "/transitions").then().extract();
    }

    private static ExtractableResponse<Response> officerMoves(Body body, String number, Map<String, Object> transition) {
        return move(body.officer(), body.officer(), number, transition);
    }

    private static ExtractableResponse<Response> appeal(Filed filed, String level) {
        String token = tracked(filed.number());
        return anonymous().header("X-Case-Token", token).header("If-Match", etag(anonymous().header("X-Case-Token", token), filed.number()))
                .contentType("application/json").body(Map.of("level", level, "reason", "La réponse ne couvre pas ma demande."))
                .post("/information-requests/" + filed.number() + "/appeals").then().extract();
    }

    /** A fresh token from number + e-mail, as a requester coming back weeks later gets one. */
    private static String tracked(String number) {
        return anonymous().header("X-Forwarded-For", clientAddress()).contentType("application/json")
                .body(Map.of("number", number, "email", "karim.ouazzani@example.ma")).post("/tracking")
                .then().statusCode(200).extract().path("caseToken");
    }

    /** Moves the clock to the day after a date (whatever weekends and holidays lie between). */
    private static void travelPast(LocalDate date) {
        TestClock.travel(Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(today(), date) + 1));
    }

    private static Map<String, Object> refusal() {
        return Map.of("to", "REFUSED", "refusalGroundId", 9, "justification", "Les données relèvent d'une enquête en cours.");
    }

    @Test
    void aCitizenAsksAndSeesHowTheDueDateWasComputed() {
        Body body = body();
        var created = anonymous().header("X-Forwarded-For", clientAddress()).contentType("application/json")
                .body(request(body.id(), "ORDINARY")).post("/information-requests").then().statusCode(201)
                .body("request.number", containsString("IR-")).body("request.status", equalTo("RECEIVED"))
                .body("caseToken", notNullValue()).extract();
        var expected = calendar.count(today(), 20);
        assertEquals(expected.dueDate().toString(), created.path("request.dueDate"));
        assertEquals(expected.dueDate().toString(), created.path("request.deadline.dueDate"));
        assertEquals(today().toString(), created.path("request.deadline.clockStartedOn"));
        assertEquals(expected.startsOn().toString(), created.path("request.deadline.startsOn"));
        assertEquals(20, (int) created.path("request.deadline.workingDays"));

        var urgent = anonymous().header("X-Forwarded-For", clientAddress()).contentType("application/json")
                .body(request(body.id(), "URGENT")).post("/information-requests").then().statusCode(201).extract();
        assertEquals(calendar.count(today(), 3).dueDate().toString(), urgent.path("request.dueDate"));

        Map<String, Object> unjustified = request(body.id(), "URGENT");
        unjustified.remove("urgencyJustification");
        anonymous().header("X-Forwarded-For", clientAddress()).contentType("application/json").body(unjustified)
                .post("/information-requests").then().statusCode(422).body("errors[0].field", equalTo("urgencyJustification"));
        Map<String, Object> passport = request(body.id(), "ORDINARY");
        passport.put("requester", Map.of("firstName", "John", "lastName", "Smith", "idDocumentType", "PASSPORT",
                "idDocumentNumber", "X1234567", "email", "john@example.com"));
        anonymous().header("X-Forwarded-For", clientAddress()).contentType("application/json").body(passport)
                .post("/information-requests").then().statusCode(422).body("errors[0].field", equalTo("requester.idDocumentType"))
                .body("errors[0].code", equalTo("NOT_ALLOWED"));
        anonymous().header("X-Forwarded-For", clientAddress()).contentType("application/json").body(request(CDAI, "ORDINARY"))
                .post("/information-requests").then().statusCode(422).body("errors[0].field", equalTo("institutionId"));
        for (String forbidden : List.of("status", "dueDate")) {
            Map<String, Object> sneaky = request(body.id(), "ORDINARY");
            sneaky.put(forbidden, "2030-01-01");
            invalid().header("X-Forwarded-For", clientAddress()).contentType("application/json").body(sneaky)
                    .post("/information-requests").then().statusCode(400).body("errors.field", hasItem(forbidden));
        }
    }

    @Test
    void aRetriedSubmissionFilesOneRequestAndARepliedTokenStillWorks() {
        Body body = body();
        String key = "ir-" + java.util.UUID.randomUUID();
        String address = clientAddress();
        String number = anonymous().header("X-Forwarded-For", address).header("Idempotency-Key", key)
                .contentType("application/json").body(request(body.id(), "ORDINARY")).post("/information-requests")
                .then().statusCode(201).extract().path("request.number");
        String token = anonymous().header("X-Forwarded-For", address).header("Idempotency-Key", key)
                .contentType("application/json").body(request(body.id(), "ORDINARY")).post("/information-requests")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("request.number", equalTo(number))
                .extract().path("caseToken");
        anonymous().header("X-Case-Token", token).get("/information-requests/" + number).then().statusCode(200);
        anonymous().header("X-Forwarded-For", address).header("Idempotency-Key", key)
                .contentType("application/json").body(request(body.id(), "URGENT")).post("/information-requests")
                .then().statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        body.officer().get("/information-requests").then().body("items", hasSize(1));
    }

    @Test
    void theOfficerAnswersWithDocumentsAndAReproductionFee() {
        Body body = body();
        Filed filed = file(body, "ORDINARY");
        String path = "/information-requests/" + filed.number();
        assertEquals(200, officerMoves(body, filed.number(), Map.of("to", "ACKNOWLEDGED")).statusCode());
        int document = Api.upload().header("X-Api-Key", body.officerKey()).multiPart("file", "budget.pdf", Files.pdf(2000), "application/pdf")
                .post(path + "/attachments").then().statusCode(201).extract().path("id");
        officerMoves(body, filed.number(), Map.of("to", "ANSWERED", "answer", "Le budget détaillé est joint.",
                "reproductionFee", Map.of("amount", "12.50", "currency", "MAD"), "attachmentIds", List.of(document)))
                .response().then().statusCode(200).body("status", equalTo("ANSWERED"))
                .body("answer.reproductionFee.amount", equalTo("12.50")).body("answer.attachments[0].id", equalTo(document))
                .body("overdue", equalTo(false));
        filed.holder().get(path).then().body("answer.text", equalTo("Le budget détaillé est joint."))
                .body("attachments.id", hasItem(document));
        filed.holder().get(path + "/attachments/" + document).then().statusCode(200);
        filed.holder().contentType("application/json").body(Map.of("text", "Merci.")).post(path + "/messages").then().statusCode(409)
                .body("code", equalTo("CASE_CLOSED")).body("currentStatus", equalTo("ANSWERED"));
        assertEquals(List.of("SUBMITTED", "ACKNOWLEDGED", "ATTACHMENT_ADDED", "MESSAGE_SENT", "ANSWERED"),
                filed.holder().queryParam("limit", 100).get(path + "/timeline").then().extract().path("items.type"));
    }

    @Test
    void aFeeWithAPropertyMoneyDoesNotHaveIsRefused() {
        Body body = body();
        Filed filed = file(body, "ORDINARY");
        invalid().header("X-Api-Key", body.officerKey()).header("If-Match", etag(body.officer(), filed.number()))
                .contentType("application/json").body(Map.of("to", "ANSWERED", "answer", "Voici le budget.",
                        "reproductionFee", Map.of("amount", "12.50", "currency", "MAD", "taxIncluded", true)))
                .post("/information-requests/" + filed.number() + "/transitions").then().statusCode(400)
                .body("errors.field", hasItem("reproductionFee.taxIncluded"));
        filed.holder().get("/information-requests/" + filed.number()).then().body("status", equalTo("RECEIVED"));
    }

    @Test
    void aRefusalNamesAGroundFromTheLegalListAndAJustification() {
        Body body = body();
        Filed filed = file(body, "ORDINARY");
        assertEquals(422, officerMoves(body, filed.number(), Map.of("to", "REFUSED", "justification", "Enquête.")).statusCode());
        officerMoves(body, filed.number(), Map.of("to", "REFUSED", "refusalGroundId", 999, "justification", "Enquête."))
                .response().then().statusCode(422).body("errors[0].field", equalTo("refusalGroundId"))
                .body("errors[0].code", equalTo("UNKNOWN_REFERENCE"));
        assertEquals(422, officerMoves(body, filed.number(), Map.of("to", "REFUSED", "refusalGroundId", 9)).statusCode());
        officerMoves(body, filed.number(), refusal()).response().then().statusCode(200)
                .body("status", equalTo("REFUSED")).body("refusal.groundId", equalTo(9))
                .body("internalComplaintUntil", equalTo(calendar.count(today(), 20).dueDate().toString()));
    }

    @Test
    void aBackOfficeRefusesOnAGroundItPicksFromThePublicList() {
        Body body = body();
        Filed filed = file(body, "ORDINARY");
        int ground = anonymous().queryParam("limit", 100).get("/refusal-grounds").then().statusCode(200)
                .extract().path("items.find { it.code == 'ONGOING_INVESTIGATION' }.id");
        officerMoves(body, filed.number(), Map.of("to", "REFUSED", "refusalGroundId", ground,
                "justification", "Les données relèvent d'une enquête en cours.")).response().then().statusCode(200)
                .body("refusal.groundId", equalTo(ground));
    }

    @Test
    void oneExtensionOfTheSameLengthBeforeTheFirstDueDate() {
        Body body = body();
        Filed filed = file(body, "ORDINARY");
        var first = calendar.count(today(), 20);
        officerMoves(body, filed.number(), Map.of("to", "EXTENDED", "reason", "Les archives sont dans trois services."))
                .response().then().statusCode(200).body("status", equalTo("EXTENDED"))
                .body("deadline.extension.workingDays", equalTo(20))
                .body("dueDate", equalTo(calendar.count(first.dueDate(), 20).dueDate().toString()));
        filed.holder().get("/information-requests/" + filed.number() + "/messages").then()
                .body("items.text", hasItem("Les archives sont dans trois services."));
        officerMoves(body, filed.number(), Map.of("to", "EXTENDED", "reason", "Encore.")).response().then().statusCode(409)
                .body("code", equalTo("TRANSITION_NOT_ALLOWED")).body("currentStatus", equalTo("EXTENDED"));

        Filed late = file(body, "URGENT");
        LocalDate lateDue = calendar.count(today(), 3).dueDate();
        travelPast(lateDue);
        officerMoves(body, late.number(), Map.of("to", "EXTENDED", "reason", "Trop tard.")).response().then()
                .statusCode(409).body("code", equalTo("WINDOW_CLOSED")).body("allowedUntil", equalTo(lateDue.toString()))
                .body("detail", containsString(lateDue.toString()));
    }

    @Test
    void aTransferMovesTheRequestToTheCompetentBodyAndRestartsItsClock() {
        Body first = body();
        Body competent = body();
        Filed filed = file(first, "ORDINARY");
        TestClock.travel(Duration.ofDays(3));
        officerMoves(first, filed.number(), Map.of("to", "TRANSFERRED", "institutionId", competent.id(),
                "reason", "L'information est détenue par l'agence.")).response().then().statusCode(200)
                .body("institutionId", equalTo((int) competent.id()))
                .body("deadline.clockStartedOn", equalTo(today().toString()))
                .body("dueDate", equalTo(calendar.count(today(), 20).dueDate().toString()));
        first.officer().get("/information-requests/" + filed.number()).then().statusCode(404);
        competent.officer().get("/information-requests").then().body("items.number", hasItem(filed.number()));
        first.officer().get("/information-requests").then().body("items.number", not(hasItem(filed.number())));
    }

    @Test
    void theRequesterWithdrawsBeforeAFinalAnswerOnly() {
        Body body = body();
        Filed filed = file(body, "ORDINARY");
        String path = "/information-requests/" + filed.number() + "/withdrawal";
        invalid().header("X-Api-Key", body.officerKey()).header("If-Match", "\"0\"").post(path).then().statusCode(403);
        filed.holder().header("If-Match", etag(filed.holder(), filed.number())).post(path).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        filed.holder().header("If-Match", etag(filed.holder(), filed.number())).post(path).then().statusCode(409)
                .body("code", equalTo("TRANSITION_NOT_ALLOWED")).body("currentStatus", equalTo("WITHDRAWN"));
    }

    @Test
    void anInternalComplaintGoesToTheHeadThenAnEscalationToTheCdai() {
        Body body = body();
        Filed filed = file(body, "ORDINARY");
        String path = "/information-requests/" + filed.number();
        officerMoves(body, filed.number(), refusal()).response().then().statusCode(200);
        appeal(filed, "CDAI_ESCALATION").response().then().statusCode(409)
                .body("code", equalTo("TRANSITION_NOT_ALLOWED")).body("currentStatus", equalTo("REFUSED"));
        appeal(filed, "INTERNAL_COMPLAINT").response().then().statusCode(201).body("status", equalTo("INTERNAL_APPEAL"))
                .body("appeals[0].decideBy", equalTo(calendar.count(today(), 15).dueDate().toString()))
                .body("dueDate", equalTo(calendar.count(today(), 15).dueDate().toString()));

        // Only the head decides an internal complaint; the CDAI sees nothing yet.
        assertEquals(409, move(body.officer(), body.officer(), filed.number(),
                Map.of("to", "APPEAL_REJECTED", "justification", "Confirmé.")).statusCode());
        String cdai = AdministrationTest.issueKey("COMMISSION", CDAI);
        withKey(cdai).get(path).then().statusCode(404);
        move(body.head(), body.head(), filed.number(), Map.of("to", "APPEAL_REJECTED", "justification", "Le refus est confirmé."))
                .response().then().statusCode(200).body("status", equalTo("APPEAL_REJECTED"))
                .body("appeals[0].decision", equalTo("REJECTED"))
                .body("escalationUntil", equalTo(today().plusDays(30).toString()));

        appeal(filed, "CDAI_ESCALATION").response().then().statusCode(201).body("status", equalTo("ESCALATED"))
                .body("escalationFrom", nullValue());
        withKey(cdai).get("/information-requests").then().statusCode(200).body("items.number", hasItem(filed.number()));
        // Only the CDAI's commission role reviews escalations; its other staff do not see them.
        withKey(AdministrationTest.issueKey("AGENT", CDAI)).get(path).then().statusCode(404);
        assertEquals(409, move(body.head(), body.head(), filed.number(), Map.of("to", "CDAI_UPHELD", "justification", "x y z")).statusCode());
        move(withKey(cdai), withKey(cdai), filed.number(), Map.of("to", "CDAI_UPHELD", "justification", "L'information doit être communiquée."))
                .response().then().statusCode(200).body("status", equalTo("CDAI_UPHELD"))
                .body("dueDate", equalTo(calendar.count(today(), 20).dueDate().toString()));
        // The commission's unified inbox and change feed hold the request from its escalation on; the CDAI's agents, no.
        assertEquals(List.of(filed.number()), InboxTest.numbers(() -> withKey(cdai), Map.of("q", filed.number()), 20));
        String cdaiAgent = AdministrationTest.issueKey("AGENT", CDAI);
        assertEquals(List.of(), InboxTest.numbers(() -> withKey(cdaiAgent), Map.of("q", filed.number()), 20));
        sequencer.sequenceAll();
        assertEquals(List.of("ESCALATED", "CDAI_UPHELD"), ChangeFeedTest.poll(() -> withKey(cdai), 0, new java.util.ArrayList<>())
                .stream().filter(seen -> seen.caseNumber().equals(filed.number())).map(ChangeFeedTest.Seen::type).toList());
        officerMoves(body, filed.number(), Map.of("to", "ANSWERED", "answer", "Voici l'information demandée."))
                .response().then().statusCode(200).body("status", equalTo("ANSWERED"));
        List<String> types = filed.holder().queryParam("limit", 100).get(path + "/timeline").then().extract().path("items.type");
        assertEquals(List.of("SUBMITTED", "REFUSED", "INTERNAL_APPEAL", "APPEAL_REJECTED", "ESCALATED", "CDAI_UPHELD",
                "MESSAGE_SENT", "ANSWERED"), types);
    }

    @Test
    void aRetriedAppealIsFiledOnceAndAnsweredAsTheFirstTime() {
        Body body = body();
        Filed filed = file(body, "ORDINARY");
        String path = "/information-requests/" + filed.number();
        officerMoves(body, filed.number(), refusal()).response().then().statusCode(200);
        String key = "appeal-" + java.util.UUID.randomUUID();
        String version = etag(filed.holder(), filed.number());
        Map<String, Object> appeal = Map.of("level", "INTERNAL_COMPLAINT", "reason", "La réponse ne couvre pas ma demande.");
        ExtractableResponse<Response> first = filed.holder().header("If-Match", version).header("Idempotency-Key", key)
                .contentType("application/json").body(appeal).post(path + "/appeals").then().statusCode(201)
                .body("status", equalTo("INTERNAL_APPEAL")).extract();
        assertEquals("/api/v1" + path, java.net.URI.create(first.header("Location")).getPath());

        // The answer was lost: the retry carries the same key and the version it was based on, now stale.
        filed.holder().header("If-Match", version).header("Idempotency-Key", key).contentType("application/json")
                .body(appeal).post(path + "/appeals").then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", equalTo(first.header("Location"))).header("ETag", equalTo(first.header("ETag")))
                .body("status", equalTo("INTERNAL_APPEAL")).body("appeals", hasSize(1))
                .body("requester.email", equalTo("karim.ouazzani@example.ma"));
        filed.holder().header("If-Match", first.header("ETag")).header("Idempotency-Key", key).contentType("application/json")
                .body(Map.of("level", "INTERNAL_COMPLAINT", "reason", "Une autre raison, avec la même clé."))
                .post(path + "/appeals").then().statusCode(422).contentType("application/problem+json");
        assertEquals(1L, filed.holder().queryParam("limit", 100).get(path + "/timeline").then().extract()
                .<List<String>>path("items.type").stream().filter("INTERNAL_APPEAL"::equals).count());
    }

    @Test
    void theTimelineShowsATransferAsTheSendingBodysActAndTheCdaiDecisionAsTheCdais() {
        Body first = body();
        Body competent = body();
        Filed filed = file(first, "ORDINARY");
        String path = "/information-requests/" + filed.number();
        String due = calendar.count(today(), 20).dueDate().toString();
        officerMoves(first, filed.number(), Map.of("to", "TRANSFERRED", "institutionId", competent.id(),
                "reason", "L'information est détenue par l'agence.")).response().then().statusCode(200);
        officerMoves(competent, filed.number(), refusal()).response().then().statusCode(200);
        appeal(filed, "INTERNAL_COMPLAINT").response().then().statusCode(201);
        move(competent.head(), competent.head(), filed.number(), Map.of("to", "APPEAL_REJECTED",
                "justification", "Le refus est confirmé.")).response().then().statusCode(200);
        appeal(filed, "CDAI_ESCALATION").response().then().statusCode(201);
        String cdai = AdministrationTest.issueKey("COMMISSION", CDAI);
        move(withKey(cdai), withKey(cdai), filed.number(), Map.of("to", "CDAI_UPHELD",
                "justification", "L'information doit être communiquée.")).response().then().statusCode(200);
        officerMoves(competent, filed.number(), Map.of("to", "ANSWERED", "answer", "Voici le budget par chapitre."))
                .response().then().statusCode(200);

        List<Number> messages = filed.holder().get(path + "/messages").then().statusCode(200).extract().path("items.id");
        List<Map<String, Object>> events = Timeline.entries(filed.holder(), path);
        assertEquals(List.of("SUBMITTED", "MESSAGE_SENT", "TRANSFERRED", "REFUSED", "INTERNAL_APPEAL", "APPEAL_REJECTED",
                "ESCALATED", "CDAI_UPHELD", "MESSAGE_SENT", "ANSWERED"), events.stream().map(event -> event.get("type")).toList());
        Timeline.assertEntry(events.get(0), "SUBMITTED", "CITIZEN", null, first.id(), Map.of("kind", "ORDINARY", "dueDate", due));
        // The first body gave its reason and transferred; from then on the request is the competent body's.
        Timeline.assertEntry(events.get(1), "MESSAGE_SENT", "INSTITUTION", first.id(), first.id(),
                Map.of("messageId", messages.get(0)));
        Timeline.assertEntry(events.get(2), "TRANSFERRED", "INSTITUTION", first.id(), competent.id(),
                Map.of("fromInstitutionId", first.id(), "toInstitutionId", competent.id(), "dueDate", due));
        Timeline.assertEntry(events.get(3), "REFUSED", "INSTITUTION", competent.id(), competent.id(), Map.of("refusalGroundId", 9));
        Timeline.assertEntry(events.get(4), "INTERNAL_APPEAL", "CITIZEN", null, competent.id(),
                Map.of("decideBy", calendar.count(today(), 15).dueDate().toString()));
        Timeline.assertEntry(events.get(5), "APPEAL_REJECTED", "INSTITUTION", competent.id(), competent.id(), Map.of());
        Timeline.assertEntry(events.get(6), "ESCALATED", "CITIZEN", null, competent.id(), Map.of("commissionInstitutionId", CDAI));
        // The CDAI decided, on a request that stays the body's, which owes the answer again.
        Timeline.assertEntry(events.get(7), "CDAI_UPHELD", "INSTITUTION", CDAI, competent.id(), Map.of("dueDate", due));
        Timeline.assertEntry(events.get(8), "MESSAGE_SENT", "INSTITUTION", competent.id(), competent.id(),
                Map.of("messageId", messages.get(1)));
        Timeline.assertEntry(events.get(9), "ANSWERED", "INSTITUTION", competent.id(), competent.id(),
                Map.of("messageId", messages.get(1)));
        String timeline = withKey(cdai).queryParam("limit", 100).get(path + "/timeline").then().statusCode(200).extract().asString();
        assertFalse(timeline.contains("budget") || timeline.contains("Ouazzani") || timeline.contains("confirmé"),
                "payloads carry no personal data nor free text");
    }

    @Test
    void everyAppealWindowIsEnforcedWithItsDates() {
        Body body = body();
        Filed pending = file(body, "URGENT");
        LocalDate opens = calendar.count(today(), 3).dueDate().plusDays(1);
        appeal(pending, "INTERNAL_COMPLAINT").response().then().statusCode(409).body("code", equalTo("WINDOW_NOT_OPEN"))
                .body("allowedFrom", equalTo(opens.toString())).body("detail", containsString(opens.toString()));

        Filed refused = file(body, "ORDINARY");
        officerMoves(body, refused.number(), refusal());
        LocalDate until = calendar.count(today(), 20).dueDate();
        travelPast(until);
        appeal(refused, "INTERNAL_COMPLAINT").response().then().statusCode(409).body("code", equalTo("WINDOW_CLOSED"))
                .body("allowedUntil", equalTo(until.toString())).body("detail", containsString(until.toString()));

        // The head lets the deadline pass: escalation opens the day after it.
        TestClock.reset();
        Filed unanswered = file(body, "ORDINARY");
        officerMoves(body, unanswered.number(), Map.of("to", "PARTIALLY_ANSWERED", "answer", "Une partie du budget."));
        appeal(unanswered, "INTERNAL_COMPLAINT").response().then().statusCode(201);
        appeal(unanswered, "CDAI_ESCALATION").response().then().statusCode(409);
        travelPast(calendar.count(today(), 15).dueDate());
        appeal(unanswered, "CDAI_ESCALATION").response().then().statusCode(201).body("status", equalTo("ESCALATED"));
    }

    @Test
    void anOverdueRequestOpensTheInternalComplaintAndIsFilterable() {
        Body body = body();
        Filed filed = file(body, "URGENT");
        body.officer().queryParam("overdue", true).get("/information-requests").then().body("items", hasSize(0));
        travelPast(calendar.count(today(), 3).dueDate());
        body.officer().queryParam("overdue", true).get("/information-requests").then()
                .body("items.number", equalTo(List.of(filed.number()))).body("items[0].overdue", equalTo(true));
        appeal(filed, "INTERNAL_COMPLAINT").response().then().statusCode(201).body("status", equalTo("INTERNAL_APPEAL"));
    }

    @Test
    void aHolidayAddedAfterSubmissionReDatesTheOpenRequests() {
        Body body = body();
        Filed filed = file(body, "ORDINARY");
        LocalDate due = calendar.count(today(), 20).dueDate();
        // the first working day of the deadline that is not a holiday yet
        LocalDate day = calendar.count(today(), 1).dueDate();
        var created = admin().contentType("application/json")
                .body(Map.of("date", day.toString(), "kind", "RELIGIOUS", "names", Map.of("ar", "عيد", "fr", "Fête annoncée")))
                .post("/admin/holidays").then().statusCode(201).extract();
        try {
            // renaming it changes no date
            admin().header("If-Match", created.header("ETag")).contentType("application/json")
                    .body(Map.of("date", day.toString(), "kind", "RELIGIOUS", "names", Map.of("ar", "عيد", "fr", "Fête renommée")))
                    .put("/admin/holidays/" + created.path("id")).then().statusCode(200);
            LocalDate moved = calendar.count(today(), 20).dueDate();
            assertTrue(moved.isAfter(due));
            filed.holder().get("/information-requests/" + filed.number()).then()
                    .body("dueDate", equalTo(moved.toString()))
                    .body("deadline.holidaysSkipped", hasItem(day.toString()));
            assertEquals("DUE_DATE_CHANGED", filed.holder().queryParam("limit", 100)
                    .get("/information-requests/" + filed.number() + "/timeline").then().extract().path("items[-1].type"));
        } finally {
            admin().header("If-Match", "\"1\"").delete("/admin/holidays/" + created.path("id")).then().statusCode(204);
        }
        filed.holder().get("/information-requests/" + filed.number()).then().body("dueDate", equalTo(due.toString()));
    }

    @Test
    void nobodyElseSeesOrChangesARequest() {
        Body owner = body();
        Body other = body();
        Filed filed = file(owner, "ORDINARY");
        Filed another = file(owner, "ORDINARY");
        String path = "/information-requests/" + filed.number();
        for (String sub : List.of("", "/messages", "/timeline")) {
            other.officer().get(path + sub).then().statusCode(404);
            another.holder().get(path + sub).then().statusCode(404);
            withKey(AdministrationTest.issueKey("COMMISSION", CDAI)).get(path + sub).then().statusCode(404);
            invalid().get(path + sub).then().statusCode(401);
        }
        other.officer().header("If-Match", "\"0\"").contentType("application/json").body(Map.of("to", "ACKNOWLEDGED"))
                .post(path + "/transitions").then().statusCode(404);
        invalid().header("X-Case-Token", filed.token()).header("If-Match", "\"0\"").contentType("application/json")
                .body(Map.of("to", "ANSWERED", "answer", "Moi-même.")).post(path + "/transitions").then().statusCode(403);
        owner.officer().contentType("application/json").body(Map.of("to", "ACKNOWLEDGED"))
                .post(path + "/transitions").then().statusCode(428);
        owner.officer().header("If-Match", "\"7\"").contentType("application/json").body(Map.of("to", "ACKNOWLEDGED"))
                .post(path + "/transitions").then().statusCode(412);
        invalid().header("X-Api-Key", owner.officerKey()).header("If-Match", "\"0\"").contentType("application/json")
                .body(Map.of("to", "ACKNOWLEDGED", "dueDate", "2030-01-01")).post(path + "/transitions").then().statusCode(400);
        filed.holder().get(path).then().statusCode(200).body("status", equalTo("RECEIVED"))
                .body("escalationFrom", nullValue());
    }
}
