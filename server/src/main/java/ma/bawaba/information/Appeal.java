package ma.bawaba.information;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** An internal complaint to the head of the body, or an escalation to the CDAI, and its decision. */
@Entity
@Table(name = "information_appeal")
public class Appeal extends PanacheEntityBase {

    public static final String INTERNAL_COMPLAINT = "INTERNAL_COMPLAINT";
    public static final String CDAI_ESCALATION = "CDAI_ESCALATION";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id")
    public Long caseId;

    public String level;

    public String reason;

    @Column(name = "filed_at")
    public Instant filedAt;

    /** The calendar day (Morocco) of filing, from which the head's working days are counted. */
    @Column(name = "filed_on")
    public LocalDate filedOn;

    @Column(name = "decide_by")
    public LocalDate decideBy;

    public String decision;

    @Column(name = "decision_text")
    public String decisionText;

    @Column(name = "decided_at")
    public Instant decidedAt;
}
