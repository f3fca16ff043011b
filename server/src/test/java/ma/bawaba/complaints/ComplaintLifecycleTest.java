package ma.bawaba.complaints;

import static ma.bawaba.complaints.ComplaintLifecycle.Actor.HOLDER;
import static ma.bawaba.complaints.ComplaintLifecycle.Actor.INSTITUTION;
import static ma.bawaba.complaints.ComplaintLifecycle.Actor.SYSTEM;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ma.bawaba.complaints.ComplaintLifecycle.Kind;
import ma.bawaba.complaints.ComplaintLifecycle.Status;
import ma.bawaba.platform.problem.DomainException;
import org.junit.jupiter.api.Test;

class ComplaintLifecycleTest {

    @Test
    void onlyTheInstitutionAnswersAndOnlyTheHolderReopens() {
        assertDoesNotThrow(() -> ComplaintLifecycle.check(Kind.COMPLAINT, Status.ACKNOWLEDGED, Status.ANSWERED, INSTITUTION));
        assertThrows(DomainException.Conflict.class,
                () -> ComplaintLifecycle.check(Kind.COMPLAINT, Status.ACKNOWLEDGED, Status.ANSWERED, HOLDER));
        assertDoesNotThrow(() -> ComplaintLifecycle.check(Kind.COMPLAINT, Status.ANSWERED, Status.REOPENED, HOLDER));
        assertThrows(DomainException.Conflict.class,
                () -> ComplaintLifecycle.check(Kind.COMPLAINT, Status.ANSWERED, Status.REOPENED, INSTITUTION));
        assertDoesNotThrow(() -> ComplaintLifecycle.check(Kind.COMPLAINT, Status.ANSWERED, Status.CLOSED, SYSTEM));
        assertThrows(DomainException.Conflict.class,
                () -> ComplaintLifecycle.check(Kind.COMPLAINT, Status.ANSWERED, Status.CLOSED, INSTITUTION));
    }

    @Test
    void anAnsweredComplaintIsClosedByItsSatisfiedHolderOrWhenItsReopenWindowEndsNeverByTheInstitution() {
        assertDoesNotThrow(() -> ComplaintLifecycle.check(Kind.COMPLAINT, Status.ANSWERED, Status.CLOSED, HOLDER));
        assertDoesNotThrow(() -> ComplaintLifecycle.check(Kind.COMPLAINT, Status.ANSWERED, Status.CLOSED, SYSTEM));
        assertThrows(DomainException.Conflict.class,
                () -> ComplaintLifecycle.check(Kind.COMPLAINT, Status.ANSWERED, Status.CLOSED, INSTITUTION));
        for (Status notAnswered : new Status[] {Status.RECEIVED, Status.ACKNOWLEDGED, Status.TRANSFERRED, Status.REOPENED}) {
            assertThrows(DomainException.Conflict.class,
                    () -> ComplaintLifecycle.check(Kind.COMPLAINT, notAnswered, Status.CLOSED, HOLDER));
        }
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
                assertThrows(DomainException.Conflict.class, () -> ComplaintLifecycle.check(kind, from, Status.ANSWERED, INSTITUTION));
                assertThrows(DomainException.Conflict.class, () -> ComplaintLifecycle.check(kind, from, Status.REOPENED, HOLDER));
            }
            assertDoesNotThrow(() -> ComplaintLifecycle.check(kind, Status.ACKNOWLEDGED, Status.CLOSED, INSTITUTION));
        }
    }

    @Test
    void nothingLeavesAFinalStatus() {
        for (Status terminal : new Status[] {Status.REJECTED, Status.CLOSED}) {
            assertTrue(terminal.isTerminal());
            for (ComplaintLifecycle.Transition row : ComplaintLifecycle.TABLE) {
                assertTrue(!row.from().contains(terminal), row + " leaves " + terminal);
            }
        }
    }
}
