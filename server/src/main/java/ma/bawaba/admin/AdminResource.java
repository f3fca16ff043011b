package ma.bawaba.admin;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import ma.bawaba.contract.api.AdminApi;
import ma.bawaba.contract.model.ApiKeyInput;
import ma.bawaba.contract.model.ApiKeyPage;
import ma.bawaba.cases.privacy.DataSubjectRequests;
import ma.bawaba.contract.model.CivilStatusOfficeInput;
import ma.bawaba.contract.model.DataSubjectQuery;
import ma.bawaba.contract.model.FaqEntryInput;
import ma.bawaba.contract.model.HolidayInput;
import ma.bawaba.faq.Faq;
import ma.bawaba.faq.FaqEntry;
import ma.bawaba.faq.FaqMapper;
import ma.bawaba.contract.model.InstitutionInput;
import ma.bawaba.contract.model.IssuedApiKey;
import ma.bawaba.platform.web.idempotency.Idempotency;
import ma.bawaba.platform.security.Access;
import ma.bawaba.platform.security.Caller;
import ma.bawaba.platform.security.Role;
import ma.bawaba.platform.web.Language;
import ma.bawaba.platform.web.Page;
import ma.bawaba.platform.web.Paging;
import ma.bawaba.platform.web.RequestLanguage;
import ma.bawaba.platform.web.Versions;
import ma.bawaba.reference.CivilStatusOffice;
import ma.bawaba.reference.Institution;
import ma.bawaba.reference.ReferenceCatalog;
import ma.bawaba.reference.ReferenceMapper;

/**
 * Platform administration: managed reference data, the FAQ, API keys, and data-subject requests. Every operation needs
 * the ADMIN role.
 */
public class AdminResource implements AdminApi {

    private final Access access;
    private final ReferenceAdministration administration;
    private final ApiKeyAdministration apiKeys;
    private final ReferenceCatalog catalog;
    private final Idempotency idempotency;
    private final Paging paging;
    private final Faq faq;
    private final RequestLanguage requestLanguage;
    private final DataSubjectRequests dataSubjectRequests;

    AdminResource(Access access, ReferenceAdministration administration, ApiKeyAdministration apiKeys,
                  ReferenceCatalog catalog, Idempotency idempotency, Paging paging, Faq faq, RequestLanguage requestLanguage,
                  DataSubjectRequests dataSubjectRequests) {
        this.access = access;
        this.dataSubjectRequests = dataSubjectRequests;
        this.requestLanguage = requestLanguage;
        this.faq = faq;
        this.administration = administration;
        this.apiKeys = apiKeys;
        this.catalog = catalog;
        this.idempotency = idempotency;
        this.paging = paging;
    }

    /** Law 09-08, right of access: the cases holding a person's e-mail or identity document, audited. */
    @Override
    public Response findDataSubjectCases(DataSubjectQuery query, String acceptLanguage) {
        Caller admin = access.require(Role.ADMIN);
        return Response.ok(DataSubjectMapper.toApi(dataSubjectRequests.find(query.getEmail(), query.getIdDocumentNumber(), admin)))
                .build();
    }

    @Override
    public Response createInstitution(InstitutionInput input, String acceptLanguage, String idempotencyKey) {
        Caller admin = access.require(Role.ADMIN);
        Language language = requestLanguage.get();
        return idempotency.create(admin, "POST /admin/institutions", idempotencyKey, input, () -> {
            Institution institution = administration.createInstitution(ReferenceChangeMapper.institution(input));
            return Response.created(URI.create("institutions/" + institution.id))
                    .tag(Versions.etag(institution.version))
                    .entity(ReferenceMapper.institution(institution, language))
                    .build();
        });
    }

    @Override
    public Response updateInstitution(Long id, InstitutionInput input, String acceptLanguage, String ifMatch) {
        access.require(Role.ADMIN);
        Institution institution = administration.updateInstitution(id, Versions.expected(ifMatch),
                ReferenceChangeMapper.institution(input));
        return Response.ok(ReferenceMapper.institution(institution, requestLanguage.get()))
                .tag(Versions.etag(institution.version))
                .build();
    }

    @Override
    public Response createCivilStatusOffice(CivilStatusOfficeInput input, String acceptLanguage, String idempotencyKey) {
        Caller admin = access.require(Role.ADMIN);
        Language language = requestLanguage.get();
        return idempotency.create(admin, "POST /admin/civil-status-offices", idempotencyKey, input, () -> {
            CivilStatusOffice office = administration.createOffice(ReferenceChangeMapper.office(input));
            return Response.created(URI.create("civil-status-offices/" + office.id))
                    .tag(Versions.etag(office.version))
                    .entity(officeModel(office, language))
                    .build();
        });
    }

    @Override
    public Response updateCivilStatusOffice(Long id, CivilStatusOfficeInput input, String acceptLanguage, String ifMatch) {
        access.require(Role.ADMIN);
        CivilStatusOffice office = administration.updateOffice(id, Versions.expected(ifMatch), ReferenceChangeMapper.office(input));
        return Response.ok(officeModel(office, requestLanguage.get()))
                .tag(Versions.etag(office.version))
                .build();
    }

    @Override
    public Response createHoliday(HolidayInput input, String acceptLanguage, String idempotencyKey) {
        Caller admin = access.require(Role.ADMIN);
        Language language = requestLanguage.get();
        return idempotency.create(admin, "POST /admin/holidays", idempotencyKey, input, () -> {
            var holiday = administration.createHoliday(ReferenceChangeMapper.holiday(input));
            return Response.created(URI.create("holidays?year=" + holiday.date.getYear()))
                    .tag(Versions.etag(holiday.version))
                    .entity(ReferenceMapper.holiday(holiday, language))
                    .build();
        });
    }

    @Override
    public Response updateHoliday(Long id, HolidayInput input, String acceptLanguage, String ifMatch) {
        access.require(Role.ADMIN);
        var holiday = administration.updateHoliday(id, Versions.expected(ifMatch), ReferenceChangeMapper.holiday(input));
        return Response.ok(ReferenceMapper.holiday(holiday, requestLanguage.get()))
                .tag(Versions.etag(holiday.version))
                .build();
    }

    @Override
    public Response deleteHoliday(Long id, String acceptLanguage, String ifMatch) {
        access.require(Role.ADMIN);
        administration.deleteHoliday(id, Versions.expected(ifMatch));
        return Response.noContent().build();
    }

    @Override
    public Response listApiKeys(String acceptLanguage, Long institutionId, Long officeId, Integer limit, String cursor) {
        access.require(Role.ADMIN);
        Page.Request page = paging.request(limit, cursor);
        var result = Page.of(apiKeys.list(institutionId, officeId, page), page, key -> key.id.toString(), ApiKeyMapper::apiKey);
        return Response.ok(new ApiKeyPage().items(result.items()).nextCursor(result.nextCursor())).build();
    }

    @Override
    public Response createApiKey(ApiKeyInput input, String acceptLanguage, String idempotencyKey) {
        Caller admin = access.require(Role.ADMIN);
        return idempotency.create(admin, "POST /admin/api-keys", idempotencyKey, input, () -> {
            ApiKeyAdministration.IssuedKey issued = apiKeys.issue(ApiKeyMapper.newKey(input));
            return Response.created(URI.create("admin/api-keys/" + issued.key().id))
                    .entity(ApiKeyMapper.issued(issued))
                    .build();
        }, entity -> ApiKeyMapper.withoutSecret((IssuedApiKey) entity));
    }

    @Override
    public Response getApiKey(Long id, String acceptLanguage) {
        access.require(Role.ADMIN);
        return Response.ok(ApiKeyMapper.apiKey(apiKeys.get(id))).build();
    }

    @Override
    public Response revokeApiKey(Long id, String acceptLanguage) {
        access.require(Role.ADMIN);
        apiKeys.revoke(id);
        return Response.noContent().build();
    }

    private ma.bawaba.contract.model.CivilStatusOffice officeModel(CivilStatusOffice office, Language language) {
        Map<Long, Long> regionOfProvince = catalog.regionOfProvinces(
                office.provinceId == null ? java.util.List.of() : java.util.List.of(office.provinceId));
        return ReferenceMapper.office(office, regionOfProvince, language);
    }

    @Override
    public Response createFaqEntry(FaqEntryInput input, String acceptLanguage, String idempotencyKey) {
        Caller admin = access.require(Role.ADMIN);
        return idempotency.create(admin, "POST /admin/faq", idempotencyKey, input, () -> {
            FaqEntry entry = faq.create(FaqMapper.change(input));
            return Response.created(URI.create("admin/faq/" + entry.id))
                    .tag(Versions.etag(entry.version))
                    .entity(FaqMapper.managed(entry))
                    .build();
        });
    }

    @Override
    public Response getFaqEntry(Long id, String acceptLanguage) {
        access.require(Role.ADMIN);
        FaqEntry entry = faq.get(id);
        return Response.ok(FaqMapper.managed(entry)).tag(Versions.etag(entry.version)).build();
    }

    @Override
    public Response updateFaqEntry(Long id, FaqEntryInput input, String acceptLanguage, String ifMatch) {
        access.require(Role.ADMIN);
        FaqEntry entry = faq.update(id, Versions.expected(ifMatch), FaqMapper.change(input));
        return Response.ok(FaqMapper.managed(entry)).tag(Versions.etag(entry.version)).build();
    }

    @Override
    public Response deleteFaqEntry(Long id, String acceptLanguage, String ifMatch) {
        access.require(Role.ADMIN);
        faq.delete(id, Versions.expected(ifMatch));
        return Response.noContent().build();
    }
}
