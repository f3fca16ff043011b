package ma.bawaba.cases.attachments;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A document added to a case: what it is (read from its bytes), its digest, and where its content is stored. The
 * citizen's documents are part of the case as soon as they are uploaded; an institution's are a draft, seen only by
 * that institution, until a message or an answer carries them.
 */
@Entity
@Table(name = "attachment")
public class AttachedFile extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id")
    public Long caseId;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "media_type")
    public String mediaType;

    @Column(name = "size_bytes")
    public long sizeBytes;

    public String sha256;

    /** The public actor kind of the uploader (CITIZEN, INSTITUTION...). */
    @Column(name = "uploaded_by")
    public String uploadedBy;

    /** The institution whose staff uploaded it (null for the citizen's documents). */
    @Column(name = "institution_id")
    public Long institutionId;

    @Column(name = "uploaded_at")
    public Instant uploadedAt;

    @Column(name = "storage_key")
    public String storageKey;

    @Column(name = "message_id")
    public Long messageId;

    @Column(name = "answer_id")
    public Long answerId;

    public boolean isSent() {
        return messageId != null || answerId != null;
    }

    /** An institution's document that no message or answer has sent yet: not part of the case for anyone else. */
    public boolean isDraft() {
        return institutionId != null && !isSent();
    }
}
