package ma.bawaba.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import ma.bawaba.cases.events.CaseEventTypes;
import ma.bawaba.platform.BawabaConfig;
import ma.bawaba.platform.database.WriteTransaction;
import ma.bawaba.platform.outbox.Outbox;
import ma.bawaba.platform.outbox.OutboxAttempt;
import ma.bawaba.platform.outbox.OutboxMessage;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.problem.FieldErrorCode;
import ma.bawaba.platform.security.Caller;
import ma.bawaba.platform.webhooks.AddressGuard;
import ma.bawaba.platform.webhooks.StandardWebhooks;
import ma.bawaba.platform.web.Page;

/**
 * An institution's or office's webhook subscriptions, their delivery log and replays. A caller sees and changes only
 * its own body's subscriptions; any other is answered as absent (404).
 */
@ApplicationScoped
public class WebhookSubscriptions {

    static final String CHANNEL = "WEBHOOK";

    private final Clock clock;
    private final AddressGuard guard;
    private final Outbox outbox;
    private final BawabaConfig.Webhooks settings;

    WebhookSubscriptions(Clock clock, AddressGuard guard, Outbox outbox, BawabaConfig config) {
        this.clock = clock;
        this.guard = guard;
        this.outbox = outbox;
        this.settings = config.webhooks();
    }

    /** What a body subscribes: the URL, the event types (by name) and a description for people. */
    public record NewSubscription(String url, List<String> eventTypes, String description) {
    }

    /** A new subscription or secret, with the secret shown this once. */
    public record WithSecret(WebhookSubscription subscription, String secret) {
    }

    /** A delivery and its attempts, oldest first. */
    public record Delivery(OutboxMessage message, List<OutboxAttempt> attempts) {
    }

    @WriteTransaction
    public WithSecret subscribe(Caller caller, NewSubscription request) {
        WebhookTenant tenant = WebhookTenant.of(caller);
        List<DomainException.FieldError> errors = new ArrayList<>();
        try {
            guard.check(request.url());
        } catch (AddressGuard.Refused refused) {
            errors.add(new DomainException.FieldError("url", FieldErrorCode.NOT_ALLOWED,
                    "field.webhook-url." + refused.refusal().name()));
        }
        Set<String> types = new LinkedHashSet<>();
        for (int i = 0; i < request.eventTypes().size(); i++) {
            String type = request.eventTypes().get(i);
            if (type == null || !CaseEventTypes.names().contains(type)) {
                errors.add(new DomainException.FieldError("eventTypes[" + i + "]", FieldErrorCode.INVALID, "field.invalid"));
            }
            types.add(type);
        }
        if (!errors.isEmpty()) {
            throw DomainException.Unprocessable.fields(errors);
        }
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.institutionId = tenant.institutionId();
        subscription.officeId = tenant.officeId();
        subscription.url = request.url();
        subscription.description = request.description() == null ? null : request.description().strip();
        subscription.eventTypes(types);
        subscription.secret = StandardWebhooks.newSecret();
        subscription.enabled = true;
        subscription.createdAt = clock.instant();
        subscription.persistAndFlush();
        return new WithSecret(subscription, subscription.secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WebhookSubscription> list(Caller caller, Page.Request page) {
        WebhookTenant tenant = WebhookTenant.of(caller);
        Long before = page.afterId();
        String query = tenant.ownerCondition() + (before == null ? "" : " and id < ?2") + " order by id desc";
        Object[] parameters = before == null ? new Object[] {tenant.ownerId()} : new Object[] {tenant.ownerId(), before};
        return WebhookSubscription.<WebhookSubscription>find(query, parameters).page(0, page.fetchSize()).list();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WebhookSubscription get(Caller caller, long id) {
        WebhookSubscription subscription = WebhookSubscription.findById(id);
        if (subscription == null || !WebhookTenant.of(caller).owns(subscription)) {
            throw new DomainException.NotFound("webhook-subscription", id);
        }
        return subscription;
    }

    /** Deletes the subscription with its pending deliveries and its log: nothing more is sent to the URL. */
    @WriteTransaction
    public void delete(Caller caller, long id) {
        WebhookSubscription subscription = get(caller, id);
        OutboxAttempt.delete("outboxId in (select m.id from OutboxMessage m where m.channel = ?1 and m.targetId = ?2)",
                CHANNEL, subscription.id);
        OutboxMessage.delete("channel = ?1 and targetId = ?2", CHANNEL, subscription.id);
        subscription.delete();
    }

    /** A new secret; the previous one keeps signing until the overlap ends (an older overlap ends now). */
    @WriteTransaction
    public WithSecret rotate(Caller caller, long id) {
        WebhookSubscription subscription = get(caller, id);
        Instant now = clock.instant();
        subscription.previousSecret = subscription.secret;
        subscription.previousSecretExpiresAt = now.plus(settings.rotationOverlap());
        subscription.secret = StandardWebhooks.newSecret();
        return new WithSecret(subscription, subscription.secret);
    }

    @WriteTransaction
    public WebhookSubscription enable(Caller caller, long id) {
        WebhookSubscription subscription = get(caller, id);
        subscription.enabled = true;
        subscription.disabledAt = null;
        subscription.consecutiveFailures = 0;
        return subscription;
    }

    /** The subscription's deliveries, newest first, optionally in one state. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Delivery> deliveries(Caller caller, long id, OutboxMessage.Status status, Page.Request page) {
        WebhookSubscription subscription = get(caller, id);
        StringBuilder query = new StringBuilder("channel = ?1 and targetId = ?2");
        List<Object> parameters = new ArrayList<>(List.of(CHANNEL, subscription.id));
        if (status != null) {
            parameters.add(status);
            query.append(" and status = ?").append(parameters.size());
        }
        Long before = page.afterId();
        if (before != null) {
            parameters.add(before);
            query.append(" and id < ?").append(parameters.size());
        }
        List<OutboxMessage> messages = OutboxMessage.<OutboxMessage>find(query + " order by id desc", parameters.toArray())
                .page(0, page.fetchSize()).list();
        Map<Long, List<OutboxAttempt>> attempts = OutboxAttempt.of(messages.stream().map(message -> message.id).toList())
                .stream().collect(Collectors.groupingBy(attempt -> attempt.outboxId));
        return messages.stream().map(message -> new Delivery(message, attempts.getOrDefault(message.id, List.of()))).toList();
    }

    /** Queues a delivery again now, keeping its webhook-id and body. */
    @WriteTransaction
    public Delivery replay(Caller caller, long id, long deliveryId) {
        WebhookSubscription subscription = get(caller, id);
        OutboxMessage message = OutboxMessage.findById(deliveryId);
        if (message == null || !CHANNEL.equals(message.channel) || !subscription.id.equals(message.targetId)) {
            throw new DomainException.NotFound("webhook-delivery", deliveryId);
        }
        outbox.requeue(message);
        return new Delivery(message, OutboxAttempt.of(List.of(message.id)));
    }

    /** The time the subscription's views are read at (the rotation overlap shown while it runs). */
    public Instant now() {
        return clock.instant();
    }
}
