package ma.bawaba;

import static ma.bawaba.support.Api.anonymous;
import static ma.bawaba.support.Api.invalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import ma.bawaba.ComplaintFixtures.Agency;
import ma.bawaba.ComplaintFixtures.Filed;
import ma.bawaba.platform.outbox.OutboxHousekeeping;
import ma.bawaba.platform.outbox.OutboxSender;
import ma.bawaba.support.TestClock;
import ma.bawaba.support.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * An institution's system keeps in step through webhooks: it subscribes a URL (a real HTTP receiver on the loopback
 * interface), and the outbox sender — run here by the test, the scheduler being off — delivers signed events of its
 * cases, retries after failures, disables a subscription that keeps failing, and replays on demand.
 */
@QuarkusTest
class WebhookTest {

    @Inject
    OutboxSender sender;

    @Inject
    OutboxHousekeeping housekeeping;

    private static final List<String> ALL_COMPLAINT_EVENTS = List.of("SUBMITTED", "ACKNOWLEDGED", "ANSWERED", "MESSAGE_SENT");

    static ExtractableResponse<Response> subscribe(Agency agency, String url, List<String> types) {
        return agency.agent().contentType("application/json")
                .body(Map.of("url", url, "eventTypes", types, "description", "test receiver"))
                .post("/webhooks").then().extract();
    }

    /** The Standard Webhooks signature, computed here independently of the server's code. */
    static String signature(String secret, String id, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void institutionReceivesSignedEventsOfItsCasesWithoutPersonalData() throws Exception {
        Agency agency = ComplaintFixtures.agency();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            ExtractableResponse<Response> created = subscribe(agency, receiver.url(), ALL_COMPLAINT_EVENTS);
            assertEquals(201, created.statusCode());
            String secret = created.path("secret");
            assertTrue(secret.startsWith("whsec_"));
            assertEquals("ENABLED", created.path("status"));
            long id = ((Number) created.path("id")).longValue();

            Filed filed = ComplaintFixtures.file(agency);
            ComplaintFixtures.acknowledge(agency, filed.number());
            sender.sendDue();

            List<WebhookReceiver.Received> received = receiver.received();
            assertEquals(2, received.size());
            WebhookReceiver.Received first = received.get(0);
            assertEquals(signature(secret, first.id(), first.timestamp(), first.body()), first.signature());
            assertTrue(first.id().startsWith("msg_"));
            assertTrue(receiver.url().startsWith("http://" + first.host() + "/"), "Host names the URL's host: " + first.host());
            assertNotEquals(first.id(), received.get(1).id());
            assertTrue(Math.abs(Long.parseLong(first.timestamp()) - System.currentTimeMillis() / 1000) < 600);
            JsonPath body = new JsonPath(first.body());
            assertEquals("SUBMITTED", body.getString("type"));
            assertEquals(filed.number(), body.getString("data.caseNumber"));
            assertEquals("COMPLAINTS", body.getString("data.service"));
            assertEquals("CITIZEN", body.getString("data.event.actor"));
            assertEquals("ACKNOWLEDGED", new JsonPath(received.get(1).body()).getString("data.event.toStatus"));
            // Law 09-08: the requester's name, e-mail, identity document and the complaint's text stay in the API
            for (WebhookReceiver.Received delivery : received) {
                for (String personal : List.of("Amina", "Benali", "amina.benali@example.ma", "BE123456", "pension")) {
                    assertFalse(delivery.body().contains(personal), personal + " in " + delivery.body());
                }
            }

            JsonPath deliveries = agency.agent().get("/webhooks/" + id + "/deliveries").then().statusCode(200).extract().jsonPath();
            assertEquals(2, deliveries.getList("items").size());
            assertEquals("ACKNOWLEDGED", deliveries.getString("items[0].eventType"));
            assertEquals("DELIVERED", deliveries.getString("items[0].status"));
            assertEquals(received.get(1).id(), deliveries.getString("items[0].webhookId"));
            assertEquals(204, deliveries.getInt("items[0].attempts[0].statusCode"));
            assertTrue(deliveries.getBoolean("items[0].attempts[0].succeeded"));
            assertEquals(filed.number(), deliveries.getString("items[1].payload.data.caseNumber"));
        }
    }

    @Test
    void theSecretIsShownOnceOnly() {
        Agency agency = ComplaintFixtures.agency();
        String key = UUID.randomUUID().toString();
        Map<String, Object> input = Map.of("url", "http://127.0.0.1:9/hooks", "eventTypes", List.of("SUBMITTED"));
        ExtractableResponse<Response> created = agency.agent().header("Idempotency-Key", key).contentType("application/json")
                .body(input).post("/webhooks").then().statusCode(201).extract();
        assertTrue(created.<String>path("secret").startsWith("whsec_"));
        ExtractableResponse<Response> replayed = agency.agent().header("Idempotency-Key", key).contentType("application/json")
                .body(input).post("/webhooks").then().statusCode(201).extract();
        assertEquals((Object) created.path("id"), replayed.path("id"));
        assertNull(replayed.path("secret"));
        long id = ((Number) created.path("id")).longValue();
        String shown = agency.agent().get("/webhooks/" + id).then().statusCode(200).extract().asString();
        assertFalse(shown.contains("whsec_"));
        String listed = agency.agent().get("/webhooks").then().statusCode(200).extract().asString();
        assertFalse(listed.contains("whsec_"));
        assertTrue(listed.contains("\"id\":" + id));
    }

    @Test
    void aFailedDeliveryIsRetriedLaterWithTheSameWebhookId() throws Exception {
        Agency agency = ComplaintFixtures.agency();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer(500);
            long id = ((Number) subscribe(agency, receiver.url(), List.of("SUBMITTED")).path("id")).longValue();
            ComplaintFixtures.file(agency);
            sender.sendDue();
            assertEquals(1, receiver.received().size());
            JsonPath pending = agency.agent().get("/webhooks/" + id + "/deliveries").then().statusCode(200).extract().jsonPath();
            assertEquals("PENDING", pending.getString("items[0].status"));
            assertEquals(500, pending.getInt("items[0].attempts[0].statusCode"));
            assertEquals(1, agency.agent().get("/webhooks/" + id).then().extract().<Integer>path("consecutiveFailures").intValue());

            // not due yet: the first retry waits 15 to 30 seconds
            sender.sendDue();
            assertEquals(1, receiver.received().size());
            try {
                TestClock.travel(Duration.ofSeconds(31));
                sender.sendDue();
            } finally {
                TestClock.reset();
            }
            List<WebhookReceiver.Received> received = receiver.received();
            assertEquals(2, received.size());
            assertEquals(received.get(0).id(), received.get(1).id(), "a retry keeps its webhook-id: receivers de-duplicate");
            JsonPath delivered = agency.agent().get("/webhooks/" + id + "/deliveries").then().statusCode(200).extract().jsonPath();
            assertEquals("DELIVERED", delivered.getString("items[0].status"));
            assertEquals(2, delivered.getList("items[0].attempts").size());
            assertEquals(0, agency.agent().get("/webhooks/" + id).then().extract().<Integer>path("consecutiveFailures").intValue());
        }
    }

    @Inject
    EntityManager entityManager;

    @Test
    void aMessageClaimedByASenderThatWasKilledIsSentByAnotherOnceItsLeaseRunsOutWithItsWebhookId() throws Exception {
        Agency agency = ComplaintFixtures.agency();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            long id = ((Number) subscribe(agency, receiver.url(), List.of("SUBMITTED")).path("id")).longValue();
            ComplaintFixtures.file(agency);
            // Another instance claimed the message (lease of 5 minutes), then was killed before it sent or recorded it.
            Instant leaseEnds = new TestClock().instant().plus(Duration.ofMinutes(5));
            String messageId = QuarkusTransaction.requiringNew().call(() -> {
                int claimed = entityManager.createNativeQuery("UPDATE outbox_message SET claimed_by = 'killed-instance',"
                                + " claimed_until = ?1 WHERE channel = 'WEBHOOK' AND target_id = ?2 AND status = 'PENDING'")
                        .setParameter(1, leaseEnds).setParameter(2, id).executeUpdate();
                assertEquals(1, claimed);
                return (String) entityManager.createNativeQuery("SELECT message_id FROM outbox_message WHERE target_id = ?1")
                        .setParameter(1, id).getSingleResult();
            });

            sender.sendDue();
            assertEquals(0, receiver.received().size(), "held by the other sender's lease");
            try {
                TestClock.travel(Duration.ofMinutes(6));
                sender.sendDue();
            } finally {
                TestClock.reset();
            }
            List<WebhookReceiver.Received> received = receiver.received();
            assertEquals(1, received.size(), "sent once the lease ran out");
            assertEquals(messageId, received.get(0).id(), "with the id it was queued with: a receiver drops a duplicate");
            assertEquals("DELIVERED", agency.agent().get("/webhooks/" + id + "/deliveries").then().statusCode(200)
                    .extract().path("items[0].status"));
            sender.sendDue();
            assertEquals(1, receiver.received().size(), "delivered: never sent again");
        }
    }

    @Test
    void aDeliveryIsReplayedOnDemandWithItsWebhookId() throws Exception {
        Agency agency = ComplaintFixtures.agency();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            ExtractableResponse<Response> created = subscribe(agency, receiver.url(), List.of("SUBMITTED"));
            long id = ((Number) created.path("id")).longValue();
            ComplaintFixtures.file(agency);
            sender.sendDue();
            long deliveryId = ((Number) agency.agent().get("/webhooks/" + id + "/deliveries").then().extract().path("items[0].id")).longValue();

            ExtractableResponse<Response> replayed = agency.agent().post("/webhooks/" + id + "/deliveries/" + deliveryId + "/replay")
                    .then().statusCode(202).extract();
            assertEquals("PENDING", replayed.path("status"));
            sender.sendDue();
            List<WebhookReceiver.Received> received = receiver.received();
            assertEquals(2, received.size());
            assertEquals(received.get(0).id(), received.get(1).id());
            assertEquals(received.get(0).body(), received.get(1).body());
            assertEquals(signature(created.path("secret"), received.get(1).id(), received.get(1).timestamp(), received.get(1).body()),
                    received.get(1).signature());
        }
    }

    @Test
    void aSubscriptionThatKeepsFailingIsDisabledUntilEnabledAgain() throws Exception {
        Agency agency = ComplaintFixtures.agency();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answerAlways(500);
            long id = ((Number) subscribe(agency, receiver.url(), List.of("SUBMITTED", "ACKNOWLEDGED")).path("id")).longValue();
            // bawaba.webhooks.disable-after-failures is 3 in tests
            Filed filed = ComplaintFixtures.file(agency);
            ComplaintFixtures.acknowledge(agency, filed.number());
            ComplaintFixtures.file(agency);
            sender.sendDue();
            assertEquals(3, receiver.received().size());
            JsonPath subscription = agency.agent().get("/webhooks/" + id).then().statusCode(200).extract().jsonPath();
            assertEquals("DISABLED", subscription.getString("status"));
            assertEquals(3, subscription.getInt("consecutiveFailures"));
            assertEquals(3, agency.agent().queryParam("status", "FAILED").get("/webhooks/" + id + "/deliveries")
                    .then().statusCode(200).extract().jsonPath().getList("items").size());

            // disabled: new events are not queued for it
            ComplaintFixtures.file(agency);
            try {
                TestClock.travel(Duration.ofHours(1));
                sender.sendDue();
            } finally {
                TestClock.reset();
            }
            assertEquals(3, receiver.received().size());

            receiver.answerAlways(204);
            JsonPath enabled = agency.agent().post("/webhooks/" + id + "/enable").then().statusCode(200).extract().jsonPath();
            assertEquals("ENABLED", enabled.getString("status"));
            assertEquals(0, enabled.getInt("consecutiveFailures"));
            ComplaintFixtures.file(agency);
            sender.sendDue();
            assertEquals(4, receiver.received().size());
        }
    }

    @Test
    void duringARotationEveryDeliveryIsSignedWithBothSecrets() throws Exception {
        Agency agency = ComplaintFixtures.agency();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            ExtractableResponse<Response> created = subscribe(agency, receiver.url(), List.of("SUBMITTED"));
            long id = ((Number) created.path("id")).longValue();
            String previous = created.path("secret");
            ExtractableResponse<Response> rotated = agency.agent().post("/webhooks/" + id + "/secret-rotation")
                    .then().statusCode(200).extract();
            String current = rotated.path("secret");
            assertNotEquals(previous, current);
            assertTrue(agency.agent().get("/webhooks/" + id).then().extract().asString().contains("previousSecretExpiresAt"));

            ComplaintFixtures.file(agency);
            sender.sendDue();
            WebhookReceiver.Received during = receiver.received().get(0);
            String[] signatures = during.signature().split(" ");
            assertEquals(2, signatures.length);
            assertEquals(signature(current, during.id(), during.timestamp(), during.body()), signatures[0]);
            assertEquals(signature(previous, during.id(), during.timestamp(), during.body()), signatures[1]);

            try {
                TestClock.travel(Duration.ofHours(25));
                ComplaintFixtures.file(agency);
                sender.sendDue();
            } finally {
                TestClock.reset();
            }
            WebhookReceiver.Received after = receiver.received().get(1);
            assertEquals(signature(current, after.id(), after.timestamp(), after.body()), after.signature());
        }
    }

    @Test
    void urlsThatLeadToInternalAddressesAreRefusedNamingTheField() {
        Agency agency = ComplaintFixtures.agency();
        for (String url : List.of("https://10.1.2.3/hooks", "https://192.168.1.10/hooks", "https://169.254.169.254/latest/meta-data",
                "https://[fd00:ec2::254]/latest", "https://[::ffff:169.254.169.254]/x", "https://[::ffff:10.0.0.1]/x",
                "https://100.64.0.1/x", "https://[fe80::1]/x", "https://224.0.0.1/x", "https://0.0.0.0/x", "https://[::]/x",
                "http://203.0.113.10/not-tls", "ftp://127.0.0.1/x")) {
            ExtractableResponse<Response> refused = subscribe(agency, url, List.of("SUBMITTED"));
            assertEquals(422, refused.statusCode(), url);
            assertEquals("url", refused.path("errors[0].field"), url);
            assertEquals("NOT_ALLOWED", refused.path("errors[0].code"), url);
        }
        assertEquals(400, invalid().header("X-Api-Key", agency.agentKey()).contentType("application/json")
                .body(Map.of("url", "https://hooks.example.org/x", "eventTypes", List.of("NOT_AN_EVENT")))
                .post("/webhooks").then().extract().statusCode());
        // a missing URL, a malformed id, a page of nothing: each a 400 naming what is wrong, never a 500
        invalid().header("X-Api-Key", agency.agentKey()).contentType("application/json")
                .body(Map.of("eventTypes", List.of("SUBMITTED"))).post("/webhooks")
                .then().statusCode(400).contentType("application/problem+json");
        invalid().header("X-Api-Key", agency.agentKey()).get("/webhooks/not-a-number")
                .then().statusCode(400).contentType("application/problem+json");
        invalid().header("X-Api-Key", agency.agentKey()).queryParam("limit", 0).get("/webhooks/1/deliveries")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anotherBodysSubscriptionsAndDeliveriesAreNotFound() {
        Agency owner = ComplaintFixtures.agency();
        Agency other = ComplaintFixtures.agency();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            long id = ((Number) subscribe(owner, receiver.url(), List.of("SUBMITTED")).path("id")).longValue();
            // the other body's case is not delivered to the owner's subscription
            ComplaintFixtures.file(other);
            Filed own = ComplaintFixtures.file(owner);
            sender.sendDue();
            assertEquals(1, receiver.received().size());
            assertEquals(own.number(), new JsonPath(receiver.received().get(0).body()).getString("data.caseNumber"));
            long deliveryId = ((Number) owner.agent().get("/webhooks/" + id + "/deliveries").then().extract().path("items[0].id")).longValue();

            other.agent().get("/webhooks/" + id).then().statusCode(404);
            other.agent().get("/webhooks/" + id + "/deliveries").then().statusCode(404);
            other.agent().post("/webhooks/" + id + "/deliveries/" + deliveryId + "/replay").then().statusCode(404);
            other.agent().post("/webhooks/" + id + "/secret-rotation").then().statusCode(404);
            other.agent().post("/webhooks/" + id + "/enable").then().statusCode(404);
            other.agent().delete("/webhooks/" + id).then().statusCode(404);
            assertFalse(other.agent().get("/webhooks").then().statusCode(200).extract().asString().contains("\"id\":" + id + ","));
            // a delivery of another subscription is not found under this one
            long otherId = ((Number) subscribe(other, receiver.url(), List.of("SUBMITTED")).path("id")).longValue();
            other.agent().post("/webhooks/" + otherId + "/deliveries/" + deliveryId + "/replay").then().statusCode(404);

            own.holder().get("/webhooks").then().statusCode(403);
            own.holder().get("/webhooks/" + id).then().statusCode(403);
            anonymous().get("/webhooks").then().statusCode(401);
            anonymous().get("/webhooks/" + id + "/deliveries").then().statusCode(401);

            owner.agent().delete("/webhooks/" + id).then().statusCode(204);
            owner.agent().get("/webhooks/" + id).then().statusCode(404);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void finishedDeliveriesLeaveTheLogAfterTheKeepingPeriod() throws Exception {
        Agency agency = ComplaintFixtures.agency();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            long id = ((Number) subscribe(agency, receiver.url(), List.of("SUBMITTED")).path("id")).longValue();
            ComplaintFixtures.file(agency);
            sender.sendDue();
            housekeeping.purge();
            assertEquals(1, agency.agent().get("/webhooks/" + id + "/deliveries").then().extract().jsonPath().getList("items").size());
            try {
                // bawaba.outbox.keep-for: 30 days after the last attempt
                TestClock.travel(Duration.ofDays(31));
                housekeeping.purge();
            } finally {
                TestClock.reset();
            }
            assertEquals(0, agency.agent().get("/webhooks/" + id + "/deliveries").then().extract().jsonPath().getList("items").size());
        }
    }

    @Test
    void aUrlThatNowLeadsToAnInternalAddressIsRefusedAtDelivery() {
        Agency agency = ComplaintFixtures.agency();
        long id = ((Number) subscribe(agency, "http://127.0.0.1:9/hooks", List.of("SUBMITTED")).path("id")).longValue();
        // as if its name now resolved to the metadata service: the delivery checks the address again, and connects nowhere
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            ma.bawaba.webhooks.WebhookSubscription subscription = ma.bawaba.webhooks.WebhookSubscription.findById(id);
            subscription.url = "https://169.254.169.254/latest/meta-data";
        });
        ComplaintFixtures.file(agency);
        sender.sendDue();
        JsonPath deliveries = agency.agent().get("/webhooks/" + id + "/deliveries").then().statusCode(200).extract().jsonPath();
        assertEquals("PENDING", deliveries.getString("items[0].status"));
        assertFalse(deliveries.getBoolean("items[0].attempts[0].succeeded"));
        assertTrue(deliveries.getString("items[0].attempts[0].error").startsWith("address refused"),
                deliveries.getString("items[0].attempts[0].error"));
    }
}
