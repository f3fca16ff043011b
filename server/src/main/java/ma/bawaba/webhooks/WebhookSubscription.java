package ma.bawaba.webhooks;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * An institution's or an office's URL, subscribed to some event types of its cases. The secret is kept as issued:
 * signing needs the key itself. It is shown to its owner once, at creation or rotation, and never logged.
 */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "institution_id")
    public Long institutionId;

    @Column(name = "office_id")
    public Long officeId;

    public String url;

    public String description;

    @Column(name = "event_types")
    public String eventTypes;

    public String secret;

    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_expires_at")
    public Instant previousSecretExpiresAt;

    public boolean enabled;

    @Column(name = "consecutive_failures")
    public int consecutiveFailures;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    @Column(name = "created_at")
    public Instant createdAt;

    public List<String> eventTypeList() {
        return Arrays.asList(eventTypes.split(","));
    }

    public boolean wants(String eventType) {
        return eventTypeList().contains(eventType);
    }

    public void eventTypes(Set<String> types) {
        eventTypes = String.join(",", types);
    }

    /** The secrets that sign a delivery at {@code now}: the current one, and the previous one during an overlap. */
    public List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>(List.of(secret));
        if (previousSecret != null && previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }

    /** The previous secret's end, while it still signs. */
    public Instant overlapEnd(Instant now) {
        return previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt) ? previousSecretExpiresAt : null;
    }
}
