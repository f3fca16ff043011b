package ma.bawaba.inbox;

import java.time.Instant;
import java.time.LocalDate;
import ma.bawaba.cases.CaseService;

/** What the unified inbox and its export can be filtered by; every filter is optional and all must hold. */
public record InboxFilter(CaseService service, String status, Boolean overdue, LocalDate dueBefore, Instant updatedSince,
                          Long categoryId, String kind, String text) {
}
