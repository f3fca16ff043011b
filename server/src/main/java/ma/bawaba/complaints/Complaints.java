package ma.bawaba.complaints;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import ma.bawaba.platform.database.WriteTransaction;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import ma.bawaba.cases.Assignments;
import ma.bawaba.cases.CaseConversation;
import ma.bawaba.cases.CaseFile;
import ma.bawaba.cases.CaseFiles;
import ma.bawaba.cases.CaseLedger;
import ma.bawaba.cases.CaseService;
import ma.bawaba.cases.InboxQuery;
import ma.bawaba.cases.RequesterIdentity;
import ma.bawaba.cases.attachments.AttachedFile;
import ma.bawaba.cases.attachments.Attachments;
import ma.bawaba.cases.events.CaseEventData;
import ma.bawaba.complaints.ComplaintLifecycle.Actor;
import ma.bawaba.complaints.ComplaintLifecycle.Kind;
import ma.bawaba.complaints.ComplaintLifecycle.Status;
import ma.bawaba.contract.model.ComplaintInput;
import ma.bawaba.contract.model.ComplaintTransition;
import ma.bawaba.contract.model.RatingInput;
import ma.bawaba.platform.BawabaConfig;
import ma.bawaba.platform.TimeSource;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.problem.FieldErrorCode;
import ma.bawaba.platform.problem.ProblemCode;
import ma.bawaba.platform.problem.ProblemFacts;
import ma.bawaba.platform.problem.Required;
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
    private final ReopenWindow reopenWindow;
    private final Clock clock;

    Complaints(CaseLedger ledger, CaseFiles caseFiles, CaseConversation conversation, Attachments attachments,
               BawabaConfig config, Clock clock) {
        this.ledger = ledger;
        this.caseFiles = caseFiles;
        this.conversation = conversation;
        this.attachments = attachments;
        this.rules = config.complaints();
        this.reopenWindow = new ReopenWindow(rules.reopenWithinDays());
        this.clock = clock;
    }

    @WriteTransaction
    public ComplaintView submit(ComplaintInput input, Caller citizen) {
        Institution institution = Assignments.acceptingInstitution(CaseService.COMPLAINTS, input.getInstitutionId());
        if (ComplaintCategory.findById(input.getCategoryId()) == null) {
            throw DomainException.Unprocessable.field("categoryId", FieldErrorCode.UNKNOWN_REFERENCE, "field.unknown-reference",
                    new DomainException.Localized("subject.complaint-category"));
        }
        Complaint complaint = new Complaint();
        complaint.categoryId = input.getCategoryId();
        complaint.subject = Required.text(input.getSubject(), "subject");
        complaint.content = Required.text(input.getContent(), "content");
        complaint.requester = RequesterIdentity.of(input.getRequester());
        complaint.routingDueDate = routingDueDate();
        Kind kind = Kind.valueOf(input.getKind().name());
        CaseFile file = ledger.open(new CaseLedger.Opening(CaseService.COMPLAINTS, kind.name(),
                Status.RECEIVED.name(), institution.id, null, input.getRequester().getEmail(), answerDueDate(kind)), citizen);
        complaint.caseId = file.id;
        complaint.persist();
        return new ComplaintView(file, complaint, List.of(), List.of());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ComplaintView view(String number, Caller caller) {
        return viewOf(caseFiles.visible(CaseService.COMPLAINTS, number, caller), caller);
    }

    /** The complaint a stored submission created, to answer an Idempotency-Key replay of that submission. */
    @Transactional
    ComplaintView submitted(String number) {
        CaseFile file = CaseFile.<CaseFile>find("number", number).firstResult();
        return viewOf(file, Caller.caseHolder(file.id));
    }

    /** A complaint in this status takes no more messages or documents. */
    public static boolean isClosed(String status) {
        return Status.valueOf(status).isTerminal();
    }

    /** The institution's moves; the caller is staff of the assigned institution (else 404). */
    @WriteTransaction
    public ComplaintView transition(String number, ComplaintTransition command, String ifMatch, Caller staff) {
        CaseFile file = caseFiles.visibleForUpdate(CaseService.COMPLAINTS, number, staff);
        Versions.require(ifMatch, file.version);
        Complaint complaint = Complaint.findById(file.id);
        Status to = Status.valueOf(command.getTo().name());
        ComplaintLifecycle.check(Kind.valueOf(file.kind), Status.valueOf(file.status), to, Actor.INSTITUTION);
        switch (to) {
            case ANSWERED -> answer(file, complaint, command, staff);
            case REJECTED -> {
                complaint.rejectionReason = Required.text(command.getReason(), "reason");
                move(file, complaint, to, staff, new CaseEventData.Rejected());
            }
            case TRANSFERRED -> transfer(file, complaint, command, staff);
            case ACKNOWLEDGED -> move(file, complaint, to, staff, new CaseEventData.Acknowledged());
            case CLOSED -> move(file, complaint, to, staff, new CaseEventData.Closed(null));
            default -> throw new IllegalStateException("no institution transition to " + to);
        }
        return viewOf(file, staff);
    }

    private void answer(CaseFile file, Complaint complaint, ComplaintTransition command, Caller staff) {
        Answer answer = new Answer();
        answer.caseId = file.id;
        answer.sequence = (int) Answer.count("caseId", file.id) + 1;
        answer.text = Required.text(command.getAnswer(), "answer");
        answer.answeredAt = clock.instant();
        answer.persist();
        attachments.claim(file, staff, command.getAttachmentIds(), attached -> attached.answerId = answer.id);
        complaint.answeredAt = answer.answeredAt;
        move(file, complaint, Status.ANSWERED, staff, new CaseEventData.Answered(answer.sequence, null));
    }

    private void transfer(CaseFile file, Complaint complaint, ComplaintTransition command, Caller staff) {
        String reason = Required.text(command.getReason(), "reason");
        Institution target = Assignments.acceptingInstitution(CaseService.COMPLAINTS, command.getInstitutionId());
        if (target.id.equals(file.institutionId)) {
            throw DomainException.Unprocessable.field("institutionId", FieldErrorCode.NOT_ALLOWED, "field.transfer-to-self");
        }
        Long from = file.institutionId;
        // The citizen is told why, in the conversation that moves with the complaint.
        conversation.send(file, staff, reason, List.of());
        // The competent institution acts on it as if it had received it: the full times to route and to answer,
        // counted from the transfer.
        file.institutionId = target.id;
        file.dueDate = answerDueDate(Kind.valueOf(file.kind));
        complaint.routingDueDate = routingDueDate();
        move(file, complaint, Status.TRANSFERRED, staff, new CaseEventData.Transferred(from, target.id, file.dueDate));
    }

    /** One rating per answer, by the holder, while the complaint is answered; a satisfied one closes it at once. */
    @WriteTransaction
    public ComplaintView rate(String number, RatingInput rating, String ifMatch, Caller holder) {
        CaseFile file = caseFiles.visibleForUpdate(CaseService.COMPLAINTS, number, holder);
        Versions.require(ifMatch, file.version);
        if (Kind.valueOf(file.kind) != Kind.COMPLAINT) {
            throw new DomainException.Conflict(ProblemCode.NOT_RATEABLE, "problem.complaint-not-rateable.detail",
                    new DomainException.Localized("complaint.kind." + file.kind));
        }
        if (Status.valueOf(file.status) != Status.ANSWERED) {
            throw new DomainException.Conflict(ProblemCode.NOT_ANSWERED, ProblemFacts.currentStatus(Status.valueOf(file.status)),
                    "problem.complaint-not-answered.detail", new DomainException.Localized("complaint.status." + file.status));
        }
        Answer latest = latestAnswer(file.id);
        if (latest.isRated()) {
            throw new DomainException.Conflict(ProblemCode.ALREADY_RATED, "problem.answer-already-rated.detail", latest.sequence);
        }
        latest.ratingSatisfied = rating.getSatisfied();
        latest.ratingScore = rating.getScore();
        latest.ratingComment = rating.getComment() == null || rating.getComment().isBlank() ? null : rating.getComment().strip();
        latest.ratedAt = clock.instant();
        // The rating is an event of the complaint: its version moves, so that a stale If-Match cannot rate or reopen.
        ledger.record(file, holder, new CaseEventData.Rated(latest.sequence, latest.ratingSatisfied, latest.ratingScore));
        if (Boolean.TRUE.equals(latest.ratingSatisfied)) {
            // PRODUCT.md: a satisfied rating closes the complaint at once; there is nothing left to reopen.
            ComplaintLifecycle.check(Kind.valueOf(file.kind), Status.ANSWERED, Status.CLOSED, Actor.HOLDER);
            Complaint complaint = Complaint.findById(file.id);
            complaint.answeredAt = null;
            move(file, complaint, Status.CLOSED, holder, new CaseEventData.Closed(latest.sequence));
        }
        return viewOf(file, holder);
    }

    /** Back to the same institution with a fresh deadline, within the window after the answer, at most twice. */
    @WriteTransaction
    public ComplaintView reopen(String number, String reason, String ifMatch, Caller holder) {
        String why = Required.text(reason, "reason");
        CaseFile file = caseFiles.visibleForUpdate(CaseService.COMPLAINTS, number, holder);
        Versions.require(ifMatch, file.version);
        Complaint complaint = Complaint.findById(file.id);
        Reopening reopening = reopening(file, complaint);
        if (reopening.refusal() != null) {
            throw reopening.refusal();
        }
        complaint.reopenCount++;
        complaint.answeredAt = null;
        file.dueDate = answerDueDate(Kind.COMPLAINT);
        move(file, complaint, Status.REOPENED, holder, new CaseEventData.Reopened(complaint.reopenCount, file.dueDate));
        // The reason is the holder's new content: it reaches the institution as a message.
        conversation.send(file, holder, why, List.of());
        return viewOf(file, holder);
    }

    /**
     * Closes answered complaints whose {@link ReopenWindow} has ended, one batch in one transaction: their answer was
     * not reopened, and not rated satisfied (that closes at once), so it was unrated or rated unsatisfied. Rows are
     * claimed with SKIP LOCKED, so that several instances may run this at once without closing a complaint twice.
     */
    @WriteTransaction
    public int closeAnsweredBatch() {
        Instant cutoff = reopenWindow.closedForAnswersBefore(clock.instant());
        @SuppressWarnings("unchecked")
        List<Number> claimed = CaseFile.getEntityManager().createNativeQuery("""
                        SELECT f.id FROM case_file f JOIN complaint c ON c.case_id = f.id
                        WHERE c.answered_at < ?1 AND f.status = 'ANSWERED'
                        ORDER BY c.answered_at LIMIT ?2 FOR UPDATE SKIP LOCKED""")
                .setParameter(1, cutoff)
                .setParameter(2, rules.closeBatchSize())
                .getResultList();
        if (claimed.isEmpty()) {
            return 0;
        }
        List<Long> ids = claimed.stream().map(Number::longValue).toList();
        Map<Long, Complaint> complaints = Complaint.<Complaint>list("caseId in ?1", ids).stream()
                .collect(Collectors.toMap(complaint -> complaint.caseId, Function.identity()));
        for (CaseFile file : CaseFile.<CaseFile>list("id in ?1", ids)) {
            ComplaintLifecycle.check(Kind.valueOf(file.kind), Status.valueOf(file.status), Status.CLOSED, Actor.SYSTEM);
            Complaint complaint = complaints.get(file.id);
            complaint.answeredAt = null;
            move(file, complaint, Status.CLOSED, Caller.SYSTEM, new CaseEventData.Closed(null));
        }
        return ids.size();
    }

    /** The institution's inbox of complaints, newest first, filtered; only the columns of a summary are read. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<InboxRow> list(Caller staff, ComplaintFilter filter, Page.Request request) {
        List<InboxRow> rows = InboxQuery.of(CaseService.COMPLAINTS, "f.institutionId = :tenant", staff.institutionId())
                .where("c.caseId = f.id")
                .status(filter.status())
                .kind(filter.kind())
                .and("c.categoryId = :category", "category", filter.categoryId())
                .overdue(filter.overdue(), TimeSource.today(clock))
                .past("c.routingDueDate", filter.routingOverdue(), TimeSource.today(clock))
                .submitted(filter.submittedFrom(), filter.submittedTo())
                .page(CaseFile.getEntityManager(), "select new " + InboxRow.class.getName()
                        + "(f.id, f.number, f.kind, f.status, f.institutionId, c.categoryId, c.subject, f.submittedAt,"
                        + " f.updatedAt, c.routingDueDate, f.dueDate, f.closed)", ", Complaint c", InboxRow.class, request);
        return Page.of(rows, request, row -> Long.toString(row.id()), Function.identity());
    }

    /** What an inbox can be filtered by. */
    public record ComplaintFilter(String status, String kind, Long categoryId, Boolean overdue, Boolean routingOverdue,
                                  LocalDate submittedFrom, LocalDate submittedTo) {
    }

    /** A complaint as its inbox lists it: no personal data. */
    public record InboxRow(Long id, String number, String kind, String status, Long institutionId, Long categoryId,
                           String subject, Instant submittedAt, Instant updatedAt, LocalDate routingDueDate,
                           LocalDate dueDate, boolean closed) {
    }

    /** Until when the holder may still reopen (see {@link #reopening}); null when the holder may not. */
    public Instant reopenableUntil(ComplaintView view) {
        return reopening(view.file(), view.complaint()).until();
    }

    /**
     * Whether the holder may reopen now: either until when, or the 409 that says why not. The one guard of reopening:
     * {@link #reopen} throws its refusal and clients are shown its {@code until}, so the two cannot drift.
     */
    record Reopening(Instant until, DomainException refusal) {
    }

    private Reopening reopening(CaseFile file, Complaint complaint) {
        var notInTable = ComplaintLifecycle.refusal(Kind.valueOf(file.kind), Status.valueOf(file.status), Status.REOPENED,
                Actor.HOLDER);
        if (notInTable.isPresent()) {
            return new Reopening(null, notInTable.get());
        }
        if (complaint.reopenCount >= rules.maxReopenings()) {
            return new Reopening(null, new DomainException.Conflict(ProblemCode.REOPEN_LIMIT_REACHED,
                    ProblemFacts.limit(rules.maxReopenings()), "problem.reopen-limit.detail", rules.maxReopenings()));
        }
        if (!reopenWindow.isOpen(complaint.answeredAt, clock.instant())) {
            LocalDate lastDay = reopenWindow.lastDay(complaint.answeredAt);
            return new Reopening(null, new DomainException.Conflict(ProblemCode.WINDOW_CLOSED,
                    ProblemFacts.window(TimeSource.dateOf(complaint.answeredAt), lastDay), "problem.reopen-window-closed.detail",
                    lastDay, reopenWindow.days()));
        }
        return new Reopening(reopenWindow.end(complaint.answeredAt), null);
    }

    /**
     * Moves the status with its event. What is no longer owed loses its date (PRODUCT.md: a due date is shown only
     * while something is owed): the answer's due date once nothing awaits the institution, the routing due date once
     * routed.
     */
    private void move(CaseFile file, Complaint complaint, Status to, Caller actor, CaseEventData data) {
        if (!to.awaitsInstitution()) {
            file.dueDate = null;
        }
        if (!to.awaitsRouting()) {
            complaint.routingDueDate = null;
        }
        ledger.changeStatus(file, to.name(), !to.awaitsInstitution(), actor, data);
    }

    private ComplaintView viewOf(CaseFile file, Caller reader) {
        // A change made in this transaction must show its new version (the ETag) in the response; a read runs in none.
        if (CaseFile.getEntityManager().isJoinedToTransaction()) {
            CaseFile.getEntityManager().flush();
        }
        Complaint complaint = Complaint.findById(file.id);
        List<Answer> answers = Answer.list("caseId = ?1 order by sequence", file.id);
        List<AttachedFile> documents = attachments.visibleOf(file.id, reader);
        return new ComplaintView(file, complaint, answers, documents);
    }

    private static Answer latestAnswer(long caseId) {
        return Answer.<Answer>find("caseId = ?1 order by sequence desc", caseId).firstResult();
    }

    /** Observations and suggestions owe no answer (PRODUCT.md), so they have no due date and are never overdue. */
    private LocalDate answerDueDate(Kind kind) {
        return kind == Kind.COMPLAINT ? TimeSource.today(clock).plusDays(rules.answerWithinDays()) : null;
    }

    private LocalDate routingDueDate() {
        return TimeSource.today(clock).plusDays(rules.routeWithinDays());
    }
}
