package ma.bawaba.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A thematic category of complaints, observations and suggestions. */
@Entity
@Table(name = "complaint_category")
public class ComplaintCategory extends PanacheEntityBase {

    @Id
    public Long id;

    public String code;

    @Embedded
    public Names names;
}
