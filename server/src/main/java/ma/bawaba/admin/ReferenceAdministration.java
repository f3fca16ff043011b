package ma.bawaba.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import ma.bawaba.platform.database.WriteTransaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ma.bawaba.contract.model.CivilStatusOfficeInput;
import ma.bawaba.contract.model.HolidayInput;
import ma.bawaba.contract.model.InstitutionInput;
import ma.bawaba.contract.model.OfficeKind;
import ma.bawaba.contract.model.Service;
import ma.bawaba.platform.calendar.HolidaysChanged;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.problem.FieldErrorCode;
import ma.bawaba.platform.problem.ProblemCode;
import ma.bawaba.platform.web.Versions;
import ma.bawaba.reference.CivilStatusOffice;
import ma.bawaba.reference.Commune;
import ma.bawaba.reference.Holiday;
import ma.bawaba.reference.Institution;
import ma.bawaba.reference.Names;
import ma.bawaba.reference.Region;

/** Changes administrators make to the managed reference data: institutions, civil-status offices, holidays. */
@ApplicationScoped
public class ReferenceAdministration {

    private final Event<HolidaysChanged> holidaysChanged;

    ReferenceAdministration(Event<HolidaysChanged> holidaysChanged) {
        this.holidaysChanged = holidaysChanged;
    }

    @WriteTransaction
    public Institution createInstitution(InstitutionInput input) {
        if (Institution.count("code", input.getCode()) > 0) {
            throw new DomainException.Conflict(ProblemCode.ALREADY_EXISTS, "problem.duplicate-code.detail", input.getCode());
        }
        Institution institution = new Institution();
        apply(institution, input);
        institution.persistAndFlush();
        return Institution.findById(institution.id);
    }

    @WriteTransaction
    public Institution updateInstitution(long id, InstitutionInput input, String ifMatch) {
        Institution institution = Institution.findById(id);
        if (institution == null) {
            throw new DomainException.NotFound("institution", id);
        }
        Versions.require(ifMatch, institution.version);
        if (!institution.code.equals(input.getCode()) && Institution.count("code", input.getCode()) > 0) {
            throw new DomainException.Conflict(ProblemCode.ALREADY_EXISTS, "problem.duplicate-code.detail", input.getCode());
        }
        apply(institution, input);
        institution.persistAndFlush();
        return institution;
    }

    @WriteTransaction
    public CivilStatusOffice createOffice(CivilStatusOfficeInput input) {
        if (CivilStatusOffice.count("code", input.getCode()) > 0) {
            throw new DomainException.Conflict(ProblemCode.ALREADY_EXISTS, "problem.duplicate-code.detail", input.getCode());
        }
        CivilStatusOffice office = new CivilStatusOffice();
        apply(office, input);
        office.persistAndFlush();
        return office;
    }

    @WriteTransaction
    public CivilStatusOffice updateOffice(long id, CivilStatusOfficeInput input, String ifMatch) {
        CivilStatusOffice office = CivilStatusOffice.findById(id);
        if (office == null) {
            throw new DomainException.NotFound("civil-status-office", id);
        }
        Versions.require(ifMatch, office.version);
        if (!office.code.equals(input.getCode()) && CivilStatusOffice.count("code", input.getCode()) > 0) {
            throw new DomainException.Conflict(ProblemCode.ALREADY_EXISTS, "problem.duplicate-code.detail", input.getCode());
        }
        apply(office, input);
        office.persistAndFlush();
        return office;
    }

    @WriteTransaction
    public Holiday createHoliday(HolidayInput input) {
        if (Holiday.count("date", input.getDate()) > 0) {
            throw new DomainException.Conflict(ProblemCode.ALREADY_EXISTS, "problem.duplicate-holiday.detail", input.getDate().toString());
        }
        Holiday holiday = new Holiday();
        apply(holiday, input);
        holiday.persistAndFlush();
        holidaysChanged.fire(new HolidaysChanged(Set.of(holiday.date)));
        return holiday;
    }

    @WriteTransaction
    public Holiday updateHoliday(long id, HolidayInput input, String ifMatch) {
        Holiday holiday = findHoliday(id);
        Versions.require(ifMatch, holiday.version);
        if (!holiday.date.equals(input.getDate()) && Holiday.count("date", input.getDate()) > 0) {
            throw new DomainException.Conflict(ProblemCode.ALREADY_EXISTS, "problem.duplicate-holiday.detail", input.getDate().toString());
        }
        LocalDate before = holiday.date;
        apply(holiday, input);
        holiday.persistAndFlush();
        holidaysChanged.fire(new HolidaysChanged(new HashSet<>(List.of(before, holiday.date))));
        return holiday;
    }

    @WriteTransaction
    public void deleteHoliday(long id, String ifMatch) {
        Holiday holiday = findHoliday(id);
        Versions.require(ifMatch, holiday.version);
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

    private static void apply(Institution institution, InstitutionInput input) {
        if (input.getRegionId() != null && Region.findById(input.getRegionId()) == null) {
            throw DomainException.Unprocessable.field("regionId", FieldErrorCode.UNKNOWN_REFERENCE, "field.unknown-reference",
                    new DomainException.Localized("subject.region"));
        }
        institution.code = input.getCode();
        institution.kind = input.getKind().name();
        institution.acronym = input.getAcronym();
        institution.names = Names.from(input.getNames());
        institution.regionId = input.getRegionId();
        institution.services.clear();
        input.getServices().forEach(service -> institution.services.add(service.name()));
        institution.active = input.getActive() == null || input.getActive();
    }

    private static void apply(CivilStatusOffice office, CivilStatusOfficeInput input) {
        List<DomainException.FieldError> errors = new ArrayList<>();
        Commune commune = null;
        if (input.getKind() == OfficeKind.COMMUNAL) {
            if (input.getCommuneId() == null) {
                errors.add(new DomainException.FieldError("communeId", FieldErrorCode.REQUIRED, "field.communal-needs-commune"));
            } else if ((commune = Commune.findById(input.getCommuneId())) == null) {
                errors.add(new DomainException.FieldError("communeId", FieldErrorCode.UNKNOWN_REFERENCE, "field.unknown-reference",
                        new DomainException.Localized("subject.commune")));
            }
            if (!"MA".equals(input.getCountryCode())) {
                errors.add(new DomainException.FieldError("countryCode", FieldErrorCode.NOT_ALLOWED, "field.communal-in-morocco"));
            }
        } else if ("MA".equals(input.getCountryCode())) {
            errors.add(new DomainException.FieldError("countryCode", FieldErrorCode.NOT_ALLOWED, "field.consulate-needs-country"));
        } else if (input.getCommuneId() != null) {
            errors.add(new DomainException.FieldError("communeId", FieldErrorCode.MUST_BE_EMPTY, "field.consulate-without-commune"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.Unprocessable.fields(errors);
        }
        office.code = input.getCode();
        office.kind = input.getKind().name();
        office.names = Names.from(input.getNames());
        office.communeId = commune == null ? null : commune.id;
        office.provinceId = commune == null ? null : commune.provinceId;
        office.countryCode = input.getCountryCode();
        office.city = input.getCity();
        office.active = input.getActive() == null || input.getActive();
    }

    private static void apply(Holiday holiday, HolidayInput input) {
        holiday.date = input.getDate();
        holiday.kind = input.getKind().name();
        holiday.names = Names.from(input.getNames());
    }
}
