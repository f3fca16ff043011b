package ma.bawaba.cases;

import java.util.Map;
import java.util.Set;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.security.Caller;

/**
 * Whose cases a member of staff works on, decided once for every list that shows them (each service's inbox, the
 * unified inbox, its export) and for the change feed: an institution's agents and head the cases assigned to it, the
 * commission the requests it reviews, a clerk the orders of the office, the postal operator the orders handed to the
 * post. Each audience names the case column that holds its tenant, which is set only on the cases of the services its
 * roles work on ({@link CaseService#staffRoles}), and the inbox indexes that lead with that column (V18).
 */
public enum CaseAudience {
    INSTITUTION("f.institutionId", Map.of(Lead.NONE, "ix_case_institution_recent", Lead.STATUS, "ix_case_institution_status_recent",
            Lead.KIND, "ix_case_institution_kind_recent", Lead.SERVICE, "ix_case_institution_newest",
            Lead.OPEN, "ix_case_institution_open_recent")),
    REVIEWER("f.reviewerInstitutionId", Map.of(Lead.NONE, "ix_case_reviewer_recent", Lead.SERVICE, "ix_case_reviewer_inbox")),
    OFFICE("f.officeId", Map.of(Lead.NONE, "ix_case_office_recent", Lead.STATUS, "ix_case_office_inbox",
            Lead.KIND, "ix_case_office_kind_recent", Lead.OPEN, "ix_case_office_open_recent")),
    /** The postal operator has no tenant: it sees what was handed to the post, from then on. */
    POST("f.inPostalInbox", Map.of(Lead.NONE, "ix_case_post_recent", Lead.STATUS, "ix_case_post_status_recent"));

    /**
     * What an inbox index has between the tenant and the id (V18): nothing, or an equality filter. The most selective
     * filter the query has and the audience has an index for leads; the other filters are checked on the rows.
     */
    public enum Lead { STATUS, KIND, OPEN, SERVICE, NONE }

    private final String column;
    private final Map<Lead, String> indexes;

    CaseAudience(String column, Map<Lead, String> indexes) {
        this.column = column;
        this.indexes = indexes;
    }

    /**
     * The index an inbox query of this audience reads, given the equality filters it has: the tenant, that filter, then
     * the id in the inbox's order, so that a page is one seek and a short walk at any depth.
     */
    String index(Set<Lead> filters) {
        for (Lead lead : Lead.values()) {
            if ((lead == Lead.NONE || filters.contains(lead)) && indexes.containsKey(lead)) {
                return indexes.get(lead);
            }
        }
        throw new IllegalStateException("no inbox index for " + this);
    }

    /** Every index an inbox query may name (a migration that renamed one would fail the query). */
    public static Set<String> indexNames() {
        return java.util.Arrays.stream(values()).flatMap(audience -> audience.indexes.values().stream())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The audience of a member of staff; 403 for a role that has no cases (an administrator). */
    public static CaseAudience of(Caller staff) {
        if (staff.role() == null) {
            throw new DomainException.Forbidden();
        }
        return switch (staff.role()) {
            case AGENT, HEAD -> INSTITUTION;
            // The commission's inbox holds what is escalated to it (as the CDAI's own requests are its agents').
            case COMMISSION -> REVIEWER;
            case OFFICE_CLERK -> OFFICE;
            case POSTAL_OPERATOR -> POST;
            case ADMIN -> throw new DomainException.Forbidden();
        };
    }

    /** The tenant the caller stands for in this audience; none for the post. */
    public Long tenantOf(Caller staff) {
        return switch (this) {
            case INSTITUTION, REVIEWER -> staff.institutionId();
            case OFFICE -> staff.officeId();
            case POST -> null;
        };
    }

    /** The JPQL condition on {@code CaseFile f} that selects this audience's cases, naming {@code :tenant}. */
    String condition() {
        return this == POST ? column + " = true" : column + " = :tenant";
    }
}
