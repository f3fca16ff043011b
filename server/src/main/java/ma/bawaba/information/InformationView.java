package ma.bawaba.information;

import java.util.List;
import ma.bawaba.cases.CaseFile;
import ma.bawaba.cases.attachments.AttachedFile;
import ma.bawaba.platform.calendar.Deadline;

/** An information request with everything its page shows. */
public record InformationView(CaseFile file, InformationRequest request, List<Appeal> appeals, List<AttachedFile> attachments,
                              Deadline deadline, java.time.LocalDate extendedDueDate, InformationRequests.Windows windows) {
}
