package ma.bawaba.faq;

import jakarta.ws.rs.core.Response;
import ma.bawaba.contract.api.FaqApi;
import ma.bawaba.contract.model.FaqPage;
import ma.bawaba.contract.model.Service;
import ma.bawaba.platform.BawabaConfig;
import ma.bawaba.platform.web.Language;
import ma.bawaba.platform.web.Page;

/** GET /faq: public, in the language asked. */
public class FaqResource implements FaqApi {

    private final Faq faq;
    private final BawabaConfig config;

    FaqResource(Faq faq, BawabaConfig config) {
        this.faq = faq;
        this.config = config;
    }

    @Override
    public Response listFaq(String acceptLanguage, Service service, Integer limit, String cursor) {
        Page.Request request = Page.Request.of(limit, cursor, config.paging().defaultLimit(), config.paging().maxLimit());
        var page = faq.list(service, Language.fromAcceptLanguage(acceptLanguage), request);
        return Response.ok(new FaqPage().items(page.items()).nextCursor(page.nextCursor())).build();
    }
}
