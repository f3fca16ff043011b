package ma.bawaba.cases.attachments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import ma.bawaba.cases.CaseActors;
import ma.bawaba.cases.CaseFile;
import ma.bawaba.cases.CaseLedger;
import ma.bawaba.cases.events.CaseEventData;
import ma.bawaba.platform.BawabaConfig;
import ma.bawaba.platform.Digests;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.problem.FieldErrorCode;
import ma.bawaba.platform.problem.ProblemCode;
import ma.bawaba.platform.security.Caller;

/**
 * Documents of the cases of every service: checked (size per file and per case, type from the content), digested
 * (SHA-256), stored through the configured {@link AttachmentStore}, and recorded with a case event when they become
 * part of the case: the citizen's at once, an institution's draft when a message or an answer sends it (until then
 * it is on no timeline and changes nothing the citizen sees). The caller's service has already checked that the case
 * is visible to the caller and open for new documents.
 */
@ApplicationScoped
public class Attachments {

    /** A file as received and checked for size: the name its uploader gave, its bytes and their SHA-256. */
    public record Upload(String fileName, byte[] content, String sha256) {

        /** What identifies this upload for Idempotency-Key replays (the same key with another file is a 422). */
        public Map<String, String> fingerprint() {
            return Map.of("fileName", fileName, "sha256", sha256);
        }
    }

    /** A stored document and its content, for download. */
    public record Download(AttachedFile file, byte[] content) {
    }

    /** What a reader of a file name cannot see (see {@link #safeFileName}), and the quote that would end it in a header. */
    private static final java.util.regex.Pattern INVISIBLE = java.util.regex.Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Cs}\"]");

    private final AttachmentStore store;
    private final CaseLedger ledger;
    private final EntityManager entityManager;
    private final Clock clock;
    private final long maxFileBytes;
    private final long maxCaseBytes;

    Attachments(AttachmentStore store, CaseLedger ledger, EntityManager entityManager, Clock clock, BawabaConfig config) {
        this.store = store;
        this.ledger = ledger;
        this.entityManager = entityManager;
        this.clock = clock;
        this.maxFileBytes = config.attachments().maxFileSize().asLongValue();
        this.maxCaseBytes = config.attachments().maxCaseSize().asLongValue();
    }

    /**
     * Reads an uploaded file within the per-file limit: a declared size over it is refused before reading, and a
     * wrongly declared size cannot make the server read more than the limit.
     */
    public Upload receive(String fileName, long declaredSize, InputStream content) {
        if (declaredSize > maxFileBytes) {
            throw new DomainException.PayloadTooLarge(ProblemCode.FILE_TOO_LARGE, maxFileBytes, "problem.attachment-too-large.detail");
        }
        byte[] bytes = read(content, maxFileBytes);
        return new Upload(safeFileName(fileName), bytes, Digests.sha256Hex(bytes));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AttachedFile add(CaseFile file, Caller uploader, Upload upload) {
        byte[] content = upload.content();
        if (content.length == 0) {
            throw DomainException.Unprocessable.field("file", FieldErrorCode.EMPTY_FILE, "field.empty-file");
        }
        String mediaType = DocumentFormats.detect(content).orElseThrow(() ->
                DomainException.Unprocessable.field("file", FieldErrorCode.FILE_TYPE_NOT_ALLOWED, "field.document-type-not-allowed"));
        // The case row is locked by the caller's service, so two uploads cannot both pass the per-case limit.
        if (storedBytes(file.id) + content.length > maxCaseBytes) {
            throw new DomainException.PayloadTooLarge(ProblemCode.CASE_ATTACHMENTS_FULL, maxCaseBytes, "problem.case-attachments-full.detail");
        }
        AttachedFile attached = new AttachedFile();
        attached.caseId = file.id;
        attached.fileName = upload.fileName();
        attached.mediaType = mediaType;
        attached.sizeBytes = content.length;
        attached.sha256 = upload.sha256();
        attached.uploadedBy = CaseActors.visible(uploader);
        attached.institutionId = uploader.isStaff() ? uploader.institutionId() : null;
        attached.uploadedAt = clock.instant();
        attached.storageKey = UUID.randomUUID().toString().replace("-", "");
        store.put(attached.storageKey, content);
        attached.persist();
        if (!attached.isDraft()) {
            ledger.record(file, uploader, new CaseEventData.AttachmentAdded(attached.id));
        }
        return attached;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Download download(CaseFile file, long attachmentId, Caller reader) {
        AttachedFile attached = AttachedFile.findById(attachmentId);
        if (attached == null || !attached.caseId.equals(file.id) || !isVisible(attached, reader)) {
            throw new DomainException.NotFound("attachment", attachmentId);
        }
        if (file.isAnonymised()) {
            // Law 09-08: the content was erased with the rest of the case's personal data.
            throw new DomainException.Gone(file.number);
        }
        return new Download(attached, store.get(attached.storageKey));
    }

    /**
     * Links documents the same side uploaded to this case, and has not yet sent, to what carries them (a message,
     * an answer). Anything else named is a 422 on {@code attachmentIds}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<AttachedFile> claim(CaseFile file, Caller claimer, java.util.Collection<Long> ids, Consumer<AttachedFile> link) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        String side = CaseActors.visible(claimer);
        List<AttachedFile> found = AttachedFile.<AttachedFile>list("id in ?1 and caseId = ?2 and uploadedBy = ?3 "
                        + "and messageId is null and answerId is null order by id", ids, file.id, side).stream()
                .filter(attached -> !claimer.isStaff() || claimer.institutionId().equals(attached.institutionId))
                .toList();
        if (found.size() != ids.stream().distinct().count()) {
            throw DomainException.Unprocessable.field("attachmentIds", FieldErrorCode.NOT_ALLOWED, "field.attachment-not-claimable");
        }
        for (AttachedFile attached : found) {
            boolean wasDraft = attached.isDraft();
            link.accept(attached);
            if (wasDraft) {
                ledger.record(file, claimer, new CaseEventData.AttachmentAdded(attached.id));
            }
        }
        return found;
    }

    /** The documents of a case that this reader may see (see {@link AttachedFile}: drafts stay with their institution). */
    public List<AttachedFile> visibleOf(long caseId, Caller reader) {
        return AttachedFile.<AttachedFile>list("caseId = ?1 order by id", caseId).stream()
                .filter(attached -> isVisible(attached, reader)).toList();
    }

    private static boolean isVisible(AttachedFile attached, Caller reader) {
        return !attached.isDraft() || (reader.isStaff() && attached.institutionId.equals(reader.institutionId()));
    }

    public Map<Long, List<AttachedFile>> byMessage(List<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        return AttachedFile.<AttachedFile>list("messageId in ?1 order by id", messageIds).stream()
                .collect(Collectors.groupingBy(attached -> attached.messageId));
    }

    private long storedBytes(long caseId) {
        Number total = (Number) entityManager.createQuery("select coalesce(sum(a.sizeBytes), 0) from AttachedFile a where a.caseId = ?1")
                .setParameter(1, caseId).getSingleResult();
        return total.longValue();
    }

    private static byte[] read(InputStream in, long limit) {
        try (in) {
            byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (content.length > limit) {
                throw new DomainException.PayloadTooLarge(ProblemCode.FILE_TOO_LARGE, limit, "problem.attachment-too-large.detail");
            }
            return content;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /**
     * The last path segment, at most 255 characters (the end is kept: it holds the extension); "attachment" when
     * nothing is left. Without what a reader cannot see: control characters (Cc), and format characters (Cf: bidi
     * overrides and isolates, zero-width characters, the Arabic letter mark), line and paragraph separators — a
     * right-to-left override shows {@code invoice<U+202E>fdp.exe} as "invoiceexe.pdf". Applied to names as stored and
     * again as served, so that names stored before this rule are shown safely too.
     */
    public static String safeFileName(String given) {
        String name = given == null ? "" : given;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = INVISIBLE.matcher(name).replaceAll("").strip();
        int points = name.codePointCount(0, name.length());
        if (points > 255) {
            name = name.substring(name.offsetByCodePoints(0, points - 255));
        }
        return name.isEmpty() ? "attachment" : name;
    }

}
