package ma.bawaba.documents;

import static ma.bawaba.documents.DocumentOrderLifecycle.Actor.HOLDER;
import static ma.bawaba.documents.DocumentOrderLifecycle.Actor.OFFICE;
import static ma.bawaba.documents.DocumentOrderLifecycle.Actor.POST;
import static ma.bawaba.documents.DocumentOrderLifecycle.Actor.SYSTEM;
import static ma.bawaba.documents.DocumentOrderLifecycle.Status.AT_OFFICE;
import static ma.bawaba.documents.DocumentOrderLifecycle.Status.CANCELLED;
import static ma.bawaba.documents.DocumentOrderLifecycle.Status.DELIVERED;
import static ma.bawaba.documents.DocumentOrderLifecycle.Status.EXPIRED;
import static ma.bawaba.documents.DocumentOrderLifecycle.Status.PAID;
import static ma.bawaba.documents.DocumentOrderLifecycle.Status.PENDING_PAYMENT;
import static ma.bawaba.documents.DocumentOrderLifecycle.Status.READY;
import static ma.bawaba.documents.DocumentOrderLifecycle.Status.REJECTED;
import static ma.bawaba.documents.DocumentOrderLifecycle.Status.RETURNED;
import static ma.bawaba.documents.DocumentOrderLifecycle.Status.SHIPPED;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import ma.bawaba.cases.CaseFile;
import ma.bawaba.cases.Lifecycle;
import ma.bawaba.cases.Lifecycle.Guard;
import ma.bawaba.cases.Lifecycle.Row;
import ma.bawaba.cases.Lifecycle.Verdict;
import ma.bawaba.platform.TimeSource;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.problem.ProblemCode;
import ma.bawaba.platform.problem.ProblemFacts;

/**
 * The one table of what may happen to a civil-status document order (PRODUCT.md), who may make it happen, and when:
 * the payment provider's confirmation (the system), the office's work, the post's, and the holder's cancellation.
 */
public final class DocumentOrderLifecycle {

    public enum Status {
        PENDING_PAYMENT, PAID, AT_OFFICE, READY, SHIPPED, DELIVERED, RETURNED, REJECTED, CANCELLED, EXPIRED;

        /** Nothing more happens: no message, no document, no move (a refund may still be confirmed). */
        public boolean isFinal() {
            return this == DELIVERED || this == REJECTED || this == CANCELLED || this == EXPIRED;
        }

        /** The office owes the documents to the post (the due date runs). */
        public boolean awaitsOffice() {
            return this == AT_OFFICE || this == RETURNED;
        }
    }

    /**
     * Who moves an order: its holder, a clerk of its office, the postal operator, or the platform (on the payment
     * provider's signed word, or when an order expires).
     */
    public enum Actor { HOLDER, OFFICE, POST, SYSTEM }

    /** What the guards read and the commands change: the order, locked, at the moment of the command. */
    public record Subject(CaseFile file, DocumentOrder order, Instant now) {

        public Status status() {
            return Status.valueOf(file.status);
        }
    }

    private DocumentOrderLifecycle() {
    }

    static Lifecycle<Status, Actor, Subject> table() {
        return new Lifecycle<>(Status.class, Subject::status, DocumentOrderLifecycle::notInTable, List.of(
                // The provider confirmed the fee (the amount is checked with the notification); at once to the office.
                new Row<>(EnumSet.of(PENDING_PAYMENT), PAID, SYSTEM, Guard.always()),
                new Row<>(EnumSet.of(PAID), AT_OFFICE, SYSTEM, Guard.always()),
                // The holder cancels what is not paid; the platform expires it once its time to pay is over.
                new Row<>(EnumSet.of(PENDING_PAYMENT), CANCELLED, HOLDER, Guard.always()),
                new Row<>(EnumSet.of(PENDING_PAYMENT), EXPIRED, SYSTEM, DocumentOrderLifecycle::timeToPayOver),
                // The office prints and hands to the post, or rejects (act not found, data that do not match): a
                // refund is then due. An envelope the post brought back is sent again or rejected.
                new Row<>(EnumSet.of(AT_OFFICE, RETURNED), READY, OFFICE, Guard.always()),
                new Row<>(EnumSet.of(AT_OFFICE, RETURNED), REJECTED, OFFICE, Guard.always()),
                // The post ships with a tracking number, delivers, or brings back after a failed delivery.
                new Row<>(EnumSet.of(READY), SHIPPED, POST, Guard.always()),
                new Row<>(EnumSet.of(SHIPPED), DELIVERED, POST, Guard.always()),
                new Row<>(EnumSet.of(SHIPPED), RETURNED, POST, Guard.always())));
    }

    private static Verdict timeToPayOver(Subject subject) {
        Instant payBefore = subject.order().payBefore;
        return !subject.now().isBefore(payBefore) ? Verdict.allowed()
                : new Verdict.Refused(new DomainException.Conflict(ProblemCode.WINDOW_NOT_OPEN,
                        ProblemFacts.window(TimeSource.dateOf(payBefore), null), "problem.order-transition.detail",
                        new DomainException.Localized("document-order.status." + subject.status()),
                        new DomainException.Localized("document-order.status." + EXPIRED)), null);
    }

    private static DomainException.Conflict notInTable(Subject subject, Status to) {
        return new DomainException.Conflict(ProblemCode.TRANSITION_NOT_ALLOWED, ProblemFacts.currentStatus(subject.status()),
                "problem.order-transition.detail", new DomainException.Localized("document-order.status." + subject.status()),
                new DomainException.Localized("document-order.status." + to));
    }
}
