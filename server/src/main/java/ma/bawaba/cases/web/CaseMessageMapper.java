package ma.bawaba.cases.web;

import ma.bawaba.cases.CaseConversation;
import ma.bawaba.cases.attachments.AttachmentMapper;
import ma.bawaba.contract.model.ActorKind;
import ma.bawaba.contract.model.Message;
import ma.bawaba.platform.TimeSource;

/** A message of a case as the API shows it, with the documents it carries. */
final class CaseMessageMapper {

    private CaseMessageMapper() {
    }

    static Message toApi(CaseConversation.Posted posted) {
        return new Message()
                .id(posted.message().id)
                .author(ActorKind.fromValue(posted.message().author))
                .text(posted.message().text)
                .sentAt(posted.message().sentAt.atZone(TimeSource.MOROCCO).toOffsetDateTime())
                .attachments(posted.attachments().stream().map(AttachmentMapper::toApi).toList());
    }
}
