package ma.bawaba.complaints;

import static ma.bawaba.complaints.ComplaintLifecycle.Actor.HOLDER;
import static ma.bawaba.complaints.ComplaintLifecycle.Actor.INSTITUTION;
import static ma.bawaba.complaints.ComplaintLifecycle.Actor.SYSTEM;
import static ma.bawaba.complaints.ComplaintLifecycle.Kind.COMPLAINT;
import static ma.bawaba.complaints.ComplaintLifecycle.Kind.OBSERVATION;
import static ma.bawaba.complaints.ComplaintLifecycle.Kind.SUGGESTION;
import static ma.bawaba.complaints.ComplaintLifecycle.Status.ACKNOWLEDGED;
import static ma.bawaba.complaints.ComplaintLifecycle.Status.ANSWERED;
import static ma.bawaba.complaints.ComplaintLifecycle.Status.CLOSED;
import static ma.bawaba.complaints.ComplaintLifecycle.Status.RECEIVED;
import static ma.bawaba.complaints.ComplaintLifecycle.Status.REJECTED;
import static ma.bawaba.complaints.ComplaintLifecycle.Status.REOPENED;
import static ma.bawaba.complaints.ComplaintLifecycle.Status.TRANSFERRED;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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
 * The one table of what may happen to a complaint, observation or suggestion (Decree 2-17-265), who may make it
 * happen, and when. Every status change is checked against it; anything not in the table is a 409 naming the
 * current status, and a guard's refusal says which rule (reopen limit, window) stands in the way.
 */
public final class ComplaintLifecycle {

    public enum Kind { COMPLAINT, OBSERVATION, SUGGESTION }

    public enum Status {
        RECEIVED, ACKNOWLEDGED, TRANSFERRED, ANSWERED, REOPENED, REJECTED, CLOSED;

        /** Nothing more happens: no message, no document, no transition. */
        public boolean isTerminal() {
            return this == REJECTED || this == CLOSED;
        }

        /** The institution owes an answer (the due date runs; overdue is possible). */
        public boolean awaitsInstitution() {
            return this == RECEIVED || this == ACKNOWLEDGED || this == TRANSFERRED || this == REOPENED;
        }

        /** The institution holding it has not routed it yet: it owes an acknowledgement or a transfer. */
        public boolean awaitsRouting() {
            return this == RECEIVED || this == TRANSFERRED;
        }
    }

    /** Who fires a transition: staff of the assigned institution, the holder of the case token, or the platform. */
    public enum Actor { INSTITUTION, HOLDER, SYSTEM }

    /** What the guards read and the commands change: the complaint, locked, at the moment of the command. */
    public record Subject(CaseFile file, Complaint complaint, Instant now) {

        public Kind kind() {
            return Kind.valueOf(file.kind);
        }

        public Status status() {
            return Status.valueOf(file.status);
        }

        Instant answeredAt() {
            return complaint.answeredAt;
        }

        int reopenCount() {
            return complaint.reopenCount;
        }
    }

    private static final Set<Kind> NOT_ANSWERED = EnumSet.of(OBSERVATION, SUGGESTION);

    private ComplaintLifecycle() {
    }

    /**
     * The table, with the guards of the complaint rules: at most {@code maxReopenings} reopenings, each within the
     * {@link ReopenWindow} of the answer, which is also when an answer nobody reopened closes.
     */
    static Lifecycle<Status, Actor, Subject> of(int maxReopenings, ReopenWindow reopenWindow) {
        Guard<Subject> complaintsOnly = kinds(EnumSet.of(COMPLAINT));
        return new Lifecycle<>(Status.class, Subject::status, ComplaintLifecycle::notInTable, List.of(
                // The institution routes what it received (within 15 days)...
                new Row<>(EnumSet.of(RECEIVED, TRANSFERRED, REOPENED), ACKNOWLEDGED, INSTITUTION, Guard.always()),
                // ...or sends it to the competent administration, which then acts on it as if it had received it...
                new Row<>(EnumSet.of(RECEIVED, ACKNOWLEDGED, TRANSFERRED), TRANSFERRED, INSTITUTION, Guard.always()),
                // ...or rejects it as out of scope (a matter before a court), with a reason.
                new Row<>(EnumSet.of(RECEIVED, ACKNOWLEDGED, TRANSFERRED), REJECTED, INSTITUTION, Guard.always()),
                // A complaint is answered within 60 days, and again within 60 days of a reopening.
                new Row<>(EnumSet.of(RECEIVED, ACKNOWLEDGED, TRANSFERRED, REOPENED), ANSWERED, INSTITUTION, complaintsOnly),
                // Observations and suggestions are acknowledged, then closed: no answer, no rating, no reopening.
                new Row<>(EnumSet.of(ACKNOWLEDGED), CLOSED, INSTITUTION, kinds(NOT_ANSWERED)),
                // An unsatisfied holder reopens an answered complaint, within its window, a limited number of times.
                new Row<>(EnumSet.of(ANSWERED), REOPENED, HOLDER,
                        complaintsOnly.and(reopeningsLeft(maxReopenings)).and(reopenWindowOpen(reopenWindow))),
                // A satisfied rating of the answer closes the complaint at once...
                new Row<>(EnumSet.of(ANSWERED), CLOSED, HOLDER, complaintsOnly),
                // ...and an answer neither rated satisfied nor reopened closes it when its reopen window ends.
                new Row<>(EnumSet.of(ANSWERED), CLOSED, SYSTEM, complaintsOnly.and(reopenWindowOver(reopenWindow)))));
    }

    private static Guard<Subject> kinds(Set<Kind> kinds) {
        return Guard.onlyFor(subject -> kinds.contains(subject.kind()));
    }

    private static Guard<Subject> reopeningsLeft(int maxReopenings) {
        return subject -> subject.reopenCount() < maxReopenings ? Verdict.allowed()
                : new Verdict.Refused(new DomainException.Conflict(ProblemCode.REOPEN_LIMIT_REACHED,
                        ProblemFacts.limit(maxReopenings), "problem.reopen-limit.detail", maxReopenings), null);
    }

    private static Guard<Subject> reopenWindowOpen(ReopenWindow window) {
        return subject -> {
            LocalDate lastDay = window.lastDay(subject.answeredAt());
            LocalDate answeredOn = TimeSource.dateOf(subject.answeredAt());
            if (window.isOpen(subject.answeredAt(), subject.now())) {
                return new Verdict.Allowed(new Lifecycle.Window(answeredOn, lastDay));
            }
            return new Verdict.Refused(new DomainException.Conflict(ProblemCode.WINDOW_CLOSED,
                    ProblemFacts.window(answeredOn, lastDay), "problem.reopen-window-closed.detail", lastDay, window.days()), null);
        };
    }

    private static Guard<Subject> reopenWindowOver(ReopenWindow window) {
        return subject -> !window.isOpen(subject.answeredAt(), subject.now()) ? Verdict.allowed()
                : new Verdict.Refused(new DomainException.Conflict(ProblemCode.WINDOW_NOT_OPEN,
                        ProblemFacts.window(window.lastDay(subject.answeredAt()).plusDays(1), null),
                        "problem.complaint-transition.detail", new DomainException.Localized("complaint.kind." + subject.kind()),
                        new DomainException.Localized("complaint.status." + subject.status()),
                        new DomainException.Localized("complaint.status." + CLOSED)), null);
    }

    /** The 409 that names the current status when no row of the table allows the move. */
    private static DomainException.Conflict notInTable(Subject subject, Status to) {
        return new DomainException.Conflict(ProblemCode.TRANSITION_NOT_ALLOWED, ProblemFacts.currentStatus(subject.status()),
                "problem.complaint-transition.detail", new DomainException.Localized("complaint.kind." + subject.kind()),
                new DomainException.Localized("complaint.status." + subject.status()),
                new DomainException.Localized("complaint.status." + to));
    }
}
