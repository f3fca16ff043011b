package ma.bawaba;

import static ma.bawaba.support.Api.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import ma.bawaba.platform.web.idempotency.Idempotency;
import ma.bawaba.platform.web.idempotency.IdempotencyRecord;
import ma.bawaba.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Stored responses answer retries for a day (bawaba.idempotency.retention), then go. */
@QuarkusTest
class IdempotencyRetentionTest {

    @Inject
    Idempotency idempotency;

    @AfterEach
    void backToToday() {
        TestClock.reset();
    }

    private static Map<String, Object> faqEntry(String question) {
        return Map.of("service", "DOCUMENT_ORDERS", "position", 9999,
                "question", Map.of("ar", "سؤال", "fr", question), "answer", Map.of("ar", "جواب", "fr", "Réponse."));
    }

    private static int create(String key, String question) {
        return admin().header("Idempotency-Key", key).contentType("application/json").body(faqEntry(question))
                .post("/admin/faq").then().statusCode(201).extract().path("id");
    }

    private static long records(String key) {
        return QuarkusTransaction.requiringNew().call(() -> IdempotencyRecord.count("key", key));
    }

    @Test
    void recordsPastTheirRetentionArePurged() {
        String old = "old-" + UUID.randomUUID();
        create(old, "Ancienne question ?");
        TestClock.travel(Duration.ofHours(25));
        String fresh = "fresh-" + UUID.randomUUID();
        create(fresh, "Nouvelle question ?");
        assertTrue(idempotency.purgeExpired(2) >= 1);
        assertEquals(0, records(old));
        assertEquals(1, records(fresh));
    }

    @Test
    void aKeyPastItsRetentionCreatesAgainInsteadOfFailing() {
        String key = "reuse-" + UUID.randomUUID();
        int first = create(key, "Première question ?");
        TestClock.travel(Duration.ofHours(25));
        int second = create(key, "Une autre question ?");
        assertNotEquals(first, second);
        assertEquals(1, records(key));
    }
}
