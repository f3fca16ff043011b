package ma.bawaba.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.bawaba.platform.BawabaConfig;
import ma.bawaba.platform.database.Transactions;
import ma.bawaba.platform.outbox.OutboxChannel;
import ma.bawaba.platform.outbox.OutboxMessage;
import ma.bawaba.platform.webhooks.AddressGuard;
import ma.bawaba.platform.webhooks.StandardWebhooks;
import ma.bawaba.platform.webhooks.WebhookPost;
import org.jboss.logging.Logger;

/**
 * Delivers webhooks: reads the subscription (a short read, no transaction held), checks its URL again against the
 * address guard (the name may resolve elsewhere than at registration), signs the body with the subscription's
 * secrets at the sending time, and POSTs it to the checked address. After a streak of failed attempts the
 * subscription is disabled, and what it still had pending is given up.
 */
@ApplicationScoped
class WebhookChannel implements OutboxChannel {

    private static final Logger LOG = Logger.getLogger(WebhookChannel.class);

    private final Clock clock;
    private final AddressGuard guard;
    private final BawabaConfig.Webhooks settings;

    WebhookChannel(Clock clock, AddressGuard guard, BawabaConfig config) {
        this.clock = clock;
        this.guard = guard;
        this.settings = config.webhooks();
    }

    @Override
    public String name() {
        return WebhookSubscriptions.CHANNEL;
    }

    private record Recipient(String url, boolean enabled, List<String> secrets) {
    }

    @Override
    public Outcome send(Letter message) {
        Instant now = clock.instant();
        Recipient recipient = Transactions.write(() -> {
            WebhookSubscription subscription = WebhookSubscription.findById(message.targetId());
            return subscription == null ? null
                    : new Recipient(subscription.url, subscription.enabled, subscription.signingSecrets(now));
        });
        if (recipient == null) {
            return Outcome.giveUp("the subscription was deleted");
        }
        if (!recipient.enabled()) {
            return Outcome.giveUp("the subscription is disabled");
        }
        AddressGuard.Target target;
        try {
            target = guard.check(recipient.url());
        } catch (AddressGuard.Refused refused) {
            return Outcome.failed(null, "address refused: " + refused.getMessage(), 0);
        }
        long timestamp = now.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", message.messageId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", StandardWebhooks.signatureHeader(recipient.secrets(), message.messageId(), timestamp,
                message.payload()));
        headers.put("User-Agent", "Bawaba-Webhooks/1");
        WebhookPost.Answer answer = WebhookPost.send(target, headers, message.payload(), settings.timeout());
        if (answer.succeeded()) {
            return Outcome.delivered(answer.status(), answer.durationMillis());
        }
        return Outcome.failed(answer.status(), answer.error() != null ? answer.error() : "HTTP " + answer.status(),
                answer.durationMillis());
    }

    @Override
    public void recorded(Letter message, Outcome outcome) {
        if (outcome.result() == Outcome.Result.GIVE_UP) {
            return;
        }
        // locked: two senders recording failures of one subscription at once must not lose an increment of its streak
        WebhookSubscription subscription = WebhookSubscription.findById(message.targetId(), LockModeType.PESSIMISTIC_WRITE);
        if (subscription == null) {
            return;
        }
        if (outcome.delivered()) {
            subscription.consecutiveFailures = 0;
            return;
        }
        subscription.consecutiveFailures++;
        if (subscription.enabled && subscription.consecutiveFailures >= settings.disableAfterFailures()) {
            subscription.enabled = false;
            subscription.disabledAt = clock.instant();
            long dropped = OutboxMessage.update("status = ?1, lastError = ?2 where channel = ?3 and targetId = ?4 and status = ?5",
                    OutboxMessage.Status.FAILED, "the subscription was disabled", name(), subscription.id,
                    OutboxMessage.Status.PENDING);
            LOG.warnf("Webhook subscription %d disabled after %d failed attempts in a row (%d pending deliveries given up)",
                    subscription.id, subscription.consecutiveFailures, dropped);
        }
    }
}
