package ma.bawaba.inbox;

import java.time.Instant;
import java.time.LocalDate;

/** A case as the unified inbox lists it: what every case has, and a complaint's category and subject. No personal data. */
public record InboxRow(Long id, String number, String service, String kind, String status, Long institutionId,
                       Long officeId, Long categoryId, String subject, Instant submittedAt, Instant updatedAt,
                       LocalDate dueDate, boolean closed) {

    public boolean isOverdue(LocalDate today) {
        return !closed && dueDate != null && dueDate.isBefore(today);
    }
}
