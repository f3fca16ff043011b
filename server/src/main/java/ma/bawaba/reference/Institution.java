package ma.bawaba.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.annotations.UpdateTimestamp;

/** A ministry, public body, territorial collectivity or the CDAI, with the services whose cases it accepts. */
@Entity
@Table(name = "institution")
public class Institution extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String code;

    public String kind;

    public String acronym;

    @Embedded
    public Names names;

    @Column(name = "region_id")
    public Long regionId;

    /**
     * The services whose cases it accepts, by name ({@code COMPLAINTS}...): rows of institution_service. A list page
     * loads those of all its institutions in one statement, by the application's batch size
     * (quarkus.hibernate-orm.fetch.batch-size), not an own {@code @BatchSize}: Hibernate builds a new loader, SQL
     * included, at every load of a collection whose batch size differs from the session's (18% of a list's CPU).
     */
    @ElementCollection
    @CollectionTable(name = "institution_service", joinColumns = @JoinColumn(name = "institution_id"))
    @Column(name = "service")
    public Set<String> services = new HashSet<>();

    public boolean active = true;

    @Version
    public long version;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public Instant updatedAt;
}
