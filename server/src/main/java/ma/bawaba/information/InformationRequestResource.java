package ma.bawaba.information;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Clock;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import ma.bawaba.cases.web.CaseExchanges;
import ma.bawaba.cases.CaseService;
import ma.bawaba.cases.web.CaseSubmissions;
import ma.bawaba.contract.api.InformationRequestsApi;
import ma.bawaba.contract.model.AppealInput;
import ma.bawaba.contract.model.InformationRequestInput;
import ma.bawaba.contract.model.InformationRequestPage;
import ma.bawaba.contract.model.InformationRequestReceipt;
import ma.bawaba.contract.model.InformationRequestStatus;
import ma.bawaba.contract.model.InformationRequestTransition;
import ma.bawaba.contract.model.InformationRequestType;
import ma.bawaba.contract.model.MessageInput;
import ma.bawaba.platform.BawabaConfig;
import ma.bawaba.platform.TimeSource;
import ma.bawaba.platform.web.idempotency.Idempotency;
import ma.bawaba.platform.security.Access;
import ma.bawaba.platform.security.CaseTokens;
import ma.bawaba.platform.security.Caller;
import ma.bawaba.platform.security.Role;
import ma.bawaba.platform.web.DateFilters;
import ma.bawaba.platform.web.Page;
import ma.bawaba.platform.web.Paging;
import ma.bawaba.platform.web.Versions;

/** /information-requests: reads the request, asks {@link InformationRequests} (or {@link CaseExchanges}), maps. */
public class InformationRequestResource implements InformationRequestsApi {

    private static final CaseService SERVICE = CaseService.INFORMATION_REQUESTS;

    private final InformationRequests requests;
    private final CaseExchanges exchanges;
    private final Access access;
    private final Idempotency idempotency;
    private final CaseSubmissions submissions;
    private final BawabaConfig config;
    private final Clock clock;
    private final HttpServerRequest http;
    private final Paging paging;

    InformationRequestResource(InformationRequests requests, CaseExchanges exchanges, Access access, Idempotency idempotency,
                               CaseSubmissions submissions, BawabaConfig config, Clock clock, HttpServerRequest http,
                               Paging paging) {
        this.requests = requests;
        this.exchanges = exchanges;
        this.access = access;
        this.idempotency = idempotency;
        this.submissions = submissions;
        this.config = config;
        this.clock = clock;
        this.http = http;
        this.paging = paging;
    }

    @Override
    public Response submitInformationRequest(InformationRequestInput input, String acceptLanguage, String idempotencyKey) {
        InformationRequests.Filing filing = InformationRequestMapper.filing(input);
        return submissions.submit(new CaseSubmissions.Filing(SERVICE, input, idempotencyKey, http.remoteAddress().hostAddress(),
                        filing.requester()),
                new CaseSubmissions.Service<>(citizen -> requests.submit(filing, citizen), requests::submitted,
                        InformationView::file, this::receipt));
    }

    private InformationRequestReceipt receipt(InformationView view, CaseTokens.Issued token) {
        return new InformationRequestReceipt()
                .request(InformationRequestMapper.toApi(view, clock))
                .caseToken(token.token())
                .caseTokenExpiresAt(token.expiresAt().atZone(TimeSource.MOROCCO).toOffsetDateTime());
    }

    @Override
    public Response listInformationRequests(String acceptLanguage, InformationRequestStatus status, InformationRequestType type,
                                            Boolean overdue, LocalDate submittedFrom, LocalDate submittedTo, Integer limit,
                                            String cursor) {
        Caller staff = access.require(Role.AGENT, Role.HEAD, Role.COMMISSION);
        DateFilters.requireRange(submittedFrom, "submittedFrom", submittedTo, "submittedTo");
        var filter = new InformationRequests.Filter(status == null ? null : status.name(), type == null ? null : type.name(),
                overdue, submittedFrom, submittedTo);
        Page<InformationRequests.InboxRow> page = requests.list(staff, filter, page(limit, cursor));
        return Response.ok(new InformationRequestPage()
                .items(page.items().stream().map(row -> InformationRequestMapper.summary(row, clock)).toList())
                .nextCursor(page.nextCursor())).build();
    }

    @Override
    public Response getInformationRequest(String number, String acceptLanguage) {
        return withVersion(requests.view(number, access.requireAuthenticated()));
    }

    @Override
    public Response transitionInformationRequest(String number, InformationRequestTransition transition, String acceptLanguage,
                                                 String ifMatch) {
        Caller staff = access.require(Role.AGENT, Role.HEAD, Role.COMMISSION);
        return withVersion(requests.transition(number, Versions.expected(ifMatch), InformationRequestMapper.move(transition), staff));
    }

    @Override
    public Response withdrawInformationRequest(String number, String acceptLanguage, String ifMatch) {
        Caller holder = access.requireCaseHolder();
        return withVersion(requests.withdraw(number, Versions.expected(ifMatch), holder));
    }

    @Override
    public Response fileInformationAppeal(String number, AppealInput appeal, String acceptLanguage, String ifMatch,
                                          String idempotencyKey) {
        Caller holder = access.requireCaseHolder();
        long expectedVersion = Versions.expected(ifMatch);
        // The answer holds the requester's identity: only the number is kept, and a replay reads the request again.
        return idempotency.create(holder, "POST /information-requests/" + number + "/appeals", idempotencyKey, appeal, () -> {
            InformationView view = requests.appeal(number, expectedVersion, InformationRequestMapper.appeal(appeal), holder);
            return Response.created(URI.create("information-requests/" + view.file().number))
                    .tag(Versions.etag(view.file().version))
                    .entity(InformationRequestMapper.toApi(view, clock))
                    .build();
        }, request -> Map.of("number", ((ma.bawaba.contract.model.InformationRequest) request).getNumber()),
                stored -> {
                    InformationView view = requests.view(stored.get("number").asText(), holder);
                    return new Idempotency.Revived(InformationRequestMapper.toApi(view, clock), view.file().version);
                });
    }

    @Override
    public Response listInformationRequestMessages(String number, String acceptLanguage, Integer limit, String cursor) {
        return exchanges.messages(SERVICE, number, limit, cursor);
    }

    @Override
    public Response sendInformationRequestMessage(String number, MessageInput message, String acceptLanguage, String idempotencyKey) {
        return exchanges.send(SERVICE, number, message, idempotencyKey, InformationRequests::isClosed);
    }

    @Override
    public Response getInformationRequestTimeline(String number, String acceptLanguage, Integer limit, String cursor) {
        return exchanges.timeline(SERVICE, number, limit, cursor);
    }

    @Override
    public Response uploadInformationRequestAttachment(String number, InputStream ignored, String acceptLanguage,
                                                       String idempotencyKey) {
        return exchanges.upload(SERVICE, number, idempotencyKey, InformationRequests::isClosed);
    }

    @Override
    public Response downloadInformationRequestAttachment(String number, Long attachmentId, String acceptLanguage) {
        return exchanges.download(SERVICE, number, attachmentId);
    }

    @Override
    public Response exportInformationRequest(String number, String acceptLanguage) {
        Caller holder = access.requireCaseHolder();
        InformationView view = requests.view(number, holder);
        return exchanges.export(CaseService.INFORMATION_REQUESTS, view.file(), holder,
                export -> export.informationRequest(InformationRequestMapper.toApi(view, clock)));
    }

    private Response withVersion(InformationView view) {
        return Response.ok(InformationRequestMapper.toApi(view, clock)).tag(Versions.etag(view.file().version)).build();
    }

    private Page.Request page(Integer limit, String cursor) {
        return paging.request(limit, cursor);
    }
}
