package ma.bawaba.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;

/**
 * Puts messages in the outbox. Always inside the transaction of the change they tell of: a change that rolls back
 * leaves no message, and a committed one cannot lose its message, whatever happens to the server afterwards.
 */
@ApplicationScoped
public class Outbox {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final Clock clock;

    Outbox(Clock clock) {
        this.clock = clock;
    }

    /** What to send, on which channel, to which recipient, about which case event. */
    public record Entry(String channel, Long targetId, long caseId, long eventId, String eventType, String payload) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxMessage put(Entry entry) {
        Instant now = clock.instant();
        OutboxMessage message = new OutboxMessage();
        message.messageId = newMessageId();
        message.channel = entry.channel();
        message.targetId = entry.targetId();
        message.caseId = entry.caseId();
        message.eventId = entry.eventId();
        message.eventType = entry.eventType();
        message.payload = entry.payload();
        message.status = OutboxMessage.Status.PENDING;
        message.nextAttemptAt = now;
        message.createdAt = now;
        message.persist();
        return message;
    }

    /**
     * Queues a message again now, with a fresh budget of attempts and the same id (a replay asked for by its
     * recipient). A claim in flight is left to finish; its outcome does not undo the replay's schedule.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requeue(OutboxMessage message) {
        message.status = OutboxMessage.Status.PENDING;
        message.attempts = 0;
        message.nextAttemptAt = clock.instant();
        message.lastError = null;
    }

    /** "msg_" and 26 random base-62 characters (155 bits): unique without a sequence, as Standard Webhooks ids are. */
    static String newMessageId() {
        StringBuilder id = new StringBuilder("msg_");
        for (int i = 0; i < 26; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
