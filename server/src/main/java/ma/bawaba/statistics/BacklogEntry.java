package ma.bawaba.statistics;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A case event the statistics have not counted yet: written with the event, deleted once its case is recounted. */
@Entity
@Table(name = "statistics_backlog")
class BacklogEntry extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public Long eventId;

    @Column(name = "case_id")
    public Long caseId;
}
