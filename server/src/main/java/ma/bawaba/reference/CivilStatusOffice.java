package ma.bawaba.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.UpdateTimestamp;

/** A communal civil-status office in Morocco, or a consulate abroad; the tenant of document orders. */
@Entity
@Table(name = "civil_status_office")
public class CivilStatusOffice extends PanacheEntityBase {

    /** The kind of an office in a commune of Morocco (the other kind is a consulate abroad). */
    public static final String COMMUNAL = "COMMUNAL";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String code;

    public String kind;

    @Embedded
    public Names names;

    @Column(name = "province_id")
    public Long provinceId;

    @Column(name = "commune_id")
    public Long communeId;

    @Column(name = "country_code")
    public String countryCode;

    public String city;

    public boolean active = true;

    /** Whether the office takes orders through the portal (watiqa); a citizen cannot order from one that does not. */
    @Column(name = "accepts_online_orders")
    public boolean acceptsOnlineOrders = true;

    @Version
    public long version;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public Instant updatedAt;
}
