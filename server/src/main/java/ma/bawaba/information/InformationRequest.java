package ma.bawaba.information;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import ma.bawaba.cases.RequesterIdentity;
import java.time.LocalDate;

/** What an access-to-information request adds to its case file: the request, the requester, its clock and outcome. */
@Entity
@Table(name = "information_request")
public class InformationRequest extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public Long caseId;

    @Column(name = "request_type")
    public String type;

    @Column(name = "urgency_justification")
    public String urgencyJustification;

    @Embedded
    public RequesterIdentity requester;

    @Column(name = "postal_address")
    public String postalAddress;

    public String description;

    @Column(name = "preferred_format")
    public String preferredFormat;

    /** The day the answer's clock started: receipt, transfer to the competent body, or an upheld appeal. */
    @Column(name = "clock_started_on")
    public LocalDate clockStartedOn;

    @Column(name = "working_days")
    public int workingDays;

    @Column(name = "extension_days")
    public Integer extensionDays;

    @Column(name = "extension_reason")
    public String extensionReason;

    @Column(name = "extended_at")
    public Instant extendedAt;

    @Column(name = "answer_text")
    public String answerText;

    @Column(name = "answer_partial")
    public Boolean answerPartial;

    @Column(name = "fee_minor")
    public Long feeMinor;

    @Column(name = "fee_currency")
    public String feeCurrency;

    @Column(name = "answered_at")
    public Instant answeredAt;

    /** The body's message that carried the answer and its documents. */
    @Column(name = "answer_message_id")
    public Long answerMessageId;

    @Column(name = "refusal_ground_id")
    public Long refusalGroundId;

    @Column(name = "refusal_justification")
    public String refusalJustification;

    @Column(name = "refused_at")
    public Instant refusedAt;
}
