package ma.bawaba.faq;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import ma.bawaba.platform.database.WriteTransaction;
import java.util.List;
import ma.bawaba.cases.CaseService;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.problem.FieldErrorCode;
import ma.bawaba.platform.web.Page;
import ma.bawaba.reference.LocalizedText;

/** The FAQ: read by anyone in their language, in display order; written by administrators. */
@ApplicationScoped
public class Faq {

    /** An entry as an administrator writes it: Arabic and French are required, English is optional. */
    public record EntryChange(CaseService service, LocalizedText question, LocalizedText answer, int position) {
    }

    /** One page in display order (position, then id), as a keyset "position:id"; all services when none is named. */
    @Transactional
    public Page<FaqEntry> list(CaseService service, Page.Request request) {
        StringBuilder where = new StringBuilder(service == null ? "1 = 1" : "service = :service");
        var query = new java.util.HashMap<String, Object>();
        if (service != null) {
            query.put("service", service.name());
        }
        if (request.after() != null) {
            int colon = request.after().indexOf(':');
            try {
                query.put("position", Integer.parseInt(request.after().substring(0, colon)));
                query.put("id", Long.parseLong(request.after().substring(colon + 1)));
            } catch (RuntimeException malformed) {
                throw DomainException.BadRequest.field("cursor", FieldErrorCode.INVALID, "field.invalid");
            }
            where.append(" and (position > :position or (position = :position and id > :id))");
        }
        List<FaqEntry> rows = FaqEntry.<FaqEntry>find(where + " order by position, id", query)
                .page(0, request.fetchSize()).list();
        return Page.of(rows, request, row -> row.position + ":" + row.id, row -> row);
    }

    @Transactional
    public FaqEntry get(long id) {
        FaqEntry entry = FaqEntry.findById(id);
        if (entry == null) {
            throw new DomainException.NotFound("faq-entry", id);
        }
        return entry;
    }

    @WriteTransaction
    public FaqEntry create(EntryChange change) {
        FaqEntry entry = new FaqEntry();
        apply(entry, change);
        entry.persistAndFlush();
        return entry;
    }

    @WriteTransaction
    public FaqEntry update(long id, long expectedVersion, EntryChange change) {
        FaqEntry entry = get(id);
        DomainException.StaleVersion.check(expectedVersion, entry.version);
        apply(entry, change);
        entry.persistAndFlush();
        return entry;
    }

    @WriteTransaction
    public void delete(long id, long expectedVersion) {
        FaqEntry entry = get(id);
        DomainException.StaleVersion.check(expectedVersion, entry.version);
        entry.delete();
    }

    private static void apply(FaqEntry entry, EntryChange change) {
        entry.service = change.service().name();
        entry.questionAr = change.question().ar().strip();
        entry.questionFr = change.question().fr().strip();
        entry.questionEn = change.question().en() == null ? null : change.question().en().strip();
        entry.answerAr = change.answer().ar().strip();
        entry.answerFr = change.answer().fr().strip();
        entry.answerEn = change.answer().en() == null ? null : change.answer().en().strip();
        entry.position = change.position();
    }
}
