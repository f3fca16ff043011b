package ma.bawaba.documents;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import ma.bawaba.cases.RequesterIdentity;

/**
 * What a document order adds to its case file: the birth act to find, who asks and what they are to its person,
 * where the post delivers, the fee the server computed, and its payment and refund. Personal data (Law 09-08):
 * shown to the holder and the office; the postal operator reads only the delivery address.
 */
@Entity
@Table(name = "document_order")
public class DocumentOrder extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public Long caseId;

    @Column(name = "document_type_id")
    public Long documentTypeId;

    public int copies;

    @Column(name = "act_number")
    public String actNumber;

    @Column(name = "registration_year")
    public int registrationYear;

    @Column(name = "registration_calendar")
    public String registrationCalendar;

    @Column(name = "first_name_arabic")
    public String firstNameArabic;

    @Column(name = "last_name_arabic")
    public String lastNameArabic;

    @Column(name = "first_name_latin")
    public String firstNameLatin;

    @Column(name = "last_name_latin")
    public String lastNameLatin;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    @Column(name = "father_name")
    public String fatherName;

    @Column(name = "mother_name")
    public String motherName;

    @Embedded
    public RequesterIdentity requester;

    public String relation;

    public String destination;

    public String addressee;

    public String street;

    public String city;

    @Column(name = "postal_code")
    public String postalCode;

    @Column(name = "country_code")
    public String countryCode;

    @Column(name = "price_minor")
    public long priceMinor;

    @Column(name = "postage_minor")
    public long postageMinor;

    @Column(name = "total_minor")
    public long totalMinor;

    public String currency;

    @Column(name = "payment_reference")
    public String paymentReference;

    @Column(name = "pay_before")
    public Instant payBefore;

    @Column(name = "paid_at")
    public Instant paidAt;

    @Column(name = "refund_minor")
    public Long refundMinor;

    @Column(name = "refund_reference")
    public String refundReference;

    @Column(name = "refund_due_since")
    public Instant refundDueSince;

    @Column(name = "refund_confirmed_at")
    public Instant refundConfirmedAt;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    @Column(name = "tracking_number")
    public String trackingNumber;

    @Column(name = "return_reason")
    public String returnReason;
}
