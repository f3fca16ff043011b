package ma.bawaba.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import ma.bawaba.cases.events.CaseEventData;
import ma.bawaba.platform.security.Caller;
import ma.bawaba.platform.web.RequestLanguage;

/**
 * Opens cases and changes their status, always writing the matching case event in the same transaction, so that the
 * timeline, the change feed, mail and webhooks can never miss a change. The services' state machines call this.
 * A case's {@code updatedAt} is the time of its latest event: a citizen's new message or document shows in the
 * institution's inbox as a change, as a status change does.
 *
 * <p>Each event is one {@link CaseEventData} record, stored as JSON by the application's mapper, and names the body
 * that acted (the caller's institution or office) apart from the body the case is assigned to: a transfer is the
 * sending body's act, a CDAI decision the CDAI's. Each recorded event is fired as a CDI event to synchronous observers,
 * which write in the same transaction (the statistics backlog).
 */
@ApplicationScoped
public class CaseLedger {

    private final Clock clock;
    private final ObjectWriter payloads;
    private final Event<CaseEvent> recorded;
    private final RequestLanguage requestLanguage;

    CaseLedger(Clock clock, ObjectMapper mapper, Event<CaseEvent> recorded, RequestLanguage requestLanguage) {
        this.clock = clock;
        this.payloads = mapper.writerFor(CaseEventData.class);
        this.recorded = recorded;
        this.requestLanguage = requestLanguage;
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
        // The language the citizen filed in is the language of every e-mail about the case.
        file.language = requestLanguage.preferred().tag();
        file.dueDate = opening.dueDate();
        file.submittedAt = now;
        file.updatedAt = now;
        file.persist();
        // At the time the case was opened: a new case is at version 0.
        record(file, null, file.status, actor, new CaseEventData.Submitted(file.kind, file.dueDate), now);
        return file;
    }

    /**
     * Moves a case to a new status (the caller's state machine has allowed it) and records the event, whose type is
     * the payload's.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CaseEvent changeStatus(CaseFile file, String toStatus, boolean closed, Caller actor, CaseEventData data) {
        String from = file.status;
        file.status = toStatus;
        file.closed = closed;
        return record(file, from, toStatus, actor, data, clock.instant());
    }

    /** Records a change that is not a status change (a message, a document, a new due date...); the case is updated. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CaseEvent record(CaseFile file, Caller actor, CaseEventData data) {
        return record(file, null, null, actor, data, clock.instant());
    }

    private CaseEvent record(CaseFile file, String fromStatus, String toStatus, Caller actor, CaseEventData data, Instant at) {
        CaseEvent event = new CaseEvent();
        event.caseId = file.id;
        event.type = data.type();
        event.fromStatus = fromStatus;
        event.toStatus = toStatus;
        event.actorKind = CaseActors.stored(actor);
        event.actorRef = actor.keyPrefix() != null ? actor.keyPrefix() : actor.subject();
        event.actorInstitutionId = CaseActors.actingInstitutionId(actor);
        event.actorOfficeId = CaseActors.actingOfficeId(actor);
        // The case's tenant after the change: the body whose inbox and change feed it belongs to now.
        event.institutionId = file.institutionId;
        event.officeId = file.officeId;
        event.occurredAt = at;
        event.data = json(data);
        event.persist();
        file.updatedAt = at;
        // Observers in the same transaction: what must follow every change (the statistics backlog) commits with it.
        recorded.fire(event);
        return event;
    }

    private String json(CaseEventData data) {
        try {
            return payloads.writeValueAsString(data);
        } catch (JsonProcessingException impossible) {
            // records of identifiers, dates and numbers always serialize
            throw new IllegalStateException(impossible);
        }
    }

    private static String freshNumber(CaseService service, Year year) {
        // 2^40 numbers per service and year, drawn at random: no query checks them. A clash (about one in a million
        // draws at a million cases a year) breaks the unique index, and the whole transaction runs again with
        // another draw (platform.database.Transactions).
        return CaseNumbers.next(service, year);
    }
}
