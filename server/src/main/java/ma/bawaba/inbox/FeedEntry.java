package ma.bawaba.inbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One event in one body's change feed, at the position the sequencer gave it ({@link FeedSequencing}). */
@Entity
@Table(name = "inbox_feed")
@IdClass(FeedEntry.Key.class)
class FeedEntry extends PanacheEntityBase {

    @Id
    public String audience;

    @Id
    @Column(name = "tenant_id")
    public Long tenantId;

    @Id
    public Long position;

    @Column(name = "event_id")
    public Long eventId;

    /** The primary key: a body's feed, and a position in it. */
    public static class Key implements Serializable {
        public String audience;
        public Long tenantId;
        public Long position;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(audience, key.audience)
                    && Objects.equals(tenantId, key.tenantId) && Objects.equals(position, key.position);
        }

        @Override
        public int hashCode() {
            return Objects.hash(audience, tenantId, position);
        }
    }
}
