package ma.bawaba.cases.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import ma.bawaba.cases.CaseActors;
import ma.bawaba.cases.CaseEvent;
import ma.bawaba.cases.CaseFile;
import ma.bawaba.contract.model.ActorKind;
import ma.bawaba.contract.model.CaseEventData;
import ma.bawaba.contract.model.CaseEventType;
import ma.bawaba.contract.model.TimelineEntry;
import ma.bawaba.platform.TimeSource;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.problem.FieldErrorCode;
import ma.bawaba.platform.web.Page;

/**
 * The timeline read side of the API: a case's events as its holder and its institution read them: what happened (the typed payload), when, which kind of
 * actor did it and for which body. The actor's key reference stays in the event for audit and is never shown.
 */
@ApplicationScoped
public class CaseTimeline {

    private final ObjectReader payloads;

    CaseTimeline(ObjectMapper mapper) {
        // The stored payload is read as the contract's schema of its type: a field the contract does not describe
        // fails here (fail-on-unknown-properties), not in a client.
        this.payloads = mapper.readerFor(CaseEventData.class);
    }

    @Transactional
    public Page<TimelineEntry> list(CaseFile file, Page.Request request) {
        // In time order, the id breaking ties: ids alone are not in commit order across Galera nodes.
        List<CaseEvent> rows;
        if (request.after() == null) {
            rows = CaseEvent.<CaseEvent>find("caseId = ?1 order by occurredAt, id", file.id)
                    .page(0, request.fetchSize()).list();
        } else {
            Position after = Position.parse(request.after());
            rows = CaseEvent.<CaseEvent>find("caseId = ?1 and (occurredAt > ?2 or (occurredAt = ?2 and id > ?3)) "
                            + "order by occurredAt, id", file.id, after.occurredAt(), after.id())
                    .page(0, request.fetchSize()).list();
        }
        return Page.of(rows, request, row -> row.occurredAt + "|" + row.id, this::entry);
    }

    /** Every event of a case, oldest first: for its export, which is one document, not pages. */
    @Transactional
    public List<TimelineEntry> all(CaseFile file) {
        return CaseEvent.<CaseEvent>list("caseId = ?1 order by occurredAt, id", file.id).stream().map(this::entry).toList();
    }

    private record Position(Instant occurredAt, long id) {
        static Position parse(String cursor) {
            int bar = cursor.indexOf('|');
            try {
                return new Position(Instant.parse(cursor.substring(0, bar)), Long.parseLong(cursor.substring(bar + 1)));
            } catch (RuntimeException malformed) {
                throw DomainException.BadRequest.field("cursor", FieldErrorCode.INVALID, "field.invalid");
            }
        }
    }

    /** One event as a timeline and the change feed show it. */
    public TimelineEntry entry(CaseEvent event) {
        return new TimelineEntry()
                .type(CaseEventType.fromValue(event.type))
                .fromStatus(event.fromStatus)
                .toStatus(event.toStatus)
                .actor(ActorKind.fromValue(CaseActors.visible(event.actorKind)))
                .actingInstitutionId(event.actorInstitutionId)
                .actingOfficeId(event.actorOfficeId)
                .institutionId(event.institutionId)
                .data(payload(event))
                .occurredAt(event.occurredAt.atZone(TimeSource.MOROCCO).toOffsetDateTime());
    }

    private CaseEventData payload(CaseEvent event) {
        try {
            return payloads.readValue(event.data);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("Case event " + event.id + " holds a payload the contract does not describe",
                    unreadable);
        }
    }
}
