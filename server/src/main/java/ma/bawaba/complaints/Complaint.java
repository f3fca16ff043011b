package ma.bawaba.complaints;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import ma.bawaba.cases.RequesterIdentity;

/** What a complaint, observation or suggestion adds to its case file: its subject, content and requester. */
@Entity
@Table(name = "complaint")
public class Complaint extends PanacheEntityBase {

    /** The id of its case_file row. */
    @Id
    @Column(name = "case_id")
    public Long caseId;

    @Column(name = "category_id")
    public Long categoryId;

    public String subject;

    public String content;

    @Embedded
    public RequesterIdentity requester;

    /** While it awaits routing (received, or transferred here): the day by which it must be acknowledged or transferred. */
    @Column(name = "routing_due_date")
    public LocalDate routingDueDate;

    @Column(name = "reopen_count")
    public int reopenCount;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    /** When the latest answer was given, while the complaint is answered. */
    @Column(name = "answered_at")
    public Instant answeredAt;
}
