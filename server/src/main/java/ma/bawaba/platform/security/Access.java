package ma.bawaba.platform.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.Arrays;
import ma.bawaba.platform.problem.DomainException;

/**
 * The one place that decides what the caller may do. Roles: 401 without a credential, 403 with the wrong role.
 * Objects of a tenant: 404 for any caller who is not that tenant (existence is never revealed).
 */
@RequestScoped
public class Access {

    private final Authenticator authenticator;

    Access(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    public Caller caller() {
        return authenticator.caller();
    }

    /** The caller, who must hold one of these roles: 401 without a credential, 403 with another (or a case token). */
    public Caller require(Role... roles) {
        Caller caller = caller();
        if (caller.kind() == Caller.Kind.ANONYMOUS) {
            throw new DomainException.Unauthenticated();
        }
        if (!caller.isStaff()) {
            throw new DomainException.Forbidden();
        }
        if (Arrays.stream(roles).noneMatch(caller::has)) {
            throw new DomainException.Forbidden();
        }
        return caller;
    }

    /**
     * The holder of a case token. Staff get 403: they may never act for the citizen (rate, reopen, appeal...).
     */
    public Caller requireCaseHolder() {
        Caller caller = caller();
        if (caller.kind() == Caller.Kind.ANONYMOUS) {
            throw new DomainException.Unauthenticated();
        }
        if (caller.kind() != Caller.Kind.CASE_HOLDER) {
            throw new DomainException.Forbidden();
        }
        return caller;
    }

    /** Any authenticated caller (staff credential or case token). */
    public Caller requireAuthenticated() {
        Caller caller = caller();
        if (caller.kind() == Caller.Kind.ANONYMOUS) {
            throw new DomainException.Unauthenticated();
        }
        return caller;
    }

    /**
     * May the caller see this object of a tenant? The holder of the case's token may; staff may when the object is
     * assigned to their institution or office. Anyone else gets the same 404 as for an object that does not exist.
     */
    public void requireVisible(TenantOwned object, String subject, Object publicId) {
        if (!isVisible(requireAuthenticated(), object)) {
            throw new DomainException.NotFound(subject, publicId);
        }
    }

    /** The rule itself: the case's holder, or staff of the tenant it is assigned to or reviewed by; nobody else. */
    public static boolean isVisible(Caller caller, TenantOwned object) {
        return switch (caller.kind()) {
            case CASE_HOLDER -> object.caseId() != null && object.caseId().equals(caller.caseId());
            case ANONYMOUS, SYSTEM -> false;
            default -> caller.role() != null && switch (caller.role().tenantKind()) {
                // The reviewing tenant's commission role sees what it reviews, and only that; its other roles and
                // the commission role elsewhere see what is assigned to their institution.
                case INSTITUTION -> caller.institutionId() != null && (caller.has(Role.COMMISSION) && object.reviewerInstitutionId() != null
                        ? caller.institutionId().equals(object.reviewerInstitutionId())
                        : caller.institutionId().equals(object.institutionId()));
                case OFFICE -> caller.officeId() != null && caller.officeId().equals(object.officeId());
                // The postal operator has no tenant: it sees what was handed to the post, from then on, and nothing else.
                case NONE -> caller.has(Role.POSTAL_OPERATOR) && object.handedToPost();
            };
        };
    }

    /** What an object must tell about its owner for {@link #requireVisible}. */
    public interface TenantOwned {
        Long caseId();

        Long institutionId();

        Long officeId();

        /** Another institution that reviews the object (the CDAI for an escalated request); none by default. */
        default Long reviewerInstitutionId() {
            return null;
        }

        /** Handed to the postal operator (a document order ready for delivery); not by default. */
        default boolean handedToPost() {
            return false;
        }
    }
}
