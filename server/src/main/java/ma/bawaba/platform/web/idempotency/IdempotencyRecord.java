package ma.bawaba.platform.web.idempotency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The first response to a creating POST with an Idempotency-Key, replayed to its retries. */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String scope;

    @Column(name = "idem_key")
    public String key;

    @Column(name = "request_hash")
    public String requestHash;

    @Column(name = "status_code")
    public int statusCode;

    public String location;

    public String etag;

    @Column(name = "response_body")
    public String responseBody;

    @Column(name = "created_at")
    public Instant createdAt;
}
