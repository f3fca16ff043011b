package ma.bawaba.documents;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A notification of the payment provider, kept by its transaction id: the same one sent again changes nothing. */
@Entity
@Table(name = "payment_notification")
public class PaymentNotificationRecord extends PanacheEntityBase {

    @Id
    @Column(name = "transaction_id")
    public String transactionId;

    @Column(name = "case_id")
    public Long caseId;

    public String outcome;

    @Column(name = "amount_minor")
    public long amountMinor;

    public String currency;

    @Column(name = "received_at")
    public Instant receivedAt;
}
