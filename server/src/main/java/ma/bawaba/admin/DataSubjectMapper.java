package ma.bawaba.admin;

import java.util.ArrayList;
import java.util.List;
import ma.bawaba.cases.CaseFile;
import ma.bawaba.cases.privacy.DataSubjectRequests;
import ma.bawaba.contract.model.DataSubjectCase;
import ma.bawaba.contract.model.DataSubjectCases;
import ma.bawaba.contract.model.DataSubjectMatch;
import ma.bawaba.contract.model.Service;
import ma.bawaba.platform.TimeSource;

/** The answer to a data-subject request as the API shows it: the cases, no personal data beyond what was asked. */
final class DataSubjectMapper {

    private DataSubjectMapper() {
    }

    static DataSubjectCases toApi(DataSubjectRequests.Answer answer) {
        return new DataSubjectCases()
                .auditId(answer.auditId())
                .requestedAt(answer.requestedAt().atZone(TimeSource.MOROCCO).toOffsetDateTime())
                .items(answer.cases().stream().map(DataSubjectMapper::held).toList());
    }

    private static DataSubjectCase held(DataSubjectRequests.HeldCase held) {
        CaseFile file = held.file();
        List<DataSubjectMatch> matched = new ArrayList<>();
        if (held.byEmail()) {
            matched.add(DataSubjectMatch.EMAIL);
        }
        if (held.byIdDocument()) {
            matched.add(DataSubjectMatch.ID_DOCUMENT);
        }
        return new DataSubjectCase()
                .service(Service.fromValue(file.service))
                .number(file.number)
                .kind(file.kind)
                .status(file.status)
                .institutionId(file.institutionId)
                .officeId(file.officeId)
                .submittedAt(file.submittedAt.atZone(TimeSource.MOROCCO).toOffsetDateTime())
                .updatedAt(file.updatedAt.atZone(TimeSource.MOROCCO).toOffsetDateTime())
                .matchedBy(matched);
    }
}
