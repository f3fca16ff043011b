package ma.bawaba.faq;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import ma.bawaba.platform.database.WriteTransaction;
import java.util.List;
import ma.bawaba.contract.model.FaqEntryInput;
import ma.bawaba.contract.model.LocalizedParagraph;
import ma.bawaba.contract.model.ManagedFaqEntry;
import ma.bawaba.contract.model.Service;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.problem.FieldErrorCode;
import ma.bawaba.platform.web.Language;
import ma.bawaba.platform.web.Page;
import ma.bawaba.platform.web.Versions;

/** The FAQ: read by anyone in their language, in display order; written by administrators. */
@ApplicationScoped
public class Faq {

    /** One page in display order (position, then id), as a keyset "position:id". */
    @Transactional
    public Page<ma.bawaba.contract.model.FaqEntry> list(Service service, Language language, Page.Request request) {
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
        return Page.of(rows, request, row -> row.position + ":" + row.id, row -> new ma.bawaba.contract.model.FaqEntry()
                .id(row.id)
                .service(Service.fromValue(row.service))
                .question(language.pick(row.questionAr, row.questionFr, row.questionEn))
                .answer(language.pick(row.answerAr, row.answerFr, row.answerEn)));
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
    public FaqEntry create(FaqEntryInput input) {
        FaqEntry entry = new FaqEntry();
        apply(entry, input);
        entry.persistAndFlush();
        return entry;
    }

    @WriteTransaction
    public FaqEntry update(long id, FaqEntryInput input, String ifMatch) {
        FaqEntry entry = get(id);
        Versions.require(ifMatch, entry.version);
        apply(entry, input);
        entry.persistAndFlush();
        return entry;
    }

    @WriteTransaction
    public void delete(long id, String ifMatch) {
        FaqEntry entry = get(id);
        Versions.require(ifMatch, entry.version);
        entry.delete();
    }

    public static ManagedFaqEntry toManaged(FaqEntry entry) {
        return new ManagedFaqEntry()
                .id(entry.id)
                .service(Service.fromValue(entry.service))
                .question(new LocalizedParagraph().ar(entry.questionAr).fr(entry.questionFr).en(entry.questionEn))
                .answer(new LocalizedParagraph().ar(entry.answerAr).fr(entry.answerFr).en(entry.answerEn))
                .position(entry.position)
                .version(entry.version);
    }

    private static void apply(FaqEntry entry, FaqEntryInput input) {
        entry.service = input.getService().name();
        entry.questionAr = input.getQuestion().getAr().strip();
        entry.questionFr = input.getQuestion().getFr().strip();
        entry.questionEn = input.getQuestion().getEn() == null ? null : input.getQuestion().getEn().strip();
        entry.answerAr = input.getAnswer().getAr().strip();
        entry.answerFr = input.getAnswer().getFr().strip();
        entry.answerEn = input.getAnswer().getEn() == null ? null : input.getAnswer().getEn().strip();
        entry.position = input.getPosition();
    }
}
