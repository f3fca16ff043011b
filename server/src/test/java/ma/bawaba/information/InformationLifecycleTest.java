package ma.bawaba.information;

import static ma.bawaba.information.InformationLifecycle.Actor.COMMISSION;
import static ma.bawaba.information.InformationLifecycle.Actor.HEAD;
import static ma.bawaba.information.InformationLifecycle.Actor.HOLDER;
import static ma.bawaba.information.InformationLifecycle.Actor.OFFICER;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import ma.bawaba.cases.CaseFile;
import ma.bawaba.cases.Lifecycle;
import ma.bawaba.information.InformationLifecycle.Actor;
import ma.bawaba.information.InformationLifecycle.Status;
import ma.bawaba.information.InformationLifecycle.Subject;
import ma.bawaba.platform.TimeSource;
import ma.bawaba.platform.calendar.WorkingDayCalendar;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.problem.ProblemCode;
import org.junit.jupiter.api.Test;

class InformationLifecycleTest {

    private static final Lifecycle<Status, Actor, Subject> LIFECYCLE = InformationLifecycle.of(20, 30);
    /** A Monday; no holidays in these tests, so working days are Monday to Friday. */
    private static final LocalDate RECEIVED_ON = LocalDate.of(2026, 3, 2);
    private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar((after, until) -> Set.of());

    @Test
    void onlyTheHeadDecidesAnInternalComplaintAndOnlyTheCdaiAnEscalation() {
        assertDoesNotThrow(() -> LIFECYCLE.check(subject(Status.INTERNAL_APPEAL, RECEIVED_ON), Status.APPEAL_UPHELD,
                EnumSet.of(OFFICER, HEAD)));
        assertRefused(ProblemCode.TRANSITION_NOT_ALLOWED, subject(Status.INTERNAL_APPEAL, RECEIVED_ON), Status.APPEAL_UPHELD, OFFICER);
        assertRefused(ProblemCode.TRANSITION_NOT_ALLOWED, subject(Status.ESCALATED, RECEIVED_ON), Status.CDAI_UPHELD, HEAD);
        assertDoesNotThrow(() -> LIFECYCLE.check(subject(Status.ESCALATED, RECEIVED_ON), Status.CDAI_REJECTED, COMMISSION));
    }

    @Test
    void theRequesterWithdrawsAndAppealsButNeverAnswers() {
        assertDoesNotThrow(() -> LIFECYCLE.check(subject(Status.ACKNOWLEDGED, RECEIVED_ON), Status.WITHDRAWN, HOLDER));
        assertRefused(ProblemCode.TRANSITION_NOT_ALLOWED, subject(Status.RECEIVED, RECEIVED_ON), Status.ANSWERED, HOLDER);
        assertRefused(ProblemCode.TRANSITION_NOT_ALLOWED, subject(Status.ANSWERED, RECEIVED_ON), Status.WITHDRAWN, HOLDER);
    }

    @Test
    void anExtensionIsGrantedOnceAndOnlyUntilTheFirstDueDate() {
        // 20 working days from Monday 2 March: Monday 30 March.
        LocalDate firstDue = LocalDate.of(2026, 3, 30);
        Subject onTheDueDate = subject(Status.ACKNOWLEDGED, firstDue);
        assertEquals(new Lifecycle.Window(null, firstDue), LIFECYCLE.window(onTheDueDate, Status.EXTENDED, OFFICER));
        assertRefused(ProblemCode.WINDOW_CLOSED, subject(Status.ACKNOWLEDGED, firstDue.plusDays(1)), Status.EXTENDED, OFFICER);
        Subject extendedOnce = subject(Status.ACKNOWLEDGED, RECEIVED_ON);
        extendedOnce.request().extensionDays = 20;
        assertRefused(ProblemCode.TRANSITION_NOT_ALLOWED, extendedOnce, Status.EXTENDED, OFFICER);
        assertRefused(ProblemCode.TRANSITION_NOT_ALLOWED, subject(Status.EXTENDED, RECEIVED_ON), Status.EXTENDED, OFFICER);
    }

    @Test
    void anInternalComplaintOpensTheDayAfterAMissedDueDateAndTheWindowShownIsTheOneChecked() {
        LocalDate due = LocalDate.of(2026, 3, 30);
        Subject onTheDueDate = subject(Status.ACKNOWLEDGED, due);
        onTheDueDate.file().dueDate = due;
        DomainException.Conflict notYet = assertRefused(ProblemCode.WINDOW_NOT_OPEN, onTheDueDate, Status.INTERNAL_APPEAL, HOLDER);
        assertEquals(due.plusDays(1), notYet.facts().allowedFrom());

        Subject late = subject(Status.ACKNOWLEDGED, due.plusDays(1));
        late.file().dueDate = due;
        // 20 working days after Monday 30 March: Monday 27 April.
        Lifecycle.Window window = LIFECYCLE.window(late, Status.INTERNAL_APPEAL, HOLDER);
        assertEquals(new Lifecycle.Window(due.plusDays(1), LocalDate.of(2026, 4, 27)), window);
        assertDoesNotThrow(() -> LIFECYCLE.check(late, Status.INTERNAL_APPEAL, HOLDER));

        Subject tooLate = subject(Status.ACKNOWLEDGED, window.lastDay().plusDays(1));
        tooLate.file().dueDate = due;
        assertRefused(ProblemCode.WINDOW_CLOSED, tooLate, Status.INTERNAL_APPEAL, HOLDER);
        assertNull(LIFECYCLE.window(tooLate, Status.INTERNAL_APPEAL, HOLDER));
    }

    @Test
    void anEscalationFollowsTheHeadsDecisionForThirtyDaysAndOnlyOnce() {
        LocalDate decided = LocalDate.of(2026, 4, 10);
        Subject afterDecision = subject(Status.APPEAL_REJECTED, decided.plusDays(30));
        Appeal internal = new Appeal();
        internal.level = Appeal.INTERNAL_COMPLAINT;
        internal.decidedAt = TimeSource.startOf(decided).plusSeconds(3600);
        afterDecision.appeals().add(internal);
        assertEquals(new Lifecycle.Window(decided, decided.plusDays(30)), LIFECYCLE.window(afterDecision, Status.ESCALATED, HOLDER));
        assertDoesNotThrow(() -> LIFECYCLE.check(afterDecision, Status.ESCALATED, HOLDER));

        Appeal escalation = new Appeal();
        escalation.level = Appeal.CDAI_ESCALATION;
        afterDecision.appeals().add(escalation);
        assertRefused(ProblemCode.WINDOW_NOT_OPEN, afterDecision, Status.ESCALATED, HOLDER);
    }

    @Test
    void everyStatusIsReachedByARowOrIsWhereACaseStarts() {
        Set<Status> reached = EnumSet.of(Status.RECEIVED);
        LIFECYCLE.rows().forEach(row -> reached.add(row.to()));
        assertEquals(LIFECYCLE.statuses(), reached);
    }

    @Test
    void nothingLeavesAFinalStatus() {
        for (Lifecycle.Row<Status, Actor, Subject> row : LIFECYCLE.rows()) {
            for (Status from : row.from()) {
                assertFalse(from.isFinal(), row + " leaves the final status " + from);
            }
        }
    }

    private static DomainException.Conflict assertRefused(ProblemCode code, Subject subject, Status to, Actor actor) {
        DomainException.Conflict refusal = assertThrows(DomainException.Conflict.class, () -> LIFECYCLE.check(subject, to, actor));
        assertEquals(code, refusal.code(), subject.status() + " → " + to + " by " + actor);
        return refusal;
    }

    /** An ordinary request received on {@link #RECEIVED_ON}, in that status, asked about on {@code today}. */
    private static Subject subject(Status status, LocalDate today) {
        CaseFile file = new CaseFile();
        file.status = status.name();
        InformationRequest request = new InformationRequest();
        request.clockStartedOn = RECEIVED_ON;
        request.workingDays = 20;
        return new Subject(file, request, new ArrayList<>(), CALENDAR.span(RECEIVED_ON, today.plusDays(400)), today);
    }
}
