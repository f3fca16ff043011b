package ma.bawaba.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
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

    public static Names from(LocalizedText text) {
        Names names = new Names();
        names.ar = Required.text(text.ar(), "names.ar");
        names.fr = Required.text(text.fr(), "names.fr");
        names.en = text.en() == null || text.en().isBlank() ? null : text.en().strip();
        return names;
    }
}
