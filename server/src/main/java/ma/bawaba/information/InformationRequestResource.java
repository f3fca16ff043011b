package ma.bawaba.information;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import ma.bawaba.cases.CaseExchanges;
import ma.bawaba.cases.CaseService;
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
import ma.bawaba.platform.idempotency.Idempotency;
import ma.bawaba.platform.ratelimit.RateLimiter;
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
    private final RateLimiter rateLimiter;
    private final CaseTokens caseTokens;
    private final BawabaConfig config;
    private final Clock clock;
    private final HttpServerRequest http;
    private final Paging paging;

    InformationRequestResource(InformationRequests requests, CaseExchanges exchanges, Access access, Idempotency idempotency,
                               RateLimiter rateLimiter, CaseTokens caseTokens, BawabaConfig config, Clock clock,
                               HttpServerRequest http, Paging paging) {
        this.requests = requests;
        this.exchanges = exchanges;
        this.access = access;
        this.idempotency = idempotency;
        this.rateLimiter = rateLimiter;
        this.caseTokens = caseTokens;
        this.config = config;
        this.clock = clock;
        this.http = http;
        this.paging = paging;
    }

    @Override
    public Response submitInformationRequest(InformationRequestInput input, String acceptLanguage, String idempotencyKey) {
        RateLimiter.Quota quota = rateLimiter.hit("information-submission:" + http.remoteAddress().hostAddress(),
                config.information().maxSubmissions(), config.information().submissionWindow());
        Caller citizen = access.caller();
        // As for complaints, a replay is rebuilt from the number: no stored token, no stored identity.
        Response created = idempotency.create(citizen, "POST /information-requests", idempotencyKey, input, () -> {
            InformationView view = requests.submit(input, citizen);
            return Response.created(URI.create("information-requests/" + view.file().number))
                    .tag(Versions.etag(view.file().version))
                    .entity(receipt(view))
                    .build();
        }, receipt -> Map.of("number", ((InformationRequestReceipt) receipt).getRequest().getNumber()),
                stored -> receipt(requests.submitted(stored.get("number").asText())));
        return Response.fromResponse(created)
                .header("RateLimit", quota.header())
                .header("RateLimit-Policy", quota.policy())
                .build();
    }

    private InformationRequestReceipt receipt(InformationView view) {
        CaseTokens.Issued token = caseTokens.issue(view.file().id, config.security().submissionTokenTtl());
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
        return withVersion(requests.transition(number, transition, ifMatch, staff));
    }

    @Override
    public Response withdrawInformationRequest(String number, String acceptLanguage, String ifMatch) {
        return withVersion(requests.withdraw(number, ifMatch, access.requireCaseHolder()));
    }

    @Override
    public Response fileInformationAppeal(String number, AppealInput appeal, String acceptLanguage, String ifMatch) {
        InformationView view = requests.appeal(number, appeal, ifMatch, access.requireCaseHolder());
        return Response.status(Response.Status.CREATED).entity(InformationRequestMapper.toApi(view, clock))
                .tag(Versions.etag(view.file().version)).build();
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

    private Response withVersion(InformationView view) {
        return Response.ok(InformationRequestMapper.toApi(view, clock)).tag(Versions.etag(view.file().version)).build();
    }

    private Page.Request page(Integer limit, String cursor) {
        return paging.request(limit, cursor);
    }
}
