package ma.bawaba.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import ma.bawaba.contract.api.WebhooksApi;
import ma.bawaba.contract.model.WebhookDeliveryPage;
import ma.bawaba.contract.model.WebhookDeliveryStatus;
import ma.bawaba.contract.model.WebhookPayload;
import ma.bawaba.contract.model.WebhookSubscriptionInput;
import ma.bawaba.contract.model.WebhookSubscriptionPage;
import ma.bawaba.platform.outbox.OutboxMessage;
import ma.bawaba.platform.security.Access;
import ma.bawaba.platform.security.Caller;
import ma.bawaba.platform.web.Page;
import ma.bawaba.platform.web.Paging;
import ma.bawaba.platform.web.idempotency.Idempotency;

/** /webhooks: a body's subscriptions, their secrets (shown once), their delivery log and replays. */
public class WebhookResource implements WebhooksApi {

    private final Access access;
    private final WebhookSubscriptions subscriptions;
    private final Idempotency idempotency;
    private final Paging paging;
    private final ObjectReader payloads;

    WebhookResource(Access access, WebhookSubscriptions subscriptions, Idempotency idempotency, Paging paging,
                    ObjectMapper mapper) {
        this.access = access;
        this.subscriptions = subscriptions;
        this.idempotency = idempotency;
        this.paging = paging;
        this.payloads = mapper.readerFor(WebhookPayload.class);
    }

    private Caller manager() {
        return access.require(WebhookTenant.MANAGERS);
    }

    @Override
    public Response listWebhookSubscriptions(String acceptLanguage, Integer limit, String cursor) {
        Caller caller = manager();
        Page.Request page = paging.request(limit, cursor);
        var result = Page.of(subscriptions.list(caller, page), page, subscription -> subscription.id.toString(),
                subscription -> WebhookMapper.subscription(subscription, subscriptions.now()));
        return Response.ok(new WebhookSubscriptionPage().items(result.items()).nextCursor(result.nextCursor())).build();
    }

    @Override
    public Response createWebhookSubscription(WebhookSubscriptionInput input, String acceptLanguage, String idempotencyKey) {
        Caller caller = manager();
        return idempotency.create(caller, "POST /webhooks", idempotencyKey, input, () -> {
            WebhookSubscriptions.WithSecret created = subscriptions.subscribe(caller, WebhookMapper.newSubscription(input));
            return Response.created(URI.create("webhooks/" + created.subscription().id))
                    .entity(WebhookMapper.created(created, subscriptions.now()))
                    .build();
        }, WebhookMapper::withoutSecret);
    }

    @Override
    public Response getWebhookSubscription(Long id, String acceptLanguage) {
        Caller caller = manager();
        return Response.ok(WebhookMapper.subscription(subscriptions.get(caller, id), subscriptions.now())).build();
    }

    @Override
    public Response deleteWebhookSubscription(Long id, String acceptLanguage) {
        subscriptions.delete(manager(), id);
        return Response.noContent().build();
    }

    @Override
    public Response rotateWebhookSecret(Long id, String acceptLanguage) {
        Caller caller = manager();
        return Response.ok(WebhookMapper.rotated(subscriptions.rotate(caller, id), subscriptions.now())).build();
    }

    @Override
    public Response enableWebhookSubscription(Long id, String acceptLanguage) {
        Caller caller = manager();
        return Response.ok(WebhookMapper.subscription(subscriptions.enable(caller, id), subscriptions.now())).build();
    }

    @Override
    public Response listWebhookDeliveries(Long id, String acceptLanguage, WebhookDeliveryStatus status, Integer limit,
                                          String cursor) {
        Caller caller = manager();
        Page.Request page = paging.request(limit, cursor);
        OutboxMessage.Status wanted = status == null ? null : OutboxMessage.Status.valueOf(status.toString());
        var result = Page.of(subscriptions.deliveries(caller, id, wanted, page), page,
                delivery -> delivery.message().id.toString(), delivery -> WebhookMapper.delivery(delivery, payloads));
        return Response.ok(new WebhookDeliveryPage().items(result.items()).nextCursor(result.nextCursor())).build();
    }

    @Override
    public Response replayWebhookDelivery(Long id, Long deliveryId, String acceptLanguage) {
        Caller caller = manager();
        return Response.accepted(WebhookMapper.delivery(subscriptions.replay(caller, id, deliveryId), payloads)).build();
    }
}
