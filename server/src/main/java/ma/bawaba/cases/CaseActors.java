package ma.bawaba.cases;

import ma.bawaba.platform.security.Caller;
import ma.bawaba.platform.security.Role;

/**
 * Who acted on a case, by kind only. Events keep the role (for audit, with a non-personal key reference); what the
 * citizen and the institutions read is the coarser public kind (the contract's {@code ActorKind}: CITIZEN,
 * INSTITUTION, OFFICE, OPERATOR, ADMINISTRATOR, SYSTEM), which names no member of staff.
 */
public final class CaseActors {

    private CaseActors() {
    }

    /** What an event stores as its actor kind. */
    public static String stored(Caller actor) {
        return switch (actor.kind()) {
            case ANONYMOUS, CASE_HOLDER -> "CITIZEN";
            case SYSTEM -> "SYSTEM";
            default -> actor.role() == null ? "SYSTEM" : actor.role().name();
        };
    }

    /** The public kind of a stored actor kind. */
    public static String visible(String stored) {
        return switch (stored) {
            case "CITIZEN" -> "CITIZEN";
            case "AGENT", "HEAD", "COMMISSION" -> "INSTITUTION";
            case "OFFICE_CLERK" -> "OFFICE";
            case "POSTAL_OPERATOR" -> "OPERATOR";
            case "ADMIN" -> "ADMINISTRATOR";
            default -> "SYSTEM";
        };
    }

    public static String visible(Caller actor) {
        return visible(stored(actor));
    }

    /** The institution on whose behalf a member of its staff acts (a body, its head, the CDAI); null for anyone else. */
    public static Long actingInstitutionId(Caller actor) {
        return actor.isStaff() && actor.role().tenantKind() == Role.TenantKind.INSTITUTION ? actor.institutionId() : null;
    }

    /** The civil-status office on whose behalf its clerk acts. */
    public static Long actingOfficeId(Caller actor) {
        return actor.isStaff() && actor.role().tenantKind() == Role.TenantKind.OFFICE ? actor.officeId() : null;
    }
}
