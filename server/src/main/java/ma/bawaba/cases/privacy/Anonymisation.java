package ma.bawaba.cases.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import ma.bawaba.cases.CaseFile;
import ma.bawaba.cases.CaseLedger;
import ma.bawaba.cases.attachments.AttachmentStore;
import ma.bawaba.cases.events.CaseEventData;
import ma.bawaba.platform.BawabaConfig;
import ma.bawaba.platform.TimeSource;
import ma.bawaba.platform.database.WriteTransaction;
import ma.bawaba.platform.security.Caller;

/**
 * Erases the personal data of closed cases whose retention period has ended (Law 09-08), one batch of one service in
 * one transaction: the requester's e-mail and identity, the service's own personal columns, the messages' texts, the
 * documents' content, names and digests. The number, kind, tenant, states, dates and events remain, and an
 * {@code ANONYMISED} event records when, so that the timeline, the change feed and the statistics go on as before.
 *
 * <p>Cases are claimed with SKIP LOCKED and only while not yet anonymised, so several instances may run this at once
 * and each case is anonymised once.
 */
@ApplicationScoped
public class Anonymisation {

    private final CaseLedger ledger;
    private final AttachmentStore store;
    private final EntityManager entityManager;
    private final Clock clock;
    private final int batchSize;

    Anonymisation(CaseLedger ledger, AttachmentStore store, EntityManager entityManager, Clock clock, BawabaConfig config) {
        this.ledger = ledger;
        this.store = store;
        this.entityManager = entityManager;
        this.clock = clock;
        this.batchSize = config.retention().batchSize();
    }

    /** Anonymises one batch of the service's cases that are due; returns how many (0 once none is left). */
    @WriteTransaction
    public int anonymiseBatch(ServiceRetention service) {
        Instant now = clock.instant();
        // A period of years is counted in the Moroccan calendar (a leap day is a day of it), not as N×24 hours.
        Instant lastEventBefore = now.atZone(TimeSource.MOROCCO).minus(service.period()).toInstant();
        @SuppressWarnings("unchecked")
        List<Number> claimed = entityManager.createNativeQuery("SELECT f.id FROM case_file f"
                        + " WHERE f.service = ?1 AND f.anonymised_at IS NULL AND f.updated_at < ?2 AND "
                        + service.closedWhere()
                        + " ORDER BY f.updated_at LIMIT ?3 FOR UPDATE SKIP LOCKED")
                .setParameter(1, service.service().name())
                .setParameter(2, lastEventBefore)
                .setParameter(3, batchSize)
                .getResultList();
        if (claimed.isEmpty()) {
            return 0;
        }
        List<Long> ids = claimed.stream().map(Number::longValue).toList();
        eraseDocuments(ids);
        update("UPDATE case_message SET text = :text WHERE case_id IN (:ids)", ids);
        update("UPDATE " + service.table() + " SET first_name = :text, last_name = :text, id_document_number = '"
                + Erased.ID_DOCUMENT_NUMBER + "', phone = NULL WHERE case_id IN (:ids)", ids);
        service.erase(entityManager, ids);
        for (CaseFile file : CaseFile.<CaseFile>list("id in ?1", ids)) {
            file.requesterEmail = Erased.EMAIL;
            file.anonymisedAt = now;
            ledger.record(file, Caller.SYSTEM, new CaseEventData.Anonymised());
        }
        return ids.size();
    }

    /** Content deleted from its store; the row keeps the type and size, which say nothing about anyone. */
    private void eraseDocuments(List<Long> ids) {
        @SuppressWarnings("unchecked")
        List<String> keys = entityManager.createNativeQuery("SELECT storage_key FROM attachment WHERE case_id IN (:ids)")
                .setParameter("ids", ids)
                .getResultList();
        store.delete(keys);
        entityManager.createNativeQuery("UPDATE attachment SET file_name = :name, sha256 = :sha256 WHERE case_id IN (:ids)")
                .setParameter("name", Erased.FILE_NAME)
                .setParameter("sha256", Erased.SHA256)
                .setParameter("ids", ids)
                .executeUpdate();
    }

    private void update(String sql, List<Long> ids) {
        entityManager.createNativeQuery(sql).setParameter("text", Erased.TEXT).setParameter("ids", ids).executeUpdate();
    }
}
