package ma.bawaba.faq;

import jakarta.ws.rs.core.Response;
import ma.bawaba.contract.api.FaqApi;
import ma.bawaba.contract.model.FaqPage;
import ma.bawaba.contract.model.Service;
import ma.bawaba.platform.web.Language;
import ma.bawaba.platform.web.Page;
import ma.bawaba.platform.web.Paging;
import ma.bawaba.platform.web.RequestLanguage;

/** GET /faq: public, in the language asked. */
public class FaqResource implements FaqApi {

    private final Faq faq;
    private final Paging paging;
    private final RequestLanguage requestLanguage;

    FaqResource(Faq faq, Paging paging, RequestLanguage requestLanguage) {
        this.faq = faq;
        this.paging = paging;
        this.requestLanguage = requestLanguage;
    }

    @Override
    public Response listFaq(String acceptLanguage, Service service, Integer limit, String cursor) {
        Page.Request request = paging.request(limit, cursor);
        Language language = requestLanguage.get();
        Page<FaqEntry> page = faq.list(FaqMapper.service(service), request);
        return Response.ok(new FaqPage()
                .items(page.items().stream().map(entry -> FaqMapper.entry(entry, language)).toList())
                .nextCursor(page.nextCursor())).build();
    }
}
