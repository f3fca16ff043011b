package ma.bawaba.platform.problem;

import java.util.Map;

/**
 * The table from each kind of domain problem to its HTTP status, stable type URI and localised title, and the code a
 * problem of that kind carries when nothing more precise is known (the framework's own 404, 405, 415...).
 */
public final class ProblemCatalog {

    public static final String TYPE_BASE = "https://bawaba.ma/problems/";

    /** One row of the table. */
    public record Kind(int status, String slug, ProblemCode code) {
        public String type() {
            return TYPE_BASE + slug;
        }

        public String titleKey() {
            return "problem." + slug + ".title";
        }
    }

    public static final Kind VALIDATION = new Kind(400, "validation", ProblemCode.VALIDATION_FAILED);
    public static final Kind MALFORMED_JSON = new Kind(400, "malformed-json", ProblemCode.MALFORMED_JSON);
    public static final Kind UNAUTHENTICATED = new Kind(401, "unauthenticated", ProblemCode.UNAUTHENTICATED);
    public static final Kind FORBIDDEN = new Kind(403, "forbidden", ProblemCode.FORBIDDEN);
    public static final Kind NOT_FOUND = new Kind(404, "not-found", ProblemCode.NOT_FOUND);
    public static final Kind METHOD_NOT_ALLOWED = new Kind(405, "method-not-allowed", ProblemCode.METHOD_NOT_ALLOWED);
    public static final Kind NOT_ACCEPTABLE = new Kind(406, "not-acceptable", ProblemCode.NOT_ACCEPTABLE);
    // A 409 of our own always names its code (DomainException.Conflict); one raised by the framework can only be a
    // change that lost to a concurrent one.
    public static final Kind GONE = new Kind(410, "gone", ProblemCode.CASE_ANONYMISED);
    public static final Kind CONFLICT = new Kind(409, "conflict", ProblemCode.CONCURRENT_CHANGE);
    public static final Kind STALE_VERSION = new Kind(412, "stale-version", ProblemCode.STALE_VERSION);
    public static final Kind PAYLOAD_TOO_LARGE = new Kind(413, "payload-too-large", ProblemCode.BODY_TOO_LARGE);
    public static final Kind UNSUPPORTED_MEDIA_TYPE = new Kind(415, "unsupported-media-type", ProblemCode.UNSUPPORTED_MEDIA_TYPE);
    public static final Kind UNPROCESSABLE = new Kind(422, "unprocessable", ProblemCode.VALIDATION_FAILED);
    public static final Kind VERSION_REQUIRED = new Kind(428, "version-required", ProblemCode.VERSION_REQUIRED);
    public static final Kind TOO_MANY_REQUESTS = new Kind(429, "too-many-requests", ProblemCode.RATE_LIMITED);
    public static final Kind INTERNAL = new Kind(500, "internal", ProblemCode.INTERNAL_ERROR);
    public static final Kind UNAVAILABLE = new Kind(503, "unavailable", ProblemCode.TEMPORARILY_UNAVAILABLE);

    private static final Map<Class<? extends DomainException>, Kind> BY_EXCEPTION = Map.ofEntries(
            Map.entry(DomainException.BadRequest.class, VALIDATION),
            Map.entry(DomainException.Unauthenticated.class, UNAUTHENTICATED),
            Map.entry(DomainException.Forbidden.class, FORBIDDEN),
            Map.entry(DomainException.NotFound.class, NOT_FOUND),
            Map.entry(DomainException.Gone.class, GONE),
            Map.entry(DomainException.Conflict.class, CONFLICT),
            Map.entry(DomainException.StaleVersion.class, STALE_VERSION),
            Map.entry(DomainException.Unprocessable.class, UNPROCESSABLE),
            Map.entry(DomainException.VersionRequired.class, VERSION_REQUIRED),
            Map.entry(DomainException.PayloadTooLarge.class, PAYLOAD_TOO_LARGE),
            Map.entry(DomainException.TooManyRequests.class, TOO_MANY_REQUESTS));

    private static final Map<Integer, Kind> BY_STATUS = Map.ofEntries(
            Map.entry(400, VALIDATION), Map.entry(401, UNAUTHENTICATED), Map.entry(403, FORBIDDEN),
            Map.entry(404, NOT_FOUND), Map.entry(405, METHOD_NOT_ALLOWED), Map.entry(406, NOT_ACCEPTABLE), Map.entry(410, GONE),
            Map.entry(409, CONFLICT), Map.entry(412, STALE_VERSION), Map.entry(413, PAYLOAD_TOO_LARGE),
            Map.entry(415, UNSUPPORTED_MEDIA_TYPE), Map.entry(422, UNPROCESSABLE), Map.entry(428, VERSION_REQUIRED),
            Map.entry(429, TOO_MANY_REQUESTS), Map.entry(503, UNAVAILABLE));

    private ProblemCatalog() {
    }

    public static Kind of(DomainException exception) {
        Class<?> type = exception.getClass();
        while (type != null && type != DomainException.class) {
            Kind kind = BY_EXCEPTION.get(type);
            if (kind != null) {
                return kind;
            }
            type = type.getSuperclass();
        }
        return INTERNAL;
    }

    public static Kind ofStatus(int status) {
        return BY_STATUS.getOrDefault(status, status >= 500 ? INTERNAL : VALIDATION);
    }
}
