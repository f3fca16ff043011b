package ma.bawaba.cases;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import ma.bawaba.cases.web.CaseSummaryMapper;
import ma.bawaba.contract.api.TrackingApi;
import ma.bawaba.contract.model.TrackingRequest;
import ma.bawaba.contract.model.TrackingResult;
import ma.bawaba.platform.BawabaConfig;
import ma.bawaba.platform.TimeSource;
import ma.bawaba.platform.ratelimit.RateLimiter;

/** POST /tracking: number + e-mail → case summary and a short-lived case token, rate-limited per client address. */
public class TrackingResource implements TrackingApi {

    private final TrackingService tracking;
    private final RateLimiter rateLimiter;
    private final BawabaConfig config;
    private final HttpServerRequest request;
    private final Clock clock;

    TrackingResource(TrackingService tracking, RateLimiter rateLimiter, BawabaConfig config, HttpServerRequest request,
                     Clock clock) {
        this.tracking = tracking;
        this.rateLimiter = rateLimiter;
        this.config = config;
        this.request = request;
        this.clock = clock;
    }

    @Override
    public Response trackCase(TrackingRequest trackingRequest, String acceptLanguage) {
        // Counted before the look-up, so that wrong guesses use up the quota as much as right ones.
        RateLimiter.Quota quota = rateLimiter.hit(new RateLimiter.Limit("tracking:" + request.remoteAddress().hostAddress(),
                config.tracking().maxLookups(), config.tracking().window()));
        TrackingService.Tracked tracked = tracking.track(trackingRequest.getNumber(), trackingRequest.getEmail());
        Response.ResponseBuilder found = Response.ok(new TrackingResult()
                ._case(CaseSummaryMapper.toApi(tracked.file(), clock))
                .caseToken(tracked.token().token())
                .expiresAt(tracked.token().expiresAt().atZone(TimeSource.MOROCCO).toOffsetDateTime()));
        if (quota != null) {
            found.header("RateLimit", quota.header()).header("RateLimit-Policy", quota.policy());
        }
        return found.build();
    }
}
