package ma.bawaba.inbox;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import ma.bawaba.cases.CaseService;
import ma.bawaba.cases.web.CaseTimeline;
import ma.bawaba.contract.model.InboxEvent;
import ma.bawaba.contract.model.InboxEventPage;
import ma.bawaba.contract.model.InboxItem;
import ma.bawaba.contract.model.Service;
import ma.bawaba.platform.TimeSource;

/** The unified inbox, its feed and its export as the contract shows them. */
final class InboxMapper {

    /** The CSV columns: the properties of {@code InboxItem}, in the contract's order. */
    static final String CSV_HEADER = "number,service,kind,status,institutionId,officeId,categoryId,subject,submittedAt,updatedAt,"
            + "dueDate,overdue\r\n";

    private InboxMapper() {
    }

    static InboxFilter filter(Service service, String status, Boolean overdue, LocalDate dueBefore, OffsetDateTime updatedSince,
                              Long categoryId, String kind, String text) {
        return new InboxFilter(service == null ? null : CaseService.valueOf(service.name()), status, overdue, dueBefore,
                updatedSince == null ? null : updatedSince.toInstant(), categoryId, kind, text);
    }

    static InboxItem item(InboxRow row, LocalDate today) {
        return new InboxItem()
                .number(row.number())
                .service(Service.fromValue(row.service()))
                .kind(row.kind())
                .status(row.status())
                .institutionId(row.institutionId())
                .officeId(row.officeId())
                .categoryId(row.categoryId())
                .subject(row.subject())
                .submittedAt(row.submittedAt().atZone(TimeSource.MOROCCO).toOffsetDateTime())
                .updatedAt(row.updatedAt().atZone(TimeSource.MOROCCO).toOffsetDateTime())
                .dueDate(row.dueDate())
                .overdue(row.isOverdue(today));
    }

    static InboxEventPage feed(ChangeFeed.Slice slice, CaseTimeline timeline) {
        return new InboxEventPage()
                .items(slice.items().stream().map(item -> new InboxEvent()
                        .position(item.position())
                        .caseNumber(item.caseNumber())
                        .service(Service.fromValue(item.service()))
                        .event(timeline.entry(item.event()))).toList())
                .lastPosition(slice.lastPosition())
                .hasMore(slice.hasMore());
    }

    /** One CSV record (RFC 4180), as the header names its columns. */
    static String csv(InboxItem item) {
        return Stream.of(item.getNumber(), item.getService(), item.getKind(), item.getStatus(), item.getInstitutionId(),
                        item.getOfficeId(), item.getCategoryId(), item.getSubject(), item.getSubmittedAt(), item.getUpdatedAt(),
                        item.getDueDate(), item.getOverdue())
                // date-times as in the JSON (ISO_OFFSET_DATE_TIME keeps ":00" seconds that toString drops)
                .map(value -> value == null ? "" : field(value instanceof OffsetDateTime time
                        ? time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) : value.toString()))
                .collect(Collectors.joining(",", "", "\r\n"));
    }

    private static String field(String value) {
        // A subject is the citizen's text: one that starts like a formula is not run by a spreadsheet (OWASP CSV injection).
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quoted = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0;
        return quoted ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
