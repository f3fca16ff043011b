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
import ma.bawaba.cases.Lifecycle.Window;
import ma.bawaba.platform.TimeSource;
import ma.bawaba.platform.calendar.WorkingDayCalendar;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.problem.ProblemCode;
import ma.bawaba.platform.problem.ProblemFacts;

/**
 * The one table of what may happen to an access-to-information request (Law 31-13), who may make it happen, and
 * when: the guards hold the windows and limits (one extension before the first due date, the appeal windows), and
 * the windows shown to clients are read from them. Anything not in the table is a 409 naming the current status.
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

    /** What the guards read and the commands change: the request, locked, with its appeals, on the day of the command. */
    public record Subject(CaseFile file, InformationRequest request, List<Appeal> appeals, WorkingDayCalendar.Span days,
                          LocalDate today) {

        public Status status() {
            return Status.valueOf(file.status);
        }

        Appeal appeal(String level) {
            return appeals.stream().filter(appeal -> level.equals(appeal.level)).findFirst().orElse(null);
        }

        /** The answer's first due date, before any extension. */
        LocalDate firstDueDate() {
            return days.count(request.clockStartedOn, request.workingDays).dueDate();
        }
    }

    /** Before any outcome: an answer is due on the first clock. */
    static final Set<Status> PENDING = EnumSet.of(RECEIVED, ACKNOWLEDGED, EXTENDED, TRANSFERRED);

    private InformationLifecycle() {
    }

    /**
     * The table, with the guards of Law 31-13: one extension before the first due date (art. 16), an internal
     * complaint within {@code internalComplaintWorkingDays} working days of its cause (art. 19), an escalation to the
     * CDAI within {@code escalationDays} days of the head's decision or of its deadline (art. 20).
     */
    static Lifecycle<Status, Actor, Subject> of(int internalComplaintWorkingDays, int escalationDays) {
        return new Lifecycle<>(Status.class, Subject::status, InformationLifecycle::notInTable, List.of(
                new Row<>(EnumSet.of(RECEIVED, TRANSFERRED), ACKNOWLEDGED, OFFICER, Guard.always()),
                new Row<>(EnumSet.of(RECEIVED, ACKNOWLEDGED, TRANSFERRED), EXTENDED, OFFICER, InformationLifecycle::extension),
                // To the competent body, whose clock starts anew.
                new Row<>(PENDING, TRANSFERRED, OFFICER, Guard.always()),
                new Row<>(union(PENDING, APPEAL_UPHELD, CDAI_UPHELD), ANSWERED, OFFICER, Guard.always()),
                new Row<>(PENDING, PARTIALLY_ANSWERED, OFFICER, Guard.always()),
                // Art. 7 and the legal list of grounds (GET /refusal-grounds), always with a justification.
                new Row<>(PENDING, REFUSED, OFFICER, Guard.always()),
                // Before a final answer, including one that follows an upheld appeal.
                new Row<>(union(PENDING, APPEAL_UPHELD, CDAI_UPHELD), WITHDRAWN, HOLDER, Guard.always()),
                // Art. 19: after a refusal, a partial answer, or no answer by the due date.
                new Row<>(union(PENDING, REFUSED, PARTIALLY_ANSWERED), INTERNAL_APPEAL, HOLDER,
                        subject -> appealWindow(Appeal.INTERNAL_COMPLAINT, internalComplaint(subject, internalComplaintWorkingDays),
                                subject.today())),
                new Row<>(EnumSet.of(INTERNAL_APPEAL), APPEAL_UPHELD, HEAD, Guard.always()),
                new Row<>(EnumSet.of(INTERNAL_APPEAL), APPEAL_REJECTED, HEAD, Guard.always()),
                // Art. 20: after the head's decision, or once its deadline has passed.
                new Row<>(EnumSet.of(INTERNAL_APPEAL, APPEAL_UPHELD, APPEAL_REJECTED), ESCALATED, HOLDER,
                        subject -> appealWindow(Appeal.CDAI_ESCALATION, escalation(subject, escalationDays), subject.today())),
                new Row<>(EnumSet.of(ESCALATED), CDAI_UPHELD, COMMISSION, Guard.always()),
                new Row<>(EnumSet.of(ESCALATED), CDAI_REJECTED, COMMISSION, Guard.always())));
    }

    /** Art. 16: one extension of the same length, before the first due date. */
    private static Verdict extension(Subject subject) {
        if (subject.request().extensionDays != null) {
            // The table already refuses EXTENDED → EXTENDED; this holds the rule should a new row lead back to extending.
            return new Verdict.Refused(new DomainException.Conflict(ProblemCode.TRANSITION_NOT_ALLOWED,
                    ProblemFacts.currentStatus(subject.status()), "problem.extension-used.detail"), null);
        }
        LocalDate firstDue = subject.firstDueDate();
        if (subject.today().isAfter(firstDue)) {
            return new Verdict.Refused(new DomainException.Conflict(ProblemCode.WINDOW_CLOSED, ProblemFacts.window(null, firstDue),
                    "problem.extension-too-late.detail", firstDue), null);
        }
        return new Verdict.Allowed(new Window(null, firstDue));
    }

    /**
     * The days of the internal complaint, counted from the day of its cause (a refusal or a partial answer, open that
     * day; the due date passing, open the day after); none once one was filed or while nothing has caused it.
     */
    private static Window internalComplaint(Subject subject, int workingDays) {
        if (subject.appeal(Appeal.INTERNAL_COMPLAINT) != null) {
            return null;
        }
        InformationRequest request = subject.request();
        LocalDate cause;
        LocalDate opens;
        if (subject.status() == REFUSED) {
            cause = day(request.refusedAt);
            opens = cause;
        } else if (subject.status() == PARTIALLY_ANSWERED) {
            cause = day(request.answeredAt);
            opens = cause;
        } else if (subject.file().dueDate != null) {
            cause = subject.file().dueDate;
            opens = cause.plusDays(1);
        } else {
            return null;
        }
        return new Window(opens, subject.days().count(cause, workingDays).dueDate());
    }

    /** The days of the escalation: from the head's decision, or from the day after its deadline. */
    private static Window escalation(Subject subject, int days) {
        Appeal internal = subject.appeal(Appeal.INTERNAL_COMPLAINT);
        if (internal == null || subject.appeal(Appeal.CDAI_ESCALATION) != null) {
            return null;
        }
        LocalDate cause = internal.decidedAt != null ? day(internal.decidedAt) : internal.decideBy;
        return new Window(internal.decidedAt != null ? cause : cause.plusDays(1), cause.plusDays(days));
    }

    private static Verdict appealWindow(String level, Window window, LocalDate today) {
        DomainException.Localized appeal = new DomainException.Localized("appeal.level." + level);
        if (window == null) {
            return new Verdict.Refused(new DomainException.Conflict(ProblemCode.WINDOW_NOT_OPEN, ProblemFacts.window(null, null),
                    "problem.appeal-not-open.detail", appeal, null, null), null);
        }
        if (today.isBefore(window.opens())) {
            return new Verdict.Refused(new DomainException.Conflict(ProblemCode.WINDOW_NOT_OPEN,
                    ProblemFacts.window(window.opens(), window.lastDay()), "problem.appeal-not-yet.detail", appeal,
                    window.opens(), window.lastDay()), window);
        }
        if (today.isAfter(window.lastDay())) {
            return new Verdict.Refused(new DomainException.Conflict(ProblemCode.WINDOW_CLOSED,
                    ProblemFacts.window(window.opens(), window.lastDay()), "problem.appeal-window-closed.detail", appeal,
                    window.opens(), window.lastDay()), null);
        }
        return new Verdict.Allowed(window);
    }

    private static DomainException.Conflict notInTable(Subject subject, Status to) {
        return new DomainException.Conflict(ProblemCode.TRANSITION_NOT_ALLOWED, ProblemFacts.currentStatus(subject.status()),
                "problem.information-transition.detail", new DomainException.Localized("information-request.status." + subject.status()),
                new DomainException.Localized("information-request.status." + to));
    }

    private static LocalDate day(Instant instant) {
        return TimeSource.dateOf(instant);
    }

    private static Set<Status> union(Set<Status> base, Status... more) {
        EnumSet<Status> all = EnumSet.copyOf(base);
        all.addAll(List.of(more));
        return all;
    }
}
