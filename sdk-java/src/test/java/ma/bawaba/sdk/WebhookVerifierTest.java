package ma.bawaba.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Java SDK's webhook verification against the Standard Webhooks specification's test vectors (the reference
 * libraries' shared scenario: libraries/java/src/test/java/com/standardwebhooks/TestScenario.java and
 * libraries/javascript/src/webhook.test.ts of github.com/standard-webhooks/standard-webhooks). No server is needed.
 */
class WebhookVerifierTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final String PAYLOAD = "{\"test\": 2432232314}";
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    /** A verifier whose clock reads the vector's timestamp plus {@code drift} seconds. */
    private static WebhookVerifier at(long drift) {
        return new WebhookVerifier(SECRET, WebhookVerifier.DEFAULT_TOLERANCE,
                Clock.fixed(Instant.ofEpochSecond(TIMESTAMP + drift), ZoneOffset.UTC));
    }

    private static Map<String, List<String>> headers(String id, String timestamp, String signature) {
        Map<String, List<String>> headers = new HashMap<>();
        if (id != null) {
            headers.put("webhook-id", List.of(id));
        }
        if (timestamp != null) {
            headers.put("webhook-timestamp", List.of(timestamp));
        }
        if (signature != null) {
            headers.put("webhook-signature", List.of(signature));
        }
        return headers;
    }

    @Test
    void signsTheSpecificationsVector() {
        assertEquals(SIGNATURE, at(0).sign(ID, TIMESTAMP, PAYLOAD));
        assertEquals(SIGNATURE, new WebhookVerifier("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").sign(ID, TIMESTAMP, PAYLOAD));
    }

    @Test
    void acceptsTheVectorAndMixedCaseHeaders() throws Exception {
        at(0).verify(PAYLOAD, headers(ID, Long.toString(TIMESTAMP), SIGNATURE));
        at(60).verify(PAYLOAD, Map.of("Webhook-Id", List.of(ID), "WEBHOOK-TIMESTAMP", List.of(Long.toString(TIMESTAMP)),
                "Webhook-Signature", List.of(SIGNATURE)));
    }

    @Test
    void acceptsOneValidSignatureAmongSeveral() throws Exception {
        String several = String.join(" ", "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=",
                "v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=", SIGNATURE, "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=");
        at(0).verify(PAYLOAD, headers(ID, Long.toString(TIMESTAMP), several));
    }

    @Test
    void refusesMissingHeaders() {
        String timestamp = Long.toString(TIMESTAMP);
        assertThrows(WebhookVerifier.WebhookVerificationException.class, () -> at(0).verify(PAYLOAD, headers(null, timestamp, SIGNATURE)));
        assertThrows(WebhookVerifier.WebhookVerificationException.class, () -> at(0).verify(PAYLOAD, headers(ID, null, SIGNATURE)));
        assertThrows(WebhookVerifier.WebhookVerificationException.class, () -> at(0).verify(PAYLOAD, headers(ID, timestamp, null)));
    }

    @Test
    void refusesOtherVersionsMalformedAndWrongSignatures() {
        String timestamp = Long.toString(TIMESTAMP);
        String value = SIGNATURE.substring(3);
        for (String signature : List.of("v2," + value, value, "v1,dawfeoifkpqwoekfpqoekf", "v1,")) {
            assertThrows(WebhookVerifier.WebhookVerificationException.class,
                    () -> at(0).verify(PAYLOAD, headers(ID, timestamp, signature)), signature);
        }
        assertThrows(WebhookVerifier.WebhookVerificationException.class,
                () -> at(0).verify(PAYLOAD.replace("2432232314", "2432232315"), headers(ID, timestamp, SIGNATURE)));
        assertThrows(WebhookVerifier.WebhookVerificationException.class,
                () -> at(0).verify(PAYLOAD, headers("msg_other", timestamp, SIGNATURE)));
    }

    @Test
    void refusesTimestampsOutsideFiveMinutes() {
        String timestamp = Long.toString(TIMESTAMP);
        assertThrows(WebhookVerifier.WebhookVerificationException.class,
                () -> at(5 * 60 + 1).verify(PAYLOAD, headers(ID, timestamp, SIGNATURE)));
        assertThrows(WebhookVerifier.WebhookVerificationException.class,
                () -> at(-(5 * 60 + 1)).verify(PAYLOAD, headers(ID, timestamp, SIGNATURE)));
        assertThrows(WebhookVerifier.WebhookVerificationException.class,
                () -> at(0).verify(PAYLOAD, headers(ID, "not-a-number", SIGNATURE)));
    }
}
