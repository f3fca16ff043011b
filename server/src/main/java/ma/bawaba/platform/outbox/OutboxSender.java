package ma.bawaba.platform.outbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import ma.bawaba.platform.BawabaConfig;
import ma.bawaba.platform.database.Batches;
import ma.bawaba.platform.database.Transactions;
import org.jboss.logging.Logger;

/**
 * Sends what the outbox holds, every {@code bawaba.outbox.send-every}, on every instance at once if need be.
 *
 * <p>A batch is three steps, and no database transaction is open while a channel talks to another server:
 * <ol>
 * <li>claim: one short transaction picks due messages with {@code FOR UPDATE SKIP LOCKED} (instances on one node
 * skip each other's rows) and writes this sender's name and a lease into them (on a Galera cluster, where row locks
 * are not seen across nodes, two nodes claiming one row both write it, and one of them fails certification and is
 * retried as a whole, finding the row claimed);</li>
 * <li>send: each message goes to its channel;</li>
 * <li>record: one short transaction per message writes the attempt and its outcome, and the next attempt's time
 * ({@link RetrySchedule}).</li>
 * </ol>
 * A sender that dies between claim and record leaves a lease that runs out, and another sender sends the message
 * again: delivery is at least once, and the message keeps its id so that receivers drop the duplicate. A sender
 * whose lease ran out while it sent records its attempt, but only a delivery changes the message then: the outcome
 * of the sender holding the message now stands, and a delivered message is never sent again nor marked failed. Each
 * webhook attempt lasts at most {@code bawaba.webhooks.timeout}, so a batch ({@code batch-size} of them) ends well
 * within the lease ({@code claim-for}).
 */
@ApplicationScoped
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class);

    private final Clock clock;
    private final EntityManager entities;
    private final BawabaConfig.Outbox settings;
    private final RetrySchedule schedule;
    private final Map<String, OutboxChannel> channels;
    /** Who holds a claim: this process, told apart from others on the same host. */
    private final String senderName;

    OutboxSender(Clock clock, EntityManager entities, BawabaConfig config, Instance<OutboxChannel> channels) {
        this.clock = clock;
        this.entities = entities;
        this.settings = config.outbox();
        this.schedule = new RetrySchedule(settings.firstRetry(), settings.maxRetryDelay(), settings.maxAttempts());
        this.channels = channels.stream().collect(Collectors.toUnmodifiableMap(OutboxChannel::name, Function.identity()));
        String name = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        this.senderName = name.length() <= 64 ? name : name.substring(name.length() - 64);
    }

    @Scheduled(every = "${bawaba.outbox.send-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sendDue();
    }

    /** Sends every message due now, batch after batch; answers how many were attempted. */
    public int sendDue() {
        return Batches.drain("outbox messages sent", this::sendBatch);
    }

    /** Claims one batch of due messages, sends them, records each outcome; answers how many it attempted. */
    public int sendBatch() {
        List<OutboxChannel.Letter> claimed = Transactions.write(this::claim);
        for (OutboxChannel.Letter letter : claimed) {
            OutboxChannel channel = channels.get(letter.channel());
            OutboxChannel.Outcome outcome;
            if (channel == null) {
                outcome = OutboxChannel.Outcome.giveUp("no channel " + letter.channel() + " in this version");
            } else {
                try {
                    outcome = channel.send(letter);
                } catch (RuntimeException unexpected) {
                    LOG.errorf(unexpected, "Outbox message %s: its channel failed", letter.messageId());
                    outcome = OutboxChannel.Outcome.failed(null, "internal error", 0);
                }
            }
            OutboxChannel.Outcome result = outcome;
            try {
                Transactions.write(() -> record(letter, channel, result));
            } catch (RuntimeException unrecorded) {
                // the rest of the batch is still sent; this message is sent again once its lease runs out (same id)
                LOG.errorf(unrecorded, "Outbox message %s: its attempt could not be recorded", letter.messageId());
            }
        }
        return claimed.size();
    }

    @SuppressWarnings("unchecked")
    private List<OutboxChannel.Letter> claim() {
        Instant now = clock.instant();
        List<Number> ids = entities.createNativeQuery("""
                        SELECT id FROM outbox_message
                        WHERE status = 'PENDING' AND next_attempt_at <= ?1 AND (claimed_until IS NULL OR claimed_until < ?1)
                        ORDER BY next_attempt_at
                        LIMIT ?2
                        FOR UPDATE SKIP LOCKED""")
                .setParameter(1, now)
                .setParameter(2, settings.batchSize())
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> claimed = ids.stream().map(Number::longValue).toList();
        Instant until = now.plus(settings.claimFor());
        entities.createQuery("update OutboxMessage set claimedBy = ?1, claimedUntil = ?2 where id in ?3")
                .setParameter(1, senderName).setParameter(2, until).setParameter(3, claimed)
                .executeUpdate();
        return OutboxMessage.<OutboxMessage>list("id in ?1 order by nextAttemptAt", claimed).stream()
                .map(message -> new OutboxChannel.Letter(message.id, message.messageId, message.channel, message.targetId,
                        message.caseId, message.eventId, message.eventType, message.payload, message.attempts))
                .toList();
    }

    private void record(OutboxChannel.Letter letter, OutboxChannel channel, OutboxChannel.Outcome outcome) {
        OutboxMessage message = OutboxMessage.findById(letter.id());
        if (message == null) {
            // its recipient was deleted meanwhile, and the message with it
            return;
        }
        Instant now = clock.instant();
        OutboxAttempt attempt = new OutboxAttempt();
        attempt.outboxId = message.id;
        attempt.attemptedAt = now;
        attempt.succeeded = outcome.delivered();
        attempt.statusCode = outcome.statusCode();
        attempt.error = clip(outcome.error());
        attempt.durationMillis = outcome.durationMillis();
        attempt.persist();
        if (message.status == OutboxMessage.Status.DELIVERED) {
            // another sender delivered it meanwhile (this one's lease ran out): never undone by a later outcome
            return;
        }
        boolean claimedByAnother = message.claimedBy != null && !message.claimedBy.equals(senderName);
        if (claimedByAnother && !outcome.delivered()) {
            // this sender's lease ran out and another sender holds the message now: its outcome stands, not this one
            return;
        }
        boolean replayedMeanwhile = message.attempts == 0 && letter.attemptsBefore() > 0;
        message.claimedBy = null;
        message.claimedUntil = null;
        if (replayedMeanwhile) {
            // a replay queued it again while this attempt was in flight: the replay's schedule stands
            return;
        }
        message.attempts++;
        switch (outcome.result()) {
            case DELIVERED -> {
                message.status = OutboxMessage.Status.DELIVERED;
                message.deliveredAt = now;
                message.lastError = null;
            }
            case GIVE_UP -> {
                message.status = OutboxMessage.Status.FAILED;
                message.lastError = clip(outcome.error());
            }
            case FAILED -> {
                message.lastError = clip(outcome.error());
                if (schedule.allowsAnotherAfter(message.attempts)) {
                    message.nextAttemptAt = now.plus(schedule.delayAfter(message.attempts));
                } else {
                    message.status = OutboxMessage.Status.FAILED;
                }
            }
        }
        if (channel != null) {
            // written first: what the channel changes in bulk (a disabled subscription's messages) then stands
            entities.flush();
            channel.recorded(letter, outcome);
        }
    }

    private static String clip(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300);
    }
}
