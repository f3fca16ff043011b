package ma.bawaba.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A province or prefecture. */
@Entity
@Table(name = "province")
public class Province extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "region_id")
    public Long regionId;

    public String kind;

    @Embedded
    public Names names;
}
