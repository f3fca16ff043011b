package ma.bawaba.cases.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import ma.bawaba.cases.CaseExports;
import ma.bawaba.contract.model.CaseExport;
import ma.bawaba.platform.TimeSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ma.bawaba.cases.CaseConversation;
import ma.bawaba.cases.CaseFile;
import ma.bawaba.cases.CaseFiles;
import ma.bawaba.cases.CaseService;
import ma.bawaba.cases.attachments.AttachmentMapper;
import ma.bawaba.cases.attachments.Attachments;
import ma.bawaba.contract.model.MessageInput;
import ma.bawaba.contract.model.MessagePage;
import ma.bawaba.contract.model.TimelinePage;
import ma.bawaba.platform.web.idempotency.Idempotency;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.problem.ProblemCode;
import ma.bawaba.platform.problem.ProblemFacts;
import ma.bawaba.platform.security.Access;
import ma.bawaba.platform.security.Caller;
import ma.bawaba.platform.web.Page;
import ma.bawaba.platform.web.Paging;

/**
 * What every case has whatever its service, behind the same operations in each service's family of paths:
 * its messages, its timeline and its documents, for its holder and the staff it is assigned to (404 for anyone
 * else). Each service says which of its statuses take no more messages or documents.
 */
@ApplicationScoped
public class CaseExchanges {

    private final CaseFiles caseFiles;
    private final CaseConversation conversation;
    private final CaseTimeline timeline;
    private final Attachments attachments;
    private final Access access;
    private final Idempotency idempotency;
    private final Paging paging;
    private final CaseExports exports;
    private final Clock clock;
    private final String restPath;

    CaseExchanges(CaseFiles caseFiles, CaseConversation conversation, CaseTimeline timeline, Attachments attachments,
                  Access access, Idempotency idempotency, Paging paging, CaseExports exports, Clock clock,
                  @ConfigProperty(name = "quarkus.rest.path") String restPath) {
        this.exports = exports;
        this.clock = clock;
        this.restPath = restPath;
        this.caseFiles = caseFiles;
        this.conversation = conversation;
        this.timeline = timeline;
        this.attachments = attachments;
        this.access = access;
        this.idempotency = idempotency;
        this.paging = paging;
    }

    public Response messages(CaseService service, String number, Integer limit, String cursor) {
        CaseFile file = caseFiles.visibleContent(service, number, access.requireAuthenticated());
        var page = conversation.list(file, page(limit, cursor));
        return Response.ok(new MessagePage().items(page.items().stream().map(CaseMessageMapper::toApi).toList())
                .nextCursor(page.nextCursor())).build();
    }

    public Response send(CaseService service, String number, MessageInput message, String idempotencyKey,
                         Predicate<String> closed) {
        Caller author = access.requireAuthenticated();
        return idempotency.create(author, "POST /" + service.path() + "/" + number + "/messages", idempotencyKey, message, () ->
                Response.status(Response.Status.CREATED)
                        .entity(CaseMessageMapper.toApi(conversation.send(open(service, number, author, closed), author,
                                message.getText().strip(), message.getAttachmentIds())))
                        .build());
    }

    /**
     * Everything held about a case, for its holder (Law 09-08, right of access): what every case has, in full, and the
     * service's own view of it, which the service's resource adds (with its own records, such as payments). The
     * resource has read that view for the holder, so the case is theirs and not anonymised.
     */
    public Response export(CaseService service, CaseFile file, Caller holder, Consumer<CaseExport> serviceView) {
        CaseExports.Held held = exports.of(file, holder);
        String documents = restPath + "/" + service.path() + "/" + file.number + "/attachments/";
        CaseExport export = new CaseExport()
                .service(ma.bawaba.contract.model.Service.fromValue(service.name()))
                .number(file.number)
                .exportedAt(clock.instant().atZone(TimeSource.MOROCCO).toOffsetDateTime())
                .messages(held.messages().stream().map(CaseMessageMapper::toApi).toList())
                .attachments(held.documents().stream()
                        .map(document -> AttachmentMapper.exported(document, documents + document.id)).toList())
                .payments(List.of())
                .timeline(timeline.all(file));
        serviceView.accept(export);
        return Response.ok(export)
                .header("Content-Disposition", "attachment; filename=\"" + file.number + ".json\"")
                .build();
    }

    public Response timeline(CaseService service, String number, Integer limit, String cursor) {
        CaseFile file = caseFiles.visibleContent(service, number, access.requireAuthenticated());
        var page = timeline.list(file, page(limit, cursor));
        return Response.ok(new TimelinePage().items(page.items()).nextCursor(page.nextCursor())).build();
    }

    public Response upload(CaseService service, String number, String idempotencyKey, Predicate<String> closed) {
        Caller uploader = access.requireAuthenticated();
        // Nothing is read into memory for a case the caller may not see.
        caseFiles.visibleContent(service, number, uploader);
        Attachments.Upload upload = Uploads.fromForm(attachments);
        String path = service.path() + "/" + number + "/attachments";
        return idempotency.create(uploader, "POST /" + path, idempotencyKey, upload.fingerprint(), () -> {
            var attached = attachments.add(open(service, number, uploader, closed), uploader, upload);
            return Response.created(URI.create(path + "/" + attached.id)).entity(AttachmentMapper.toApi(attached)).build();
        });
    }

    @Transactional
    public Response download(CaseService service, String number, long attachmentId) {
        Caller caller = access.requireAuthenticated();
        return Uploads.download(attachments.download(caseFiles.visibleContent(service, number, caller), attachmentId, caller));
    }

    /** The case, locked for the change, as long as its status still takes messages and documents (else 409). */
    private CaseFile open(CaseService service, String number, Caller caller, Predicate<String> closed) {
        CaseFile file = caseFiles.visibleContentForUpdate(service, number, caller);
        if (file.isAnonymised()) {
            // Nothing personal comes back into a case whose personal data were erased (Law 09-08).
            throw new DomainException.Gone(file.number);
        }
        if (closed.test(file.status)) {
            throw new DomainException.Conflict(ProblemCode.CASE_CLOSED, ProblemFacts.currentStatus(file.status),
                    "problem.case-closed.detail", number, new DomainException.Localized(service.subject() + ".status." + file.status));
        }
        return file;
    }

    private Page.Request page(Integer limit, String cursor) {
        return paging.request(limit, cursor);
    }
}
