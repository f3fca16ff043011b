package ma.bawaba.information;

import java.util.List;
import ma.bawaba.cases.CaseFile;
import ma.bawaba.cases.Lifecycle;
import ma.bawaba.cases.attachments.AttachedFile;
import ma.bawaba.platform.calendar.Deadline;

/**
 * An information request with everything its page shows: the appeal windows are those the holder may use now (an
 * internal complaint) or now or later (an escalation), null when there is none.
 */
public record InformationView(CaseFile file, InformationRequest request, List<Appeal> appeals, List<AttachedFile> attachments,
                              Deadline deadline, java.time.LocalDate extendedDueDate, Lifecycle.Window internalComplaint,
                              Lifecycle.Window escalation) {
}
