package ma.bawaba.platform.problem;

import java.time.LocalDate;

/**
 * What a client needs to act on a problem, as typed fields of the problem rather than words inside its localised
 * detail: the case's status, the window the action needs (days in Africa/Casablanca), the limit reached, the current
 * version. Each is absent (null) unless the problem is about it.
 */
public record ProblemFacts(String currentStatus, LocalDate allowedFrom, LocalDate allowedUntil, Long limit,
                           Long currentVersion) {

    public static final ProblemFacts NONE = new ProblemFacts(null, null, null, null, null);

    /** The status of the case when the request was refused (a value of the service's status enumeration). */
    public static ProblemFacts currentStatus(Enum<?> status) {
        return currentStatus(status.name());
    }

    /** As {@link #currentStatus(Enum)}, for kit code that holds a service's status by name. */
    public static ProblemFacts currentStatus(String status) {
        return new ProblemFacts(status, null, null, null, null);
    }

    /** The days the action needs, from the first to the last (either may be unknown). */
    public static ProblemFacts window(LocalDate from, LocalDate until) {
        return new ProblemFacts(null, from, until, null, null);
    }

    public static ProblemFacts limit(long limit) {
        return new ProblemFacts(null, null, null, limit, null);
    }

    public static ProblemFacts currentVersion(long version) {
        return new ProblemFacts(null, null, null, null, version);
    }
}
