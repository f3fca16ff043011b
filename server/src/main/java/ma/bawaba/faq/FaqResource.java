package ma.bawaba.faq;

import jakarta.ws.rs.core.Response;
import ma.bawaba.contract.api.FaqApi;
import ma.bawaba.contract.model.FaqPage;
import ma.bawaba.contract.model.Service;
import ma.bawaba.platform.web.Page;
import ma.bawaba.platform.web.Paging;
import ma.bawaba.platform.web.RequestLanguage;

/** GET /faq: public, in the language asked. */
public class FaqResource implements FaqApi {

    private final Faq faq;
    private final Paging paging;
    private final RequestLanguage language;

    FaqResource(Faq faq, Paging paging, RequestLanguage language) {
        this.faq = faq;
        this.paging = paging;
        this.language = language;
    }

    @Override
    public Response listFaq(String acceptLanguage, Service service, Integer limit, String cursor) {
        Page.Request request = paging.request(limit, cursor);
        var page = faq.list(service, language.get(), request);
        return Response.ok(new FaqPage().items(page.items()).nextCursor(page.nextCursor())).build();
    }
}
