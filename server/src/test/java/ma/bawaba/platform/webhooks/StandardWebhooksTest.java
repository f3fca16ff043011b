package ma.bawaba.platform.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server signs as the Standard Webhooks specification's test vector says, and issues secrets its libraries take. */
class StandardWebhooksTest {

    @Test
    void signsTheSpecificationsVector() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", StandardWebhooks.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"));
    }

    @Test
    void aRotationSignsWithBothSecretsNewestFirst() {
        String header = StandardWebhooks.signatureHeader(List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", StandardWebhooks.newSecret()),
                "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}");
        String[] signatures = header.split(" ");
        assertEquals(2, signatures.length);
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signatures[0]);
    }

    @Test
    void aNewSecretIsTwentyFourRandomBytesAfterItsPrefix() {
        String secret = StandardWebhooks.newSecret();
        assertTrue(secret.startsWith("whsec_"));
        assertEquals(24, Base64.getDecoder().decode(secret.substring(6)).length);
    }
}
