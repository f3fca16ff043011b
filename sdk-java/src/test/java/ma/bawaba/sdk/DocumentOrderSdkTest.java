package ma.bawaba.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import ma.bawaba.sdk.api.AdminApi;
import ma.bawaba.sdk.api.DocumentOrdersApi;
import ma.bawaba.sdk.api.PaymentsApi;
import ma.bawaba.sdk.client.ApiException;
import ma.bawaba.sdk.model.ApiKeyInput;
import ma.bawaba.sdk.model.BirthAct;
import ma.bawaba.sdk.model.CaseEventType;
import ma.bawaba.sdk.model.CivilStatusOfficeInput;
import ma.bawaba.sdk.model.DeliveryAddress;
import ma.bawaba.sdk.model.DeliveryDestination;
import ma.bawaba.sdk.model.DocumentOrder;
import ma.bawaba.sdk.model.DocumentOrderInput;
import ma.bawaba.sdk.model.DocumentOrderReceipt;
import ma.bawaba.sdk.model.DocumentOrderStatus;
import ma.bawaba.sdk.model.DocumentOrderSummary;
import ma.bawaba.sdk.model.DocumentOrderTransition;
import ma.bawaba.sdk.model.DocumentOrderTransitionTarget;
import ma.bawaba.sdk.model.FeeBreakdown;
import ma.bawaba.sdk.model.IdDocumentType;
import ma.bawaba.sdk.model.LocalizedText;
import ma.bawaba.sdk.model.Money;
import ma.bawaba.sdk.model.OfficeKind;
import ma.bawaba.sdk.model.PaymentOutcome;
import ma.bawaba.sdk.model.PaymentStatus;
import ma.bawaba.sdk.model.Problem;
import ma.bawaba.sdk.model.ProblemCode;
import ma.bawaba.sdk.model.RegistrationCalendar;
import ma.bawaba.sdk.model.Requester;
import ma.bawaba.sdk.model.RequesterRelation;
import ma.bawaba.sdk.model.Role;
import ma.bawaba.sdk.model.SandboxPayment;
import ma.bawaba.sdk.model.SandboxPaymentResult;
import ma.bawaba.sdk.model.TimelineEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A citizen's order of a birth-certificate extract (watiqa) through the Java SDK over HTTP: the fee the server
 * computes, the payment through the sandbox provider, the office's work, the post's delivery, and what each one sees.
 */
class DocumentOrderSdkTest {

    /** Extract of a birth certificate: 20.00 MAD a copy, 15.00 MAD postage within Morocco. */
    private static final long BIRTH_CERTIFICATE_EXTRACT = 1L;

    private static RunningServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = RunningServer.shared();
    }

    /** A civil-status office of the test's own, so that its clerk's list holds only this test's orders. */
    private static long office() throws ApiException {
        String code = "BEC_SDK_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        return admin().createCivilStatusOffice(new CivilStatusOfficeInput().code(code).kind(OfficeKind.COMMUNAL)
                        .names(new LocalizedText().ar("مكتب الحالة المدنية أكدال").fr("Bureau d'état civil " + code))
                        .communeId(1001L).countryCode("MA").city("Rabat"),
                "fr", UUID.randomUUID().toString()).getId();
    }

    private static String key(ApiKeyInput key) throws ApiException {
        return admin().createApiKey(key, "fr", UUID.randomUUID().toString()).getSecret();
    }

    private static AdminApi admin() {
        return new AdminApi(Bawaba.withApiKey(server.baseUri(), RunningServer.ADMIN_KEY));
    }

    private static DocumentOrderReceipt order(long officeId) throws ApiException {
        return new DocumentOrdersApi(Bawaba.anonymous(server.baseUri())).submitDocumentOrder(new DocumentOrderInput()
                        .officeId(officeId).documentTypeId(BIRTH_CERTIFICATE_EXTRACT).copies(2)
                        .birthAct(new BirthAct().actNumber("1234").registrationYear(1995)
                                .registrationCalendar(RegistrationCalendar.GREGORIAN)
                                .firstNameArabic("أمينة").lastNameArabic("بنعلي").firstNameLatin("Amina").lastNameLatin("Benali")
                                .dateOfBirth(LocalDate.of(1995, 3, 14))
                                .fatherName("Mohammed Benali").motherName("Fatima Alaoui"))
                        .requester(new Requester().firstName("Amina").lastName("Benali").idDocumentType(IdDocumentType.CIN)
                                .idDocumentNumber("BE123456").email("amina.benali@example.ma"))
                        .relation(RequesterRelation.SELF)
                        .delivery(new DeliveryAddress().destination(DeliveryDestination.MOROCCO).addressee("Amina Benali")
                                .street("12 rue Oued Sebou, Agdal").city("Rabat").postalCode("10090")),
                "fr", UUID.randomUUID().toString());
    }

    private static SandboxPaymentResult pay(String paymentReference) throws ApiException {
        return new PaymentsApi(Bawaba.anonymous(server.baseUri()))
                .simulatePayment(new SandboxPayment().paymentReference(paymentReference).outcome(PaymentOutcome.SUCCEEDED), "fr");
    }

    @Test
    void aCitizenOrdersTwoCopiesPaysAndReceivesThemByPost() throws Exception {
        long officeId = office();
        String clerkKey = key(new ApiKeyInput().name("Guichet Agdal").role(Role.OFFICE_CLERK).officeId(officeId));
        String postKey = key(new ApiKeyInput().name("Barid Al-Maghrib").role(Role.POSTAL_OPERATOR));

        DocumentOrderReceipt receipt = order(officeId);
        DocumentOrder ordered = receipt.getOrder();
        String number = ordered.getNumber();
        assertEquals(DocumentOrderStatus.PENDING_PAYMENT, ordered.getStatus());
        FeeBreakdown fee = ordered.getFee();
        assertEquals(new Money().amount("20.00").currency("MAD"), fee.getPricePerCopy());
        assertEquals(2, fee.getCopies());
        assertEquals(new Money().amount("40.00").currency("MAD"), fee.getDocuments());
        assertEquals(new Money().amount("15.00").currency("MAD"), fee.getPostage());
        assertEquals(new Money().amount("55.00").currency("MAD"), fee.getTotal());
        assertEquals(PaymentStatus.DUE, ordered.getPayment().getStatus());
        assertNotNull(ordered.getPayment().getPayBefore());
        // The reference the citizen gives the payment provider is the order's number under another prefix.
        String paymentReference = ordered.getPayment().getReference();
        assertEquals("PAY-" + number.substring(3), paymentReference);

        SandboxPaymentResult payment = pay(paymentReference);
        assertEquals(number, payment.getAcknowledgement().getOrderNumber());
        assertEquals(DocumentOrderStatus.AT_OFFICE, payment.getAcknowledgement().getStatus());
        assertFalse(payment.getAcknowledgement().getDuplicate());

        DocumentOrdersApi clerk = new DocumentOrdersApi(Bawaba.withApiKey(server.baseUri(), clerkKey));
        List<DocumentOrderSummary> atOffice = Bawaba.all(cursor -> {
            var page = clerk.listDocumentOrders("fr", DocumentOrderStatus.AT_OFFICE, null, null, null, 100, cursor);
            return new Bawaba.Page<>(page.getItems(), page.getNextCursor());
        }, 10_000);
        assertEquals(List.of(number), atOffice.stream().map(DocumentOrderSummary::getNumber).toList());
        DocumentOrder toPrepare = clerk.getDocumentOrder(number, "fr");
        assertEquals("Benali", toPrepare.getBirthAct().getLastNameLatin());
        DocumentOrder ready = clerk.transitionDocumentOrder(number,
                new DocumentOrderTransition().to(DocumentOrderTransitionTarget.READY), "fr", Bawaba.ifMatch(toPrepare.getVersion()));
        assertEquals(DocumentOrderStatus.READY, ready.getStatus());

        // The post sees the envelope, not what is inside it nor what it cost.
        DocumentOrdersApi post = new DocumentOrdersApi(Bawaba.withApiKey(server.baseUri(), postKey));
        DocumentOrder envelope = post.getDocumentOrder(number, "fr");
        assertEquals("Amina Benali", envelope.getDelivery().getAddressee());
        assertEquals("10090", envelope.getDelivery().getPostalCode());
        assertNull(envelope.getBirthAct());
        assertNull(envelope.getRequester());
        assertNull(envelope.getFee());
        assertNull(envelope.getPayment());
        DocumentOrder shipped = post.transitionDocumentOrder(number, new DocumentOrderTransition()
                .to(DocumentOrderTransitionTarget.SHIPPED).trackingNumber("RR123456789MA"), "fr", Bawaba.ifMatch(envelope.getVersion()));
        assertEquals(DocumentOrderStatus.SHIPPED, shipped.getStatus());
        DocumentOrder delivered = post.transitionDocumentOrder(number,
                new DocumentOrderTransition().to(DocumentOrderTransitionTarget.DELIVERED), "fr", Bawaba.ifMatch(shipped.getVersion()));
        assertEquals(DocumentOrderStatus.DELIVERED, delivered.getStatus());

        DocumentOrdersApi citizen = new DocumentOrdersApi(Bawaba.withCaseToken(server.baseUri(), receipt.getCaseToken()));
        DocumentOrder followed = citizen.getDocumentOrder(number, "fr");
        assertEquals(DocumentOrderStatus.DELIVERED, followed.getStatus());
        assertEquals("RR123456789MA", followed.getTrackingNumber());
        assertEquals(PaymentStatus.PAID, followed.getPayment().getStatus());
        List<TimelineEntry> timeline = citizen.getDocumentOrderTimeline(number, "fr", 100, null).getItems();
        assertEquals(List.of(CaseEventType.SUBMITTED, CaseEventType.PAID, CaseEventType.AT_OFFICE, CaseEventType.READY,
                CaseEventType.SHIPPED, CaseEventType.DELIVERED), timeline.stream().map(TimelineEntry::getType).toList());
    }

    @Test
    void aPaidOrderCanNoLongerBeCancelled() throws Exception {
        DocumentOrderReceipt receipt = order(office());
        String number = receipt.getOrder().getNumber();
        pay(receipt.getOrder().getPayment().getReference());

        DocumentOrdersApi citizen = new DocumentOrdersApi(Bawaba.withCaseToken(server.baseUri(), receipt.getCaseToken()));
        DocumentOrder paid = citizen.getDocumentOrder(number, "fr");
        ApiException tooLate = assertThrows(ApiException.class,
                () -> citizen.cancelDocumentOrder(number, "fr", Bawaba.ifMatch(paid.getVersion())));
        assertEquals(409, tooLate.getCode());
        assertTrue(Bawaba.hasCode(tooLate, ProblemCode.TRANSITION_NOT_ALLOWED));
        Problem problem = Bawaba.problem(tooLate).orElseThrow();
        assertEquals("AT_OFFICE", problem.getCurrentStatus());
        assertEquals(DocumentOrderStatus.AT_OFFICE, citizen.getDocumentOrder(number, "fr").getStatus());
    }
}
