package ma.bawaba.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import ma.bawaba.sdk.api.AdminApi;
import ma.bawaba.sdk.api.ComplaintsApi;
import ma.bawaba.sdk.api.WebhooksApi;
import ma.bawaba.sdk.client.ApiException;
import ma.bawaba.sdk.model.ApiKeyInput;
import ma.bawaba.sdk.model.CaseEventType;
import ma.bawaba.sdk.model.ComplaintInput;
import ma.bawaba.sdk.model.ComplaintKind;
import ma.bawaba.sdk.model.CreatedWebhookSubscription;
import ma.bawaba.sdk.model.IdDocumentType;
import ma.bawaba.sdk.model.ProblemCode;
import ma.bawaba.sdk.model.Requester;
import ma.bawaba.sdk.model.Role;
import ma.bawaba.sdk.model.WebhookDeliveryPage;
import ma.bawaba.sdk.model.WebhookSubscriptionInput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An institution's system subscribes through the Java SDK, receives a signed delivery from the running server on a
 * loopback receiver, and verifies it with {@link WebhookVerifier}, as an integrator would.
 */
class WebhookSdkTest {

    private static final long MINISTRY_OF_JUSTICE = 2L;
    private static RunningServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = RunningServer.shared();
    }

    private record Delivery(Map<String, List<String>> headers, String body) {
    }

    @Test
    void anInstitutionSubscribesReceivesASignedDeliveryAndVerifiesIt() throws Exception {
        String agentKey = new AdminApi(Bawaba.withApiKey(server.baseUri(), RunningServer.ADMIN_KEY))
                .createApiKey(new ApiKeyInput().name("Case system").role(Role.AGENT).institutionId(MINISTRY_OF_JUSTICE),
                        "fr", UUID.randomUUID().toString())
                .getSecret();
        List<Delivery> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.add(new Delivery(exchange.getRequestHeaders(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            WebhooksApi webhooks = new WebhooksApi(Bawaba.withApiKey(server.baseUri(), agentKey));
            CreatedWebhookSubscription subscription = webhooks.createWebhookSubscription(new WebhookSubscriptionInput()
                            .url("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks")
                            .eventTypes(Set.of(CaseEventType.SUBMITTED)),
                    "fr", UUID.randomUUID().toString());
            assertTrue(subscription.getSecret().startsWith("whsec_"));
            assertEquals(null, webhooks.getWebhookSubscription(subscription.getId(), "fr").getDescription());

            String number = new ComplaintsApi(Bawaba.anonymous(server.baseUri())).submitComplaint(new ComplaintInput()
                            .institutionId(MINISTRY_OF_JUSTICE).kind(ComplaintKind.COMPLAINT).categoryId(1L)
                            .subject("Attestation non délivrée").content("Ma demande d'attestation est restée sans suite.")
                            .requester(new Requester().firstName("Salma").lastName("Idrissi").idDocumentType(IdDocumentType.CIN)
                                    .idDocumentNumber("CD654321").email("salma.idrissi@example.ma")),
                    "fr", UUID.randomUUID().toString())
                    .getComplaint().getNumber();

            // the server's sender runs every second (BAWABA_OUTBOX_SEND_EVERY); other tests' cases of the ministry come too
            Delivery mine = null;
            for (int i = 0; i < 150 && mine == null; i++) {
                mine = received.stream().filter(delivery -> delivery.body().contains(number)).findFirst().orElse(null);
                if (mine == null) {
                    Thread.sleep(100);
                }
            }
            assertNotNull(mine, "no delivery of " + number);
            new WebhookVerifier(subscription.getSecret()).verify(mine.body(), mine.headers());
            assertFalse(mine.body().contains("Idrissi") || mine.body().contains("salma"));
            Delivery tampered = mine;
            assertThrows(WebhookVerifier.WebhookVerificationException.class,
                    () -> new WebhookVerifier(subscription.getSecret()).verify(tampered.body().replace(number, "CP-2026-0000-0000"),
                            tampered.headers()));

            WebhookDeliveryPage log = webhooks.listWebhookDeliveries(subscription.getId(), "fr", null, 100, null);
            assertTrue(log.getItems().stream().anyMatch(delivery -> number.equals(delivery.getPayload().getData().getCaseNumber())));

            String otherBody = new AdminApi(Bawaba.withApiKey(server.baseUri(), RunningServer.ADMIN_KEY))
                    .createApiKey(new ApiKeyInput().name("Other body").role(Role.OFFICE_CLERK).officeId(1L), "fr", UUID.randomUUID().toString())
                    .getSecret();
            ApiException hidden = assertThrows(ApiException.class,
                    () -> new WebhooksApi(Bawaba.withApiKey(server.baseUri(), otherBody)).getWebhookSubscription(subscription.getId(), "fr"));
            assertEquals(404, hidden.getCode());
            assertTrue(Bawaba.hasCode(hidden, ProblemCode.NOT_FOUND));
            webhooks.deleteWebhookSubscription(subscription.getId(), "fr");
        } finally {
            receiver.stop(0);
        }
    }
}
