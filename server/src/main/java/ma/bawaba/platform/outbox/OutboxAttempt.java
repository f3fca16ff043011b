package ma.bawaba.platform.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One attempt to send an outbox message, and how it went: what a delivery log shows. */
@Entity
@Table(name = "outbox_attempt")
public class OutboxAttempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "outbox_id")
    public Long outboxId;

    @Column(name = "attempted_at")
    public Instant attemptedAt;

    public boolean succeeded;

    @Column(name = "status_code")
    public Integer statusCode;

    public String error;

    @Column(name = "duration_ms")
    public int durationMillis;

    /** The attempts of these messages, oldest first. */
    public static List<OutboxAttempt> of(List<Long> outboxIds) {
        return outboxIds.isEmpty() ? List.of() : list("outboxId in ?1 order by id", outboxIds);
    }
}
