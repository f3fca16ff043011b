package ma.bawaba.faq;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A question and its answer in Arabic, French and optionally English, in the FAQ of one service. */
@Entity
@Table(name = "faq_entry")
public class FaqEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String service;

    @Column(name = "question_ar")
    public String questionAr;

    @Column(name = "question_fr")
    public String questionFr;

    @Column(name = "question_en")
    public String questionEn;

    @Column(name = "answer_ar")
    public String answerAr;

    @Column(name = "answer_fr")
    public String answerFr;

    @Column(name = "answer_en")
    public String answerEn;

    /** Display order within the service, smallest first; ties keep the order of creation. */
    public int position;

    @Version
    public long version;
}
