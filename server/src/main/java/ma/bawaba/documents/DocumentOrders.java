package ma.bawaba.documents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.time.Year;
import java.time.chrono.HijrahDate;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import ma.bawaba.cases.CaseCommands;
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
import ma.bawaba.documents.DocumentOrderLifecycle.Actor;
import ma.bawaba.documents.DocumentOrderLifecycle.Status;
import ma.bawaba.documents.DocumentOrderLifecycle.Subject;
import ma.bawaba.platform.BawabaConfig;
import ma.bawaba.platform.Money;
import ma.bawaba.platform.TimeSource;
import ma.bawaba.platform.calendar.WorkingDayCalendar;
import ma.bawaba.platform.database.WriteTransaction;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.problem.FieldErrorCode;
import ma.bawaba.platform.problem.ProblemCode;
import ma.bawaba.platform.problem.ProblemFacts;
import ma.bawaba.platform.problem.Required;
import ma.bawaba.platform.security.Caller;
import ma.bawaba.platform.security.Role;
import ma.bawaba.platform.web.Page;
import ma.bawaba.reference.CivilStatusOffice;
import ma.bawaba.reference.DocumentType;

/**
 * The civil-status document service (watiqa): ordering with a fee the server computes, the payment provider's signed
 * notifications, the office's work, the post's, the holder's cancellation and the expiry of unpaid orders. Every
 * status change is checked against {@link DocumentOrderLifecycle}, needs the current version (but the provider's and
 * the platform's, which have none to send), and writes its case event in the same transaction.
 */
@ApplicationScoped
public class DocumentOrders {

    private final CaseLedger ledger;
    private final Attachments attachments;
    private final WorkingDayCalendar calendar;
    private final BawabaConfig.Documents rules;
    private final Lifecycle<Status, Actor, Subject> lifecycle;
    private final CaseCommands<Status, Actor, Subject, DocumentOrderView> commands;
    private final Clock clock;

    DocumentOrders(CaseLedger ledger, CaseFiles caseFiles, Attachments attachments, WorkingDayCalendar calendar,
                   BawabaConfig config, Clock clock) {
        this.ledger = ledger;
        this.attachments = attachments;
        this.calendar = calendar;
        this.rules = config.documents();
        this.lifecycle = DocumentOrderLifecycle.table();
        this.commands = new CaseCommands<>(caseFiles, CaseService.DOCUMENT_ORDERS, lifecycle, this::subject, this::viewOf);
        this.clock = clock;
    }

    /** The birth act as the family record book gives it. */
    public record BirthAct(String actNumber, int registrationYear, String registrationCalendar, String firstNameArabic,
                           String lastNameArabic, String firstNameLatin, String lastNameLatin, LocalDate dateOfBirth,
                           String fatherName, String motherName) {
    }

    /** Where the post delivers: {@code MOROCCO} or {@code ABROAD}. */
    public record Delivery(String destination, String addressee, String street, String city, String postalCode,
                           String countryCode) {
    }

    /** What a citizen orders; the fee is the server's to compute. */
    public record Filing(long officeId, long documentTypeId, int copies, BirthAct birthAct, Requester requester,
                         String relation, Delivery delivery) {
    }

    /** A move of the office or of the post, with what it needs. */
    public record StaffMove(Status to, String reason, String trackingNumber) {
    }

    /** What the payment provider reports: {@code SUCCEEDED}, {@code FAILED} or {@code REFUNDED}, for an amount. */
    public record PaymentNotice(String transactionId, String paymentReference, String outcome, Money amount) {
    }

    /** The order a notice was about, its status after it, and whether the notice had been taken already. */
    public record Acknowledgement(String orderNumber, Status status, boolean duplicate) {
    }

    @WriteTransaction
    public DocumentOrderView submit(Filing filing, Caller citizen) {
        CivilStatusOffice office = CivilStatusOffice.findById(filing.officeId());
        DocumentType type = DocumentType.findById(filing.documentTypeId());
        List<DomainException.FieldError> wrong = new ArrayList<>();
        if (office == null || !office.active) {
            wrong.add(new DomainException.FieldError("officeId", FieldErrorCode.UNKNOWN_REFERENCE, "field.unknown-reference",
                    new DomainException.Localized("subject.civil-status-office")));
        } else if (!office.acceptsOnlineOrders) {
            wrong.add(new DomainException.FieldError("officeId", FieldErrorCode.NOT_ALLOWED, "field.office-takes-no-online-orders"));
        }
        if (type == null || !type.currency.equals(rules.currency())) {
            wrong.add(new DomainException.FieldError("documentTypeId", FieldErrorCode.UNKNOWN_REFERENCE, "field.unknown-reference",
                    new DomainException.Localized("subject.document-type")));
        } else if (filing.copies() > type.maxCopies) {
            wrong.add(new DomainException.FieldError("copies", FieldErrorCode.OUT_OF_RANGE, "field.too-many-copies", type.maxCopies));
        }
        wrong.addAll(birthActErrors(filing.birthAct(), filing.relation()));
        wrong.addAll(deliveryErrors(filing.delivery()));
        if (!wrong.isEmpty()) {
            throw DomainException.Unprocessable.fields(wrong);
        }
        Instant now = clock.instant();
        CaseFile file = ledger.open(new CaseLedger.Opening(CaseService.DOCUMENT_ORDERS, type.code, Status.PENDING_PAYMENT.name(),
                null, office.id, filing.requester().email(), null), citizen);
        DocumentOrder order = new DocumentOrder();
        order.caseId = file.id;
        order.documentTypeId = type.id;
        order.copies = filing.copies();
        copyBirthAct(filing.birthAct(), order);
        order.requester = RequesterIdentity.of(filing.requester());
        order.relation = filing.relation();
        copyDelivery(filing.delivery(), order);
        order.priceMinor = type.priceMinor;
        order.postageMinor = "ABROAD".equals(order.destination) ? rules.postageAbroadMinor() : rules.postageMoroccoMinor();
        order.totalMinor = order.priceMinor * order.copies + order.postageMinor;
        order.currency = type.currency;
        // The number is unique and random already: the payment and refund references are derived from it.
        order.paymentReference = "PAY-" + file.number.substring(CaseService.DOCUMENT_ORDERS.prefix().length() + 1);
        order.payBefore = now.plus(rules.payWithin());
        order.persist();
        return viewOf(file, citizen);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DocumentOrderView view(String number, Caller caller) {
        return commands.view(number, caller);
    }

    /** The payment provider's notifications about an order, oldest first: part of what its holder may download. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PaymentNotificationRecord> paymentNotifications(CaseFile file) {
        return PaymentNotificationRecord.list("caseId = ?1 order by receivedAt, transactionId", file.id);
    }

    /** The order a stored submission created, to answer an Idempotency-Key replay of that submission. */
    @Transactional
    DocumentOrderView submitted(String number) {
        return commands.submitted(number);
    }

    /** An order in this status takes no more messages or documents. */
    public static boolean isClosed(String status) {
        return Status.valueOf(status).isFinal();
    }

    /** What is owed on a payment reference: the fee, or the refund due (for the sandbox provider to pay it). */
    @Transactional
    public Money owed(String paymentReference, boolean refund) {
        DocumentOrder order = DocumentOrder.findById(caseIdPaidBy(paymentReference));
        return Money.ofMinor(refund && order.refundMinor != null ? order.refundMinor : order.totalMinor, order.currency);
    }

    /** The order a payment reference pays, by its case id; an unknown reference is a 422 on {@code paymentReference}. */
    private static long caseIdPaidBy(String paymentReference) {
        return DocumentOrder.getEntityManager()
                .createQuery("select o.caseId from DocumentOrder o where o.paymentReference = :reference", Long.class)
                .setParameter("reference", paymentReference)
                .getResultStream().findFirst()
                .orElseThrow(() -> DomainException.Unprocessable.field("paymentReference", FieldErrorCode.UNKNOWN_REFERENCE,
                        "field.unknown-reference", new DomainException.Localized("subject.payment-reference")));
    }

    /** The holder cancels an order it has not paid. */
    @WriteTransaction
    public DocumentOrderView cancel(String number, long expectedVersion, Caller holder) {
        return commands.move(number, expectedVersion, holder, Status.CANCELLED, Actor.HOLDER,
                subject -> move(subject.file(), Status.CANCELLED, holder, new CaseEventData.Cancelled()));
    }

    /** The office's moves and the post's: a clerk of the order's office, or the postal operator. */
    @WriteTransaction
    public DocumentOrderView transition(String number, long expectedVersion, StaffMove command, Caller staff) {
        return commands.move(number, expectedVersion, staff, command.to(), subject -> actors(staff, subject.file()), subject -> {
            CaseFile file = subject.file();
            DocumentOrder order = subject.order();
            switch (command.to()) {
                case READY -> {
                    file.handedToPostAt = clock.instant();
                    file.actedOnTime(file.handedToPostAt);
                    order.trackingNumber = null;
                    move(file, Status.READY, staff, new CaseEventData.Ready());
                }
                case REJECTED -> {
                    order.rejectionReason = Required.text(command.reason(), "reason");
                    Money refund = null;
                    if (order.paidAt != null) {
                        // What was paid is owed back; the provider confirms the refund with a REFUNDED notification.
                        order.refundMinor = order.totalMinor;
                        order.refundReference = "RFD-" + order.paymentReference.substring("PAY-".length());
                        order.refundDueSince = clock.instant();
                        refund = Money.ofMinor(order.refundMinor, order.currency);
                    }
                    move(file, Status.REJECTED, staff, new CaseEventData.Rejected(refund));
                }
                case SHIPPED -> {
                    order.trackingNumber = Required.text(command.trackingNumber(), "trackingNumber").toUpperCase(Locale.ROOT);
                    move(file, Status.SHIPPED, staff, new CaseEventData.Shipped(order.trackingNumber));
                }
                case DELIVERED -> {
                    Instant now = clock.instant();
                    file.respond(now, (int) ChronoUnit.DAYS.between(TimeSource.dateOf(order.paidAt), TimeSource.dateOf(now)));
                    move(file, Status.DELIVERED, staff, new CaseEventData.Delivered());
                }
                case RETURNED -> {
                    order.returnReason = Required.text(command.reason(), "reason");
                    file.dueDate = officeDueDate();
                    move(file, Status.RETURNED, staff, new CaseEventData.Returned());
                }
                default -> throw new IllegalStateException("no staff move to " + command.to());
            }
        });
    }

    /**
     * The payment provider's signed word about a payment reference (the signature was checked at the edge). Taken
     * once per transaction id; a payment for another amount than the fee, or for an order that no longer waits for
     * one, is refused and changes nothing.
     */
    @WriteTransaction
    public Acknowledgement notify(PaymentNotice notice) {
        // The case is locked before the order is read: two notifications of one order (the same one twice, or a payment
        // and a refund) wait for each other here, and the second reads what the first wrote.
        CaseFile file = CaseFile.findById(caseIdPaidBy(notice.paymentReference()), LockModeType.PESSIMISTIC_WRITE);
        DocumentOrder order = DocumentOrder.findById(file.id);
        PaymentNotificationRecord known = PaymentNotificationRecord.findById(notice.transactionId());
        if (known != null) {
            if (!known.caseId.equals(file.id) || !known.outcome.equals(notice.outcome())) {
                throw DomainException.Unprocessable.field("transactionId", FieldErrorCode.NOT_ALLOWED, "field.transaction-id-reused");
            }
            return new Acknowledgement(file.number, Status.valueOf(file.status), true);
        }
        Subject subject = new Subject(file, order, clock.instant());
        switch (notice.outcome()) {
            case "SUCCEEDED" -> paid(subject, notice);
            case "FAILED" -> {
                requirePayable(subject);
                ledger.record(file, Caller.SYSTEM, new CaseEventData.PaymentFailed());
            }
            case "REFUNDED" -> refunded(subject, notice);
            default -> throw DomainException.Unprocessable.field("outcome", FieldErrorCode.INVALID, "field.invalid");
        }
        PaymentNotificationRecord record = new PaymentNotificationRecord();
        record.transactionId = notice.transactionId();
        record.caseId = file.id;
        record.outcome = notice.outcome();
        record.amountMinor = notice.amount().minor();
        record.currency = notice.amount().currency();
        record.receivedAt = clock.instant();
        record.persist();
        return new Acknowledgement(file.number, Status.valueOf(file.status), false);
    }

    private void paid(Subject subject, PaymentNotice notice) {
        CaseFile file = subject.file();
        DocumentOrder order = subject.order();
        requirePayable(subject);
        requireAmount(notice.amount(), order.totalMinor, order.currency);
        order.paidAt = clock.instant();
        move(file, Status.PAID, Caller.SYSTEM, new CaseEventData.Paid(Money.ofMinor(order.totalMinor, order.currency)));
        lifecycle.check(subject, Status.AT_OFFICE, Actor.SYSTEM);
        file.dueDate = officeDueDate();
        move(file, Status.AT_OFFICE, Caller.SYSTEM, new CaseEventData.AtOffice(file.dueDate));
    }

    /**
     * A payment is taken only while the lifecycle lets the platform mark the order paid; otherwise the provider is
     * told that this order no longer waits for one (it refunds that payment).
     */
    private void requirePayable(Subject subject) {
        if (lifecycle.judge(subject, Status.PAID, EnumSet.of(Actor.SYSTEM)) instanceof Lifecycle.Verdict.Refused) {
            throw new DomainException.Conflict(ProblemCode.ALREADY_PAID, ProblemFacts.currentStatus(subject.status()),
                    "problem.order-not-payable.detail", new DomainException.Localized("document-order.status." + subject.status()));
        }
    }

    private void refunded(Subject subject, PaymentNotice notice) {
        DocumentOrder order = subject.order();
        if (order.refundMinor == null || order.refundConfirmedAt != null) {
            throw new DomainException.Conflict(ProblemCode.TRANSITION_NOT_ALLOWED, ProblemFacts.currentStatus(subject.status()),
                    "problem.no-refund-due.detail");
        }
        requireAmount(notice.amount(), order.refundMinor, order.currency);
        order.refundConfirmedAt = clock.instant();
        ledger.record(subject.file(), Caller.SYSTEM, new CaseEventData.RefundConfirmed(Money.ofMinor(order.refundMinor, order.currency)));
    }

    private static void requireAmount(Money given, long owedMinor, String currency) {
        if (given.minor() != owedMinor || !given.currency().equals(currency)) {
            throw new DomainException.Unprocessable(ProblemCode.AMOUNT_MISMATCH, "problem.amount-mismatch.detail",
                    Money.ofMinor(owedMinor, currency).amount(), currency);
        }
    }

    /**
     * Expires the orders whose time to pay is over, one batch in one transaction, claimed with SKIP LOCKED so that
     * several instances may run this at once without expiring an order twice.
     */
    @WriteTransaction
    public int expireUnpaidBatch() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Number> claimed = CaseFile.getEntityManager().createNativeQuery("""
                        SELECT f.id FROM case_file f JOIN document_order o ON o.case_id = f.id
                        WHERE o.pay_before <= ?1 AND f.status = 'PENDING_PAYMENT'
                        ORDER BY o.pay_before LIMIT ?2 FOR UPDATE SKIP LOCKED""")
                .setParameter(1, now)
                .setParameter(2, rules.expireBatchSize())
                .getResultList();
        if (claimed.isEmpty()) {
            return 0;
        }
        List<Long> ids = claimed.stream().map(Number::longValue).toList();
        Map<Long, DocumentOrder> orders = DocumentOrder.<DocumentOrder>list("caseId in ?1", ids).stream()
                .collect(Collectors.toMap(order -> order.caseId, Function.identity()));
        for (CaseFile file : CaseFile.<CaseFile>list("id in ?1", ids)) {
            lifecycle.check(new Subject(file, orders.get(file.id), now), Status.EXPIRED, Actor.SYSTEM);
            move(file, Status.EXPIRED, Caller.SYSTEM, new CaseEventData.Expired());
        }
        return ids.size();
    }

    /** The office's inbox (its orders), or the post's (the orders handed to it), newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<InboxRow> list(Caller staff, Filter filter, Page.Request request) {
        List<InboxRow> rows = InboxQuery.of(CaseService.DOCUMENT_ORDERS, staff).where("o.caseId = f.id")
                .status(filter.status())
                .overdue(filter.overdue(), TimeSource.today(clock))
                .submitted(filter.submittedFrom(), filter.submittedTo())
                .page(CaseFile.getEntityManager(), "select new " + InboxRow.class.getName()
                        + "(f.id, f.number, f.status, f.officeId, o.documentTypeId, o.copies, o.destination, f.submittedAt,"
                        + " f.updatedAt, f.dueDate, f.closed)", ", DocumentOrder o", InboxRow.class, request);
        return Page.of(rows, request, row -> Long.toString(row.id()), Function.identity());
    }

    public record Filter(String status, Boolean overdue, LocalDate submittedFrom, LocalDate submittedTo) {
    }

    /** An order as an inbox lists it: no personal data. */
    public record InboxRow(Long id, String number, String status, Long officeId, Long documentTypeId, int copies,
                           String destination, Instant submittedAt, Instant updatedAt, LocalDate dueDate, boolean closed) {
    }

    private Set<Actor> actors(Caller staff, CaseFile file) {
        Set<Actor> actors = EnumSet.noneOf(Actor.class);
        if (staff.has(Role.OFFICE_CLERK) && staff.officeId() != null && staff.officeId().equals(file.officeId)) {
            actors.add(Actor.OFFICE);
        }
        if (staff.has(Role.POSTAL_OPERATOR) && file.handedToPost()) {
            actors.add(Actor.POST);
        }
        return actors;
    }

    /** Moves the status with its event; only while the office owes the documents does the due date run. */
    private void move(CaseFile file, Status to, Caller actor, CaseEventData data) {
        if (!to.awaitsOffice()) {
            file.dueDate = null;
        }
        ledger.changeStatus(file, to.name(), to.isFinal(), actor, data);
    }

    private LocalDate officeDueDate() {
        return calendar.count(TimeSource.today(clock), rules.prepareWithinWorkingDays()).dueDate();
    }

    private Subject subject(CaseFile file) {
        return new Subject(file, DocumentOrder.findById(file.id), clock.instant());
    }

    private DocumentOrderView viewOf(CaseFile file, Caller reader) {
        DocumentOrder order = DocumentOrder.findById(file.id);
        // The postal operator carries the envelope: it is shown what the envelope needs, and no document.
        boolean envelopeOnly = reader.has(Role.POSTAL_OPERATOR);
        List<AttachedFile> documents = envelopeOnly ? List.of() : attachments.visibleOf(file.id, reader);
        return new DocumentOrderView(file, order, documents, envelopeOnly);
    }

    private List<DomainException.FieldError> birthActErrors(BirthAct act, String relation) {
        List<DomainException.FieldError> wrong = new ArrayList<>();
        LocalDate today = TimeSource.today(clock);
        LocalDate born = act.dateOfBirth();
        if (born.isAfter(today)) {
            wrong.add(new DomainException.FieldError("birthAct.dateOfBirth", FieldErrorCode.OUT_OF_RANGE, "field.date-in-future"));
            return wrong;
        }
        // An act is registered in the year of the birth or after it, and not after this year, in its own calendar.
        boolean hijri = "HIJRI".equals(act.registrationCalendar());
        int earliest = hijri ? hijriYear(born) : born.getYear();
        int latest = hijri ? hijriYear(today) : Year.now(clock).getValue();
        if (act.registrationYear() < earliest || act.registrationYear() > latest) {
            wrong.add(new DomainException.FieldError("birthAct.registrationYear", FieldErrorCode.OUT_OF_RANGE,
                    "field.registration-year", earliest, latest));
        }
        // PRODUCT.md: a parent orders for a child who is a minor; an adult orders their own act.
        if ("PARENT_OF_MINOR".equals(relation) && !born.plusYears(18).isAfter(today)) {
            wrong.add(new DomainException.FieldError("relation", FieldErrorCode.NOT_ALLOWED, "field.not-a-minor"));
        }
        return wrong;
    }

    /** The Hijri year of a day (Umm al-Qura), for the acts registered in that calendar; the earliest known before 1882. */
    private static int hijriYear(LocalDate day) {
        try {
            return HijrahDate.from(day).get(ChronoField.YEAR);
        } catch (java.time.DateTimeException beforeTheTables) {
            return 1300;
        }
    }

    private static List<DomainException.FieldError> deliveryErrors(Delivery delivery) {
        List<DomainException.FieldError> wrong = new ArrayList<>();
        if ("MOROCCO".equals(delivery.destination())) {
            if (delivery.countryCode() != null && !"MA".equals(delivery.countryCode())) {
                wrong.add(new DomainException.FieldError("delivery.countryCode", FieldErrorCode.NOT_ALLOWED, "field.country-for-morocco"));
            }
            if (delivery.postalCode() == null || !delivery.postalCode().strip().matches("[0-9]{5}")) {
                wrong.add(new DomainException.FieldError("delivery.postalCode", FieldErrorCode.INVALID_FORMAT, "field.moroccan-postal-code"));
            }
        } else if (delivery.countryCode() == null || "MA".equals(delivery.countryCode())) {
            wrong.add(new DomainException.FieldError("delivery.countryCode", FieldErrorCode.REQUIRED, "field.country-abroad"));
        }
        return wrong;
    }

    private static void copyBirthAct(BirthAct act, DocumentOrder order) {
        order.actNumber = Required.text(act.actNumber(), "birthAct.actNumber");
        order.registrationYear = act.registrationYear();
        order.registrationCalendar = act.registrationCalendar();
        order.firstNameArabic = Required.text(act.firstNameArabic(), "birthAct.firstNameArabic");
        order.lastNameArabic = Required.text(act.lastNameArabic(), "birthAct.lastNameArabic");
        order.firstNameLatin = Required.text(act.firstNameLatin(), "birthAct.firstNameLatin");
        order.lastNameLatin = Required.text(act.lastNameLatin(), "birthAct.lastNameLatin");
        order.dateOfBirth = act.dateOfBirth();
        order.fatherName = Required.text(act.fatherName(), "birthAct.fatherName");
        order.motherName = Required.text(act.motherName(), "birthAct.motherName");
    }

    private static void copyDelivery(Delivery delivery, DocumentOrder order) {
        order.destination = delivery.destination();
        order.addressee = Required.text(delivery.addressee(), "delivery.addressee");
        order.street = Required.text(delivery.street(), "delivery.street");
        order.city = Required.text(delivery.city(), "delivery.city");
        order.postalCode = delivery.postalCode() == null || delivery.postalCode().isBlank() ? null : delivery.postalCode().strip();
        order.countryCode = delivery.countryCode() == null ? "MA" : delivery.countryCode();
    }
}
