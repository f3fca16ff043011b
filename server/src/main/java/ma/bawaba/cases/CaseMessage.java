package ma.bawaba.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** New content about a case, from its holder or from the institution it is assigned to. */
@Entity
@Table(name = "case_message")
public class CaseMessage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id")
    public Long caseId;

    /** The public actor kind of the author (CITIZEN, INSTITUTION...): never a person. */
    public String author;

    /** The institution that wrote it, when an institution did (a transferred case keeps who said what). */
    @Column(name = "institution_id")
    public Long institutionId;

    public String text;

    @Column(name = "sent_at")
    public Instant sentAt;
}
