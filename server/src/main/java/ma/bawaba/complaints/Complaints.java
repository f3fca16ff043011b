package ma.bawaba.complaints;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ma.bawaba.cases.CaseConversation;
import ma.bawaba.cases.CaseFile;
import ma.bawaba.cases.CaseFiles;
import ma.bawaba.cases.CaseLedger;
import ma.bawaba.cases.CaseService;
import ma.bawaba.cases.attachments.AttachedFile;
import ma.bawaba.cases.attachments.Attachments;
import ma.bawaba.complaints.ComplaintLifecycle.Actor;
import ma.bawaba.complaints.ComplaintLifecycle.Kind;
import ma.bawaba.complaints.ComplaintLifecycle.Status;
import ma.bawaba.contract.model.ComplaintInput;
import ma.bawaba.contract.model.ComplaintTransition;
import ma.bawaba.contract.model.RatingInput;
import ma.bawaba.platform.BawabaConfig;
import ma.bawaba.platform.TimeSource;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.security.Caller;
import ma.bawaba.platform.web.Page;
import ma.bawaba.platform.web.Versions;
import ma.bawaba.reference.ComplaintCategory;
import ma.bawaba.reference.Institution;

/**
 * The complaints service (Decree 2-17-265): submission, the institution's transitions, the holder's rating and
 * reopening, and the closing of answers nobody reopened. Every status change is checked against
 * {@link ComplaintLifecycle}, needs the current version, and writes its case event in the same transaction.
 */
@ApplicationScoped
public class Complaints {

    private final CaseLedger ledger;
    private final CaseFiles caseFiles;
    private final CaseConversation conversation;
    private final Attachments attachments;
    private final BawabaConfig.Complaints rules;
    private final Clock clock;

    Complaints(CaseLedger ledger, CaseFiles caseFiles, CaseConversation conversation, Attachments attachments,
               BawabaConfig config, Clock clock) {
        this.ledger = ledger;
        this.caseFiles = caseFiles;
        this.conversation = conversation;
        this.attachments = attachments;
        this.rules = config.complaints();
        this.clock = clock;
    }

    @Transactional
    public ComplaintView submit(ComplaintInput input, Caller citizen) {
        Institution institution = Institution.findById(input.getInstitutionId());
        if (institution == null || !institution.active) {
            throw DomainException.Unprocessable.field("institutionId", "field.unknown-reference",
                    new DomainException.Localized("subject.institution"));
        }
        if (!institution.acceptsComplaints) {
            throw DomainException.Unprocessable.field("institutionId", "field.institution-refuses-complaints");
        }
        if (ComplaintCategory.findById(input.getCategoryId()) == null) {
            throw DomainException.Unprocessable.field("categoryId", "field.unknown-reference",
                    new DomainException.Localized("subject.complaint-category"));
        }
        CaseFile file = ledger.open(new CaseLedger.Opening(CaseService.COMPLAINTS, input.getKind().name(),
                Status.RECEIVED.name(), institution.id, null, input.getRequester().getEmail(), answerDueDate()), citizen);
        Complaint complaint = new Complaint();
        complaint.caseId = file.id;
        complaint.categoryId = input.getCategoryId();
        complaint.subject = input.getSubject().strip();
        complaint.content = input.getContent().strip();
        complaint.firstName = input.getRequester().getFirstName().strip();
        complaint.lastName = input.getRequester().getLastName().strip();
        complaint.idDocumentType = input.getRequester().getIdDocumentType().name();
        complaint.idDocumentNumber = input.getRequester().getIdDocumentNumber().toUpperCase(java.util.Locale.ROOT);
        complaint.phone = input.getRequester().getPhone();
        complaint.persist();
        return new ComplaintView(file, complaint, List.of(), List.of());
    }

    @Transactional
    public ComplaintView view(String number, Caller caller) {
        return viewOf(caseFiles.visible(CaseService.COMPLAINTS, number, caller));
    }

    /** A complaint the caller may see and that still takes messages and documents, locked for the change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CaseFile open(String number, Caller caller) {
        CaseFile file = caseFiles.visibleForUpdate(CaseService.COMPLAINTS, number, caller);
        Status status = Status.valueOf(file.status);
        if (status.isTerminal()) {
            throw new DomainException.Conflict("problem.case-closed.detail", number, status);
        }
        return file;
    }

    /** A document of a complaint the caller may see. */
    @Transactional
    public Attachments.Download download(String number, long attachmentId, Caller caller) {
        return attachments.download(caseFiles.visible(CaseService.COMPLAINTS, number, caller), attachmentId);
    }

    /** The institution's moves; the caller is staff of the assigned institution (else 404). */
    @Transactional
    public ComplaintView transition(String number, ComplaintTransition command, String ifMatch, Caller staff) {
        CaseFile file = caseFiles.visibleForUpdate(CaseService.COMPLAINTS, number, staff);
        Versions.require(ifMatch, file.version);
        Complaint complaint = Complaint.findById(file.id);
        Status from = Status.valueOf(file.status);
        Status to = Status.valueOf(command.getTo().name());
        ComplaintLifecycle.check(Kind.valueOf(file.kind), from, to, Actor.INSTITUTION);
        switch (to) {
            case ACKNOWLEDGED -> ledger.changeStatus(file, "ACKNOWLEDGED", to.name(), false, staff, null);
            case ANSWERED -> answer(file, complaint, command, staff);
            case REJECTED -> {
                complaint.rejectionReason = required(command.getReason(), "reason").strip();
                ledger.changeStatus(file, "REJECTED", to.name(), true, staff, null);
            }
            case TRANSFERRED -> transfer(file, command, staff);
            case CLOSED -> ledger.changeStatus(file, "CLOSED", to.name(), true, staff, null);
            default -> throw new IllegalStateException("no institution transition to " + to);
        }
        return viewOf(file);
    }

    private void answer(CaseFile file, Complaint complaint, ComplaintTransition command, Caller staff) {
        Answer answer = new Answer();
        answer.caseId = file.id;
        answer.sequence = (int) Answer.count("caseId", file.id) + 1;
        answer.text = required(command.getAnswer(), "answer").strip();
        answer.answeredAt = clock.instant();
        answer.persist();
        attachments.claim(file, staff, command.getAttachmentIds(), attached -> attached.answerId = answer.id);
        complaint.answeredAt = answer.answeredAt;
        ledger.changeStatus(file, "ANSWERED", Status.ANSWERED.name(), true, staff, "{\"answer\":" + answer.sequence + "}");
    }

    private void transfer(CaseFile file, ComplaintTransition command, Caller staff) {
        required(command.getReason(), "reason");
        Long targetId = command.getInstitutionId();
        if (targetId == null) {
            throw DomainException.Unprocessable.field("institutionId", "field.required");
        }
        Institution target = Institution.findById(targetId);
        if (target == null || !target.active || !target.acceptsComplaints) {
            throw DomainException.Unprocessable.field("institutionId", "field.institution-refuses-complaints");
        }
        if (target.id.equals(file.institutionId)) {
            throw DomainException.Unprocessable.field("institutionId", "field.transfer-to-self");
        }
        Long from = file.institutionId;
        // The citizen is told why, in the conversation that moves with the complaint.
        conversation.send(file, staff, command.getReason().strip(), List.of());
        // The competent institution gets the full time to answer, counted from the transfer.
        file.institutionId = target.id;
        file.dueDate = answerDueDate();
        ledger.changeStatus(file, "TRANSFERRED", Status.TRANSFERRED.name(), false, staff,
                "{\"fromInstitutionId\":" + from + ",\"toInstitutionId\":" + target.id + "}");
    }

    /** One rating per answer, by the holder, while the complaint is answered. */
    @Transactional
    public ComplaintView rate(String number, RatingInput rating, String ifMatch, Caller holder) {
        CaseFile file = caseFiles.visibleForUpdate(CaseService.COMPLAINTS, number, holder);
        Versions.require(ifMatch, file.version);
        if (Kind.valueOf(file.kind) != Kind.COMPLAINT) {
            throw new DomainException.Conflict("problem.complaint-not-rateable.detail",
                    new DomainException.Localized("complaint.kind." + file.kind));
        }
        if (Status.valueOf(file.status) != Status.ANSWERED) {
            throw new DomainException.Conflict("problem.complaint-not-answered.detail", file.status);
        }
        Answer latest = latestAnswer(file.id);
        if (latest.isRated()) {
            throw new DomainException.Conflict("problem.answer-already-rated.detail", latest.sequence);
        }
        latest.ratingSatisfied = rating.getSatisfied();
        latest.ratingScore = rating.getScore();
        latest.ratingComment = rating.getComment() == null || rating.getComment().isBlank() ? null : rating.getComment().strip();
        latest.ratedAt = clock.instant();
        file.updatedAt = latest.ratedAt;
        ledger.record(file, "RATED", null, null, holder,
                "{\"answer\":" + latest.sequence + ",\"satisfied\":" + latest.ratingSatisfied + ",\"score\":" + latest.ratingScore + "}");
        return viewOf(file);
    }

    /** Back to the same institution with a fresh deadline, within the window after the answer, at most twice. */
    @Transactional
    public ComplaintView reopen(String number, String reason, String ifMatch, Caller holder) {
        CaseFile file = caseFiles.visibleForUpdate(CaseService.COMPLAINTS, number, holder);
        Versions.require(ifMatch, file.version);
        Complaint complaint = Complaint.findById(file.id);
        ComplaintLifecycle.check(Kind.valueOf(file.kind), Status.valueOf(file.status), Status.REOPENED, Actor.HOLDER);
        if (complaint.reopenCount >= rules.maxReopenings()) {
            throw new DomainException.Conflict("problem.reopen-limit.detail", rules.maxReopenings());
        }
        Answer latest = latestAnswer(file.id);
        if (Boolean.TRUE.equals(latest.ratingSatisfied)) {
            throw new DomainException.Conflict("problem.reopen-after-satisfied.detail");
        }
        Instant deadline = reopenDeadline(complaint);
        if (!clock.instant().isBefore(deadline)) {
            throw new DomainException.Conflict("problem.reopen-window-closed.detail",
                    deadline.atZone(TimeSource.MOROCCO).toLocalDate(), rules.reopenWindow().toDays());
        }
        complaint.reopenCount++;
        complaint.answeredAt = null;
        file.dueDate = answerDueDate();
        ledger.changeStatus(file, "REOPENED", Status.REOPENED.name(), false, holder,
                "{\"reopenCount\":" + complaint.reopenCount + "}");
        // The reason is the holder's new content: it reaches the institution as a message.
        conversation.send(file, holder, reason.strip(), List.of());
        return viewOf(file);
    }

    /**
     * Closes answered complaints whose reopening window has passed, a batch at a time. Rows are claimed with
     * SKIP LOCKED, so several instances may run this at once without closing one complaint twice.
     */
    @Transactional
    public int closeAnsweredBatch() {
        Instant cutoff = clock.instant().minus(rules.closeAnsweredAfter());
        @SuppressWarnings("unchecked")
        List<Number> ids = CaseFile.getEntityManager().createNativeQuery("""
                        SELECT f.id FROM case_file f JOIN complaint c ON c.case_id = f.id
                        WHERE c.answered_at < ?1 AND f.status = 'ANSWERED'
                        ORDER BY c.answered_at LIMIT ?2 FOR UPDATE SKIP LOCKED""")
                .setParameter(1, cutoff)
                .setParameter(2, rules.closeBatchSize())
                .getResultList();
        for (Number id : ids) {
            CaseFile file = CaseFile.findById(id.longValue());
            ComplaintLifecycle.check(Kind.valueOf(file.kind), Status.valueOf(file.status), Status.CLOSED, Actor.SYSTEM);
            Complaint.<Complaint>findById(file.id).answeredAt = null;
            ledger.changeStatus(file, "CLOSED", Status.CLOSED.name(), true, Caller.SYSTEM, null);
        }
        return ids.size();
    }

    /** The institution's inbox of complaints, newest first, filtered; no personal data is read. */
    @Transactional
    public Page<ComplaintView> list(Caller staff, ComplaintFilter filter, Page.Request request) {
        StringBuilder where = new StringBuilder("c.caseId = f.id and f.service = 'COMPLAINTS' and f.institutionId = :institution");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("institution", staff.institutionId());
        if (filter.status() != null) {
            where.append(" and f.status = :status");
            parameters.put("status", filter.status());
        }
        if (filter.kind() != null) {
            where.append(" and f.kind = :kind");
            parameters.put("kind", filter.kind());
        }
        if (filter.categoryId() != null) {
            where.append(" and c.categoryId = :category");
            parameters.put("category", filter.categoryId());
        }
        if (filter.overdue() != null) {
            where.append(filter.overdue() ? " and f.closed = false and f.dueDate < :today"
                    : " and (f.closed = true or f.dueDate is null or f.dueDate >= :today)");
            parameters.put("today", LocalDate.now(clock.withZone(TimeSource.MOROCCO)));
        }
        if (filter.submittedFrom() != null) {
            where.append(" and f.submittedAt >= :from");
            parameters.put("from", filter.submittedFrom().atStartOfDay(TimeSource.MOROCCO).toInstant());
        }
        if (filter.submittedTo() != null) {
            where.append(" and f.submittedAt < :to");
            parameters.put("to", filter.submittedTo().plusDays(1).atStartOfDay(TimeSource.MOROCCO).toInstant());
        }
        Long after = request.afterId();
        if (after != null) {
            where.append(" and f.id < :after");
            parameters.put("after", after);
        }
        var query = CaseFile.getEntityManager().createQuery(
                "select f, c from CaseFile f, Complaint c where " + where + " order by f.id desc", Object[].class);
        parameters.forEach(query::setParameter);
        List<ComplaintView> rows = new ArrayList<>();
        for (Object[] row : query.setMaxResults(request.fetchSize()).getResultList()) {
            rows.add(new ComplaintView((CaseFile) row[0], (Complaint) row[1], List.of(), List.of()));
        }
        return Page.of(rows, request, view -> view.file().id.toString(), view -> view);
    }

    /** What an inbox can be filtered by. */
    public record ComplaintFilter(String status, String kind, Long categoryId, Boolean overdue, LocalDate submittedFrom,
                                  LocalDate submittedTo) {
    }

    public Instant reopenDeadline(Complaint complaint) {
        return complaint.answeredAt == null ? null : complaint.answeredAt.plus(rules.reopenWindow());
    }

    ComplaintView viewOf(CaseFile file) {
        // A change made in this transaction must show its new version (the ETag) in the response.
        CaseFile.getEntityManager().flush();
        Complaint complaint = Complaint.findById(file.id);
        List<Answer> answers = Answer.list("caseId = ?1 order by sequence", file.id);
        List<AttachedFile> documents = attachments.ofCase(file.id);
        return new ComplaintView(file, complaint, answers, documents);
    }

    private static Answer latestAnswer(long caseId) {
        return Answer.<Answer>find("caseId = ?1 order by sequence desc", caseId).firstResult();
    }

    private LocalDate answerDueDate() {
        return LocalDate.now(clock.withZone(TimeSource.MOROCCO)).plusDays(rules.answerWithinDays());
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw DomainException.Unprocessable.field(field, "field.required");
        }
        return value;
    }
}
