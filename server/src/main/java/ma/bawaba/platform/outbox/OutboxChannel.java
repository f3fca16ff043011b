package ma.bawaba.platform.outbox;

/**
 * A way out of the system (webhooks, e-mail). The sender claims due messages and hands each to its channel with no
 * transaction open, since a channel talks to another server and may take seconds; then it records the outcome, and
 * the channel may update its own rows in that same transaction ({@link #recorded}).
 */
public interface OutboxChannel {

    /** The name stored with the channel's messages. */
    String name();

    /** Sends one message, outside any transaction; a channel never throws, it answers an outcome. */
    Outcome send(Letter message);

    /** Called in the transaction that records an attempt's outcome (a webhook subscription's failure streak). */
    default void recorded(Letter message, Outcome outcome) {
    }

    /** What the sender read of a claimed message, detached from the database. */
    record Letter(long id, String messageId, String channel, Long targetId, long caseId, long eventId, String eventType,
                  String payload, int attemptsBefore) {
    }

    /**
     * How an attempt went. {@code FAILED} is tried again later (with backoff, until the attempts run out);
     * {@code GIVE_UP} is final at once (the recipient is gone, the address cannot be written to).
     */
    record Outcome(Result result, Integer statusCode, String error, int durationMillis) {

        public enum Result { DELIVERED, FAILED, GIVE_UP }

        public static Outcome delivered(Integer statusCode, int durationMillis) {
            return new Outcome(Result.DELIVERED, statusCode, null, durationMillis);
        }

        public static Outcome failed(Integer statusCode, String error, int durationMillis) {
            return new Outcome(Result.FAILED, statusCode, error, durationMillis);
        }

        public static Outcome giveUp(String error) {
            return new Outcome(Result.GIVE_UP, null, error, 0);
        }

        public boolean delivered() {
            return result == Result.DELIVERED;
        }
    }
}
