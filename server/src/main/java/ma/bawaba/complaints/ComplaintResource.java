package ma.bawaba.complaints;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Clock;
import ma.bawaba.cases.web.CaseExchanges;
import ma.bawaba.cases.CaseService;
import ma.bawaba.cases.web.CaseSubmissions;
import ma.bawaba.contract.api.ComplaintsApi;
import ma.bawaba.contract.model.ComplaintInput;
import ma.bawaba.contract.model.ComplaintKind;
import ma.bawaba.contract.model.ComplaintPage;
import ma.bawaba.contract.model.ComplaintReceipt;
import ma.bawaba.contract.model.ComplaintStatus;
import ma.bawaba.contract.model.ComplaintTransition;
import ma.bawaba.contract.model.MessageInput;
import ma.bawaba.contract.model.RatingInput;
import ma.bawaba.contract.model.ReopenInput;
import ma.bawaba.platform.BawabaConfig;
import ma.bawaba.platform.TimeSource;
import ma.bawaba.platform.security.Access;
import ma.bawaba.platform.security.CaseTokens;
import ma.bawaba.platform.security.Caller;
import ma.bawaba.platform.security.Role;
import ma.bawaba.platform.web.DateFilters;
import ma.bawaba.platform.web.Page;
import ma.bawaba.platform.web.Paging;
import ma.bawaba.platform.web.Versions;

/** /complaints: reads the request, asks {@link Complaints} (or {@link CaseExchanges} for what every case has), maps. */
public class ComplaintResource implements ComplaintsApi {

    private final Complaints complaints;
    private final CaseExchanges exchanges;
    private final Access access;
    private final CaseSubmissions submissions;
    private final BawabaConfig config;
    private final Clock clock;
    private final HttpServerRequest request;
    private final Paging paging;

    ComplaintResource(Complaints complaints, CaseExchanges exchanges, Access access, CaseSubmissions submissions,
                      BawabaConfig config, Clock clock, HttpServerRequest request, Paging paging) {
        this.complaints = complaints;
        this.exchanges = exchanges;
        this.access = access;
        this.submissions = submissions;
        this.config = config;
        this.clock = clock;
        this.request = request;
        this.paging = paging;
    }

    @Override
    public Response submitComplaint(ComplaintInput input, String acceptLanguage, String idempotencyKey) {
        Complaints.Filing filing = ComplaintMapper.filing(input);
        return submissions.submit(new CaseSubmissions.Filing(CaseService.COMPLAINTS, input, idempotencyKey,
                        request.remoteAddress().hostAddress(), filing.requester()),
                new CaseSubmissions.Service<>(citizen -> complaints.submit(filing, citizen), complaints::submitted,
                        ComplaintView::file, this::receipt));
    }

    private ComplaintReceipt receipt(ComplaintView view, CaseTokens.Issued token) {
        return new ComplaintReceipt()
                .complaint(toApi(view))
                .caseToken(token.token())
                .caseTokenExpiresAt(token.expiresAt().atZone(TimeSource.MOROCCO).toOffsetDateTime());
    }

    @Override
    public Response listComplaints(String acceptLanguage, ComplaintStatus status, ComplaintKind kind, Long categoryId,
                                   Boolean overdue, Boolean routingOverdue, java.time.LocalDate submittedFrom,
                                   java.time.LocalDate submittedTo, Integer limit, String cursor) {
        Caller staff = access.require(Role.AGENT, Role.HEAD);
        DateFilters.requireRange(submittedFrom, "submittedFrom", submittedTo, "submittedTo");
        Complaints.ComplaintFilter filter = new Complaints.ComplaintFilter(status == null ? null : status.name(),
                kind == null ? null : kind.name(), categoryId, overdue, routingOverdue, submittedFrom, submittedTo);
        Page<Complaints.InboxRow> page = complaints.list(staff, filter, page(limit, cursor));
        return Response.ok(new ComplaintPage()
                .items(page.items().stream().map(row -> ComplaintMapper.summary(row, clock)).toList())
                .nextCursor(page.nextCursor())).build();
    }

    @Override
    public Response getComplaint(String number, String acceptLanguage) {
        ComplaintView view = complaints.view(number, access.requireAuthenticated());
        return withVersion(view);
    }

    @Override
    public Response transitionComplaint(String number, ComplaintTransition transition, String acceptLanguage, String ifMatch) {
        Caller staff = access.require(Role.AGENT, Role.HEAD);
        return withVersion(complaints.transition(number, Versions.expected(ifMatch), ComplaintMapper.move(transition), staff));
    }

    @Override
    public Response rateComplaint(String number, RatingInput rating, String acceptLanguage, String ifMatch) {
        Caller holder = access.requireCaseHolder();
        return withVersion(complaints.rate(number, Versions.expected(ifMatch), ComplaintMapper.rating(rating), holder));
    }

    @Override
    public Response reopenComplaint(String number, ReopenInput reopen, String acceptLanguage, String ifMatch) {
        Caller holder = access.requireCaseHolder();
        return withVersion(complaints.reopen(number, Versions.expected(ifMatch), reopen.getReason(), holder));
    }

    @Override
    public Response listComplaintMessages(String number, String acceptLanguage, Integer limit, String cursor) {
        return exchanges.messages(CaseService.COMPLAINTS, number, limit, cursor);
    }

    @Override
    public Response sendComplaintMessage(String number, MessageInput message, String acceptLanguage, String idempotencyKey) {
        return exchanges.send(CaseService.COMPLAINTS, number, message, idempotencyKey, Complaints::isClosed);
    }

    @Override
    public Response getComplaintTimeline(String number, String acceptLanguage, Integer limit, String cursor) {
        return exchanges.timeline(CaseService.COMPLAINTS, number, limit, cursor);
    }

    @Override
    public Response uploadComplaintAttachment(String number, InputStream ignored, String acceptLanguage, String idempotencyKey) {
        return exchanges.upload(CaseService.COMPLAINTS, number, idempotencyKey, Complaints::isClosed);
    }

    @Override
    public Response downloadComplaintAttachment(String number, Long attachmentId, String acceptLanguage) {
        return exchanges.download(CaseService.COMPLAINTS, number, attachmentId);
    }

    @Override
    public Response exportComplaint(String number, String acceptLanguage) {
        Caller holder = access.requireCaseHolder();
        ComplaintView view = complaints.view(number, holder);
        return exchanges.export(CaseService.COMPLAINTS, view.file(), holder, export -> export.complaint(toApi(view)));
    }

    private Response withVersion(ComplaintView view) {
        return Response.ok(toApi(view)).tag(Versions.etag(view.file().version)).build();
    }

    private ma.bawaba.contract.model.Complaint toApi(ComplaintView view) {
        return ComplaintMapper.toApi(view, clock);
    }

    private Page.Request page(Integer limit, String cursor) {
        return paging.request(limit, cursor);
    }
}
