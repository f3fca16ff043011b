package ma.bawaba.documents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import ma.bawaba.contract.api.PaymentsApi;
import ma.bawaba.contract.model.PaymentNotification;
import ma.bawaba.contract.model.PaymentOutcome;
import ma.bawaba.contract.model.SandboxPayment;
import ma.bawaba.contract.model.SandboxPaymentResult;
import ma.bawaba.platform.BawabaConfig;
import ma.bawaba.platform.Money;
import ma.bawaba.platform.web.RawBody;

/**
 * /payments/callback, the payment provider's signed notifications, and /sandbox/payments, the provider that ships
 * with the project for demo mode and tests: it signs a notification as a provider would and puts it through the same
 * signature check as the callback, so that the whole flow runs locally.
 */
@RawBody.Kept
public class PaymentResource implements PaymentsApi {

    static final String SIGNATURE_HEADER = "Bawaba-Payment-Signature";

    private final DocumentOrders orders;
    private final PaymentSignatures signatures;
    private final RawBody rawBody;
    private final HttpServerRequest request;
    private final ObjectMapper json;
    private final BawabaConfig config;
    private final Clock clock;

    PaymentResource(DocumentOrders orders, PaymentSignatures signatures, RawBody rawBody, HttpServerRequest request,
                    ObjectMapper json, BawabaConfig config, Clock clock) {
        this.orders = orders;
        this.signatures = signatures;
        this.rawBody = rawBody;
        this.request = request;
        this.json = json;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public Response receivePaymentCallback(String timestamp, PaymentNotification notification) {
        return Response.ok(receive(timestamp, rawBody.bytes(), request.getHeader(SIGNATURE_HEADER), notification)).build();
    }

    @Override
    public Response simulatePayment(SandboxPayment payment, String acceptLanguage) {
        if (!config.payments().sandbox()) {
            // Demo mode and tests only: elsewhere the route does not exist.
            throw new jakarta.ws.rs.NotFoundException();
        }
        Money owed = orders.owed(payment.getPaymentReference(),
                payment.getOutcome() == PaymentOutcome.REFUNDED);
        PaymentNotification notification = new PaymentNotification()
                .transactionId("sbx_" + UUID.randomUUID())
                .paymentReference(payment.getPaymentReference())
                .outcome(payment.getOutcome())
                .amount(payment.getAmount() != null ? payment.getAmount() : DocumentOrderMapper.api(owed));
        byte[] body = serialize(notification);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String signature = signatures.sign(timestamp, body);
        return Response.ok(new SandboxPaymentResult()
                .acknowledgement(receive(timestamp, body, signature, notification))
                .timestamp(timestamp)
                .signature(signature)
                .body(new String(body, StandardCharsets.UTF_8))).build();
    }

    /** The callback's one path: the signature over the raw body first, then the notification. */
    private ma.bawaba.contract.model.PaymentAcknowledgement receive(String timestamp, byte[] body, String signature,
                                                                   PaymentNotification notification) {
        signatures.verify(timestamp, body, signature);
        return DocumentOrderMapper.acknowledgement(orders.notify(DocumentOrderMapper.notice(notification)));
    }

    private byte[] serialize(PaymentNotification notification) {
        try {
            return json.writeValueAsBytes(notification);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
