package ma.bawaba.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A civil-status document that can be ordered, with its price per copy (in centimes) and copy limit. */
@Entity
@Table(name = "document_type")
public class DocumentType extends PanacheEntityBase {

    @Id
    public Long id;

    public String code;

    @Embedded
    public Names names;

    @Column(name = "price_minor")
    public int priceMinor;

    public String currency;

    @Column(name = "max_copies")
    public int maxCopies;
}
