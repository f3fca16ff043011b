package ma.bawaba.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import ma.bawaba.contract.model.CaseEventType;
import ma.bawaba.contract.model.CreatedWebhookSubscription;
import ma.bawaba.contract.model.RotatedWebhookSecret;
import ma.bawaba.contract.model.WebhookAttempt;
import ma.bawaba.contract.model.WebhookDelivery;
import ma.bawaba.contract.model.WebhookDeliveryStatus;
import ma.bawaba.contract.model.WebhookPayload;
import ma.bawaba.contract.model.WebhookSubscriptionInput;
import ma.bawaba.contract.model.WebhookSubscriptionStatus;
import ma.bawaba.platform.TimeSource;
import ma.bawaba.platform.outbox.OutboxAttempt;
import ma.bawaba.platform.outbox.OutboxMessage;

/** Webhook subscriptions and deliveries between the contract and the domain; secrets appear only where issued. */
final class WebhookMapper {

    private WebhookMapper() {
    }

    static WebhookSubscriptions.NewSubscription newSubscription(WebhookSubscriptionInput input) {
        List<String> types = input.getEventTypes().stream().map(type -> type == null ? null : type.toString()).toList();
        return new WebhookSubscriptions.NewSubscription(input.getUrl(), types, input.getDescription());
    }

    static ma.bawaba.contract.model.WebhookSubscription subscription(WebhookSubscription subscription, Instant now) {
        return new ma.bawaba.contract.model.WebhookSubscription()
                .id(subscription.id)
                .url(subscription.url)
                .eventTypes(eventTypes(subscription))
                .description(subscription.description)
                .institutionId(subscription.institutionId)
                .officeId(subscription.officeId)
                .status(subscription.enabled ? WebhookSubscriptionStatus.ENABLED : WebhookSubscriptionStatus.DISABLED)
                .consecutiveFailures(subscription.consecutiveFailures)
                .disabledAt(time(subscription.disabledAt))
                .previousSecretExpiresAt(time(subscription.overlapEnd(now)))
                .createdAt(time(subscription.createdAt));
    }

    static CreatedWebhookSubscription created(WebhookSubscriptions.WithSecret created, Instant now) {
        WebhookSubscription subscription = created.subscription();
        return new CreatedWebhookSubscription()
                .id(subscription.id)
                .url(subscription.url)
                .eventTypes(eventTypes(subscription))
                .description(subscription.description)
                .institutionId(subscription.institutionId)
                .officeId(subscription.officeId)
                .status(WebhookSubscriptionStatus.ENABLED)
                .consecutiveFailures(subscription.consecutiveFailures)
                .createdAt(time(subscription.createdAt))
                .secret(created.secret());
    }

    /** What an idempotent replay of a creation answers: the same subscription, never its secret a second time. */
    static Object withoutSecret(Object stored) {
        CreatedWebhookSubscription created = (CreatedWebhookSubscription) stored;
        return new CreatedWebhookSubscription()
                .id(created.getId())
                .url(created.getUrl())
                .eventTypes(created.getEventTypes())
                .description(created.getDescription())
                .institutionId(created.getInstitutionId())
                .officeId(created.getOfficeId())
                .status(created.getStatus())
                .consecutiveFailures(created.getConsecutiveFailures())
                .createdAt(created.getCreatedAt());
    }

    static RotatedWebhookSecret rotated(WebhookSubscriptions.WithSecret rotated, Instant now) {
        return new RotatedWebhookSecret().secret(rotated.secret())
                .previousSecretExpiresAt(time(rotated.subscription().overlapEnd(now)));
    }

    static WebhookDelivery delivery(WebhookSubscriptions.Delivery delivery, ObjectReader payloads) {
        OutboxMessage message = delivery.message();
        return new WebhookDelivery()
                .id(message.id)
                .webhookId(message.messageId)
                .eventType(CaseEventType.fromValue(message.eventType))
                .status(WebhookDeliveryStatus.fromValue(message.status.name()))
                .attempts(delivery.attempts().stream().map(WebhookMapper::attempt).toList())
                .nextAttemptAt(message.status == OutboxMessage.Status.PENDING ? time(message.nextAttemptAt) : null)
                .deliveredAt(time(message.deliveredAt))
                .createdAt(time(message.createdAt))
                .payload(payload(message, payloads));
    }

    private static WebhookAttempt attempt(OutboxAttempt attempt) {
        return new WebhookAttempt()
                .attemptedAt(time(attempt.attemptedAt))
                .succeeded(attempt.succeeded)
                .statusCode(attempt.statusCode)
                .error(attempt.error)
                .durationMillis(attempt.durationMillis);
    }

    private static WebhookPayload payload(OutboxMessage message, ObjectReader payloads) {
        try {
            return payloads.readValue(message.payload);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("Delivery " + message.id + " holds a body the contract does not describe", unreadable);
        }
    }

    private static List<CaseEventType> eventTypes(WebhookSubscription subscription) {
        return subscription.eventTypeList().stream().map(CaseEventType::fromValue).toList();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atZone(TimeSource.MOROCCO).toOffsetDateTime();
    }
}
