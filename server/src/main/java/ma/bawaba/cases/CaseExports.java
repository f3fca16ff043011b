package ma.bawaba.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import ma.bawaba.cases.attachments.AttachedFile;
import ma.bawaba.cases.attachments.Attachments;
import ma.bawaba.platform.security.Caller;

/**
 * What every case holds beyond its service's view, whole, for its holder's copy of everything held about it (Law
 * 09-08, right of access): the conversation with the documents each message carries, and every document the holder may
 * read. The timeline is read by the web side, which publishes events as the contract describes them.
 */
@ApplicationScoped
public class CaseExports {

    private final Attachments attachments;

    CaseExports(Attachments attachments) {
        this.attachments = attachments;
    }

    /** The messages, oldest first, and the documents the reader may see, by id. */
    public record Held(List<CaseConversation.Posted> messages, List<AttachedFile> documents) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Held of(CaseFile file, Caller reader) {
        List<CaseMessage> messages = CaseMessage.list("caseId = ?1 order by id", file.id);
        Map<Long, List<AttachedFile>> byMessage = attachments.byMessage(messages.stream().map(message -> message.id).toList());
        return new Held(messages.stream()
                .map(message -> new CaseConversation.Posted(message, byMessage.getOrDefault(message.id, List.of())))
                .toList(), attachments.visibleOf(file.id, reader));
    }
}
