package ma.bawaba.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An urban or rural commune. */
@Entity
@Table(name = "commune")
public class Commune extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "province_id")
    public Long provinceId;

    public String kind;

    @Embedded
    public Names names;
}
