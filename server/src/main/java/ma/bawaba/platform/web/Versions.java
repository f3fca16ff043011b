package ma.bawaba.platform.web;

import jakarta.ws.rs.core.EntityTag;
import ma.bawaba.platform.problem.DomainException;

/** ETag / If-Match for every mutable resource: the ETag is the row's version; a change must name the current one. */
public final class Versions {

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version an If-Match names, for a version that no row has when it names none that could be. */
    public static final long NO_VERSION = -1;

    /**
     * The version the caller last read, from its If-Match: 428 without one. A tag that is not one of ours gives a
     * version no row has, so the command answers 412 with the current version.
     */
    public static long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new DomainException.VersionRequired();
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() < 3 || !tag.startsWith("\"") || !tag.endsWith("\"")) {
            return NO_VERSION;
        }
        String digits = tag.substring(1, tag.length() - 1);
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9') || digits.length() > 18) {
            return NO_VERSION;
        }
        return Long.parseLong(digits);
    }
}
