package ma.bawaba.information;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import ma.bawaba.cases.CaseFile;
import ma.bawaba.cases.attachments.AttachmentMapper;
import ma.bawaba.cases.web.RequesterMapper;
import ma.bawaba.contract.model.AppealDecision;
import ma.bawaba.contract.model.AppealInput;
import ma.bawaba.contract.model.AppealLevel;
import ma.bawaba.contract.model.DeadlineExplanation;
import ma.bawaba.contract.model.DeadlineExtension;
import ma.bawaba.contract.model.InformationAnswer;
import ma.bawaba.contract.model.InformationRequestInput;
import ma.bawaba.contract.model.InformationRequestStatus;
import ma.bawaba.contract.model.InformationRequestSummary;
import ma.bawaba.contract.model.InformationRequestTransition;
import ma.bawaba.contract.model.InformationRequestType;
import ma.bawaba.contract.model.Money;
import ma.bawaba.contract.model.PreferredFormat;
import ma.bawaba.contract.model.Refusal;
import ma.bawaba.platform.TimeSource;

/** Information requests as the API shows them: whole to the requester and the body, a summary in inboxes. */
final class InformationRequestMapper {

    private InformationRequestMapper() {
    }

    static InformationRequests.Filing filing(InformationRequestInput input) {
        return new InformationRequests.Filing(input.getInstitutionId(), input.getType() == InformationRequestType.URGENT,
                input.getUrgencyJustification(), RequesterMapper.fromApi(input.getRequester()), input.getPostalAddress(),
                input.getDescription(), input.getPreferredFormat().name());
    }

    static InformationRequests.StaffMove move(InformationRequestTransition transition) {
        Money fee = transition.getReproductionFee();
        return new InformationRequests.StaffMove(InformationLifecycle.Status.valueOf(transition.getTo().name()),
                transition.getAnswer(), fee == null ? null : new InformationRequests.Fee(fee.getAmount(), fee.getCurrency()),
                transition.getRefusalGroundId(), transition.getJustification(), transition.getReason(),
                transition.getInstitutionId(), transition.getAttachmentIds());
    }

    static InformationRequests.AppealFiling appeal(AppealInput appeal) {
        return new InformationRequests.AppealFiling(appeal.getLevel().name(), appeal.getReason());
    }

    static ma.bawaba.contract.model.InformationRequest toApi(InformationView view, Clock clock) {
        CaseFile file = view.file();
        InformationRequest request = view.request();
        LocalDate today = TimeSource.today(clock);
        return new ma.bawaba.contract.model.InformationRequest()
                .number(file.number)
                .type(InformationRequestType.fromValue(request.type))
                .status(InformationRequestStatus.fromValue(file.status))
                .institutionId(file.institutionId)
                .requester(RequesterMapper.toApi(request.requester.withEmail(file.requesterEmail)))
                .postalAddress(request.postalAddress)
                .urgencyJustification(request.urgencyJustification)
                .description(request.description)
                .preferredFormat(PreferredFormat.fromValue(request.preferredFormat))
                .submittedAt(time(file.submittedAt))
                .updatedAt(time(file.updatedAt))
                .dueDate(file.dueDate)
                .overdue(file.isOverdue(today))
                .version(file.version)
                .anonymisedAt(file.anonymisedAt == null ? null : time(file.anonymisedAt))
                .deadline(new DeadlineExplanation()
                        .clockStartedOn(view.deadline().receivedOn())
                        .startsOn(view.deadline().startsOn())
                        .workingDays(view.deadline().workingDays())
                        .holidaysSkipped(view.deadline().holidaysSkipped())
                        .dueDate(view.deadline().dueDate())
                        .extension(request.extensionDays == null ? null : new DeadlineExtension()
                                .workingDays(request.extensionDays)
                                .reason(request.extensionReason)
                                .extendedAt(time(request.extendedAt))
                                .dueDate(view.extendedDueDate())))
                .answer(request.answerText == null ? null : new InformationAnswer()
                        .text(request.answerText)
                        .partial(Boolean.TRUE.equals(request.answerPartial))
                        .reproductionFee(request.feeMinor == null ? null : new Money()
                                .amount(BigDecimal.valueOf(request.feeMinor, 2).toPlainString())
                                .currency(request.feeCurrency))
                        .answeredAt(time(request.answeredAt))
                        .attachments(view.attachments().stream()
                                .filter(attached -> request.answerMessageId != null && request.answerMessageId.equals(attached.messageId))
                                .map(AttachmentMapper::toApi).toList()))
                .refusal(request.refusalGroundId == null ? null : new Refusal()
                        .groundId(request.refusalGroundId)
                        .justification(request.refusalJustification)
                        .refusedAt(time(request.refusedAt)))
                .appeals(view.appeals().stream().map(appeal -> new ma.bawaba.contract.model.Appeal()
                        .level(AppealLevel.fromValue(appeal.level))
                        .reason(appeal.reason)
                        .filedAt(time(appeal.filedAt))
                        .decideBy(appeal.decideBy)
                        .decision(appeal.decision == null ? null : AppealDecision.fromValue(appeal.decision))
                        .decisionText(appeal.decisionText)
                        .decidedAt(appeal.decidedAt == null ? null : time(appeal.decidedAt))).toList())
                .internalComplaintUntil(view.internalComplaint() == null ? null : view.internalComplaint().lastDay())
                .escalationFrom(view.escalation() == null ? null : view.escalation().opens())
                .escalationUntil(view.escalation() == null ? null : view.escalation().lastDay())
                .attachments(view.attachments().stream().map(AttachmentMapper::toApi).toList());
    }

    static InformationRequestSummary summary(InformationRequests.InboxRow row, Clock clock) {
        return new InformationRequestSummary()
                .number(row.number())
                .type(InformationRequestType.fromValue(row.type()))
                .status(InformationRequestStatus.fromValue(row.status()))
                .institutionId(row.institutionId())
                .submittedAt(time(row.submittedAt()))
                .updatedAt(time(row.updatedAt()))
                .dueDate(row.dueDate())
                .overdue(!row.closed() && row.dueDate() != null && row.dueDate().isBefore(TimeSource.today(clock)));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atZone(TimeSource.MOROCCO).toOffsetDateTime();
    }
}
