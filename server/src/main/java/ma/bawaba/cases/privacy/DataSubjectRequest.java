package ma.bawaba.cases.privacy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The audit of one data-subject request answered by an administrator (Law 09-08, right of access): who asked (the
 * kind of credential and its key prefix or JWT subject), when, and how many cases were found. Never the e-mail address
 * or the identity document asked about: the audit would otherwise keep personal data the cases themselves let go.
 */
@Entity
@Table(name = "data_subject_request")
public class DataSubjectRequest extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "actor_kind")
    public String actorKind;

    @Column(name = "actor_ref")
    public String actorRef;

    @Column(name = "cases_found")
    public int casesFound;
}
