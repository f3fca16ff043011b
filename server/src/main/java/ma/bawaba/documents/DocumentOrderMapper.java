package ma.bawaba.documents;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import ma.bawaba.cases.CaseFile;
import ma.bawaba.cases.web.RequesterMapper;
import ma.bawaba.contract.model.BirthAct;
import ma.bawaba.contract.model.DeliveryAddress;
import ma.bawaba.contract.model.DeliveryDestination;
import ma.bawaba.contract.model.DocumentOrderInput;
import ma.bawaba.contract.model.DocumentOrderStatus;
import ma.bawaba.contract.model.DocumentOrderSummary;
import ma.bawaba.contract.model.DocumentOrderTransition;
import ma.bawaba.contract.model.ExportedPayment;
import ma.bawaba.contract.model.FeeBreakdown;
import ma.bawaba.contract.model.OrderPayment;
import ma.bawaba.contract.model.PaymentAcknowledgement;
import ma.bawaba.contract.model.PaymentNotification;
import ma.bawaba.contract.model.PaymentOutcome;
import ma.bawaba.contract.model.PaymentStatus;
import ma.bawaba.contract.model.Refund;
import ma.bawaba.contract.model.RegistrationCalendar;
import ma.bawaba.contract.model.RequesterRelation;
import ma.bawaba.platform.Money;
import ma.bawaba.platform.TimeSource;

/** Document orders as the API shows them: whole to the holder and the office, the envelope to the post. */
final class DocumentOrderMapper {

    private DocumentOrderMapper() {
    }

    static DocumentOrders.Filing filing(DocumentOrderInput input) {
        BirthAct act = input.getBirthAct();
        DeliveryAddress delivery = input.getDelivery();
        return new DocumentOrders.Filing(input.getOfficeId(), input.getDocumentTypeId(), input.getCopies(),
                new DocumentOrders.BirthAct(act.getActNumber(), act.getRegistrationYear(), act.getRegistrationCalendar().name(),
                        act.getFirstNameArabic(), act.getLastNameArabic(), act.getFirstNameLatin(), act.getLastNameLatin(),
                        act.getDateOfBirth(), act.getFatherName(), act.getMotherName()),
                RequesterMapper.fromApi(input.getRequester()), input.getRelation().name(),
                new DocumentOrders.Delivery(delivery.getDestination().name(), delivery.getAddressee(), delivery.getStreet(),
                        delivery.getCity(), delivery.getPostalCode(), delivery.getCountryCode()));
    }

    static DocumentOrders.StaffMove move(DocumentOrderTransition transition) {
        return new DocumentOrders.StaffMove(DocumentOrderLifecycle.Status.valueOf(transition.getTo().name()),
                transition.getReason(), transition.getTrackingNumber());
    }

    static DocumentOrders.PaymentNotice notice(PaymentNotification notification) {
        return new DocumentOrders.PaymentNotice(notification.getTransactionId(), notification.getPaymentReference(),
                notification.getOutcome().name(), money(notification.getAmount()));
    }

    static PaymentAcknowledgement acknowledgement(DocumentOrders.Acknowledgement acknowledgement) {
        return new PaymentAcknowledgement()
                .orderNumber(acknowledgement.orderNumber())
                .status(DocumentOrderStatus.fromValue(acknowledgement.status().name()))
                .duplicate(acknowledgement.duplicate());
    }

    static ma.bawaba.contract.model.DocumentOrder toApi(DocumentOrderView view, Clock clock) {
        CaseFile file = view.file();
        DocumentOrder order = view.order();
        var api = new ma.bawaba.contract.model.DocumentOrder()
                .number(file.number)
                .status(DocumentOrderStatus.fromValue(file.status))
                .officeId(file.officeId)
                .documentTypeId(order.documentTypeId)
                .copies(order.copies)
                .delivery(new DeliveryAddress()
                        .destination(DeliveryDestination.fromValue(order.destination))
                        .addressee(order.addressee)
                        .street(order.street)
                        .city(order.city)
                        .postalCode(order.postalCode)
                        .countryCode(order.countryCode))
                .trackingNumber(order.trackingNumber)
                .returnReason(order.returnReason)
                .submittedAt(time(file.submittedAt))
                .updatedAt(time(file.updatedAt))
                .dueDate(file.dueDate)
                .overdue(file.isOverdue(TimeSource.today(clock)))
                .version(file.version)
                .anonymisedAt(file.anonymisedAt == null ? null : time(file.anonymisedAt));
        if (view.envelopeOnly()) {
            return api;
        }
        return api
                .birthAct(new BirthAct()
                        .actNumber(order.actNumber)
                        .registrationYear(order.registrationYear)
                        .registrationCalendar(RegistrationCalendar.fromValue(order.registrationCalendar))
                        .firstNameArabic(order.firstNameArabic)
                        .lastNameArabic(order.lastNameArabic)
                        .firstNameLatin(order.firstNameLatin)
                        .lastNameLatin(order.lastNameLatin)
                        .dateOfBirth(order.dateOfBirth)
                        .fatherName(order.fatherName)
                        .motherName(order.motherName))
                .requester(RequesterMapper.toApi(order.requester.withEmail(file.requesterEmail)))
                .relation(RequesterRelation.fromValue(order.relation))
                .fee(new FeeBreakdown()
                        .pricePerCopy(api(Money.ofMinor(order.priceMinor, order.currency)))
                        .copies(order.copies)
                        .documents(api(Money.ofMinor(order.priceMinor * order.copies, order.currency)))
                        .postage(api(Money.ofMinor(order.postageMinor, order.currency)))
                        .total(api(Money.ofMinor(order.totalMinor, order.currency))))
                .payment(payment(file, order))
                .rejectionReason(order.rejectionReason);
    }

    private static OrderPayment payment(CaseFile file, DocumentOrder order) {
        boolean due = DocumentOrderLifecycle.Status.PENDING_PAYMENT.name().equals(file.status);
        return new OrderPayment()
                .reference(order.paymentReference)
                .status(due ? PaymentStatus.DUE
                        : order.refundConfirmedAt != null ? PaymentStatus.REFUNDED
                        : order.refundMinor != null ? PaymentStatus.REFUND_DUE
                        : order.paidAt != null ? PaymentStatus.PAID
                        : PaymentStatus.NOT_DUE)
                .payBefore(due ? time(order.payBefore) : null)
                .paidAt(order.paidAt == null ? null : time(order.paidAt))
                .refund(order.refundMinor == null ? null : new Refund()
                        .amount(api(Money.ofMinor(order.refundMinor, order.currency)))
                        .reference(order.refundReference)
                        .dueSince(time(order.refundDueSince))
                        .confirmedAt(order.refundConfirmedAt == null ? null : time(order.refundConfirmedAt)));
    }

    static DocumentOrderSummary summary(DocumentOrders.InboxRow row, Clock clock) {
        return new DocumentOrderSummary()
                .number(row.number())
                .status(DocumentOrderStatus.fromValue(row.status()))
                .officeId(row.officeId())
                .documentTypeId(row.documentTypeId())
                .copies(row.copies())
                .destination(DeliveryDestination.fromValue(row.destination()))
                .submittedAt(time(row.submittedAt()))
                .updatedAt(time(row.updatedAt()))
                .dueDate(row.dueDate())
                .overdue(!row.closed() && row.dueDate() != null && row.dueDate().isBefore(TimeSource.today(clock)));
    }

    /** A notification of the payment provider, as the order's export lists it. */
    static ExportedPayment payment(PaymentNotificationRecord notification) {
        return new ExportedPayment()
                .transactionId(notification.transactionId)
                .outcome(PaymentOutcome.fromValue(notification.outcome))
                .amount(api(Money.ofMinor(notification.amountMinor, notification.currency)))
                .receivedAt(time(notification.receivedAt));
    }

    static Money money(ma.bawaba.contract.model.Money money) {
        return new Money(money.getAmount(), money.getCurrency());
    }

    static ma.bawaba.contract.model.Money api(Money money) {
        return new ma.bawaba.contract.model.Money().amount(money.amount()).currency(money.currency());
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atZone(TimeSource.MOROCCO).toOffsetDateTime();
    }
}
