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

    /** 428 without If-Match, 412 when it names another version than the current one. */
    public static void require(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new DomainException.VersionRequired();
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() < 2 || !tag.startsWith("\"") || !tag.endsWith("\"")
                || !tag.substring(1, tag.length() - 1).equals(Long.toString(currentVersion))) {
            throw new DomainException.StaleVersion(currentVersion);
        }
    }
}
