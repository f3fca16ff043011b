package ma.bawaba.cases.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import ma.bawaba.cases.CaseFile;
import ma.bawaba.cases.TrackingService;
import ma.bawaba.platform.database.WriteTransaction;
import ma.bawaba.platform.security.Caller;

/**
 * An administrator's answer to a data-subject request (Law 09-08, right of access): the cases, of every service, that
 * hold the person's e-mail address or identity-document number, each saying which. Anonymised cases hold neither any
 * more. Every request is audited ({@link DataSubjectRequest}) in the same transaction as its answer.
 */
@ApplicationScoped
public class DataSubjectRequests {

    /** The most cases one answer lists (the submission limits keep a real person far below it). */
    public static final int MAX_CASES = 1000;

    private final EntityManager entityManager;
    private final List<ServiceRetention> services;
    private final Clock clock;

    DataSubjectRequests(EntityManager entityManager, Instance<ServiceRetention> services, Clock clock) {
        this.entityManager = entityManager;
        this.services = services.stream().toList();
        this.clock = clock;
    }

    /** A case found, and what it holds of the person. */
    public record HeldCase(CaseFile file, boolean byEmail, boolean byIdDocument) {
    }

    /** The answer, and the audit record it left. */
    public record Answer(long auditId, Instant requestedAt, List<HeldCase> cases) {
    }

    @WriteTransaction
    public Answer find(String email, String idDocumentNumber, Caller admin) {
        Set<Long> byEmail = ids("SELECT id FROM case_file WHERE requester_email = :value AND anonymised_at IS NULL",
                TrackingService.normalizeEmail(email));
        // Identity documents are kept upper-case (RequesterIdentity), in each service's own table.
        String document = idDocumentNumber.trim().toUpperCase(Locale.ROOT);
        Set<Long> byDocument = new HashSet<>();
        for (ServiceRetention service : services) {
            byDocument.addAll(ids("SELECT t.case_id FROM " + service.table() + " t JOIN case_file f ON f.id = t.case_id"
                    + " WHERE t.id_document_number = :value AND f.anonymised_at IS NULL", document));
        }
        Set<Long> all = new TreeSet<>(byEmail);
        all.addAll(byDocument);
        List<HeldCase> cases = all.isEmpty() ? List.of()
                : CaseFile.<CaseFile>find("id in ?1 order by submittedAt, id", all).page(0, MAX_CASES).list().stream()
                        .map(file -> new HeldCase(file, byEmail.contains(file.id), byDocument.contains(file.id)))
                        .toList();
        DataSubjectRequest audit = new DataSubjectRequest();
        audit.requestedAt = clock.instant();
        audit.actorKind = admin.kind().name();
        audit.actorRef = admin.keyPrefix() != null ? admin.keyPrefix() : admin.subject();
        audit.casesFound = cases.size();
        audit.persist();
        return new Answer(audit.id, audit.requestedAt, cases);
    }

    private Set<Long> ids(String sql, String value) {
        @SuppressWarnings("unchecked")
        List<Number> found = entityManager.createNativeQuery(sql).setParameter("value", value).getResultList();
        Set<Long> ids = new HashSet<>();
        found.forEach(id -> ids.add(id.longValue()));
        return ids;
    }
}
