package ma.bawaba.platform.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import ma.bawaba.platform.BawabaConfig;
import ma.bawaba.platform.problem.ProblemCatalog;
import ma.bawaba.platform.problem.ProblemFacts;
import ma.bawaba.platform.web.problem.Problems;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;

/**
 * What happens to every HTTP request before and after the REST layer: the request id (response header, log
 * context, problem instance), the headers every API answer carries (see {@link #apiHeaders}), and problem+json for
 * what never reaches JAX-RS (unknown routes outside the API, bodies over the size limit), so that a client never gets
 * an HTML page or an empty error.
 */
@ApplicationScoped
public class HttpEdge {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(HttpEdge.class);
    private static final String CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";

    private final Problems problems;
    private final long maxBodyBytes;
    private final long maxJsonBodyBytes;
    private final String apiRoot;

    HttpEdge(Problems problems, BawabaConfig config,
             @ConfigProperty(name = "quarkus.http.limits.max-body-size") io.quarkus.runtime.configuration.MemorySize maxBody,
             @ConfigProperty(name = "quarkus.rest.path") String apiRoot) {
        this.problems = problems;
        this.maxBodyBytes = maxBody.asLongValue();
        this.maxJsonBodyBytes = Math.min(maxBodyBytes, config.http().maxJsonBody().asLongValue());
        this.apiRoot = apiRoot.endsWith("/") ? apiRoot.substring(0, apiRoot.length() - 1) : apiRoot;
    }

    void requestIds(@Observes Filters filters) {
        filters.register(this::tagRequest, 1000);
    }

    void fallbacks(@Observes Router router) {
        router.route().order(Integer.MAX_VALUE).handler(context -> {
            if (!context.response().ended()) {
                reply(context, ProblemCatalog.NOT_FOUND, "problem.route-not-found.detail", context.normalizedPath());
            }
        });
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            int status = context.statusCode() > 0 ? context.statusCode() : 500;
            if (context.response().ended() || context.response().headWritten()) {
                return;
            }
            if (status == 413) {
                tooLarge(context, maxBodyBytes);
            } else if (status < 500) {
                ProblemCatalog.Kind kind = ProblemCatalog.ofStatus(status);
                reply(context, kind, kind.titleKey());
            } else {
                LOG.errorf(context.failure(), "Unexpected failure on %s", context.normalizedPath());
                reply(context, ProblemCatalog.INTERNAL, "problem.internal.detail");
            }
        });
    }

    private void tagRequest(RoutingContext context) {
        HttpServerRequest request = context.request();
        String requestId = RequestIds.acceptOrCreate(request.getHeader(RequestIds.HEADER));
        request.headers().set(RequestIds.HEADER, requestId);
        request.headers().set(RequestIds.METHOD_HEADER, request.method().name());
        context.response().putHeader(RequestIds.HEADER, requestId);
        MDC.put("requestId", requestId);
        String path = request.path();
        if (path != null && (path.equals(apiRoot) || path.startsWith(apiRoot + "/"))) {
            context.addHeadersEndHandler(ignored -> apiHeaders(context));
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        // Only an upload may use the room the absolute limit leaves for one attachment.
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        long limit = contentType != null && contentType.regionMatches(true, 0, "multipart/", 0, 10) ? maxBodyBytes : maxJsonBodyBytes;
        if (length != null && isTooLarge(length, limit)) {
            // Refused before the body is read, with the same problem shape as every other error.
            tooLarge(context, limit);
            return;
        }
        context.next();
    }

    private static boolean isTooLarge(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException malformed) {
            return false;
        }
    }

    /**
     * What every answer of the API says besides its body, whoever wrote it (a resource, an exception mapper, this
     * edge): never to sniff another type than the declared one; never to store it, unless the operation declared
     * itself public ({@link PublicCaching}) — most answers carry personal data or depend on a credential (Law 09-08),
     * so storing is what must be asked for; and, when something in it was localised, in which language, so that
     * caches keep one copy per language.
     */
    private static void apiHeaders(RoutingContext context) {
        MultiMap headers = context.response().headers();
        headers.set(CONTENT_TYPE_OPTIONS, "nosniff");
        if (!headers.contains(HttpHeaders.CACHE_CONTROL)) {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        Language language = RequestLanguage.usedBy(context);
        if (language != null) {
            headers.set(HttpHeaders.CONTENT_LANGUAGE, language.tag());
            String vary = headers.get(HttpHeaders.VARY);
            if (vary == null || vary.isBlank()) {
                headers.set(HttpHeaders.VARY, "Accept-Language");
            } else if (!vary.toLowerCase(java.util.Locale.ROOT).contains("accept-language")) {
                headers.set(HttpHeaders.VARY, vary + ", Accept-Language");
            }
        }
    }

    private void tooLarge(RoutingContext context, long limit) {
        reply(context, ProblemCatalog.PAYLOAD_TOO_LARGE, ProblemFacts.limit(limit), "problem.payload-too-large.detail", limit);
    }

    private void reply(RoutingContext context, ProblemCatalog.Kind kind, String detailKey, Object... args) {
        reply(context, kind, ProblemFacts.NONE, detailKey, args);
    }

    private void reply(RoutingContext context, ProblemCatalog.Kind kind, ProblemFacts facts, String detailKey, Object... args) {
        Language language = RequestLanguage.use(context);
        String requestId = RequestIds.acceptOrCreate(context.request().getHeader(RequestIds.HEADER));
        String body = problems.toJson(problems.problem(kind, kind.code(), facts, language, detailKey, args, List.of(),
                context.normalizedPath(), requestId));
        context.response()
                .setStatusCode(kind.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                .putHeader(RequestIds.HEADER, requestId)
                .end(body);
    }
}
