package ma.bawaba.faq;

import ma.bawaba.cases.CaseService;
import ma.bawaba.contract.model.FaqEntryInput;
import ma.bawaba.contract.model.LocalizedParagraph;
import ma.bawaba.contract.model.ManagedFaqEntry;
import ma.bawaba.contract.model.Service;
import ma.bawaba.platform.web.Language;
import ma.bawaba.reference.LocalizedText;

/** FAQ entries between the contract and {@link Faq}: in one language for readers, in all of them for administrators. */
public final class FaqMapper {

    private FaqMapper() {
    }

    public static Faq.EntryChange change(FaqEntryInput input) {
        return new Faq.EntryChange(service(input.getService()), text(input.getQuestion()), text(input.getAnswer()),
                input.getPosition());
    }

    static CaseService service(Service service) {
        return service == null ? null : CaseService.valueOf(service.name());
    }

    static ma.bawaba.contract.model.FaqEntry entry(FaqEntry entry, Language language) {
        return new ma.bawaba.contract.model.FaqEntry()
                .id(entry.id)
                .service(Service.fromValue(entry.service))
                .question(language.pick(entry.questionAr, entry.questionFr, entry.questionEn))
                .answer(language.pick(entry.answerAr, entry.answerFr, entry.answerEn));
    }

    public static ManagedFaqEntry managed(FaqEntry entry) {
        return new ManagedFaqEntry()
                .id(entry.id)
                .service(Service.fromValue(entry.service))
                .question(new LocalizedParagraph().ar(entry.questionAr).fr(entry.questionFr).en(entry.questionEn))
                .answer(new LocalizedParagraph().ar(entry.answerAr).fr(entry.answerFr).en(entry.answerEn))
                .position(entry.position)
                .version(entry.version);
    }

    private static LocalizedText text(LocalizedParagraph given) {
        return new LocalizedText(given.getAr(), given.getFr(), given.getEn());
    }
}
