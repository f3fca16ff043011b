package ma.bawaba.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One of the 12 regions of the 2015 territorial division. */
@Entity
@Table(name = "region")
public class Region extends PanacheEntityBase {

    @Id
    public Long id;

    public String code;

    @Embedded
    public Names names;
}
