package ma.bawaba.cases;

import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.problem.FieldErrorCode;
import ma.bawaba.reference.Institution;

/** Which institution a case may be assigned to: one that exists, is active and accepts the service's cases. */
public final class Assignments {

    private Assignments() {
    }

    /** The institution, or a 422 on {@code institutionId} saying why it cannot take the case. */
    public static Institution acceptingInstitution(CaseService service, Long institutionId) {
        // With its services in the same statement: every submission asks whether the institution accepts it.
        Institution institution = institutionId == null ? null
                : Institution.<Institution>find("from Institution i left join fetch i.services where i.id = ?1", institutionId)
                        .<Institution>singleResultOptional().orElse(null);
        if (institution == null || !institution.active) {
            throw institutionId == null
                    ? DomainException.Unprocessable.field("institutionId", FieldErrorCode.REQUIRED, "field.required")
                    : DomainException.Unprocessable.field("institutionId", FieldErrorCode.UNKNOWN_REFERENCE,
                            "field.unknown-reference", new DomainException.Localized("subject.institution"));
        }
        boolean accepts = institution.services.contains(service.name());
        if (!accepts) {
            throw DomainException.Unprocessable.field("institutionId", FieldErrorCode.NOT_ALLOWED, "field.institution-refuses-" + service.path());
        }
        return institution;
    }
}
