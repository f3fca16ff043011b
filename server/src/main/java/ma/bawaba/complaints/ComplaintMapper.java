package ma.bawaba.complaints;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ma.bawaba.cases.CaseFile;
import ma.bawaba.cases.attachments.AttachedFile;
import ma.bawaba.cases.attachments.AttachmentMapper;
import ma.bawaba.cases.web.RequesterMapper;
import ma.bawaba.contract.model.ComplaintAnswer;
import ma.bawaba.contract.model.ComplaintInput;
import ma.bawaba.contract.model.ComplaintKind;
import ma.bawaba.contract.model.ComplaintStatus;
import ma.bawaba.contract.model.ComplaintSummary;
import ma.bawaba.contract.model.ComplaintTransition;
import ma.bawaba.contract.model.Rating;
import ma.bawaba.contract.model.RatingInput;
import ma.bawaba.platform.TimeSource;

/** Complaints as the API shows them: the whole complaint to its holder and its institution, a summary in lists. */
final class ComplaintMapper {

    private ComplaintMapper() {
    }

    static Complaints.Filing filing(ComplaintInput input) {
        return new Complaints.Filing(ComplaintLifecycle.Kind.valueOf(input.getKind().name()), input.getInstitutionId(),
                input.getCategoryId(), input.getSubject(), input.getContent(), RequesterMapper.fromApi(input.getRequester()));
    }

    static Complaints.InstitutionMove move(ComplaintTransition transition) {
        return new Complaints.InstitutionMove(ComplaintLifecycle.Status.valueOf(transition.getTo().name()), transition.getAnswer(),
                transition.getReason(), transition.getInstitutionId(), transition.getAttachmentIds());
    }

    static Complaints.Rating rating(RatingInput rating) {
        return new Complaints.Rating(rating.getSatisfied(), rating.getScore(), rating.getComment());
    }

    static ma.bawaba.contract.model.Complaint toApi(ComplaintView view, Clock clock) {
        CaseFile file = view.file();
        Complaint complaint = view.complaint();
        Map<Long, List<AttachedFile>> byAnswer = view.attachments().stream().filter(attached -> attached.answerId != null)
                .collect(Collectors.groupingBy(attached -> attached.answerId));
        return new ma.bawaba.contract.model.Complaint()
                .number(file.number)
                .kind(ComplaintKind.fromValue(file.kind))
                .status(ComplaintStatus.fromValue(file.status))
                .institutionId(file.institutionId)
                .categoryId(complaint.categoryId)
                .subject(complaint.subject)
                .content(complaint.content)
                .requester(RequesterMapper.toApi(complaint.requester.withEmail(file.requesterEmail)))
                .submittedAt(time(file.submittedAt))
                .updatedAt(time(file.updatedAt))
                .routingDueDate(complaint.routingDueDate)
                .routingOverdue(isPast(complaint.routingDueDate, clock))
                .dueDate(file.dueDate)
                .overdue(file.isOverdue(TimeSource.today(clock)))
                .version(file.version)
                .anonymisedAt(file.anonymisedAt == null ? null : time(file.anonymisedAt))
                .reopenCount(complaint.reopenCount)
                .reopenableUntil(view.reopenableUntil() == null ? null : time(view.reopenableUntil()))
                .rejectionReason(complaint.rejectionReason)
                .answers(view.answers().stream().map(answer -> answer(answer, byAnswer.getOrDefault(answer.id, List.of()))).toList())
                .attachments(view.attachments().stream().map(AttachmentMapper::toApi).toList());
    }

    static ComplaintSummary summary(Complaints.InboxRow row, Clock clock) {
        return new ComplaintSummary()
                .number(row.number())
                .kind(ComplaintKind.fromValue(row.kind()))
                .status(ComplaintStatus.fromValue(row.status()))
                .institutionId(row.institutionId())
                .categoryId(row.categoryId())
                .subject(row.subject())
                .submittedAt(time(row.submittedAt()))
                .updatedAt(time(row.updatedAt()))
                .routingDueDate(row.routingDueDate())
                .routingOverdue(isPast(row.routingDueDate(), clock))
                .dueDate(row.dueDate())
                .overdue(!row.closed() && row.dueDate() != null && row.dueDate().isBefore(TimeSource.today(clock)));
    }

    private static ComplaintAnswer answer(Answer answer, List<AttachedFile> attached) {
        return new ComplaintAnswer()
                .sequence(answer.sequence)
                .text(answer.text)
                .answeredAt(time(answer.answeredAt))
                .attachments(attached.stream().map(AttachmentMapper::toApi).toList())
                .rating(answer.isRated() ? new Rating()
                        .satisfied(answer.ratingSatisfied)
                        .score(answer.ratingScore)
                        .comment(answer.ratingComment)
                        .ratedAt(time(answer.ratedAt)) : null);
    }

    /** A date that is set only while something is owed, as InboxQuery#past filters it. */
    private static boolean isPast(LocalDate owedBy, Clock clock) {
        return owedBy != null && owedBy.isBefore(TimeSource.today(clock));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atZone(TimeSource.MOROCCO).toOffsetDateTime();
    }
}
