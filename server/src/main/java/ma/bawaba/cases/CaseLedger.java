package ma.bawaba.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import ma.bawaba.platform.security.Caller;

/**
 * Opens cases and changes their status, always writing the matching case event in the same transaction, so that the
 * timeline, the change feed, mail and webhooks can never miss a change. The services' state machines call this.
 * A case's {@code updatedAt} is the time of its latest event: a citizen's new message or document shows in the
 * institution's inbox as a change, as a status change does.
 */
@ApplicationScoped
public class CaseLedger {

    private final Clock clock;

    CaseLedger(Clock clock) {
        this.clock = clock;
    }

    /** What a new case is; the number, times and version are the ledger's to set. */
    public record Opening(CaseService service, String kind, String status, Long institutionId, Long officeId,
                          String requesterEmail, LocalDate dueDate) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public CaseFile open(Opening opening, Caller actor) {
        Instant now = clock.instant();
        CaseFile file = new CaseFile();
        file.number = freshNumber(opening.service(), Year.now(clock));
        file.service = opening.service().name();
        file.kind = opening.kind();
        file.status = opening.status();
        file.institutionId = opening.institutionId();
        file.officeId = opening.officeId();
        file.requesterEmail = TrackingService.normalizeEmail(opening.requesterEmail());
        file.dueDate = opening.dueDate();
        file.submittedAt = now;
        file.updatedAt = now;
        file.persist();
        // At the time the case was opened: a new case is at version 0.
        record(file, "SUBMITTED", null, file.status, actor, null, now);
        return file;
    }

    /** Moves a case to a new status (the caller's state machine has allowed it) and records why. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CaseEvent changeStatus(CaseFile file, String eventType, String toStatus, boolean closed, Caller actor, String data) {
        String from = file.status;
        file.status = toStatus;
        file.closed = closed;
        return record(file, eventType, from, toStatus, actor, data);
    }

    /** Records a change that is not a status change (a message, a document, a new due date...); the case is updated. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CaseEvent record(CaseFile file, String eventType, String fromStatus, String toStatus, Caller actor, String data) {
        return record(file, eventType, fromStatus, toStatus, actor, data, clock.instant());
    }

    private CaseEvent record(CaseFile file, String eventType, String fromStatus, String toStatus, Caller actor, String data,
                             Instant at) {
        CaseEvent event = new CaseEvent();
        event.caseId = file.id;
        event.type = eventType;
        event.fromStatus = fromStatus;
        event.toStatus = toStatus;
        event.actorKind = CaseActors.stored(actor);
        event.actorRef = actor.keyPrefix() != null ? actor.keyPrefix() : actor.subject();
        event.institutionId = file.institutionId;
        event.officeId = file.officeId;
        event.occurredAt = at;
        event.data = data;
        event.persist();
        file.updatedAt = at;
        return event;
    }

    private static String freshNumber(CaseService service, Year year) {
        // 2^40 numbers per service and year, drawn at random: no query checks them. A clash (about one in a million
        // draws at a million cases a year) breaks the unique index, and the whole transaction runs again with
        // another draw (platform.database.Transactions).
        return CaseNumbers.next(service, year);
    }
}
