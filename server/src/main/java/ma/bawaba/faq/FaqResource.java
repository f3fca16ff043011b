package ma.bawaba.faq;

import jakarta.ws.rs.core.Response;
import ma.bawaba.contract.api.FaqApi;
import ma.bawaba.contract.model.FaqPage;
import ma.bawaba.contract.model.Service;
import ma.bawaba.platform.BawabaConfig;
import ma.bawaba.platform.web.Page;
import ma.bawaba.platform.web.RequestLanguage;

/** GET /faq: public, in the language asked. */
public class FaqResource implements FaqApi {

    private final Faq faq;
    private final BawabaConfig config;
    private final RequestLanguage language;

    FaqResource(Faq faq, BawabaConfig config, RequestLanguage language) {
        this.faq = faq;
        this.config = config;
        this.language = language;
    }

    @Override
    public Response listFaq(String acceptLanguage, Service service, Integer limit, String cursor) {
        Page.Request request = Page.Request.of(limit, cursor, config.paging().defaultLimit(), config.paging().maxLimit());
        var page = faq.list(service, language.get(), request);
        return Response.ok(new FaqPage().items(page.items()).nextCursor(page.nextCursor())).build();
    }
}
