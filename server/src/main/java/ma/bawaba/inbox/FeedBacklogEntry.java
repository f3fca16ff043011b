package ma.bawaba.inbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A case event not yet in the change feed, with the bodies whose feeds it goes to, as they were when it was recorded:
 * written with the event, deleted by the sequencer once the event has its position.
 */
@Entity
@Table(name = "inbox_feed_backlog")
class FeedBacklogEntry extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public Long eventId;

    /** The body the case is assigned to after the event. */
    @Column(name = "institution_id")
    public Long institutionId;

    /** The body a transfer moved the case away from: it learns that the case left its inbox. */
    @Column(name = "former_institution_id")
    public Long formerInstitutionId;

    /** The commission reviewing the case (the CDAI, from the escalation on). */
    @Column(name = "reviewer_institution_id")
    public Long reviewerInstitutionId;

    @Column(name = "office_id")
    public Long officeId;
}
