package ma.bawaba.documents;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import ma.bawaba.cases.CaseService;
import ma.bawaba.cases.web.CaseExchanges;
import ma.bawaba.cases.web.CaseSubmissions;
import ma.bawaba.contract.api.DocumentOrdersApi;
import ma.bawaba.contract.model.DocumentOrderInput;
import ma.bawaba.contract.model.DocumentOrderPage;
import ma.bawaba.contract.model.DocumentOrderReceipt;
import ma.bawaba.contract.model.DocumentOrderStatus;
import ma.bawaba.contract.model.DocumentOrderTransition;
import ma.bawaba.contract.model.MessageInput;
import ma.bawaba.platform.TimeSource;
import ma.bawaba.platform.security.Access;
import ma.bawaba.platform.security.CaseTokens;
import ma.bawaba.platform.security.Caller;
import ma.bawaba.platform.security.Role;
import ma.bawaba.platform.web.DateFilters;
import ma.bawaba.platform.web.Page;
import ma.bawaba.platform.web.Paging;
import ma.bawaba.platform.web.Versions;

/** /document-orders: reads the request, asks {@link DocumentOrders} (or {@link CaseExchanges}), maps. */
public class DocumentOrderResource implements DocumentOrdersApi {

    private static final CaseService SERVICE = CaseService.DOCUMENT_ORDERS;

    private final DocumentOrders orders;
    private final CaseExchanges exchanges;
    private final CaseSubmissions submissions;
    private final Access access;
    private final Clock clock;
    private final HttpServerRequest request;
    private final Paging paging;

    DocumentOrderResource(DocumentOrders orders, CaseExchanges exchanges, CaseSubmissions submissions, Access access,
                          Clock clock, HttpServerRequest request, Paging paging) {
        this.orders = orders;
        this.exchanges = exchanges;
        this.submissions = submissions;
        this.access = access;
        this.clock = clock;
        this.request = request;
        this.paging = paging;
    }

    @Override
    public Response submitDocumentOrder(DocumentOrderInput input, String acceptLanguage, String idempotencyKey) {
        DocumentOrders.Filing filing = DocumentOrderMapper.filing(input);
        return submissions.submit(new CaseSubmissions.Filing(SERVICE, input, idempotencyKey, request.remoteAddress().hostAddress(),
                        filing.requester()),
                new CaseSubmissions.Service<>(citizen -> orders.submit(filing, citizen), orders::submitted,
                        DocumentOrderView::file, this::receipt));
    }

    private DocumentOrderReceipt receipt(DocumentOrderView view, CaseTokens.Issued token) {
        return new DocumentOrderReceipt()
                .order(DocumentOrderMapper.toApi(view, clock))
                .caseToken(token.token())
                .caseTokenExpiresAt(token.expiresAt().atZone(TimeSource.MOROCCO).toOffsetDateTime());
    }

    @Override
    public Response listDocumentOrders(String acceptLanguage, DocumentOrderStatus status, Boolean overdue, LocalDate submittedFrom,
                                       LocalDate submittedTo, Integer limit, String cursor) {
        Caller staff = access.require(Role.OFFICE_CLERK, Role.POSTAL_OPERATOR);
        DateFilters.requireRange(submittedFrom, "submittedFrom", submittedTo, "submittedTo");
        var filter = new DocumentOrders.Filter(status == null ? null : status.name(), overdue, submittedFrom, submittedTo);
        Page<DocumentOrders.InboxRow> page = orders.list(staff, filter, paging.request(limit, cursor));
        return Response.ok(new DocumentOrderPage()
                .items(page.items().stream().map(row -> DocumentOrderMapper.summary(row, clock)).toList())
                .nextCursor(page.nextCursor())).build();
    }

    @Override
    public Response getDocumentOrder(String number, String acceptLanguage) {
        return withVersion(orders.view(number, access.requireAuthenticated()));
    }

    @Override
    public Response cancelDocumentOrder(String number, String acceptLanguage, String ifMatch) {
        Caller holder = access.requireCaseHolder();
        return withVersion(orders.cancel(number, Versions.expected(ifMatch), holder));
    }

    @Override
    public Response transitionDocumentOrder(String number, DocumentOrderTransition transition, String acceptLanguage,
                                            String ifMatch) {
        Caller staff = access.require(Role.OFFICE_CLERK, Role.POSTAL_OPERATOR);
        return withVersion(orders.transition(number, Versions.expected(ifMatch), DocumentOrderMapper.move(transition), staff));
    }

    @Override
    public Response listDocumentOrderMessages(String number, String acceptLanguage, Integer limit, String cursor) {
        return exchanges.messages(SERVICE, number, limit, cursor);
    }

    @Override
    public Response sendDocumentOrderMessage(String number, MessageInput message, String acceptLanguage, String idempotencyKey) {
        return exchanges.send(SERVICE, number, message, idempotencyKey, DocumentOrders::isClosed);
    }

    @Override
    public Response getDocumentOrderTimeline(String number, String acceptLanguage, Integer limit, String cursor) {
        return exchanges.timeline(SERVICE, number, limit, cursor);
    }

    @Override
    public Response uploadDocumentOrderAttachment(String number, InputStream ignored, String acceptLanguage, String idempotencyKey) {
        return exchanges.upload(SERVICE, number, idempotencyKey, DocumentOrders::isClosed);
    }

    @Override
    public Response downloadDocumentOrderAttachment(String number, Long attachmentId, String acceptLanguage) {
        return exchanges.download(SERVICE, number, attachmentId);
    }

    @Override
    public Response exportDocumentOrder(String number, String acceptLanguage) {
        Caller holder = access.requireCaseHolder();
        DocumentOrderView view = orders.view(number, holder);
        return exchanges.export(SERVICE, view.file(), holder, export -> export
                .documentOrder(DocumentOrderMapper.toApi(view, clock))
                .payments(orders.paymentNotifications(view.file()).stream().map(DocumentOrderMapper::payment).toList()));
    }

    private Response withVersion(DocumentOrderView view) {
        return Response.ok(DocumentOrderMapper.toApi(view, clock)).tag(Versions.etag(view.file().version)).build();
    }
}
