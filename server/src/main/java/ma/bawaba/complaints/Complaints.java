package ma.bawaba.complaints;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import ma.bawaba.platform.database.WriteTransaction;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import ma.bawaba.cases.Assignments;
import ma.bawaba.cases.CaseCommands;
import ma.bawaba.cases.CaseConversation;
import ma.bawaba.cases.CaseFile;
import ma.bawaba.cases.CaseFiles;
import ma.bawaba.cases.CaseLedger;
import ma.bawaba.cases.CaseService;
import ma.bawaba.cases.InboxQuery;
import ma.bawaba.cases.Lifecycle;
import ma.bawaba.cases.Requester;
import ma.bawaba.cases.RequesterIdentity;
import ma.bawaba.cases.attachments.AttachedFile;
import ma.bawaba.cases.attachments.Attachments;
import ma.bawaba.cases.events.CaseEventData;
import ma.bawaba.complaints.ComplaintLifecycle.Actor;
import ma.bawaba.complaints.ComplaintLifecycle.Kind;
import ma.bawaba.complaints.ComplaintLifecycle.Status;
import ma.bawaba.complaints.ComplaintLifecycle.Subject;
import ma.bawaba.platform.BawabaConfig;
import ma.bawaba.platform.TimeSource;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.problem.FieldErrorCode;
import ma.bawaba.platform.problem.ProblemCode;
import ma.bawaba.platform.problem.ProblemFacts;
import ma.bawaba.platform.problem.Required;
import ma.bawaba.platform.security.Caller;
import ma.bawaba.platform.web.Page;
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
    private final CaseConversation conversation;
    private final Attachments attachments;
    private final BawabaConfig.Complaints rules;
    private final ReopenWindow reopenWindow;
    private final Lifecycle<Status, Actor, Subject> lifecycle;
    private final CaseCommands<Status, Actor, Subject, ComplaintView> commands;
    private final Clock clock;

    Complaints(CaseLedger ledger, CaseFiles caseFiles, CaseConversation conversation, Attachments attachments,
               BawabaConfig config, Clock clock) {
        this.ledger = ledger;
        this.conversation = conversation;
        this.attachments = attachments;
        this.rules = config.complaints();
        this.reopenWindow = new ReopenWindow(rules.reopenWithinDays());
        this.lifecycle = ComplaintLifecycle.of(rules.maxReopenings(), reopenWindow);
        this.commands = new CaseCommands<>(caseFiles, CaseService.COMPLAINTS, lifecycle,
                file -> new Subject(file, Complaint.findById(file.id), clock.instant()), this::viewOf);
        this.clock = clock;
    }

    /** What a citizen files. */
    public record Filing(Kind kind, long institutionId, long categoryId, String subject, String content, Requester requester) {
    }

    /** A move of the assigned institution, with what that move needs (an answer, a reason, the competent body). */
    public record InstitutionMove(Status to, String answer, String reason, Long institutionId, Set<Long> attachmentIds) {
    }

    /** The holder's rating of the latest answer. */
    public record Rating(boolean satisfied, Integer score, String comment) {
    }

    @WriteTransaction
    public ComplaintView submit(Filing filing, Caller citizen) {
        Institution institution = Assignments.acceptingInstitution(CaseService.COMPLAINTS, filing.institutionId());
        if (ComplaintCategory.findById(filing.categoryId()) == null) {
            throw DomainException.Unprocessable.field("categoryId", FieldErrorCode.UNKNOWN_REFERENCE, "field.unknown-reference",
                    new DomainException.Localized("subject.complaint-category"));
        }
        Complaint complaint = new Complaint();
        complaint.categoryId = filing.categoryId();
        complaint.subject = Required.text(filing.subject(), "subject");
        complaint.content = Required.text(filing.content(), "content");
        complaint.requester = RequesterIdentity.of(filing.requester());
        complaint.routingDueDate = routingDueDate();
        CaseFile file = ledger.open(new CaseLedger.Opening(CaseService.COMPLAINTS, filing.kind().name(),
                Status.RECEIVED.name(), institution.id, null, filing.requester().email(), answerDueDate(filing.kind())), citizen);
        complaint.caseId = file.id;
        complaint.persist();
        return new ComplaintView(file, complaint, List.of(), List.of(), null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ComplaintView view(String number, Caller caller) {
        return commands.view(number, caller);
    }

    /** The complaint a stored submission created, to answer an Idempotency-Key replay of that submission. */
    @Transactional
    ComplaintView submitted(String number) {
        return commands.submitted(number);
    }

    /** A complaint in this status takes no more messages or documents. */
    public static boolean isClosed(String status) {
        return Status.valueOf(status).isTerminal();
    }

    /** The institution's moves; the caller is staff of the assigned institution (else 404). */
    @WriteTransaction
    public ComplaintView transition(String number, long expectedVersion, InstitutionMove command, Caller staff) {
        return commands.move(number, expectedVersion, staff, command.to(), Actor.INSTITUTION, subject -> {
            CaseFile file = subject.file();
            Complaint complaint = subject.complaint();
            switch (command.to()) {
                case ANSWERED -> answer(file, complaint, command, staff);
                case REJECTED -> {
                    complaint.rejectionReason = Required.text(command.reason(), "reason");
                    move(file, complaint, Status.REJECTED, staff, new CaseEventData.Rejected(null));
                }
                case TRANSFERRED -> transfer(file, complaint, command, staff);
                case ACKNOWLEDGED -> move(file, complaint, Status.ACKNOWLEDGED, staff, new CaseEventData.Acknowledged());
                case CLOSED -> move(file, complaint, Status.CLOSED, staff, new CaseEventData.Closed(null));
                default -> throw new IllegalStateException("no institution transition to " + command.to());
            }
        });
    }

    private void answer(CaseFile file, Complaint complaint, InstitutionMove command, Caller staff) {
        Answer answer = new Answer();
        answer.caseId = file.id;
        answer.sequence = (int) Answer.count("caseId", file.id) + 1;
        answer.text = Required.text(command.answer(), "answer");
        answer.answeredAt = clock.instant();
        answer.persist();
        attachments.claim(file, staff, command.attachmentIds(), attached -> attached.answerId = answer.id);
        complaint.answeredAt = answer.answeredAt;
        file.respond(answer.answeredAt, (int) ChronoUnit.DAYS.between(TimeSource.dateOf(file.submittedAt),
                TimeSource.dateOf(answer.answeredAt)));
        move(file, complaint, Status.ANSWERED, staff, new CaseEventData.Answered(answer.sequence, null));
    }

    private void transfer(CaseFile file, Complaint complaint, InstitutionMove command, Caller staff) {
        String reason = Required.text(command.reason(), "reason");
        Institution target = Assignments.acceptingInstitution(CaseService.COMPLAINTS, command.institutionId());
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
    public ComplaintView rate(String number, long expectedVersion, Rating rating, Caller holder) {
        return commands.change(number, expectedVersion, holder, subject -> {
            CaseFile file = subject.file();
            if (subject.kind() != Kind.COMPLAINT) {
                throw new DomainException.Conflict(ProblemCode.NOT_RATEABLE, "problem.complaint-not-rateable.detail",
                        new DomainException.Localized("complaint.kind." + file.kind));
            }
            if (subject.status() != Status.ANSWERED) {
                throw new DomainException.Conflict(ProblemCode.NOT_ANSWERED, ProblemFacts.currentStatus(subject.status()),
                        "problem.complaint-not-answered.detail", new DomainException.Localized("complaint.status." + file.status));
            }
            Answer latest = latestAnswer(file.id);
            if (latest.isRated()) {
                throw new DomainException.Conflict(ProblemCode.ALREADY_RATED, "problem.answer-already-rated.detail", latest.sequence);
            }
            latest.ratingSatisfied = rating.satisfied();
            latest.ratingScore = rating.score();
            latest.ratingComment = rating.comment() == null || rating.comment().isBlank() ? null : rating.comment().strip();
            latest.ratedAt = clock.instant();
            // The rating is an event of the complaint: its version moves, so that a stale If-Match cannot rate or reopen.
            ledger.record(file, holder, new CaseEventData.Rated(latest.sequence, latest.ratingSatisfied, latest.ratingScore));
            if (rating.satisfied()) {
                // PRODUCT.md: a satisfied rating closes the complaint at once; there is nothing left to reopen.
                lifecycle.check(subject, Status.CLOSED, Actor.HOLDER);
                subject.complaint().answeredAt = null;
                move(file, subject.complaint(), Status.CLOSED, holder, new CaseEventData.Closed(latest.sequence));
            }
        });
    }

    /** Back to the same institution with a fresh deadline, within the window after the answer, at most twice. */
    @WriteTransaction
    public ComplaintView reopen(String number, long expectedVersion, String reason, Caller holder) {
        String why = Required.text(reason, "reason");
        return commands.move(number, expectedVersion, holder, Status.REOPENED, Actor.HOLDER, subject -> {
            CaseFile file = subject.file();
            Complaint complaint = subject.complaint();
            complaint.reopenCount++;
            complaint.answeredAt = null;
            file.dueDate = answerDueDate(Kind.COMPLAINT);
            move(file, complaint, Status.REOPENED, holder, new CaseEventData.Reopened(complaint.reopenCount, file.dueDate));
            // The reason is the holder's new content: it reaches the institution as a message.
            conversation.send(file, holder, why, List.of());
        });
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
        Instant now = clock.instant();
        for (CaseFile file : CaseFile.<CaseFile>list("id in ?1", ids)) {
            Complaint complaint = complaints.get(file.id);
            lifecycle.check(new Subject(file, complaint, now), Status.CLOSED, Actor.SYSTEM);
            complaint.answeredAt = null;
            move(file, complaint, Status.CLOSED, Caller.SYSTEM, new CaseEventData.Closed(null));
        }
        return ids.size();
    }

    /** The institution's inbox of complaints, newest first, filtered; only the columns of a summary are read. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<InboxRow> list(Caller staff, ComplaintFilter filter, Page.Request request) {
        List<InboxRow> rows = InboxQuery.of(CaseService.COMPLAINTS, staff)
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
        Complaint complaint = Complaint.findById(file.id);
        List<Answer> answers = Answer.list("caseId = ?1 order by sequence", file.id);
        List<AttachedFile> documents = attachments.visibleOf(file.id, reader);
        // Shown from the guard the reopen command checks, so that the date shown is the date that holds.
        Lifecycle.Window reopenable = lifecycle.window(new Subject(file, complaint, clock.instant()), Status.REOPENED, Actor.HOLDER);
        return new ComplaintView(file, complaint, answers, documents, reopenable == null ? null : reopenable.closesAt());
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
