package ma.bawaba.admin;

import java.util.LinkedHashSet;
import java.util.Set;
import ma.bawaba.cases.CaseService;
import ma.bawaba.contract.model.CivilStatusOfficeInput;
import ma.bawaba.contract.model.HolidayInput;
import ma.bawaba.contract.model.InstitutionInput;
import ma.bawaba.contract.model.Service;
import ma.bawaba.reference.ReferenceMapper;

/**
 * What an administrator sends about the managed reference data, as the commands of {@link ReferenceAdministration}.
 * An absent {@code active} is the contract's default, true.
 */
final class ReferenceChangeMapper {

    private ReferenceChangeMapper() {
    }

    static ReferenceAdministration.InstitutionChange institution(InstitutionInput input) {
        return new ReferenceAdministration.InstitutionChange(input.getCode(), input.getKind().name(), input.getAcronym(),
                ReferenceMapper.text(input.getNames()), input.getRegionId(), services(input.getServices()),
                input.getActive() == null || input.getActive());
    }

    static ReferenceAdministration.OfficeChange office(CivilStatusOfficeInput input) {
        return new ReferenceAdministration.OfficeChange(input.getCode(), input.getKind().name(),
                ReferenceMapper.text(input.getNames()), input.getCommuneId(), input.getCountryCode(), input.getCity(),
                input.getActive() == null || input.getActive(),
                input.getAcceptsOnlineOrders() == null || input.getAcceptsOnlineOrders());
    }

    static ReferenceAdministration.HolidayChange holiday(HolidayInput input) {
        return new ReferenceAdministration.HolidayChange(input.getDate(), input.getKind().name(),
                ReferenceMapper.text(input.getNames()));
    }

    private static Set<CaseService> services(Set<Service> services) {
        Set<CaseService> named = new LinkedHashSet<>();
        services.forEach(service -> named.add(CaseService.valueOf(service.name())));
        return named;
    }
}
