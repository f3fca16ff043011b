package ma.bawaba.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import ma.bawaba.contract.model.TimelineEntry;
import ma.bawaba.platform.TimeSource;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.problem.FieldErrorCode;
import ma.bawaba.platform.web.Page;

/**
 * A case's events as its holder and its institution read them: what happened, when, and which kind of actor did it.
 * The actor's key reference stays in the event for audit and is never shown.
 */
@ApplicationScoped
public class CaseTimeline {

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
        return Page.of(rows, request, row -> row.occurredAt + "|" + row.id, CaseTimeline::toApi);
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

    private static TimelineEntry toApi(CaseEvent event) {
        return new TimelineEntry()
                .type(event.type)
                .fromStatus(event.fromStatus)
                .toStatus(event.toStatus)
                .actor(CaseActors.visible(event.actorKind))
                .institutionId(event.institutionId)
                .occurredAt(event.occurredAt.atZone(TimeSource.MOROCCO).toOffsetDateTime());
    }
}
