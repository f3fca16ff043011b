package ma.bawaba.information;

import static ma.bawaba.information.InformationLifecycle.Actor.COMMISSION;
import static ma.bawaba.information.InformationLifecycle.Actor.HEAD;
import static ma.bawaba.information.InformationLifecycle.Actor.HOLDER;
import static ma.bawaba.information.InformationLifecycle.Actor.OFFICER;
import static ma.bawaba.information.InformationLifecycle.Status.ACKNOWLEDGED;
import static ma.bawaba.information.InformationLifecycle.Status.ANSWERED;
import static ma.bawaba.information.InformationLifecycle.Status.APPEAL_REJECTED;
import static ma.bawaba.information.InformationLifecycle.Status.APPEAL_UPHELD;
import static ma.bawaba.information.InformationLifecycle.Status.CDAI_REJECTED;
import static ma.bawaba.information.InformationLifecycle.Status.CDAI_UPHELD;
import static ma.bawaba.information.InformationLifecycle.Status.ESCALATED;
import static ma.bawaba.information.InformationLifecycle.Status.EXTENDED;
import static ma.bawaba.information.InformationLifecycle.Status.INTERNAL_APPEAL;
import static ma.bawaba.information.InformationLifecycle.Status.PARTIALLY_ANSWERED;
import static ma.bawaba.information.InformationLifecycle.Status.RECEIVED;
import static ma.bawaba.information.InformationLifecycle.Status.REFUSED;
import static ma.bawaba.information.InformationLifecycle.Status.TRANSFERRED;
import static ma.bawaba.information.InformationLifecycle.Status.WITHDRAWN;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.problem.ProblemCode;
import ma.bawaba.platform.problem.ProblemFacts;

/**
 * The one table of what may happen to an access-to-information request (Law 31-13) and who may make it happen.
 * The windows and limits that also apply (one extension before the first due date, the appeal windows) are checked
 * by {@link InformationRequests}; anything not in the table is a 409 naming the current status.
 */
public final class InformationLifecycle {

    public enum Status {
        RECEIVED, ACKNOWLEDGED, EXTENDED, TRANSFERRED, ANSWERED, PARTIALLY_ANSWERED, REFUSED, WITHDRAWN,
        INTERNAL_APPEAL, APPEAL_UPHELD, APPEAL_REJECTED, ESCALATED, CDAI_UPHELD, CDAI_REJECTED;

        /** The body owes an answer: its clock runs. */
        public boolean awaitsAnswer() {
            return PENDING.contains(this) || this == APPEAL_UPHELD || this == CDAI_UPHELD;
        }

        /** Nothing more happens: no message, no document, no appeal. */
        public boolean isFinal() {
            return this == ANSWERED || this == WITHDRAWN || this == CDAI_REJECTED;
        }
    }

    /**
     * Who fires a transition: an information officer of the assigned body (AGENT, or its HEAD), the head of the body
     * (HEAD), the CDAI reviewing an escalation (COMMISSION), or the holder of the case token.
     */
    public enum Actor { OFFICER, HEAD, COMMISSION, HOLDER }

    public record Transition(Set<Status> from, Status to, Actor actor) {
    }

    /** Before any outcome: an answer is due on the first clock. */
    static final Set<Status> PENDING = EnumSet.of(RECEIVED, ACKNOWLEDGED, EXTENDED, TRANSFERRED);

    public static final List<Transition> TABLE = List.of(
            new Transition(EnumSet.of(RECEIVED, TRANSFERRED), ACKNOWLEDGED, OFFICER),
            // Art. 16: one extension of the same length, before the first due date (checked with the date).
            new Transition(EnumSet.of(RECEIVED, ACKNOWLEDGED, TRANSFERRED), EXTENDED, OFFICER),
            // To the competent body, whose clock starts anew.
            new Transition(PENDING, TRANSFERRED, OFFICER),
            new Transition(union(PENDING, APPEAL_UPHELD, CDAI_UPHELD), ANSWERED, OFFICER),
            new Transition(PENDING, PARTIALLY_ANSWERED, OFFICER),
            // Art. 7 and the legal list of grounds (GET /refusal-grounds), always with a justification.
            new Transition(PENDING, REFUSED, OFFICER),
            // Before a final answer, including one that follows an upheld appeal.
            new Transition(union(PENDING, APPEAL_UPHELD, CDAI_UPHELD), WITHDRAWN, HOLDER),
            // Art. 19: after a refusal, a partial answer, or no answer by the due date (checked with the date).
            new Transition(union(PENDING, REFUSED, PARTIALLY_ANSWERED), INTERNAL_APPEAL, HOLDER),
            new Transition(EnumSet.of(INTERNAL_APPEAL), APPEAL_UPHELD, HEAD),
            new Transition(EnumSet.of(INTERNAL_APPEAL), APPEAL_REJECTED, HEAD),
            // Art. 20: after the head's decision, or once its deadline has passed (checked with the date).
            new Transition(EnumSet.of(INTERNAL_APPEAL, APPEAL_UPHELD, APPEAL_REJECTED), ESCALATED, HOLDER),
            new Transition(EnumSet.of(ESCALATED), CDAI_UPHELD, COMMISSION),
            new Transition(EnumSet.of(ESCALATED), CDAI_REJECTED, COMMISSION));

    private InformationLifecycle() {
    }

    /** Allows the move for one of the caller's actor roles, or throws the 409 that names the current status. */
    public static void check(Status from, Status to, Set<Actor> actors) {
        boolean allowed = TABLE.stream().anyMatch(row -> row.to() == to && row.from().contains(from) && actors.contains(row.actor()));
        if (!allowed) {
            throw new DomainException.Conflict(ProblemCode.TRANSITION_NOT_ALLOWED, ProblemFacts.currentStatus(from),
                    "problem.information-transition.detail", new DomainException.Localized("information-request.status." + from),
                    new DomainException.Localized("information-request.status." + to));
        }
    }

    private static Set<Status> union(Set<Status> base, Status... more) {
        EnumSet<Status> all = EnumSet.copyOf(base);
        all.addAll(List.of(more));
        return all;
    }
}
