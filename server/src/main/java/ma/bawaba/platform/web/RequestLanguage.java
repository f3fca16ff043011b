package ma.bawaba.platform.web;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The language of the current request's answer: decided once from {@code Accept-Language}, then used by everything
 * the answer localises (names, problem titles, details, field messages), so that no part of one answer can be in
 * another language. Asking for it marks the answer as depending on the language, and {@link HttpEdge} then says so
 * ({@code Content-Language}, {@code Vary: Accept-Language}) so that caches keep one copy per language.
 */
@ApplicationScoped
public class RequestLanguage {

    private static final String DECIDED = "bawaba.language";
    private static final String USED = "bawaba.language-used";

    private final CurrentVertxRequest current;

    RequestLanguage(CurrentVertxRequest current) {
        this.current = current;
    }

    /** This request's language; French outside a request (jobs, start-up). */
    public Language get() {
        RoutingContext context = current.getCurrent();
        return context == null ? Language.FR : use(context);
    }

    /**
     * The language the caller asked for, to be kept for later (the language of a case's e-mails), without marking this
     * answer as depending on it; French outside a request.
     */
    public Language preferred() {
        if (!io.quarkus.arc.Arc.container().requestContext().isActive()) {
            return Language.FR;
        }
        RoutingContext context = current.getCurrent();
        if (context == null) {
            return Language.FR;
        }
        Language decided = context.get(DECIDED);
        return decided != null ? decided : Language.fromAcceptLanguage(context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    static Language use(RoutingContext context) {
        Language language = context.get(DECIDED);
        if (language == null) {
            language = Language.fromAcceptLanguage(context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
            context.put(DECIDED, language);
        }
        context.put(USED, Boolean.TRUE);
        return language;
    }

    /** The language the answer was localised in, or null when nothing in it depends on the language. */
    static Language usedBy(RoutingContext context) {
        return Boolean.TRUE.equals(context.get(USED)) ? context.get(DECIDED) : null;
    }
}
