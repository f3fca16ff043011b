package ma.bawaba.complaints;

import static ma.bawaba.complaints.ComplaintLifecycle.Actor.HOLDER;
import static ma.bawaba.complaints.ComplaintLifecycle.Actor.INSTITUTION;
import static ma.bawaba.complaints.ComplaintLifecycle.Actor.SYSTEM;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import ma.bawaba.cases.CaseFile;
import ma.bawaba.cases.Lifecycle;
import ma.bawaba.complaints.ComplaintLifecycle.Actor;
import ma.bawaba.complaints.ComplaintLifecycle.Kind;
import ma.bawaba.complaints.ComplaintLifecycle.Status;
import ma.bawaba.complaints.ComplaintLifecycle.Subject;
import ma.bawaba.platform.TimeSource;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.problem.ProblemCode;
import org.junit.jupiter.api.Test;

class ComplaintLifecycleTest {

    private static final ReopenWindow THIRTY_DAYS = new ReopenWindow(30);
    private static final Lifecycle<Status, Actor, Subject> LIFECYCLE = ComplaintLifecycle.of(2, THIRTY_DAYS);
    /** 1 March 2026 at 23:59 in Morocco. */
    private static final Instant ANSWERED_AT = TimeSource.startOf(LocalDate.of(2026, 3, 2)).minusSeconds(60);

    @Test
    void onlyTheInstitutionAnswersAndOnlyTheHolderReopens() {
        assertDoesNotThrow(() -> LIFECYCLE.check(subject(Kind.COMPLAINT, Status.ACKNOWLEDGED), Status.ANSWERED, INSTITUTION));
        assertRefused(ProblemCode.TRANSITION_NOT_ALLOWED, subject(Kind.COMPLAINT, Status.ACKNOWLEDGED), Status.ANSWERED, HOLDER);
        assertDoesNotThrow(() -> LIFECYCLE.check(answered(0, ANSWERED_AT.plusSeconds(3600)), Status.REOPENED, HOLDER));
        assertRefused(ProblemCode.TRANSITION_NOT_ALLOWED, answered(0, ANSWERED_AT), Status.REOPENED, INSTITUTION);
    }

    @Test
    void anAnsweredComplaintIsClosedByItsSatisfiedHolderOrWhenItsReopenWindowEndsNeverByTheInstitution() {
        Instant windowEnd = TimeSource.startOf(LocalDate.of(2026, 4, 1));
        assertDoesNotThrow(() -> LIFECYCLE.check(answered(0, ANSWERED_AT), Status.CLOSED, HOLDER));
        assertDoesNotThrow(() -> LIFECYCLE.check(answered(0, windowEnd), Status.CLOSED, SYSTEM));
        assertRefused(ProblemCode.WINDOW_NOT_OPEN, answered(0, windowEnd.minusSeconds(1)), Status.CLOSED, SYSTEM);
        assertRefused(ProblemCode.TRANSITION_NOT_ALLOWED, answered(0, ANSWERED_AT), Status.CLOSED, INSTITUTION);
        for (Status notAnswered : new Status[] {Status.RECEIVED, Status.ACKNOWLEDGED, Status.TRANSFERRED, Status.REOPENED}) {
            assertRefused(ProblemCode.TRANSITION_NOT_ALLOWED, subject(Kind.COMPLAINT, notAnswered), Status.CLOSED, HOLDER);
        }
    }

    @Test
    void theReopenWindowRunsToTheEndOfItsThirtiethDayAndWhatClientsAreShownIsWhatTheCommandChecks() {
        Instant lastMinute = TimeSource.startOf(LocalDate.of(2026, 4, 1)).minusSeconds(60);
        Lifecycle.Window window = LIFECYCLE.window(answered(0, lastMinute), Status.REOPENED, HOLDER);
        assertEquals(new Lifecycle.Window(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)), window);
        assertEquals(TimeSource.startOf(LocalDate.of(2026, 4, 1)), window.closesAt());
        assertDoesNotThrow(() -> LIFECYCLE.check(answered(0, lastMinute), Status.REOPENED, HOLDER));

        Subject closed = answered(0, window.closesAt());
        assertNull(LIFECYCLE.window(closed, Status.REOPENED, HOLDER));
        assertRefused(ProblemCode.WINDOW_CLOSED, closed, Status.REOPENED, HOLDER);
    }

    @Test
    void aComplaintIsReopenedAtMostTwiceAndIsThenShownNoWindow() {
        assertDoesNotThrow(() -> LIFECYCLE.check(answered(1, ANSWERED_AT), Status.REOPENED, HOLDER));
        Subject twice = answered(2, ANSWERED_AT);
        DomainException.Conflict refusal = assertRefused(ProblemCode.REOPEN_LIMIT_REACHED, twice, Status.REOPENED, HOLDER);
        assertEquals(2L, refusal.facts().limit());
        assertNull(LIFECYCLE.window(twice, Status.REOPENED, HOLDER));
    }

    @Test
    void onlyWhatWasReceivedOrTransferredHereAwaitsRouting() {
        for (Status status : Status.values()) {
            assertEquals(status == Status.RECEIVED || status == Status.TRANSFERRED, status.awaitsRouting(), status.name());
        }
    }

    @Test
    void observationsAndSuggestionsAreNeverAnsweredRatedOrReopened() {
        for (Kind kind : new Kind[] {Kind.OBSERVATION, Kind.SUGGESTION}) {
            for (Status from : Status.values()) {
                assertRefused(ProblemCode.TRANSITION_NOT_ALLOWED, subject(kind, from), Status.ANSWERED, INSTITUTION);
                assertRefused(ProblemCode.TRANSITION_NOT_ALLOWED, subject(kind, from), Status.REOPENED, HOLDER);
            }
            assertDoesNotThrow(() -> LIFECYCLE.check(subject(kind, Status.ACKNOWLEDGED), Status.CLOSED, INSTITUTION));
        }
    }

    @Test
    void everyStatusIsReachedByARowOrIsWhereACaseStarts() {
        Set<Status> reached = EnumSet.of(Status.RECEIVED);
        LIFECYCLE.rows().forEach(row -> reached.add(row.to()));
        assertEquals(LIFECYCLE.statuses(), reached);
    }

    @Test
    void nothingLeavesAFinalStatus() {
        for (Status terminal : new Status[] {Status.REJECTED, Status.CLOSED}) {
            assertTrue(terminal.isTerminal());
            for (Lifecycle.Row<Status, Actor, Subject> row : LIFECYCLE.rows()) {
                assertTrue(!row.from().contains(terminal), row + " leaves " + terminal);
            }
        }
    }

    private static DomainException.Conflict assertRefused(ProblemCode code, Subject subject, Status to, Actor actor) {
        DomainException.Conflict refusal = assertThrows(DomainException.Conflict.class, () -> LIFECYCLE.check(subject, to, actor));
        assertEquals(code, refusal.code(), subject.kind() + " " + subject.status() + " → " + to + " by " + actor);
        return refusal;
    }

    /** A complaint answered at {@link #ANSWERED_AT}, asked about at {@code now}. */
    private static Subject answered(int reopenCount, Instant now) {
        Subject subject = subject(Kind.COMPLAINT, Status.ANSWERED, now);
        subject.complaint().answeredAt = ANSWERED_AT;
        subject.complaint().reopenCount = reopenCount;
        return subject;
    }

    private static Subject subject(Kind kind, Status status) {
        return subject(kind, status, ANSWERED_AT);
    }

    private static Subject subject(Kind kind, Status status, Instant now) {
        CaseFile file = new CaseFile();
        file.kind = kind.name();
        file.status = status.name();
        Complaint complaint = new Complaint();
        complaint.answeredAt = status == Status.ANSWERED ? ANSWERED_AT : null;
        return new Subject(file, complaint, now);
    }
}
