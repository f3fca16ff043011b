package ma.bawaba.cases.web;

import java.time.Clock;
import java.time.LocalDate;
import ma.bawaba.cases.CaseFile;
import ma.bawaba.contract.model.CaseSummary;
import ma.bawaba.contract.model.Service;
import ma.bawaba.platform.TimeSource;

/** A case's common part as the API shows it; timestamps in Morocco's offset, overdue derived from today's date there. */
public final class CaseSummaryMapper {

    private CaseSummaryMapper() {
    }

    public static CaseSummary toApi(CaseFile file, Clock clock) {
        LocalDate today = TimeSource.today(clock);
        return new CaseSummary()
                .number(file.number)
                .service(Service.fromValue(file.service))
                .kind(file.kind)
                .status(file.status)
                .institutionId(file.institutionId)
                .officeId(file.officeId)
                .submittedAt(file.submittedAt.atZone(TimeSource.MOROCCO).toOffsetDateTime())
                .updatedAt(file.updatedAt.atZone(TimeSource.MOROCCO).toOffsetDateTime())
                .dueDate(file.dueDate)
                .overdue(file.isOverdue(today));
    }

}
