package ma.bawaba.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import ma.bawaba.platform.database.WriteTransaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ma.bawaba.cases.CaseService;
import ma.bawaba.platform.calendar.HolidaysChanged;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.problem.FieldErrorCode;
import ma.bawaba.platform.problem.ProblemCode;
import ma.bawaba.reference.CivilStatusOffice;
import ma.bawaba.reference.Commune;
import ma.bawaba.reference.Holiday;
import ma.bawaba.reference.Institution;
import ma.bawaba.reference.LocalizedText;
import ma.bawaba.reference.Names;
import ma.bawaba.reference.Region;

/** Changes administrators make to the managed reference data: institutions, civil-status offices, holidays. */
@ApplicationScoped
public class ReferenceAdministration {

    private final Event<HolidaysChanged> holidaysChanged;

    ReferenceAdministration(Event<HolidaysChanged> holidaysChanged) {
        this.holidaysChanged = holidaysChanged;
    }

    /** An institution as an administrator creates or replaces it; its kind is one of the contract's, by name. */
    public record InstitutionChange(String code, String kind, String acronym, LocalizedText names, Long regionId,
                                    Set<CaseService> services, boolean active) {
    }

    /** A civil-status office: communal (in a commune of Morocco) or a consulate (in a city abroad). */
    public record OfficeChange(String code, String kind, LocalizedText names, Long communeId, String countryCode, String city,
                               boolean active, boolean acceptsOnlineOrders) {
    }

    public record HolidayChange(LocalDate date, String kind, LocalizedText names) {
    }

    @WriteTransaction
    public Institution createInstitution(InstitutionChange change) {
        if (Institution.count("code", change.code()) > 0) {
            throw new DomainException.Conflict(ProblemCode.ALREADY_EXISTS, "problem.duplicate-code.detail", change.code());
        }
        Institution institution = new Institution();
        apply(institution, change);
        institution.persistAndFlush();
        return Institution.findById(institution.id);
    }

    @WriteTransaction
    public Institution updateInstitution(long id, long expectedVersion, InstitutionChange change) {
        Institution institution = Institution.findById(id);
        if (institution == null) {
            throw new DomainException.NotFound("institution", id);
        }
        DomainException.StaleVersion.check(expectedVersion, institution.version);
        if (!institution.code.equals(change.code()) && Institution.count("code", change.code()) > 0) {
            throw new DomainException.Conflict(ProblemCode.ALREADY_EXISTS, "problem.duplicate-code.detail", change.code());
        }
        apply(institution, change);
        institution.persistAndFlush();
        return institution;
    }

    @WriteTransaction
    public CivilStatusOffice createOffice(OfficeChange change) {
        if (CivilStatusOffice.count("code", change.code()) > 0) {
            throw new DomainException.Conflict(ProblemCode.ALREADY_EXISTS, "problem.duplicate-code.detail", change.code());
        }
        CivilStatusOffice office = new CivilStatusOffice();
        apply(office, change);
        office.persistAndFlush();
        return office;
    }

    @WriteTransaction
    public CivilStatusOffice updateOffice(long id, long expectedVersion, OfficeChange change) {
        CivilStatusOffice office = CivilStatusOffice.findById(id);
        if (office == null) {
            throw new DomainException.NotFound("civil-status-office", id);
        }
        DomainException.StaleVersion.check(expectedVersion, office.version);
        if (!office.code.equals(change.code()) && CivilStatusOffice.count("code", change.code()) > 0) {
            throw new DomainException.Conflict(ProblemCode.ALREADY_EXISTS, "problem.duplicate-code.detail", change.code());
        }
        apply(office, change);
        office.persistAndFlush();
        return office;
    }

    @WriteTransaction
    public Holiday createHoliday(HolidayChange change) {
        if (Holiday.count("date", change.date()) > 0) {
            throw new DomainException.Conflict(ProblemCode.ALREADY_EXISTS, "problem.duplicate-holiday.detail", change.date().toString());
        }
        Holiday holiday = new Holiday();
        apply(holiday, change);
        holiday.persistAndFlush();
        holidaysChanged.fire(new HolidaysChanged(Set.of(holiday.date)));
        return holiday;
    }

    @WriteTransaction
    public Holiday updateHoliday(long id, long expectedVersion, HolidayChange change) {
        Holiday holiday = findHoliday(id);
        DomainException.StaleVersion.check(expectedVersion, holiday.version);
        if (!holiday.date.equals(change.date()) && Holiday.count("date", change.date()) > 0) {
            throw new DomainException.Conflict(ProblemCode.ALREADY_EXISTS, "problem.duplicate-holiday.detail", change.date().toString());
        }
        LocalDate before = holiday.date;
        apply(holiday, change);
        holiday.persistAndFlush();
        holidaysChanged.fire(new HolidaysChanged(new HashSet<>(List.of(before, holiday.date))));
        return holiday;
    }

    @WriteTransaction
    public void deleteHoliday(long id, long expectedVersion) {
        Holiday holiday = findHoliday(id);
        DomainException.StaleVersion.check(expectedVersion, holiday.version);
        holiday.delete();
        holiday.flush();
        holidaysChanged.fire(new HolidaysChanged(Set.of(holiday.date)));
    }

    private static Holiday findHoliday(long id) {
        Holiday holiday = Holiday.findById(id);
        if (holiday == null) {
            throw new DomainException.NotFound("holiday", id);
        }
        return holiday;
    }

    private static void apply(Institution institution, InstitutionChange change) {
        if (change.regionId() != null && Region.findById(change.regionId()) == null) {
            throw DomainException.Unprocessable.field("regionId", FieldErrorCode.UNKNOWN_REFERENCE, "field.unknown-reference",
                    new DomainException.Localized("subject.region"));
        }
        institution.code = change.code();
        institution.kind = change.kind();
        institution.acronym = change.acronym();
        institution.names = Names.from(change.names());
        institution.regionId = change.regionId();
        institution.services.clear();
        change.services().forEach(service -> institution.services.add(service.name()));
        institution.active = change.active();
    }

    private static void apply(CivilStatusOffice office, OfficeChange change) {
        List<DomainException.FieldError> errors = new ArrayList<>();
        Commune commune = null;
        if (CivilStatusOffice.COMMUNAL.equals(change.kind())) {
            if (change.communeId() == null) {
                errors.add(new DomainException.FieldError("communeId", FieldErrorCode.REQUIRED, "field.communal-needs-commune"));
            } else if ((commune = Commune.findById(change.communeId())) == null) {
                errors.add(new DomainException.FieldError("communeId", FieldErrorCode.UNKNOWN_REFERENCE, "field.unknown-reference",
                        new DomainException.Localized("subject.commune")));
            }
            if (!"MA".equals(change.countryCode())) {
                errors.add(new DomainException.FieldError("countryCode", FieldErrorCode.NOT_ALLOWED, "field.communal-in-morocco"));
            }
        } else if ("MA".equals(change.countryCode())) {
            errors.add(new DomainException.FieldError("countryCode", FieldErrorCode.NOT_ALLOWED, "field.consulate-needs-country"));
        } else if (change.communeId() != null) {
            errors.add(new DomainException.FieldError("communeId", FieldErrorCode.MUST_BE_EMPTY, "field.consulate-without-commune"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.Unprocessable.fields(errors);
        }
        office.code = change.code();
        office.kind = change.kind();
        office.names = Names.from(change.names());
        office.communeId = commune == null ? null : commune.id;
        office.provinceId = commune == null ? null : commune.provinceId;
        office.countryCode = change.countryCode();
        office.city = change.city();
        office.active = change.active();
        office.acceptsOnlineOrders = change.acceptsOnlineOrders();
    }

    private static void apply(Holiday holiday, HolidayChange change) {
        holiday.date = change.date();
        holiday.kind = change.kind();
        holiday.names = Names.from(change.names());
    }
}
