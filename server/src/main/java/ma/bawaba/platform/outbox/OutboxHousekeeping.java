package ma.bawaba.platform.outbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import ma.bawaba.platform.BawabaConfig;
import ma.bawaba.platform.database.Batches;
import ma.bawaba.platform.database.Transactions;

/**
 * Deletes what the outbox has finished with (delivered or given up) once {@code bawaba.outbox.keep-for} has passed
 * since its last attempt: the delivery log shows that long, and the table does not grow with every event ever sent.
 * A batch at a time, its rows claimed with SKIP LOCKED, so that several instances may run it at once.
 */
@ApplicationScoped
public class OutboxHousekeeping {

    private static final int BATCH = 500;

    private final Clock clock;
    private final EntityManager entities;
    private final BawabaConfig.Outbox settings;

    OutboxHousekeeping(Clock clock, EntityManager entities, BawabaConfig config) {
        this.clock = clock;
        this.entities = entities;
        this.settings = config.outbox();
    }

    @Scheduled(every = "${bawaba.outbox.purge-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    /** Deletes every finished message past its keeping period, with its attempts; answers how many. */
    public int purge() {
        return Batches.drain("finished outbox messages deleted", () -> Transactions.write(this::purgeBatch));
    }

    @SuppressWarnings("unchecked")
    private int purgeBatch() {
        Instant before = clock.instant().minus(settings.keepFor());
        List<Number> ids = entities.createNativeQuery("""
                        SELECT id FROM outbox_message
                        WHERE status IN ('DELIVERED', 'FAILED') AND next_attempt_at < ?1
                        LIMIT ?2
                        FOR UPDATE SKIP LOCKED""")
                .setParameter(1, before).setParameter(2, BATCH).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        List<Long> finished = ids.stream().map(Number::longValue).toList();
        OutboxAttempt.delete("outboxId in ?1", finished);
        OutboxMessage.delete("id in ?1", finished);
        return finished.size();
    }
}
