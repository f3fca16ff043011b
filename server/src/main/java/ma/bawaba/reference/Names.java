package ma.bawaba.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import ma.bawaba.contract.model.LocalizedText;
import ma.bawaba.platform.problem.Required;
import ma.bawaba.platform.web.Language;

/** A name in Arabic and French, and English where there is one (PRODUCT.md: reference data is bilingual at least). */
@Embeddable
public class Names {

    @Column(name = "name_ar", nullable = false)
    public String ar;

    @Column(name = "name_fr", nullable = false)
    public String fr;

    @Column(name = "name_en")
    public String en;

    public String in(Language language) {
        return language.pick(ar, fr, en);
    }

    public LocalizedText toApi() {
        return new LocalizedText().ar(ar).fr(fr).en(en);
    }

    public static Names from(LocalizedText text) {
        Names names = new Names();
        names.ar = Required.text(text.getAr(), "names.ar");
        names.fr = Required.text(text.getFr(), "names.fr");
        names.en = text.getEn() == null || text.getEn().isBlank() ? null : text.getEn().strip();
        return names;
    }
}
