package ma.bawaba.cases.attachments;

import ma.bawaba.contract.model.ActorKind;
import ma.bawaba.contract.model.Attachment;
import ma.bawaba.contract.model.ExportedAttachment;
import ma.bawaba.platform.TimeSource;

/** An attachment's metadata as the API shows it. */
public final class AttachmentMapper {

    private AttachmentMapper() {
    }

    public static Attachment toApi(AttachedFile file) {
        return new Attachment()
                .id(file.id)
                .fileName(Attachments.safeFileName(file.fileName))
                .mediaType(file.mediaType)
                .sizeBytes(file.sizeBytes)
                .sha256(file.sha256)
                .uploadedBy(ActorKind.fromValue(file.uploadedBy))
                .uploadedAt(file.uploadedAt.atZone(TimeSource.MOROCCO).toOffsetDateTime());
    }

    /** As a case's export lists it, with the path that downloads it. */
    public static ExportedAttachment exported(AttachedFile file, String href) {
        return new ExportedAttachment()
                .id(file.id)
                .fileName(Attachments.safeFileName(file.fileName))
                .mediaType(file.mediaType)
                .sizeBytes(file.sizeBytes)
                .sha256(file.sha256)
                .uploadedBy(ActorKind.fromValue(file.uploadedBy))
                .uploadedAt(file.uploadedAt.atZone(TimeSource.MOROCCO).toOffsetDateTime())
                .href(href);
    }
}
