package ma.bawaba.complaints;

import java.util.List;
import ma.bawaba.cases.CaseFile;
import ma.bawaba.cases.attachments.AttachedFile;

/** A complaint with everything its page shows, read in a fixed number of queries. */
public record ComplaintView(CaseFile file, Complaint complaint, List<Answer> answers, List<AttachedFile> attachments) {

    public Answer latestAnswer() {
        return answers.isEmpty() ? null : answers.get(answers.size() - 1);
    }
}
