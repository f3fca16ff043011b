package ma.bawaba.complaints;

import java.time.Instant;
import java.util.List;
import ma.bawaba.cases.CaseFile;
import ma.bawaba.cases.attachments.AttachedFile;

/**
 * A complaint with everything its page shows, read in a fixed number of queries; {@code reopenableUntil} is when the
 * holder's window to reopen closes, null when the holder may not reopen.
 */
public record ComplaintView(CaseFile file, Complaint complaint, List<Answer> answers, List<AttachedFile> attachments,
                            Instant reopenableUntil) {

    public Answer latestAnswer() {
        return answers.isEmpty() ? null : answers.get(answers.size() - 1);
    }
}
