package ma.bawaba.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A ground on which Law 31-13 lets a body refuse access (art. 7 exceptions and the other cases). */
@Entity
@Table(name = "refusal_ground")
public class RefusalGround extends PanacheEntityBase {

    @Id
    public Long id;

    public String code;

    @Column(name = "legal_basis")
    public String legalBasis;

    @Embedded
    public Names names;
}
