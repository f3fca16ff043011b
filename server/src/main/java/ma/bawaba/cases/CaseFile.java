package ma.bawaba.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import ma.bawaba.platform.TimeSource;
import ma.bawaba.platform.security.Access;

/**
 * What every case of the three services has: its public number, its service and kind, its status, the tenant it
 * is assigned to, its due date, and a version for If-Match. Services keep their own data in their own tables.
 */
@Entity
@Table(name = "case_file")
public class CaseFile extends PanacheEntityBase implements Access.TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String number;

    public String service;

    public String kind;

    public String status;

    @Column(name = "institution_id")
    public Long institutionId;

    @Column(name = "office_id")
    public Long officeId;

    /** Another tenant that reviews the case (the CDAI, once a request is escalated to it). */
    @Column(name = "reviewer_institution_id")
    public Long reviewerInstitutionId;

    /** When the case was handed to the postal operator, which sees it from then on (a document order). */
    @Column(name = "handed_to_post_at")
    public Instant handedToPostAt;

    /** Whether {@link #handedToPostAt} is set: a column the database derives, so that the post's inbox has an index. */
    @Column(name = "handed_to_post", insertable = false, updatable = false)
    public Boolean inPostalInbox;

    @Column(name = "requester_email")
    public String requesterEmail;

    /** The language the case was filed in ({@code ar}, {@code fr}, {@code en}): the e-mails to its holder use it. */
    public String language;

    @Column(name = "due_date")
    public LocalDate dueDate;

    /** No further answer is due (closed, answered for good, withdrawn...): never overdue. */
    @Column(name = "final")
    public boolean closed;

    @Version
    public long version;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** When the body first responded (the first answer, partial answer or refusal; the delivery of an order). */
    @Column(name = "responded_at")
    public Instant respondedAt;

    /** How long that took, in the service's unit (working days for information requests, calendar days otherwise). */
    @Column(name = "response_days")
    public Integer responseDays;

    /** Whether the body acted by the due date in force at the time (for an order: had it ready by then). */
    @Column(name = "responded_on_time")
    public Boolean respondedOnTime;

    /**
     * Records the body's first response, at {@code at} and {@code days} after the case's start in the service's unit,
     * as on time when it came by the due date in force; later responses (a second answer, after a reopening or an
     * appeal) change nothing. Call it before the due date is cleared.
     */
    public void respond(Instant at, int days) {
        if (respondedAt != null) {
            return;
        }
        respondedAt = at;
        responseDays = Math.max(0, days);
        if (respondedOnTime == null) {
            respondedOnTime = dueDate == null || !TimeSource.dateOf(at).isAfter(dueDate);
        }
    }

    /** Records whether a step the body owed before its response (an order's preparation) came by the due date. */
    public void actedOnTime(Instant at) {
        if (respondedOnTime == null) {
            respondedOnTime = dueDate == null || !TimeSource.dateOf(at).isAfter(dueDate);
        }
    }

    /**
     * When the case's personal data were erased, its retention period after closing over (Law 09-08); null while they
     * are held. Its holder's token and tracking no longer open it.
     */
    @Column(name = "anonymised_at")
    public Instant anonymisedAt;

    public boolean isAnonymised() {
        return anonymisedAt != null;
    }

    public boolean isOverdue(LocalDate today) {
        return !closed && dueDate != null && dueDate.isBefore(today);
    }

    @Override
    public Long caseId() {
        return id;
    }

    @Override
    public Long institutionId() {
        return institutionId;
    }

    @Override
    public Long reviewerInstitutionId() {
        return reviewerInstitutionId;
    }

    @Override
    public Long officeId() {
        return officeId;
    }

    @Override
    public boolean handedToPost() {
        return handedToPostAt != null;
    }
}
