package ma.bawaba.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One change of a case, written in the same transaction as the change. The actor is recorded by kind and by a
 * non-personal reference (an API key prefix, a JWT subject), never by a person's name: the timeline shown to the
 * citizen carries no staff personal data.
 */
@Entity
@Table(name = "case_event")
public class CaseEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id")
    public Long caseId;

    public String type;

    @Column(name = "from_status")
    public String fromStatus;

    @Column(name = "to_status")
    public String toStatus;

    @Column(name = "actor_kind")
    public String actorKind;

    @Column(name = "actor_ref")
    public String actorRef;

    /** The institution whose staff acted (the caller's, not the case's): null for the holder, an operator, the system. */
    @Column(name = "actor_institution_id")
    public Long actorInstitutionId;

    /** The civil-status office whose clerk acted. */
    @Column(name = "actor_office_id")
    public Long actorOfficeId;

    /** The institution the case is assigned to after the event (its inbox and change feed). */
    @Column(name = "institution_id")
    public Long institutionId;

    @Column(name = "office_id")
    public Long officeId;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    /** The event's {@link ma.bawaba.cases.events.CaseEventData} record as JSON, with its type: free of personal data. */
    public String data;
}
