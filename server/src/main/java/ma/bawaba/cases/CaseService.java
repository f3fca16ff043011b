package ma.bawaba.cases;

import java.util.EnumSet;
import java.util.Set;
import ma.bawaba.platform.security.Role;

/** The three services, with the prefix of their case numbers and the staff roles that work on their cases. */
public enum CaseService {
    INFORMATION_REQUESTS("IR", "information-request", "information-requests", EnumSet.of(Role.AGENT, Role.HEAD, Role.COMMISSION),
            EnumSet.noneOf(Role.class)),
    COMPLAINTS("CP", "complaint", "complaints", EnumSet.of(Role.AGENT, Role.HEAD), EnumSet.noneOf(Role.class)),
    // The postal operator carries orders: it reads the envelope (the service's view) and never the conversation.
    DOCUMENT_ORDERS("DO", "document-order", "document-orders", EnumSet.of(Role.OFFICE_CLERK, Role.POSTAL_OPERATOR),
            EnumSet.of(Role.POSTAL_OPERATOR));

    private final String prefix;
    private final String subject;
    private final String path;
    private final Set<Role> staffRoles;
    private final Set<Role> carriers;

    CaseService(String prefix, String subject, String path, Set<Role> staffRoles, Set<Role> carriers) {
        this.prefix = prefix;
        this.subject = subject;
        this.path = path;
        this.staffRoles = staffRoles;
        this.carriers = carriers;
    }

    /**
     * The staff roles that only carry this service's cases: they see what the service shows them of a case, never
     * its messages, timeline or documents.
     */
    public Set<Role> carriers() {
        return carriers;
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
