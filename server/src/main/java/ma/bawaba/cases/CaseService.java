package ma.bawaba.cases;

import java.util.EnumSet;
import java.util.Set;
import ma.bawaba.platform.security.Role;

/** The three services, with the prefix of their case numbers. */
public enum CaseService {
    INFORMATION_REQUESTS("IR", "information-request", "information-requests", EnumSet.of(Role.AGENT, Role.HEAD, Role.COMMISSION)),
    COMPLAINTS("CP", "complaint", "complaints", EnumSet.of(Role.AGENT, Role.HEAD)),
    DOCUMENT_ORDERS("DO", "document-order", "document-orders", EnumSet.of(Role.OFFICE_CLERK));

    private final String prefix;
    private final String subject;
    private final String path;
    private final Set<Role> staffRoles;

    CaseService(String prefix, String subject, String path, Set<Role> staffRoles) {
        this.prefix = prefix;
        this.subject = subject;
        this.path = path;
        this.staffRoles = staffRoles;
    }

    /** The family of paths of its cases, under the API's base ({@code complaints/CP-2026-…}). */
    public String path() {
        return path;
    }

    /** The staff roles that work on this service's cases (within their own tenant); other staff see none of them. */
    public Set<Role> staffRoles() {
        return staffRoles;
    }

    /** The message key suffix naming one case of this service in problems ({@code subject.<subject>}). */
    public String subject() {
        return subject;
    }

    public String prefix() {
        return prefix;
    }
}
