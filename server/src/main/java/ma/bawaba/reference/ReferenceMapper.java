package ma.bawaba.reference;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import ma.bawaba.contract.model.CommuneKind;
import ma.bawaba.contract.model.InstitutionKind;
import ma.bawaba.contract.model.Money;
import ma.bawaba.contract.model.OfficeKind;
import ma.bawaba.contract.model.HolidayKind;
import ma.bawaba.contract.model.ProvinceKind;
import ma.bawaba.contract.model.Service;
import ma.bawaba.platform.web.Language;

/** Entities of the reference data to their API models, in the caller's language. */
public final class ReferenceMapper {

    private ReferenceMapper() {
    }

    public static ma.bawaba.contract.model.Region region(ReferenceCatalog.RegionTree tree, Language language) {
        Region region = tree.region();
        return new ma.bawaba.contract.model.Region()
                .id(region.id)
                .code(region.code)
                .name(region.names.in(language))
                .names(localized(region.names))
                .provinces(tree.provinces().stream().map(province -> province(province, language)).toList());
    }

    static ma.bawaba.contract.model.Province province(ReferenceCatalog.ProvinceTree tree, Language language) {
        Province province = tree.province();
        return new ma.bawaba.contract.model.Province()
                .id(province.id)
                .regionId(province.regionId)
                .kind(ProvinceKind.fromValue(province.kind))
                .name(province.names.in(language))
                .names(localized(province.names))
                .communes(tree.communes().stream().map(commune -> commune(commune, language)).toList());
    }

    public static ma.bawaba.contract.model.Commune commune(Commune commune, Language language) {
        return new ma.bawaba.contract.model.Commune()
                .id(commune.id)
                .provinceId(commune.provinceId)
                .kind(CommuneKind.fromValue(commune.kind))
                .name(commune.names.in(language))
                .names(localized(commune.names));
    }

    public static ma.bawaba.contract.model.Institution institution(Institution institution, Language language) {
        // In the contract's order of services, whatever the order of the rows.
        List<Service> services = java.util.Arrays.stream(Service.values())
                .filter(service -> institution.services.contains(service.name())).toList();
        return new ma.bawaba.contract.model.Institution()
                .id(institution.id)
                .code(institution.code)
                .kind(InstitutionKind.fromValue(institution.kind))
                .acronym(institution.acronym)
                .name(institution.names.in(language))
                .names(localized(institution.names))
                .regionId(institution.regionId)
                .services(new java.util.LinkedHashSet<>(services))
                .active(institution.active);
    }

    public static ma.bawaba.contract.model.CivilStatusOffice office(CivilStatusOffice office, Map<Long, Long> regionOfProvince,
                                                                    Language language) {
        return new ma.bawaba.contract.model.CivilStatusOffice()
                .id(office.id)
                .code(office.code)
                .kind(OfficeKind.fromValue(office.kind))
                .name(office.names.in(language))
                .names(localized(office.names))
                .regionId(office.provinceId == null ? null : regionOfProvince.get(office.provinceId))
                .provinceId(office.provinceId)
                .communeId(office.communeId)
                .countryCode(office.countryCode)
                .city(office.city)
                .active(office.active)
                .acceptsOnlineOrders(office.acceptsOnlineOrders);
    }

    public static ma.bawaba.contract.model.DocumentType documentType(DocumentType type, Language language) {
        return new ma.bawaba.contract.model.DocumentType()
                .id(type.id)
                .code(type.code)
                .name(type.names.in(language))
                .names(localized(type.names))
                .pricePerCopy(money(type.priceMinor, type.currency))
                .maxCopies(type.maxCopies);
    }

    public static ma.bawaba.contract.model.ComplaintCategory complaintCategory(ComplaintCategory category, Language language) {
        return new ma.bawaba.contract.model.ComplaintCategory()
                .id(category.id)
                .code(category.code)
                .name(category.names.in(language))
                .names(localized(category.names));
    }

    public static ma.bawaba.contract.model.RefusalGround refusalGround(RefusalGround ground, Language language) {
        return new ma.bawaba.contract.model.RefusalGround()
                .id(ground.id)
                .code(ground.code)
                .legalBasis(ground.legalBasis)
                .name(ground.names.in(language))
                .names(localized(ground.names));
    }

    public static ma.bawaba.contract.model.Holiday holiday(Holiday holiday, Language language) {
        return new ma.bawaba.contract.model.Holiday()
                .id(holiday.id)
                .date(holiday.date)
                .kind(HolidayKind.fromValue(holiday.kind))
                .name(holiday.names.in(language))
                .names(localized(holiday.names));
    }

    /** A name in each of its languages, as the contract shows it beside the one chosen for the caller. */
    private static ma.bawaba.contract.model.LocalizedText localized(Names names) {
        return new ma.bawaba.contract.model.LocalizedText().ar(names.ar).fr(names.fr).en(names.en);
    }

    /** A text as a client gives it, for a command. */
    public static LocalizedText text(ma.bawaba.contract.model.LocalizedText given) {
        return new LocalizedText(given.getAr(), given.getFr(), given.getEn());
    }

    /** Amounts are kept in centimes and shown as decimal strings, so that no client rounds them. */
    public static Money money(long minor, String currency) {
        return new Money().amount(BigDecimal.valueOf(minor, 2).toPlainString()).currency(currency);
    }
}
