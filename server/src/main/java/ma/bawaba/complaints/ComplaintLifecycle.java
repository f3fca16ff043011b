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

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.problem.ProblemCode;
import ma.bawaba.platform.problem.ProblemFacts;

/**
 * The one table of what may happen to a complaint, observation or suggestion (Decree 2-17-265), and who may make it
 * happen. Every status change goes through {@link #check}; anything not in the table is a 409 naming the current
 * status.
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

    /** One row: from any of these statuses, a complaint of these kinds may move to that status, by that actor. */
    public record Transition(Set<Kind> kinds, Set<Status> from, Status to, Actor actor) {
    }

    private static final Set<Kind> ALL_KINDS = EnumSet.allOf(Kind.class);
    private static final Set<Kind> NOT_ANSWERED = EnumSet.of(OBSERVATION, SUGGESTION);

    public static final List<Transition> TABLE = List.of(
            // The institution routes what it received (within 15 days)...
            new Transition(ALL_KINDS, EnumSet.of(RECEIVED, TRANSFERRED, REOPENED), ACKNOWLEDGED, INSTITUTION),
            // ...or sends it to the competent administration, which then acts on it as if it had received it...
            new Transition(ALL_KINDS, EnumSet.of(RECEIVED, ACKNOWLEDGED, TRANSFERRED), TRANSFERRED, INSTITUTION),
            // ...or rejects it as out of scope (a matter before a court), with a reason.
            new Transition(ALL_KINDS, EnumSet.of(RECEIVED, ACKNOWLEDGED, TRANSFERRED), REJECTED, INSTITUTION),
            // A complaint is answered within 60 days, and again within 60 days of a reopening.
            new Transition(EnumSet.of(COMPLAINT), EnumSet.of(RECEIVED, ACKNOWLEDGED, TRANSFERRED, REOPENED), ANSWERED, INSTITUTION),
            // Observations and suggestions are acknowledged, then closed: no answer, no rating, no reopening.
            new Transition(NOT_ANSWERED, EnumSet.of(ACKNOWLEDGED), CLOSED, INSTITUTION),
            // An unsatisfied holder reopens an answered complaint (within its ReopenWindow, at most twice).
            new Transition(EnumSet.of(COMPLAINT), EnumSet.of(ANSWERED), REOPENED, HOLDER),
            // A satisfied rating of the answer closes the complaint at once...
            new Transition(EnumSet.of(COMPLAINT), EnumSet.of(ANSWERED), CLOSED, HOLDER),
            // ...and an answer neither rated satisfied nor reopened closes it when its ReopenWindow ends.
            new Transition(EnumSet.of(COMPLAINT), EnumSet.of(ANSWERED), CLOSED, SYSTEM));

    private ComplaintLifecycle() {
    }

    /** Allows the move or throws the 409 that names the current status. */
    public static void check(Kind kind, Status from, Status to, Actor actor) {
        Optional<DomainException.Conflict> refusal = refusal(kind, from, to, actor);
        if (refusal.isPresent()) {
            throw refusal.get();
        }
    }

    /** The 409 that names the current status when the table does not allow the move; empty when it does. */
    public static Optional<DomainException.Conflict> refusal(Kind kind, Status from, Status to, Actor actor) {
        boolean allowed = TABLE.stream().anyMatch(row -> row.actor() == actor && row.to() == to
                && row.kinds().contains(kind) && row.from().contains(from));
        return allowed ? Optional.empty() : Optional.of(new DomainException.Conflict(ProblemCode.TRANSITION_NOT_ALLOWED,
                ProblemFacts.currentStatus(from), "problem.complaint-transition.detail",
                new DomainException.Localized("complaint.kind." + kind), new DomainException.Localized("complaint.status." + from),
                new DomainException.Localized("complaint.status." + to)));
    }
}
