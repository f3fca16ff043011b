package ma.bawaba.cases;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import ma.bawaba.contract.api.TrackingApi;
import ma.bawaba.contract.model.TrackingRequest;
import ma.bawaba.platform.BawabaConfig;
import ma.bawaba.platform.ratelimit.RateLimiter;

/** POST /tracking: number + e-mail → case summary and a short-lived case token, rate-limited per client address. */
public class TrackingResource implements TrackingApi {

    private final TrackingService tracking;
    private final RateLimiter rateLimiter;
    private final BawabaConfig config;
    private final HttpServerRequest request;

    TrackingResource(TrackingService tracking, RateLimiter rateLimiter, BawabaConfig config, HttpServerRequest request) {
        this.tracking = tracking;
        this.rateLimiter = rateLimiter;
        this.config = config;
        this.request = request;
    }

    @Override
    public Response trackCase(TrackingRequest trackingRequest, String acceptLanguage) {
        // Counted before the look-up, so that wrong guesses use up the quota as much as right ones.
        RateLimiter.Quota quota = rateLimiter.hit(new RateLimiter.Limit("tracking:" + request.remoteAddress().hostAddress(),
                config.tracking().maxLookups(), config.tracking().window()));
        Response.ResponseBuilder found = Response.ok(tracking.track(trackingRequest.getNumber(), trackingRequest.getEmail()));
        if (quota != null) {
            found.header("RateLimit", quota.header()).header("RateLimit-Policy", quota.policy());
        }
        return found.build();
    }
}
