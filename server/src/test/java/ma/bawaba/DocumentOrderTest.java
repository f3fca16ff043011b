package ma.bawaba;

import static ma.bawaba.support.Api.admin;
import static ma.bawaba.support.Api.anonymous;
import static ma.bawaba.support.Api.clientAddress;
import static ma.bawaba.support.Api.invalid;
import static ma.bawaba.support.Api.unique;
import static ma.bawaba.support.Api.withKey;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import ma.bawaba.documents.UnpaidOrderExpiry;
import ma.bawaba.support.TestClock;
import ma.bawaba.support.Timeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Civil-status document orders as a citizen, an office, the post and the payment provider use them: the fee the
 * server computes, the signed payment, the office's work, the delivery, and who may see what.
 */
@QuarkusTest
class DocumentOrderTest {

    private static final String CALLBACK_SECRET = "test-payment-callback-secret-0123456789";

    @Inject
    UnpaidOrderExpiry expiry;

    @AfterEach
    void backToNow() {
        TestClock.reset();
    }

    /** A civil-status office of its own for each test, with a clerk key bound to it. */
    record Office(long id, String clerkKey) {
        RequestSpecification clerk() {
            return withKey(clerkKey);
        }
    }

    record Ordered(String number, String token, String paymentReference) {
        RequestSpecification holder() {
            return anonymous().header("X-Case-Token", token);
        }
    }

    static Office office() {
        String code = unique("BEC_");
        long id = ((Number) admin().contentType("application/json").body(Map.of("code", code, "kind", "COMMUNAL",
                        "names", Map.of("ar", "مكتب الحالة المدنية", "fr", "Bureau d'état civil " + code),
                        "communeId", 1001, "countryCode", "MA", "city", "Tanger"))
                .post("/admin/civil-status-offices").then().statusCode(201).extract().path("id")).longValue();
        return new Office(id, issueKey(Map.of("name", "clerk", "role", "OFFICE_CLERK", "officeId", id)));
    }

    static String postalKey() {
        return issueKey(Map.of("name", "post", "role", "POSTAL_OPERATOR"));
    }

    private static String issueKey(Map<String, Object> body) {
        return admin().contentType("application/json").body(body).post("/admin/api-keys")
                .then().statusCode(201).extract().path("secret");
    }

    static Map<String, Object> order(long officeId) {
        Map<String, Object> body = new HashMap<>();
        body.put("officeId", officeId);
        body.put("documentTypeId", 1);
        body.put("copies", 2);
        body.put("birthAct", new HashMap<>(Map.of("actNumber", "1234", "registrationYear", 1995, "registrationCalendar", "GREGORIAN",
                "firstNameArabic", "أمينة", "lastNameArabic", "بنعلي", "firstNameLatin", "Amina", "lastNameLatin", "Benali",
                "dateOfBirth", "1995-03-14", "fatherName", "Mohammed Benali", "motherName", "Fatima Alaoui")));
        body.put("requester", Map.of("firstName", "Amina", "lastName", "Benali", "idDocumentType", "CIN",
                "idDocumentNumber", "BE123456", "email", "amina.benali@example.ma"));
        body.put("relation", "SELF");
        body.put("delivery", new HashMap<>(Map.of("destination", "MOROCCO", "addressee", "Amina Benali",
                "street", "12 rue Oued Sebou, Agdal", "city", "Rabat", "postalCode", "10090")));
        return body;
    }

    static Ordered place(Office office) {
        ExtractableResponse<Response> created = anonymous().header("X-Forwarded-For", clientAddress())
                .contentType("application/json").body(order(office.id()))
                .post("/document-orders").then().statusCode(201).extract();
        return new Ordered(created.path("order.number"), created.path("caseToken"), created.path("order.payment.reference"));
    }

    static ValidatableResponse sandbox(String reference, String outcome) {
        return anonymous().contentType("application/json").body(Map.of("paymentReference", reference, "outcome", outcome))
                .post("/sandbox/payments").then();
    }

    static Ordered paid(Office office) {
        Ordered ordered = place(office);
        sandbox(ordered.paymentReference(), "SUCCEEDED").statusCode(200);
        return ordered;
    }

    private static String etag(RequestSpecification caller, String number) {
        return caller.get("/document-orders/" + number).then().statusCode(200).extract().header("ETag");
    }

    private static ValidatableResponse move(RequestSpecification staff, String number, Map<String, Object> transition) {
        return move(staff, number, etag(staff, number), transition);
    }

    /** A move by a caller who may not read the order, at the version its holder reads. */
    private static ValidatableResponse move(RequestSpecification staff, String number, String etag, Map<String, Object> transition) {
        return staff.header("If-Match", etag).contentType("application/json").body(transition)
                .post("/document-orders/" + number + "/transitions").then();
    }

    /** A callback as the provider sends it: the raw body, its timestamp, and the HMAC of both under the secret. */
    private static ValidatableResponse callback(String body, long timestamp, String secret) {
        return anonymous().contentType("application/json")
                .header("Bawaba-Payment-Timestamp", Long.toString(timestamp))
                .header("Bawaba-Payment-Signature", "v1=" + hmac(secret, timestamp + "." + body))
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/payments/callback").then();
    }

    private static String notification(String transactionId, String reference, String outcome, String amount) {
        return "{\"transactionId\":\"" + transactionId + "\",\"paymentReference\":\"" + reference + "\",\"outcome\":\""
                + outcome + "\",\"amount\":{\"amount\":\"" + amount + "\",\"currency\":\"MAD\"}}";
    }

    private static long now() {
        return new TestClock().instant().getEpochSecond();
    }

    private static String hmac(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Test
    void theServerComputesTheFeeAndTheOrderWaitsForItsPayment() {
        Office office = office();
        ExtractableResponse<Response> created = anonymous().header("X-Forwarded-For", clientAddress())
                .contentType("application/json").body(order(office.id()))
                .post("/document-orders").then().statusCode(201)
                .header("Location", notNullValue()).header("ETag", equalTo("\"0\"")).header("Cache-Control", "no-store")
                .body("order.status", equalTo("PENDING_PAYMENT"))
                .body("order.fee.pricePerCopy.amount", equalTo("20.00"))
                .body("order.fee.documents.amount", equalTo("40.00"))
                .body("order.fee.postage.amount", equalTo("15.00"))
                .body("order.fee.total.amount", equalTo("55.00"))
                .body("order.fee.total.currency", equalTo("MAD"))
                .body("order.payment.status", equalTo("DUE"))
                .body("order.payment.payBefore", notNullValue())
                .body("order.birthAct.firstNameArabic", equalTo("أمينة"))
                .extract();
        String number = created.path("order.number");
        assertEquals("PAY-" + number.substring(3), created.path("order.payment.reference"));

        Map<String, Object> abroad = order(office.id());
        abroad.put("delivery", Map.of("destination", "ABROAD", "addressee", "Amina Benali", "street", "3 rue de Rivoli",
                "city", "Paris", "postalCode", "75001", "countryCode", "FR"));
        abroad.put("copies", 1);
        anonymous().header("X-Forwarded-For", clientAddress()).contentType("application/json").body(abroad)
                .post("/document-orders").then().statusCode(201).body("order.fee.total.amount", equalTo("80.00"));
    }

    @Test
    void aRetryWithItsIdempotencyKeyOrdersOnce() {
        Map<String, Object> body = order(office().id());
        String key = java.util.UUID.randomUUID().toString();
        String address = clientAddress();
        String first = anonymous().header("X-Forwarded-For", address).header("Idempotency-Key", key)
                .contentType("application/json").body(body).post("/document-orders").then().statusCode(201)
                .extract().path("order.number");
        anonymous().header("X-Forwarded-For", address).header("Idempotency-Key", key)
                .contentType("application/json").body(body).post("/document-orders").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("order.number", equalTo(first))
                .body("caseToken", notNullValue());
    }

    @Test
    void anAmountOrAStatusSentByTheClientIsRefusedNeverTrusted() {
        Map<String, Object> body = order(office().id());
        body.put("fee", Map.of("total", Map.of("amount", "0.01", "currency", "MAD")));
        invalid().contentType("application/json").body(body).post("/document-orders").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors.field", hasItem("fee"));
        body.remove("fee");
        body.put("status", "DELIVERED");
        invalid().contentType("application/json").body(body).post("/document-orders").then().statusCode(400)
                .body("errors.field", hasItem("status"));
    }

    @Test
    void everyWrongFieldIsNamedInTheAskedLanguage() {
        Map<String, Object> body = order(office().id());
        body.put("relation", "PARENT_OF_MINOR");
        @SuppressWarnings("unchecked") Map<String, Object> act = (Map<String, Object>) body.get("birthAct");
        act.put("registrationYear", 1990);
        body.put("delivery", Map.of("destination", "ABROAD", "addressee", "Amina Benali", "street", "3 rue de Rivoli",
                "city", "Paris"));
        body.put("copies", 5);
        body.put("documentTypeId", 2);
        anonymous().header("X-Forwarded-For", clientAddress()).header("Accept-Language", "ar")
                .contentType("application/json").body(body).post("/document-orders").then().statusCode(422)
                .header("Content-Language", "ar")
                .body("errors.field", containsInAnyOrder("relation", "birthAct.registrationYear", "delivery.countryCode"))
                .body("errors.find { it.field == 'relation' }.code", equalTo("NOT_ALLOWED"));

        Map<String, Object> badPostcode = order(office().id());
        badPostcode.put("delivery", Map.of("destination", "MOROCCO", "addressee", "Amina Benali", "street", "12 rue Oued Sebou",
                "city", "Rabat", "postalCode", "ABC"));
        anonymous().header("X-Forwarded-For", clientAddress()).contentType("application/json").body(badPostcode)
                .post("/document-orders").then().statusCode(422).body("errors.field", containsInAnyOrder("delivery.postalCode"));

        Map<String, Object> unknownOffice = order(999_999_999L);
        anonymous().header("X-Forwarded-For", clientAddress()).contentType("application/json").body(unknownOffice)
                .post("/document-orders").then().statusCode(422).body("errors.field", hasItem("officeId"));
    }

    @Test
    void theSandboxProviderPaysAndTheOrderGoesToItsOffice() {
        Office office = office();
        Ordered ordered = place(office);
        sandbox(ordered.paymentReference(), "SUCCEEDED").statusCode(200)
                .body("acknowledgement.orderNumber", equalTo(ordered.number()))
                .body("acknowledgement.status", equalTo("AT_OFFICE"))
                .body("acknowledgement.duplicate", equalTo(false))
                .body("signature", notNullValue());
        ordered.holder().get("/document-orders/" + ordered.number()).then().statusCode(200)
                .body("status", equalTo("AT_OFFICE")).body("payment.status", equalTo("PAID"))
                .body("payment.paidAt", notNullValue()).body("payment.payBefore", nullValue()).body("dueDate", notNullValue());
        List<Map<String, Object>> events = Timeline.entries(ordered.holder(), "/document-orders/" + ordered.number());
        assertEquals(List.of("SUBMITTED", "PAID", "AT_OFFICE"), events.stream().map(event -> event.get("type")).toList());
        assertEquals("SYSTEM", events.get(1).get("actor"));
        office.clerk().get("/document-orders").then().statusCode(200).body("items.number", hasItem(ordered.number()));
    }

    @Test
    void aSignedCallbackIsTakenOnceAndABadOneChangesNothing() {
        Ordered ordered = place(office());
        String good = notification(unique("txn_"), ordered.paymentReference(), "SUCCEEDED", "55.00");

        callback(good, now(), "not-the-secret").statusCode(401).body("code", equalTo("SIGNATURE_INVALID"));
        callback(good, now() - 3600, CALLBACK_SECRET).statusCode(401).body("code", equalTo("SIGNATURE_INVALID"));
        callback(notification(unique("txn_"), ordered.paymentReference(), "SUCCEEDED", "5.00"), now(), CALLBACK_SECRET)
                .statusCode(422).body("code", equalTo("AMOUNT_MISMATCH"));
        callback(notification(unique("txn_"), "PAY-2026-ZZZZ-ZZZZ", "SUCCEEDED", "55.00"), now(), CALLBACK_SECRET)
                .statusCode(422).body("errors.field", hasItem("paymentReference"));
        ordered.holder().get("/document-orders/" + ordered.number()).then()
                .body("status", equalTo("PENDING_PAYMENT")).header("ETag", equalTo("\"0\""));

        callback(good, now(), CALLBACK_SECRET).statusCode(200).body("status", equalTo("AT_OFFICE")).body("duplicate", equalTo(false));
        String afterPayment = etag(ordered.holder(), ordered.number());
        callback(good, now(), CALLBACK_SECRET).statusCode(200).body("status", equalTo("AT_OFFICE")).body("duplicate", equalTo(true));
        assertEquals(afterPayment, etag(ordered.holder(), ordered.number()));
        // A second payment of a paid order is refused: the provider refunds it.
        callback(notification(unique("txn_"), ordered.paymentReference(), "SUCCEEDED", "55.00"), now(), CALLBACK_SECRET)
                .statusCode(409).body("code", equalTo("ALREADY_PAID")).body("currentStatus", equalTo("AT_OFFICE"));
    }

    @Test
    void aFailedPaymentLeavesTheOrderPayable() {
        Ordered ordered = place(office());
        sandbox(ordered.paymentReference(), "FAILED").statusCode(200).body("acknowledgement.status", equalTo("PENDING_PAYMENT"));
        ordered.holder().get("/document-orders/" + ordered.number()).then().body("payment.status", equalTo("DUE"));
        sandbox(ordered.paymentReference(), "SUCCEEDED").statusCode(200).body("acknowledgement.status", equalTo("AT_OFFICE"));
        List<Object> types = Timeline.entries(ordered.holder(), "/document-orders/" + ordered.number()).stream()
                .map(event -> event.get("type")).toList();
        assertEquals(List.of("SUBMITTED", "PAYMENT_FAILED", "PAID", "AT_OFFICE"), types);
    }

    @Test
    void theHolderCancelsBeforePaymentAndNotAfter() {
        Office office = office();
        Ordered unpaid = place(office);
        unpaid.holder().header("If-Match", "\"0\"").post("/document-orders/" + unpaid.number() + "/cancel").then()
                .statusCode(200).body("status", equalTo("CANCELLED")).body("payment.status", equalTo("NOT_DUE"));
        sandbox(unpaid.paymentReference(), "SUCCEEDED").statusCode(409).body("code", equalTo("ALREADY_PAID"));

        Ordered paid = paid(office);
        paid.holder().header("If-Match", etag(paid.holder(), paid.number())).post("/document-orders/" + paid.number() + "/cancel")
                .then().statusCode(409).body("code", equalTo("TRANSITION_NOT_ALLOWED")).body("currentStatus", equalTo("AT_OFFICE"));
        paid.holder().post("/document-orders/" + paid.number() + "/cancel").then().statusCode(428);
        paid.holder().header("If-Match", "\"0\"").post("/document-orders/" + paid.number() + "/cancel").then().statusCode(412);
    }

    @Test
    void unpaidOrdersExpireAfterFortyEightHours() {
        Ordered ordered = place(office());
        TestClock.travel(Duration.ofHours(47));
        expiry.expireDue();
        ordered.holder().get("/document-orders/" + ordered.number()).then().body("status", equalTo("PENDING_PAYMENT"));
        TestClock.travel(Duration.ofHours(2));
        expiry.expireDue();
        ordered.holder().get("/document-orders/" + ordered.number()).then().body("status", equalTo("EXPIRED"))
                .body("payment.status", equalTo("NOT_DUE"));
        sandbox(ordered.paymentReference(), "SUCCEEDED").statusCode(409).body("code", equalTo("ALREADY_PAID"));
    }

    @Test
    void theOfficePreparesThePostShipsAndDeliversAndTheCitizenFollows() {
        Office office = office();
        String post = postalKey();
        Ordered ordered = paid(office);
        withKey(post).get("/document-orders/" + ordered.number()).then().statusCode(404);
        move(withKey(post), ordered.number(), etag(ordered.holder(), ordered.number()),
                Map.of("to", "SHIPPED", "trackingNumber", "RR1234")).statusCode(404);

        move(office.clerk(), ordered.number(), Map.of("to", "READY")).statusCode(200);
        withKey(post).get("/document-orders").then().statusCode(200).body("items.number", hasItem(ordered.number()));
        withKey(post).get("/document-orders/" + ordered.number()).then().statusCode(200)
                .body("delivery.addressee", equalTo("Amina Benali")).body("delivery.postalCode", equalTo("10090"))
                .body("birthAct", nullValue()).body("requester", nullValue()).body("fee", nullValue()).body("payment", nullValue());
        withKey(post).get("/document-orders/" + ordered.number() + "/messages").then().statusCode(404);
        withKey(post).get("/document-orders/" + ordered.number() + "/timeline").then().statusCode(404);

        move(office.clerk(), ordered.number(), Map.of("to", "SHIPPED", "trackingNumber", "RR123456789MA")).statusCode(409);
        move(withKey(post), ordered.number(), Map.of("to", "SHIPPED", "trackingNumber", "RR123456789MA")).statusCode(200)
                .body("trackingNumber", equalTo("RR123456789MA"));
        ordered.holder().get("/document-orders/" + ordered.number()).then()
                .body("status", equalTo("SHIPPED")).body("trackingNumber", equalTo("RR123456789MA"));
        move(withKey(post), ordered.number(), Map.of("to", "DELIVERED")).statusCode(200).body("status", equalTo("DELIVERED"));
        List<Object> types = Timeline.entries(ordered.holder(), "/document-orders/" + ordered.number()).stream()
                .map(event -> event.get("type")).toList();
        assertEquals(List.of("SUBMITTED", "PAID", "AT_OFFICE", "READY", "SHIPPED", "DELIVERED"), types);
    }

    @Test
    void aReturnedEnvelopeGoesBackToTheOfficeWhichSendsItAgain() {
        Office office = office();
        String post = postalKey();
        Ordered ordered = paid(office);
        move(office.clerk(), ordered.number(), Map.of("to", "READY")).statusCode(200);
        move(withKey(post), ordered.number(), Map.of("to", "SHIPPED", "trackingNumber", "RR1111")).statusCode(200);
        move(withKey(post), ordered.number(), Map.of("to", "RETURNED")).statusCode(422).body("errors.field", hasItem("reason"));
        move(withKey(post), ordered.number(), Map.of("to", "RETURNED", "reason", "Destinataire inconnu")).statusCode(200)
                .body("status", equalTo("RETURNED")).body("dueDate", notNullValue());
        move(office.clerk(), ordered.number(), Map.of("to", "READY")).statusCode(200).body("status", equalTo("READY"));
    }

    @Test
    void anOfficeThatRejectsAPaidOrderOwesARefundWhichTheProviderConfirms() {
        Office office = office();
        Ordered ordered = paid(office);
        move(office.clerk(), ordered.number(), Map.of("to", "REJECTED", "reason", "Aucun acte ne porte ce numéro en 1995."))
                .statusCode(200).body("status", equalTo("REJECTED"))
                .body("payment.status", equalTo("REFUND_DUE"))
                .body("payment.refund.amount.amount", equalTo("55.00"))
                .body("payment.refund.reference", equalTo("RFD-" + ordered.number().substring(3)));
        sandbox(ordered.paymentReference(), "REFUNDED").statusCode(200).body("acknowledgement.status", equalTo("REJECTED"));
        ordered.holder().get("/document-orders/" + ordered.number()).then()
                .body("payment.status", equalTo("REFUNDED")).body("payment.refund.confirmedAt", notNullValue())
                .body("rejectionReason", equalTo("Aucun acte ne porte ce numéro en 1995."));
        sandbox(ordered.paymentReference(), "REFUNDED").statusCode(409).body("code", equalTo("TRANSITION_NOT_ALLOWED"));
    }

    @Test
    void anotherOfficeAnotherCitizenAndAnonymousCallersSeeNothing() {
        Office office = office();
        Office other = office();
        Ordered ordered = paid(office);
        Ordered someoneElse = place(office);
        other.clerk().get("/document-orders/" + ordered.number()).then().statusCode(404);
        other.clerk().get("/document-orders").then().statusCode(200).body("items.number", not(hasItem(ordered.number())));
        move(other.clerk(), ordered.number(), etag(ordered.holder(), ordered.number()), Map.of("to", "READY")).statusCode(404);
        someoneElse.holder().get("/document-orders/" + ordered.number()).then().statusCode(404);
        invalid().get("/document-orders/" + ordered.number()).then().statusCode(401);
        invalid().get("/document-orders").then().statusCode(401);
        invalid().header("X-Case-Token", ordered.token()).get("/document-orders").then().statusCode(403);
        // A holder cannot move its own order on, nor a clerk cancel it.
        invalid().header("X-Case-Token", ordered.token()).header("If-Match", etag(ordered.holder(), ordered.number()))
                .contentType("application/json").body(Map.of("to", "READY"))
                .post("/document-orders/" + ordered.number() + "/transitions").then().statusCode(403);
        invalid().header("X-Api-Key", office.clerkKey()).header("If-Match", etag(office.clerk(), ordered.number()))
                .post("/document-orders/" + ordered.number() + "/cancel").then().statusCode(403);
        // Staff of an institution work on no order.
        String agent = AdministrationTest.issueKey("AGENT", ComplaintFixtures.agency().id());
        withKey(agent).get("/document-orders/" + ordered.number()).then().statusCode(404);
    }

    @Test
    void citizensFindTheOfficesThatTakeOrdersOnlineAndCannotOrderFromOthers() {
        String code = unique("BEC_");
        String word = unique("Offline");
        long offline = ((Number) admin().contentType("application/json").body(Map.of("code", code, "kind", "COMMUNAL",
                        "names", Map.of("ar", "مكتب", "fr", "Bureau " + word), "communeId", 1001, "countryCode", "MA",
                        "city", "Tanger", "acceptsOnlineOrders", false))
                .post("/admin/civil-status-offices").then().statusCode(201).body("acceptsOnlineOrders", equalTo(false))
                .extract().path("id")).longValue();
        anonymous().queryParam("q", word).queryParam("acceptsOnlineOrders", false).get("/civil-status-offices").then()
                .statusCode(200).body("items.id", hasItem((int) offline));
        anonymous().queryParam("q", word).queryParam("acceptsOnlineOrders", true).get("/civil-status-offices").then()
                .statusCode(200).body("items.id", not(hasItem((int) offline)));
        anonymous().header("X-Forwarded-For", clientAddress()).contentType("application/json").body(order(offline))
                .post("/document-orders").then().statusCode(422)
                .body("errors.find { it.field == 'officeId' }.code", equalTo("NOT_ALLOWED"));
    }

    @Test
    void theSandboxWithoutAKnownReferenceIsRefused() {
        sandbox("PAY-2026-ZZZZ-ZZZZ", "SUCCEEDED").statusCode(422).body("errors.field", hasItem("paymentReference"));
        invalid().contentType("application/json").body(Map.of("paymentReference", "nope", "outcome", "SUCCEEDED"))
                .post("/sandbox/payments").then().statusCode(400).body("errors.field", hasItem("paymentReference"));
    }

    @Test
    void malformedOrdersMovesAndCallbacksAreProblemsNeverServerErrors() {
        Office office = office();
        Ordered ordered = paid(office);
        invalid().contentType("application/json").body("{\"officeId\": ").post("/document-orders").then().statusCode(400)
                .body("code", equalTo("MALFORMED_JSON"));
        Map<String, Object> tooMany = order(office.id());
        tooMany.put("copies", 9);
        invalid().contentType("application/json").body(tooMany).post("/document-orders").then().statusCode(400)
                .body("errors.field", hasItem("copies"));
        invalid().header("X-Api-Key", office.clerkKey()).header("If-Match", etag(office.clerk(), ordered.number()))
                .contentType("application/json").body(Map.of("to", "FLYING"))
                .post("/document-orders/" + ordered.number() + "/transitions").then().statusCode(400);
        invalid().header("X-Api-Key", office.clerkKey()).header("If-Match", etag(office.clerk(), ordered.number()))
                .contentType("application/json").body(Map.of("to", "REJECTED", "refund", "0.00"))
                .post("/document-orders/" + ordered.number() + "/transitions").then().statusCode(400)
                .body("errors.field", hasItem("refund"));
        // A callback without its signature, or without its timestamp, changes nothing.
        String body = notification(unique("txn_"), ordered.paymentReference(), "REFUNDED", "55.00");
        invalid().contentType("application/json").header("Bawaba-Payment-Timestamp", Long.toString(now())).body(body)
                .post("/payments/callback").then().statusCode(401).body("code", equalTo("SIGNATURE_INVALID"));
        invalid().contentType("application/json").header("Bawaba-Payment-Signature", "v1=00").body(body)
                .post("/payments/callback").then().statusCode(400);
        ordered.holder().get("/document-orders/" + ordered.number()).then().body("status", equalTo("AT_OFFICE"));
    }

    @Test
    void anonymousCallersAndAnotherOfficeCannotChangeOrReadAnOrdersExchanges() {
        Office office = office();
        Office other = office();
        Ordered ordered = paid(office);
        invalid().header("If-Match", "\"1\"").post("/document-orders/" + ordered.number() + "/cancel").then().statusCode(401);
        invalid().header("If-Match", "\"1\"").contentType("application/json").body(Map.of("to", "READY"))
                .post("/document-orders/" + ordered.number() + "/transitions").then().statusCode(401);
        invalid().get("/document-orders/" + ordered.number() + "/timeline").then().statusCode(401);
        other.clerk().get("/document-orders/" + ordered.number() + "/messages").then().statusCode(404);
        other.clerk().get("/document-orders/" + ordered.number() + "/timeline").then().statusCode(404);
        other.clerk().contentType("application/json").body(Map.of("text", "Bonjour"))
                .post("/document-orders/" + ordered.number() + "/messages").then().statusCode(404);
        // The office and the holder talk about the order.
        office.clerk().contentType("application/json").body(Map.of("text", "Merci de confirmer le numéro de l'acte."))
                .post("/document-orders/" + ordered.number() + "/messages").then().statusCode(201);
        ordered.holder().get("/document-orders/" + ordered.number() + "/messages").then().statusCode(200)
                .body("items.text", hasItem("Merci de confirmer le numéro de l'acte."));
        ordered.holder().get("/document-orders/" + ordered.number()).then().body("version", equalTo(2));
    }
}
