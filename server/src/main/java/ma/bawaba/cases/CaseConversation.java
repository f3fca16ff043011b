package ma.bawaba.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import ma.bawaba.cases.attachments.AttachedFile;
import ma.bawaba.cases.attachments.Attachments;
import ma.bawaba.cases.events.CaseEventData;
import ma.bawaba.platform.problem.Required;
import ma.bawaba.platform.security.Caller;
import ma.bawaba.platform.web.Page;

/** The messages of a case, for every service that has them: written by either side, read oldest first. */
@ApplicationScoped
public class CaseConversation {

    private final CaseLedger ledger;
    private final Attachments attachments;
    private final Clock clock;

    CaseConversation(CaseLedger ledger, Attachments attachments, Clock clock) {
        this.ledger = ledger;
        this.attachments = attachments;
        this.clock = clock;
    }

    /** A message with the documents it carries. */
    public record Posted(CaseMessage message, List<AttachedFile> attachments) {
    }

    /** Adds a message to a case the caller may write to (the service has checked that the case is open). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Posted send(CaseFile file, Caller author, String text, java.util.Collection<Long> attachmentIds) {
        CaseMessage message = new CaseMessage();
        message.caseId = file.id;
        message.author = CaseActors.visible(author);
        message.institutionId = author.isStaff() ? author.institutionId() : null;
        message.text = Required.text(text, "text");
        message.sentAt = clock.instant();
        message.persist();
        List<AttachedFile> attached = attachments.claim(file, author, attachmentIds, claimed -> claimed.messageId = message.id);
        ledger.record(file, author, new CaseEventData.MessageSent(message.id));
        return new Posted(message, attached);
    }

    /** One page of the case's messages, with their attachments read in one query. */
    @Transactional
    public Page<Posted> list(CaseFile file, Page.Request request) {
        Long after = request.afterId();
        List<CaseMessage> rows = CaseMessage.<CaseMessage>find(
                        after == null ? "caseId = ?1 order by id" : "caseId = ?1 and id > ?2 order by id",
                        after == null ? new Object[] {file.id} : new Object[] {file.id, after})
                .page(0, request.fetchSize()).list();
        Map<Long, List<AttachedFile>> byMessage = attachments.byMessage(rows.stream().map(row -> row.id).toList());
        return Page.of(rows, request, row -> row.id.toString(),
                row -> new Posted(row, byMessage.getOrDefault(row.id, List.of())));
    }
}
