package ma.bawaba.documents;

import static ma.bawaba.documents.DocumentOrderLifecycle.Actor.HOLDER;
import static ma.bawaba.documents.DocumentOrderLifecycle.Actor.OFFICE;
import static ma.bawaba.documents.DocumentOrderLifecycle.Actor.POST;
import static ma.bawaba.documents.DocumentOrderLifecycle.Actor.SYSTEM;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import ma.bawaba.cases.CaseFile;
import ma.bawaba.cases.Lifecycle;
import ma.bawaba.documents.DocumentOrderLifecycle.Actor;
import ma.bawaba.documents.DocumentOrderLifecycle.Status;
import ma.bawaba.documents.DocumentOrderLifecycle.Subject;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.problem.ProblemCode;
import org.junit.jupiter.api.Test;

class DocumentOrderLifecycleTest {

    private static final Lifecycle<Status, Actor, Subject> LIFECYCLE = DocumentOrderLifecycle.table();
    private static final Instant PAY_BEFORE = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void onlyThePlatformPaysAndOnlyTheHolderCancelsAnUnpaidOrder() {
        assertDoesNotThrow(() -> LIFECYCLE.check(subject(Status.PENDING_PAYMENT, PAY_BEFORE), Status.PAID, SYSTEM));
        assertRefused(ProblemCode.TRANSITION_NOT_ALLOWED, subject(Status.PENDING_PAYMENT, PAY_BEFORE), Status.PAID, OFFICE);
        assertDoesNotThrow(() -> LIFECYCLE.check(subject(Status.PENDING_PAYMENT, PAY_BEFORE), Status.CANCELLED, HOLDER));
        assertRefused(ProblemCode.TRANSITION_NOT_ALLOWED, subject(Status.AT_OFFICE, PAY_BEFORE), Status.CANCELLED, HOLDER);
    }

    @Test
    void anOrderExpiresOnlyOnceItsTimeToPayIsOver() {
        assertRefused(ProblemCode.WINDOW_NOT_OPEN, subject(Status.PENDING_PAYMENT, PAY_BEFORE.minusSeconds(1)), Status.EXPIRED, SYSTEM);
        assertDoesNotThrow(() -> LIFECYCLE.check(subject(Status.PENDING_PAYMENT, PAY_BEFORE), Status.EXPIRED, SYSTEM));
        assertRefused(ProblemCode.TRANSITION_NOT_ALLOWED, subject(Status.AT_OFFICE, PAY_BEFORE.plus(Duration.ofDays(9))),
                Status.EXPIRED, SYSTEM);
    }

    @Test
    void theOfficePreparesAndThePostCarriesEachOnlyItsOwnMoves() {
        assertDoesNotThrow(() -> LIFECYCLE.check(subject(Status.AT_OFFICE, PAY_BEFORE), Status.READY, OFFICE));
        assertRefused(ProblemCode.TRANSITION_NOT_ALLOWED, subject(Status.AT_OFFICE, PAY_BEFORE), Status.READY, POST);
        assertDoesNotThrow(() -> LIFECYCLE.check(subject(Status.READY, PAY_BEFORE), Status.SHIPPED, POST));
        assertRefused(ProblemCode.TRANSITION_NOT_ALLOWED, subject(Status.READY, PAY_BEFORE), Status.SHIPPED, OFFICE);
        assertDoesNotThrow(() -> LIFECYCLE.check(subject(Status.SHIPPED, PAY_BEFORE), Status.RETURNED, POST));
        assertDoesNotThrow(() -> LIFECYCLE.check(subject(Status.RETURNED, PAY_BEFORE), Status.READY, OFFICE));
        assertDoesNotThrow(() -> LIFECYCLE.check(subject(Status.RETURNED, PAY_BEFORE), Status.REJECTED, OFFICE));
        assertRefused(ProblemCode.TRANSITION_NOT_ALLOWED, subject(Status.SHIPPED, PAY_BEFORE), Status.REJECTED, OFFICE);
    }

    @Test
    void everyStatusIsReachedByARowOrIsWhereAnOrderStarts() {
        Set<Status> reached = EnumSet.of(Status.PENDING_PAYMENT);
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

    private static void assertRefused(ProblemCode code, Subject subject, Status to, Actor actor) {
        DomainException.Conflict refusal = assertThrows(DomainException.Conflict.class, () -> LIFECYCLE.check(subject, to, actor));
        assertEquals(code, refusal.code(), subject.status() + " → " + to + " by " + actor);
    }

    /** An order in that status whose time to pay ends at {@link #PAY_BEFORE}, asked about at {@code now}. */
    private static Subject subject(Status status, Instant now) {
        CaseFile file = new CaseFile();
        file.status = status.name();
        DocumentOrder order = new DocumentOrder();
        order.payBefore = PAY_BEFORE;
        return new Subject(file, order, now);
    }
}
