package ma.bawaba.platform.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One message that must leave the system on one channel, written in the transaction of the change it tells of. Its
 * {@link #messageId} never changes, whatever the attempts and replays, so that a receiver can de-duplicate.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends PanacheEntityBase {

    /** Where a message is in its life. */
    public enum Status { PENDING, DELIVERED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "message_id")
    public String messageId;

    public String channel;

    /** The channel's recipient (a webhook subscription); null when the channel finds it from the case (e-mail). */
    @Column(name = "target_id")
    public Long targetId;

    @Column(name = "case_id")
    public Long caseId;

    @Column(name = "event_id")
    public Long eventId;

    @Column(name = "event_type")
    public String eventType;

    public String payload;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "claimed_until")
    public Instant claimedUntil;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
