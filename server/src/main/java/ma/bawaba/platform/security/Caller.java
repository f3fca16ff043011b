package ma.bawaba.platform.security;

/**
 * Who is calling, as decided once per request: anonymous, the holder of one case (case token), or a staff or system
 * credential bound to a role and, for tenant-bound roles, to one institution or one civil-status office.
 */
public record Caller(Kind kind, Role role, Long institutionId, Long officeId, Long caseId, String keyPrefix, String subject) {

    /** How the caller authenticated. */
    public enum Kind { ANONYMOUS, CASE_HOLDER, API_KEY, JWT, BOOTSTRAP_KEY, SYSTEM }

    public static final Caller ANONYMOUS = new Caller(Kind.ANONYMOUS, null, null, null, null, null, null);

    /** The platform itself, for what scheduled jobs change (e.g. closing answered complaints after 30 days). */
    public static final Caller SYSTEM = new Caller(Kind.SYSTEM, null, null, null, null, null, "system");

    public static Caller caseHolder(long caseId) {
        return new Caller(Kind.CASE_HOLDER, null, null, null, caseId, null, null);
    }

    public boolean isStaff() {
        return role != null;
    }

    public boolean has(Role wanted) {
        return role == wanted;
    }
}
