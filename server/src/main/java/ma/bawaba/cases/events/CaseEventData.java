package ma.bawaba.cases.events;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import java.time.LocalDate;
import ma.bawaba.platform.Money;

/**
 * The catalogue of case events: one record per event type, named by its {@link JsonTypeName} and nothing else. A
 * record is what {@code case_event.data} holds (serialized by the application's Jackson mapper, with its type in a
 * {@code type} property) and what the timeline, the change feed, e-mail and webhooks publish, as the contract's
 * {@code CaseEventData} describes it; {@code CaseEventCatalogueTest} keeps the two equal.
 *
 * <p>Law 09-08: a payload carries identifiers, dates, counts and codes only — never a name, an e-mail address, an
 * identity document or a free text (reasons, answers and messages stay in their own rows, which anonymisation
 * clears). Who acted is recorded beside the payload, not in it.
 *
 * <p>Events named after a status are those of moving to it; several services may emit the same type, which then
 * means the same thing in each (a field that only one service fills is optional).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonTypeIdResolver(CaseEventTypes.class)
public sealed interface CaseEventData {

    /** The event type this payload is recorded under. */
    default String type() {
        return CaseEventTypes.nameOf(getClass());
    }

    /** A case was filed: its kind (complaint kind, request type) and the date by which it is owed, if any. */
    @JsonTypeName("SUBMITTED")
    record Submitted(String kind, LocalDate dueDate) implements CaseEventData {
    }

    /** The assigned body took the case in hand. */
    @JsonTypeName("ACKNOWLEDGED")
    record Acknowledged() implements CaseEventData {
    }

    /** The case moved to the competent body, whose clock starts again. */
    @JsonTypeName("TRANSFERRED")
    record Transferred(long fromInstitutionId, long toInstitutionId, LocalDate dueDate) implements CaseEventData {
    }

    /**
     * The body answered: a complaint's answer by its sequence number (1 for the first, more after reopenings); an
     * information request's answer by the message that carries it.
     */
    @JsonTypeName("ANSWERED")
    record Answered(Integer answerSequence, Long messageId) implements CaseEventData {
    }

    /** Law 31-13: part of the information was given, in this message; the rest may be appealed. */
    @JsonTypeName("PARTIALLY_ANSWERED")
    record PartiallyAnswered(long messageId) implements CaseEventData {
    }

    /**
     * A complaint out of scope (a matter before a court), or a document order its office could not serve, with the
     * refund due when it was paid; the reason is in the case, not here.
     */
    @JsonTypeName("REJECTED")
    record Rejected(Money refundDue) implements CaseEventData {
    }

    /** The holder rated an answer; the optional comment is personal content and stays with the answer. */
    @JsonTypeName("RATED")
    record Rated(int answerSequence, boolean satisfied, int score) implements CaseEventData {
    }

    /** The holder reopened an answered complaint (the how-manieth time), owed again by the due date. */
    @JsonTypeName("REOPENED")
    record Reopened(int reopenCount, LocalDate dueDate) implements CaseEventData {
    }

    /** The case is closed; after a satisfied rating, the answer that was rated. */
    @JsonTypeName("CLOSED")
    record Closed(Integer answerSequence) implements CaseEventData {
    }

    /** Law 31-13 art. 16: the one extension, by as many working days as the first period; the new due date. */
    @JsonTypeName("EXTENDED")
    record Extended(int extensionWorkingDays, LocalDate dueDate) implements CaseEventData {
    }

    /** Law 31-13 art. 7 and 18: refused on a ground of the legal list (the justification stays in the request). */
    @JsonTypeName("REFUSED")
    record Refused(long refusalGroundId) implements CaseEventData {
    }

    /** The requester withdrew the request. */
    @JsonTypeName("WITHDRAWN")
    record Withdrawn() implements CaseEventData {
    }

    /** Law 31-13 art. 18: an internal complaint to the head of the body, who decides by that date. */
    @JsonTypeName("INTERNAL_APPEAL")
    record InternalAppealFiled(LocalDate decideBy) implements CaseEventData {
    }

    /** Law 31-13 art. 19: the requester escalated to the commission (the CDAI), which now reviews the case. */
    @JsonTypeName("ESCALATED")
    record Escalated(long commissionInstitutionId) implements CaseEventData {
    }

    /** The head upheld the internal complaint: the body's clock starts again, owed by the due date. */
    @JsonTypeName("APPEAL_UPHELD")
    record AppealUpheld(LocalDate dueDate) implements CaseEventData {
    }

    /** The head rejected the internal complaint. */
    @JsonTypeName("APPEAL_REJECTED")
    record AppealRejected() implements CaseEventData {
    }

    /** The CDAI upheld the appeal: the body's clock starts again, owed by the due date. */
    @JsonTypeName("CDAI_UPHELD")
    record CdaiUpheld(LocalDate dueDate) implements CaseEventData {
    }

    /** The CDAI rejected the appeal. */
    @JsonTypeName("CDAI_REJECTED")
    record CdaiRejected() implements CaseEventData {
    }

    /** A message joined the conversation (its text is read from the messages, by those who may). */
    @JsonTypeName("MESSAGE_SENT")
    record MessageSent(long messageId) implements CaseEventData {
    }

    /** A document became part of the case: the holder's at upload, the body's when a message or an answer sends it. */
    @JsonTypeName("ATTACHMENT_ADDED")
    record AttachmentAdded(long attachmentId) implements CaseEventData {
    }

    /** The due date moved without a status change, because the holiday calendar changed (Law 31-13 working days). */
    @JsonTypeName("DUE_DATE_CHANGED")
    record DueDateChanged(LocalDate previousDueDate, LocalDate dueDate) implements CaseEventData {
    }

    /** The payment provider confirmed the payment of a document order's fee. */
    @JsonTypeName("PAID")
    record Paid(Money amount) implements CaseEventData {
    }

    /** The payment provider reported a failed payment; the order is still payable. */
    @JsonTypeName("PAYMENT_FAILED")
    record PaymentFailed() implements CaseEventData {
    }

    /** A paid order reached its office, which owes the documents to the post by this day. */
    @JsonTypeName("AT_OFFICE")
    record AtOffice(LocalDate dueDate) implements CaseEventData {
    }

    /** The office prepared the documents and handed them to the post. */
    @JsonTypeName("READY")
    record Ready() implements CaseEventData {
    }

    /** The post took the envelope on, with this tracking number. */
    @JsonTypeName("SHIPPED")
    record Shipped(String trackingNumber) implements CaseEventData {
    }

    /** The post delivered the documents. */
    @JsonTypeName("DELIVERED")
    record Delivered() implements CaseEventData {
    }

    /** A delivery failed; the post brought the envelope back to the office (the reason is in the order). */
    @JsonTypeName("RETURNED")
    record Returned() implements CaseEventData {
    }

    /** The holder cancelled an order before paying it. */
    @JsonTypeName("CANCELLED")
    record Cancelled() implements CaseEventData {
    }

    /** An order was not paid in time. */
    @JsonTypeName("EXPIRED")
    record Expired() implements CaseEventData {
    }

    /** The payment provider confirmed the refund owed after a rejection. */
    @JsonTypeName("REFUND_CONFIRMED")
    record RefundConfirmed(Money amount) implements CaseEventData {
    }

    /** Law 09-08: the retention period after closing ended, and the case's personal data were erased. */
    @JsonTypeName("ANONYMISED")
    record Anonymised() implements CaseEventData {
    }
}
