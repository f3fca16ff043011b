package ma.bawaba.reference;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Objects;
import ma.bawaba.contract.api.ReferenceApi;
import ma.bawaba.contract.model.CivilStatusOfficePage;
import ma.bawaba.contract.model.CommunePage;
import ma.bawaba.contract.model.ComplaintCategoryPage;
import ma.bawaba.contract.model.DocumentTypePage;
import ma.bawaba.contract.model.HolidayPage;
import ma.bawaba.contract.model.InstitutionKind;
import ma.bawaba.contract.model.InstitutionPage;
import ma.bawaba.contract.model.OfficeKind;
import ma.bawaba.contract.model.RefusalGroundPage;
import ma.bawaba.contract.model.RegionPage;
import ma.bawaba.contract.model.Service;
import ma.bawaba.platform.web.Language;
import ma.bawaba.platform.web.Page;
import ma.bawaba.platform.web.Paging;
import ma.bawaba.platform.web.RequestLanguage;
import ma.bawaba.platform.web.Versions;

/** Public, read-only reference data, in the language of Accept-Language. */
@Transactional(Transactional.TxType.SUPPORTS)
public class ReferenceResource implements ReferenceApi {

    private final ReferenceCatalog catalog;
    private final Paging paging;
    private final RequestLanguage requestLanguage;

    ReferenceResource(ReferenceCatalog catalog, Paging paging, RequestLanguage requestLanguage) {
        this.catalog = catalog;
        this.paging = paging;
        this.requestLanguage = requestLanguage;
    }

    @Override
    public Response listRegions(String acceptLanguage, String q, Integer limit, String cursor) {
        Language language = requestLanguage.get();
        Page.Request page = page(limit, cursor);
        Page<ma.bawaba.contract.model.Region> result = Page.of(catalog.regions(q, page), page,
                tree -> tree.region().id.toString(), tree -> ReferenceMapper.region(tree, language));
        return Response.ok(new RegionPage().items(result.items()).nextCursor(result.nextCursor())).build();
    }

    @Override
    public Response listCommunes(String acceptLanguage, String q, Long provinceId, Integer limit, String cursor) {
        Language language = requestLanguage.get();
        Page.Request page = page(limit, cursor);
        Page<ma.bawaba.contract.model.Commune> result = Page.of(catalog.communes(q, provinceId, page), page,
                commune -> commune.id.toString(), commune -> ReferenceMapper.commune(commune, language));
        return Response.ok(new CommunePage().items(result.items()).nextCursor(result.nextCursor())).build();
    }

    @Override
    public Response listInstitutions(String acceptLanguage, String q, InstitutionKind kind, Service service, Long regionId,
                                     Integer limit, String cursor) {
        Language language = requestLanguage.get();
        Page.Request page = page(limit, cursor);
        ReferenceCatalog.InstitutionFilter filter = new ReferenceCatalog.InstitutionFilter(q, name(kind), name(service), regionId);
        Page<ma.bawaba.contract.model.Institution> result = Page.of(catalog.institutions(filter, page), page,
                institution -> institution.id.toString(), institution -> ReferenceMapper.institution(institution, language));
        return Response.ok(new InstitutionPage().items(result.items()).nextCursor(result.nextCursor())).build();
    }

    @Override
    public Response getInstitution(Long id, String acceptLanguage) {
        Institution institution = catalog.institution(id);
        return Response.ok(ReferenceMapper.institution(institution, requestLanguage.get()))
                .tag(Versions.etag(institution.version))
                .build();
    }

    @Override
    public Response listCivilStatusOffices(String acceptLanguage, String q, Long regionId, Long provinceId, Long communeId,
                                           OfficeKind kind, Boolean acceptsOnlineOrders, Integer limit, String cursor) {
        Language language = requestLanguage.get();
        Page.Request page = page(limit, cursor);
        List<CivilStatusOffice> offices = catalog.offices(
                new ReferenceCatalog.OfficeFilter(q, regionId, provinceId, communeId, name(kind), acceptsOnlineOrders), page);
        var regionOfProvince = catalog.regionOfProvinces(offices.stream().map(office -> office.provinceId)
                .filter(Objects::nonNull).distinct().toList());
        Page<ma.bawaba.contract.model.CivilStatusOffice> result = Page.of(offices, page, office -> office.id.toString(),
                office -> ReferenceMapper.office(office, regionOfProvince, language));
        return Response.ok(new CivilStatusOfficePage().items(result.items()).nextCursor(result.nextCursor())).build();
    }

    @Override
    public Response getCivilStatusOffice(Long id, String acceptLanguage) {
        CivilStatusOffice office = catalog.office(id);
        var regionOfProvince = catalog.regionOfProvinces(office.provinceId == null ? List.of() : List.of(office.provinceId));
        return Response.ok(ReferenceMapper.office(office, regionOfProvince, requestLanguage.get()))
                .tag(Versions.etag(office.version))
                .build();
    }

    @Override
    public Response listDocumentTypes(String acceptLanguage, Integer limit, String cursor) {
        Language language = requestLanguage.get();
        Page.Request page = page(limit, cursor);
        var result = Page.of(catalog.documentTypes(page), page, type -> type.id.toString(),
                type -> ReferenceMapper.documentType(type, language));
        return Response.ok(new DocumentTypePage().items(result.items()).nextCursor(result.nextCursor())).build();
    }

    @Override
    public Response listComplaintCategories(String acceptLanguage, Integer limit, String cursor) {
        Language language = requestLanguage.get();
        Page.Request page = page(limit, cursor);
        var result = Page.of(catalog.complaintCategories(page), page, category -> category.id.toString(),
                category -> ReferenceMapper.complaintCategory(category, language));
        return Response.ok(new ComplaintCategoryPage().items(result.items()).nextCursor(result.nextCursor())).build();
    }

    @Override
    public Response listRefusalGrounds(String acceptLanguage, Integer limit, String cursor) {
        Language language = requestLanguage.get();
        Page.Request page = page(limit, cursor);
        var result = Page.of(catalog.refusalGrounds(page), page, ground -> ground.id.toString(),
                ground -> ReferenceMapper.refusalGround(ground, language));
        return Response.ok(new RefusalGroundPage().items(result.items()).nextCursor(result.nextCursor())).build();
    }

    @Override
    public Response listHolidays(Integer year, String acceptLanguage, Integer limit, String cursor) {
        Language language = requestLanguage.get();
        Page.Request page = page(limit, cursor);
        var result = Page.of(catalog.holidays(year, page), page, holiday -> holiday.date.toString(),
                holiday -> ReferenceMapper.holiday(holiday, language));
        return Response.ok(new HolidayPage().items(result.items()).nextCursor(result.nextCursor())).build();
    }

    private Page.Request page(Integer limit, String cursor) {
        return paging.request(limit, cursor);
    }

    private static <E extends Enum<E>> String name(E value) {
        return value == null ? null : value.name();
    }

}
