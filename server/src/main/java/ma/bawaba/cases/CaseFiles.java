package ma.bawaba.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.security.Access;
import ma.bawaba.platform.security.Caller;

/**
 * Finds a case of one service by its public number, for a caller who may see it: its holder, or staff of the tenant
 * it is assigned to in a role that works on that service. An unknown number, a number of another service, a case of
 * another tenant and a role of the tenant that has no business with the case (the CDAI's commission role on a
 * complaint) all give the same 404.
 */
@ApplicationScoped
public class CaseFiles {

    public CaseFile visible(CaseService service, String number, Caller caller) {
        CaseFile file = CaseFile.<CaseFile>find("number", number).firstResult();
        return check(service, number, caller, file);
    }

    /**
     * As {@link #visible}, for what a case holds beyond the service's view of it (messages, timeline, documents):
     * a role that only carries the service's cases gets the same 404.
     */
    public CaseFile visibleContent(CaseService service, String number, Caller caller) {
        return carriedOnly(service, number, caller, visible(service, number, caller));
    }

    /** As {@link #visibleContent}, locked for a change. */
    public CaseFile visibleContentForUpdate(CaseService service, String number, Caller caller) {
        return carriedOnly(service, number, caller, visibleForUpdate(service, number, caller));
    }

    private static CaseFile carriedOnly(CaseService service, String number, Caller caller, CaseFile file) {
        if (caller.isStaff() && service.carriers().contains(caller.role())) {
            throw new DomainException.NotFound(service.subject(), number);
        }
        return file;
    }

    /** As {@link #visible}, with the row locked until the transaction ends, for changes that read then write. */
    public CaseFile visibleForUpdate(CaseService service, String number, Caller caller) {
        CaseFile file = CaseFile.<CaseFile>find("number", number).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        return check(service, number, caller, file);
    }

    private static CaseFile check(CaseService service, String number, Caller caller, CaseFile file) {
        boolean staffOfAnotherService = caller.isStaff() && !service.staffRoles().contains(caller.role());
        if (file == null || !file.service.equals(service.name()) || staffOfAnotherService || !Access.isVisible(caller, file)) {
            throw new DomainException.NotFound(service.subject(), number);
        }
        // Law 09-08: nothing personal is left to show its holder; staff still read what remains (numbers, dates, states).
        if (file.isAnonymised() && caller.kind() == Caller.Kind.CASE_HOLDER) {
            throw new DomainException.Gone(file.number);
        }
        return file;
    }
}
