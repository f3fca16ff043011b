package ma.bawaba.information;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import ma.bawaba.platform.database.WriteTransaction;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
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
import ma.bawaba.cases.attachments.Attachments;
import ma.bawaba.cases.events.CaseEventData;
import ma.bawaba.information.InformationLifecycle.Actor;
import ma.bawaba.information.InformationLifecycle.Status;
import ma.bawaba.information.InformationLifecycle.Subject;
import ma.bawaba.platform.BawabaConfig;
import ma.bawaba.platform.Money;
import ma.bawaba.platform.TimeSource;
import ma.bawaba.platform.calendar.Deadline;
import ma.bawaba.platform.calendar.HolidaysChanged;
import ma.bawaba.platform.calendar.WorkingDayCalendar;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.problem.FieldErrorCode;
import ma.bawaba.platform.problem.Required;
import ma.bawaba.platform.security.Caller;
import ma.bawaba.platform.security.Role;
import ma.bawaba.platform.web.Page;
import ma.bawaba.reference.Institution;
import ma.bawaba.reference.RefusalGround;

/**
 * The access-to-information service (Law 31-13): submission, the body's answers, refusals, extension and transfer,
 * the requester's withdrawal and appeals, the head's and the CDAI's decisions, and the re-dating of open requests
 * when the holiday calendar changes. Every status change is checked against {@link InformationLifecycle}, needs
 * the current version, and writes its case event in the same transaction.
 */
@ApplicationScoped
public class InformationRequests {

    private final CaseLedger ledger;
    private final CaseConversation conversation;
    private final Attachments attachments;
    private final WorkingDayCalendar calendar;
    private final BawabaConfig.Information rules;
    private final Lifecycle<Status, Actor, Subject> lifecycle;
    private final CaseCommands<Status, Actor, Subject, InformationView> commands;
    private final Clock clock;

    InformationRequests(CaseLedger ledger, CaseFiles caseFiles, CaseConversation conversation, Attachments attachments,
                        WorkingDayCalendar calendar, BawabaConfig config, Clock clock) {
        this.ledger = ledger;
        this.conversation = conversation;
        this.attachments = attachments;
        this.calendar = calendar;
        this.rules = config.information();
        this.lifecycle = InformationLifecycle.of(rules.internalComplaintWithinWorkingDays(), rules.escalationWithinDays());
        this.commands = new CaseCommands<>(caseFiles, CaseService.INFORMATION_REQUESTS, lifecycle, this::subject, this::viewOf);
        this.clock = clock;
    }

    /** What a requester files. */
    public record Filing(long institutionId, boolean urgent, String urgencyJustification, Requester requester,
                         String postalAddress, String description, String preferredFormat) {
    }

    /** A move of the body's officer, its head or the CDAI, with what that move needs. */
    public record StaffMove(Status to, String answer, Fee reproductionFee, Long refusalGroundId, String justification,
                            String reason, Long institutionId, Set<Long> attachmentIds) {
    }

    /** A reproduction fee as given: a decimal amount and its currency. */
    public record Fee(String amount, String currency) {
    }

    /** An appeal: an internal complaint to the head of the body ({@link Appeal#INTERNAL_COMPLAINT}) or an escalation. */
    public record AppealFiling(String level, String reason) {
    }

    @WriteTransaction
    public InformationView submit(Filing input, Caller citizen) {
        Institution body = Assignments.acceptingInstitution(CaseService.INFORMATION_REQUESTS, input.institutionId());
        // Law 31-13 art. 4: citizens (CIN) and foreigners legally resident in Morocco (residence card).
        if ("PASSPORT".equals(input.requester().idDocumentType())) {
            throw DomainException.Unprocessable.field("requester.idDocumentType", FieldErrorCode.NOT_ALLOWED, "field.cin-or-residence-card");
        }
        boolean urgent = input.urgent();
        InformationRequest request = new InformationRequest();
        request.type = urgent ? "URGENT" : "ORDINARY";
        request.urgencyJustification = urgent ? Required.text(input.urgencyJustification(), "urgencyJustification") : null;
        request.requester = RequesterIdentity.of(input.requester());
        request.postalAddress = input.postalAddress() == null || input.postalAddress().isBlank() ? null : input.postalAddress().strip();
        request.description = Required.text(input.description(), "description");
        request.preferredFormat = input.preferredFormat();
        request.clockStartedOn = TimeSource.today(clock);
        request.workingDays = urgent ? rules.urgentAnswerWithinWorkingDays() : rules.answerWithinWorkingDays();
        CaseFile file = ledger.open(new CaseLedger.Opening(CaseService.INFORMATION_REQUESTS, request.type,
                Status.RECEIVED.name(), body.id, null, input.requester().email(), answerDue(request)), citizen);
        request.caseId = file.id;
        request.persist();
        return viewOf(file, citizen);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public InformationView view(String number, Caller caller) {
        return commands.view(number, caller);
    }

    /** The request a stored submission created, to answer an Idempotency-Key replay of that submission. */
    @Transactional
    InformationView submitted(String number) {
        return commands.submitted(number);
    }

    /** A request in this status takes no more messages or documents. */
    public static boolean isClosed(String status) {
        return Status.valueOf(status).isFinal();
    }

    /** The moves of the body's information officer, its head, and the CDAI. */
    @WriteTransaction
    public InformationView transition(String number, long expectedVersion, StaffMove command, Caller staff) {
        Status to = command.to();
        return commands.move(number, expectedVersion, staff, to, subject -> actors(staff, subject.file()), subject -> {
            CaseFile file = subject.file();
            InformationRequest request = subject.request();
            Instant now = clock.instant();
            switch (to) {
                case ACKNOWLEDGED -> move(file, to, staff, new CaseEventData.Acknowledged());
                case EXTENDED -> extend(file, request, Required.text(command.reason(), "reason"), staff);
                case TRANSFERRED -> transfer(file, request, command, staff);
                case ANSWERED, PARTIALLY_ANSWERED -> {
                    request.answerText = Required.text(command.answer(), "answer");
                    request.answerPartial = to == Status.PARTIALLY_ANSWERED;
                    request.answeredAt = now;
                    request.feeMinor = null;
                    request.feeCurrency = null;
                    if (command.reproductionFee() != null) {
                        request.feeMinor = new Money(command.reproductionFee().amount(), command.reproductionFee().currency())
                                .minor("reproductionFee.amount");
                        request.feeCurrency = command.reproductionFee().currency();
                    }
                    // The answer reaches the requester as the body's message, carrying the documents it gives.
                    request.answerMessageId = conversation.send(file, staff, request.answerText, command.attachmentIds()).message().id;
                    responded(file, now);
                    move(file, to, staff, to == Status.ANSWERED ? new CaseEventData.Answered(null, request.answerMessageId)
                            : new CaseEventData.PartiallyAnswered(request.answerMessageId));
                }
                case REFUSED -> {
                    Long groundId = command.refusalGroundId();
                    if (groundId == null || RefusalGround.findById(groundId) == null) {
                        throw DomainException.Unprocessable.field("refusalGroundId", FieldErrorCode.UNKNOWN_REFERENCE, "field.unknown-reference",
                                new DomainException.Localized("subject.refusal-ground"));
                    }
                    request.refusalGroundId = groundId;
                    request.refusalJustification = Required.text(command.justification(), "justification");
                    request.refusedAt = now;
                    responded(file, now);
                    move(file, to, staff, new CaseEventData.Refused(groundId));
                }
                case APPEAL_UPHELD, APPEAL_REJECTED -> decide(subject, subject.appeal(Appeal.INTERNAL_COMPLAINT), to, command, staff);
                case CDAI_UPHELD, CDAI_REJECTED -> decide(subject, subject.appeal(Appeal.CDAI_ESCALATION), to, command, staff);
                default -> throw new IllegalStateException("no staff transition to " + to);
            }
        });
    }

    /** Art. 16: one extension of the same length (its guard: once, before the first due date), with a reason. */
    private void extend(CaseFile file, InformationRequest request, String reason, Caller staff) {
        request.extensionDays = request.workingDays;
        request.extensionReason = reason;
        request.extendedAt = clock.instant();
        file.dueDate = answerDue(request);
        conversation.send(file, staff, reason, List.of());
        move(file, Status.EXTENDED, staff, new CaseEventData.Extended(request.extensionDays, file.dueDate));
    }

    private void transfer(CaseFile file, InformationRequest request, StaffMove command, Caller staff) {
        String reason = Required.text(command.reason(), "reason");
        Institution target = Assignments.acceptingInstitution(CaseService.INFORMATION_REQUESTS, command.institutionId());
        if (target.id.equals(file.institutionId)) {
            throw DomainException.Unprocessable.field("institutionId", FieldErrorCode.NOT_ALLOWED, "field.transfer-to-self");
        }
        Long from = file.institutionId;
        conversation.send(file, staff, reason, List.of());
        // The competent body's clock starts on the day of the transfer, without the first body's extension.
        file.institutionId = target.id;
        restartClock(file, request);
        move(file, Status.TRANSFERRED, staff, new CaseEventData.Transferred(from, target.id, file.dueDate));
    }

    private void decide(Subject subject, Appeal appeal, Status to, StaffMove command, Caller staff) {
        CaseFile file = subject.file();
        InformationRequest request = subject.request();
        appeal.decision = to == Status.APPEAL_UPHELD || to == Status.CDAI_UPHELD ? "UPHELD" : "REJECTED";
        appeal.decisionText = Required.text(command.justification(), "justification");
        appeal.decidedAt = clock.instant();
        if ("UPHELD".equals(appeal.decision)) {
            // The information follows: the body's clock starts again on the day of the decision.
            request.answerText = null;
            request.answerPartial = null;
            request.answeredAt = null;
            request.answerMessageId = null;
            request.feeMinor = null;
            request.feeCurrency = null;
            restartClock(file, request);
        } else {
            file.dueDate = null;
        }
        move(file, to, staff, switch (to) {
            case APPEAL_UPHELD -> new CaseEventData.AppealUpheld(file.dueDate);
            case APPEAL_REJECTED -> new CaseEventData.AppealRejected();
            case CDAI_UPHELD -> new CaseEventData.CdaiUpheld(file.dueDate);
            case CDAI_REJECTED -> new CaseEventData.CdaiRejected();
            default -> throw new IllegalStateException("no decision " + to);
        });
    }

    /** The requester withdraws before a final answer. */
    @WriteTransaction
    public InformationView withdraw(String number, long expectedVersion, Caller holder) {
        return commands.move(number, expectedVersion, holder, Status.WITHDRAWN, Actor.HOLDER,
                subject -> move(subject.file(), Status.WITHDRAWN, holder, new CaseEventData.Withdrawn()));
    }

    /** An internal complaint to the head of the body, or an escalation to the CDAI, each within its window. */
    @WriteTransaction
    public InformationView appeal(String number, long expectedVersion, AppealFiling input, Caller holder) {
        String reason = Required.text(input.reason(), "reason");
        boolean internal = Appeal.INTERNAL_COMPLAINT.equals(input.level());
        Status to = internal ? Status.INTERNAL_APPEAL : Status.ESCALATED;
        return commands.move(number, expectedVersion, holder, to, Actor.HOLDER, subject -> {
            CaseFile file = subject.file();
            LocalDate today = subject.today();
            Appeal appeal = new Appeal();
            appeal.caseId = file.id;
            appeal.level = input.level();
            appeal.reason = reason;
            appeal.filedAt = clock.instant();
            appeal.filedOn = today;
            if (internal) {
                appeal.decideBy = calendar.count(today, rules.headDecidesWithinWorkingDays()).dueDate();
                file.dueDate = appeal.decideBy;
            } else {
                Institution commission = Institution.<Institution>find("code", rules.commissionCode()).firstResult();
                if (commission == null) {
                    throw new IllegalStateException("No institution has the commission code " + rules.commissionCode()
                            + " (bawaba.information.commission-code)");
                }
                file.reviewerInstitutionId = commission.id;
                file.dueDate = null;
            }
            appeal.persist();
            move(file, to, holder, internal ? new CaseEventData.InternalAppealFiled(appeal.decideBy)
                    : new CaseEventData.Escalated(file.reviewerInstitutionId));
        });
    }

    /** The inbox: the body's requests for its officers and head, the escalated ones for the CDAI. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<InboxRow> list(Caller staff, Filter filter, Page.Request request) {
        // The CDAI's inbox holds what is escalated to it; a body's, what is assigned to it (CaseAudience).
        List<InboxRow> rows = InboxQuery.of(CaseService.INFORMATION_REQUESTS, staff)
                .status(filter.status())
                .kind(filter.type())
                .overdue(filter.overdue(), TimeSource.today(clock))
                .submitted(filter.submittedFrom(), filter.submittedTo())
                .page(CaseFile.getEntityManager(), "select new " + InboxRow.class.getName()
                        + "(f.id, f.number, f.kind, f.status, f.institutionId, f.submittedAt, f.updatedAt, f.dueDate, f.closed)",
                        "", InboxRow.class, request);
        return Page.of(rows, request, row -> Long.toString(row.id()), Function.identity());
    }

    public record Filter(String status, String type, Boolean overdue, LocalDate submittedFrom, LocalDate submittedTo) {
    }

    /** A request as an inbox lists it: no personal data. */
    public record InboxRow(Long id, String number, String type, String status, Long institutionId, Instant submittedAt,
                           Instant updatedAt, LocalDate dueDate, boolean closed) {
    }

    /**
     * Re-dates the open requests whose working-day deadlines a changed holiday falls within (answers due, and the
     * heads' decisions due), with an event on each request whose due date moved.
     */
    void redate(@Observes HolidaysChanged change) {
        LocalDate earliest = Collections.min(change.dates());
        // Locked, as every other change of these cases is: an officer's concurrent change waits instead of failing.
        List<CaseFile> files = CaseFile.<CaseFile>find("service = 'INFORMATION_REQUESTS' and closed = false and dueDate >= ?1", earliest)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).list();
        if (files.isEmpty()) {
            return;
        }
        List<Long> ids = files.stream().map(file -> file.id).toList();
        Map<Long, InformationRequest> requests = InformationRequest.<InformationRequest>list("caseId in ?1", ids).stream()
                .collect(Collectors.toMap(request -> request.caseId, Function.identity()));
        Map<Long, Appeal> internalAppeals = Appeal.<Appeal>list("caseId in ?1 and level = ?2", ids, Appeal.INTERNAL_COMPLAINT)
                .stream().collect(Collectors.toMap(appeal -> appeal.caseId, Function.identity()));
        LocalDate from = requests.values().stream().map(request -> request.clockStartedOn).min(LocalDate::compareTo).orElse(earliest);
        LocalDate until = files.stream().map(file -> file.dueDate).max(LocalDate::compareTo).orElseThrow().plusDays(200);
        WorkingDayCalendar.Span days = calendar.span(from, until);
        for (CaseFile file : files) {
            Status status = Status.valueOf(file.status);
            LocalDate expected;
            if (status.awaitsAnswer()) {
                expected = answerDue(requests.get(file.id), days);
            } else if (status == Status.INTERNAL_APPEAL) {
                Appeal appeal = internalAppeals.get(file.id);
                expected = days.count(appeal.filedOn, rules.headDecidesWithinWorkingDays()).dueDate();
                appeal.decideBy = expected;
            } else {
                continue;
            }
            if (!expected.equals(file.dueDate)) {
                LocalDate before = file.dueDate;
                file.dueDate = expected;
                file.updatedAt = clock.instant();
                ledger.record(file, Caller.SYSTEM, new CaseEventData.DueDateChanged(before, expected));
            }
        }
    }

    private LocalDate answerDue(InformationRequest request) {
        return answerDue(request, calendarAround(request));
    }

    /** The answer's due date: the working days from the clock's start, then the extension's from the first due date. */
    private static LocalDate answerDue(InformationRequest request, WorkingDayCalendar.Span days) {
        Deadline first = days.count(request.clockStartedOn, request.workingDays);
        return request.extensionDays == null ? first.dueDate() : days.count(first.dueDate(), request.extensionDays).dueDate();
    }

    /**
     * The holidays every date of one request is counted with (its clock, extension, appeal windows), read once:
     * from its clock's start to well past today.
     */
    private WorkingDayCalendar.Span calendarAround(InformationRequest request) {
        LocalDate today = TimeSource.today(clock);
        LocalDate latest = today.isAfter(request.clockStartedOn) ? today : request.clockStartedOn;
        return calendar.span(request.clockStartedOn, latest.plusDays(400));
    }

    private void restartClock(CaseFile file, InformationRequest request) {
        request.clockStartedOn = TimeSource.today(clock);
        request.extensionDays = null;
        file.dueDate = answerDue(request);
    }

    private Set<Actor> actors(Caller staff, CaseFile file) {
        Set<Actor> actors = EnumSet.noneOf(Actor.class);
        if (staff.institutionId() != null && staff.institutionId().equals(file.institutionId)) {
            if (staff.has(Role.AGENT) || staff.has(Role.HEAD)) {
                actors.add(Actor.OFFICER);
            }
            if (staff.has(Role.HEAD)) {
                actors.add(Actor.HEAD);
            }
        }
        if (staff.institutionId() != null && staff.institutionId().equals(file.reviewerInstitutionId) && staff.has(Role.COMMISSION)) {
            actors.add(Actor.COMMISSION);
        }
        return actors;
    }

    /** Moves the status: the event is named after the status reached; only an awaited answer keeps the clock open. */
    /** The body's first response (an answer, a partial answer or a refusal), in working days since the request came in. */
    private void responded(CaseFile file, Instant at) {
        file.respond(at, calendar.workingDaysAfter(TimeSource.dateOf(file.submittedAt), TimeSource.dateOf(at)));
    }

    private void move(CaseFile file, Status to, Caller actor, CaseEventData data) {
        boolean open = to.awaitsAnswer() || to == Status.INTERNAL_APPEAL;
        if (!open) {
            // nothing is due any more (the contract shows no due date then)
            file.dueDate = null;
        }
        ledger.changeStatus(file, to.name(), !open, actor, data);
    }

    /** The request locked for a command, with what its guards read. */
    private Subject subject(CaseFile file) {
        InformationRequest request = InformationRequest.findById(file.id);
        return new Subject(file, request, Appeal.list("caseId = ?1 order by filedAt", file.id), calendarAround(request),
                TimeSource.today(clock));
    }

    InformationView viewOf(CaseFile file, Caller reader) {
        Subject subject = subject(file);
        InformationRequest request = subject.request();
        Deadline deadline = subject.days().count(request.clockStartedOn, request.workingDays);
        LocalDate extendedDue = request.extensionDays == null ? null
                : subject.days().count(deadline.dueDate(), request.extensionDays).dueDate();
        // The windows shown are the guards' of the appeal commands: an internal complaint while it may be filed,
        // an escalation also while its window lies ahead.
        Lifecycle.Window internalComplaint = lifecycle.windowOpenNow(subject, Status.INTERNAL_APPEAL, Actor.HOLDER);
        Lifecycle.Window escalation = lifecycle.window(subject, Status.ESCALATED, Actor.HOLDER);
        return new InformationView(file, request, subject.appeals(), attachments.visibleOf(file.id, reader), deadline, extendedDue,
                internalComplaint, escalation);
    }
}
