package ma.bawaba.reference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.problem.FieldErrorCode;
import ma.bawaba.platform.web.Page;

/**
 * Reads of the public reference data. Every list is keyset-paged on the primary key (or the date for holidays)
 * and served by an index; searches use the tables' FULLTEXT indexes.
 */
@ApplicationScoped
public class ReferenceCatalog {

    private static final List<String> NAME_COLUMNS = List.of("name_ar", "name_fr", "name_en");

    private final EntityManager entityManager;

    ReferenceCatalog(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Filters of the institution list; null means "any". */
    public record InstitutionFilter(String q, String kind, String service, Long regionId) {
    }

    /** Filters of the office list; null means "any". */
    public record OfficeFilter(String q, Long regionId, Long provinceId, Long communeId, String kind, Boolean acceptsOnlineOrders) {
    }

    /** A region with its provinces, each with its communes, loaded in three queries whatever the page size. */
    public record RegionTree(Region region, List<ProvinceTree> provinces) {
    }

    public record ProvinceTree(Province province, List<Commune> communes) {
    }

    public List<RegionTree> regions(String q, Page.Request page) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT * FROM region WHERE 1 = 1");
        appendSearch(sql, parameters, q, "name_ar, name_fr, name_en", NAME_COLUMNS);
        List<Region> regions = list(sql, parameters, page, "id", Region.class);
        List<Long> regionIds = regions.stream().map(region -> region.id).toList();
        Map<Long, List<Province>> provincesByRegion = regionIds.isEmpty() ? Map.of()
                : Province.<Province>list("regionId in ?1 order by id", regionIds).stream()
                        .collect(Collectors.groupingBy(province -> province.regionId));
        List<Long> provinceIds = provincesByRegion.values().stream().flatMap(Collection::stream).map(p -> p.id).toList();
        Map<Long, List<Commune>> communesByProvince = provinceIds.isEmpty() ? Map.of()
                : Commune.<Commune>list("provinceId in ?1 order by id", provinceIds).stream()
                        .collect(Collectors.groupingBy(commune -> commune.provinceId));
        return regions.stream()
                .map(region -> new RegionTree(region, provincesByRegion.getOrDefault(region.id, List.of()).stream()
                        .map(province -> new ProvinceTree(province, communesByProvince.getOrDefault(province.id, List.of())))
                        .toList()))
                .toList();
    }

    public List<Commune> communes(String q, Long provinceId, Page.Request page) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT * FROM commune WHERE 1 = 1");
        if (provinceId != null) {
            sql.append(" AND province_id = ?");
            parameters.add(provinceId);
        }
        appendSearch(sql, parameters, q, "name_ar, name_fr, name_en", NAME_COLUMNS);
        return list(sql, parameters, page, "id", Commune.class);
    }

    public List<Institution> institutions(InstitutionFilter filter, Page.Request page) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT * FROM institution WHERE active = TRUE");
        if (filter.kind() != null) {
            sql.append(" AND kind = ?");
            parameters.add(filter.kind());
        }
        if (filter.regionId() != null) {
            sql.append(" AND region_id = ?");
            parameters.add(filter.regionId());
        }
        if (filter.service() != null) {
            sql.append(" AND id IN (SELECT institution_id FROM institution_service WHERE service = ?)");
            parameters.add(filter.service());
        }
        appendSearch(sql, parameters, filter.q(), "name_ar, name_fr, name_en, acronym", List.of("name_ar", "name_fr", "name_en", "acronym"));
        return list(sql, parameters, page, "id", Institution.class);
    }

    public Institution institution(long id) {
        Institution institution = Institution.findById(id);
        if (institution == null) {
            throw new DomainException.NotFound("institution", id);
        }
        return institution;
    }

    public List<CivilStatusOffice> offices(OfficeFilter filter, Page.Request page) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT o.* FROM civil_status_office o");
        if (filter.regionId() != null) {
            sql.append(" JOIN province p ON p.id = o.province_id AND p.region_id = ?");
            parameters.add(filter.regionId());
        }
        sql.append(" WHERE o.active = TRUE");
        if (filter.provinceId() != null) {
            sql.append(" AND o.province_id = ?");
            parameters.add(filter.provinceId());
        }
        if (filter.communeId() != null) {
            sql.append(" AND o.commune_id = ?");
            parameters.add(filter.communeId());
        }
        if (filter.kind() != null) {
            sql.append(" AND o.kind = ?");
            parameters.add(filter.kind());
        }
        if (filter.acceptsOnlineOrders() != null) {
            sql.append(" AND o.accepts_online_orders = ?");
            parameters.add(filter.acceptsOnlineOrders());
        }
        appendSearch(sql, parameters, filter.q(), "o.name_ar, o.name_fr, o.name_en, o.city",
                List.of("o.name_ar", "o.name_fr", "o.name_en", "o.city"));
        return list(sql, parameters, page, "o.id", CivilStatusOffice.class);
    }

    public CivilStatusOffice office(long id) {
        CivilStatusOffice office = CivilStatusOffice.findById(id);
        if (office == null) {
            throw new DomainException.NotFound("civil-status-office", id);
        }
        return office;
    }

    /** Region of each given province, in one query (offices show their region). */
    public Map<Long, Long> regionOfProvinces(Collection<Long> provinceIds) {
        if (provinceIds.isEmpty()) {
            return Map.of();
        }
        return Province.<Province>list("id in ?1", provinceIds).stream()
                .collect(Collectors.toMap(province -> province.id, province -> province.regionId));
    }

    public List<DocumentType> documentTypes(Page.Request page) {
        return list(new StringBuilder("SELECT * FROM document_type WHERE 1 = 1"), new ArrayList<>(), page, "id", DocumentType.class);
    }

    public List<ComplaintCategory> complaintCategories(Page.Request page) {
        return list(new StringBuilder("SELECT * FROM complaint_category WHERE 1 = 1"), new ArrayList<>(), page, "id",
                ComplaintCategory.class);
    }

    public List<RefusalGround> refusalGrounds(Page.Request page) {
        return list(new StringBuilder("SELECT * FROM refusal_ground WHERE 1 = 1"), new ArrayList<>(), page, "id",
                RefusalGround.class);
    }

    /** Holidays of one year in date order; the cursor is the last date shown. */
    @SuppressWarnings("unchecked")
    public List<Holiday> holidays(int year, Page.Request page) {
        LocalDate after = LocalDate.of(year, 1, 1).minusDays(1);
        if (page.after() != null) {
            try {
                after = LocalDate.parse(page.after());
            } catch (java.time.format.DateTimeParseException malformed) {
                throw DomainException.BadRequest.field("cursor", FieldErrorCode.INVALID, "field.invalid");
            }
        }
        return entityManager.createQuery(
                        "from Holiday where date > :after and date <= :end order by date", Holiday.class)
                .setParameter("after", after)
                .setParameter("end", LocalDate.of(year, 12, 31))
                .setMaxResults(page.fetchSize())
                .getResultList();
    }

    private static void appendSearch(StringBuilder sql, List<Object> parameters, String q, String fulltextColumns,
                                     List<String> nameColumns) {
        NameSearch search = NameSearch.of(q);
        if (!search.isEmpty()) {
            sql.append(" AND ").append(search.condition(fulltextColumns, nameColumns, parameters));
        }
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> list(StringBuilder sql, List<Object> parameters, Page.Request page, String idColumn, Class<T> type) {
        Long afterId = page.afterId();
        if (afterId != null) {
            sql.append(" AND ").append(idColumn).append(" > ?");
            parameters.add(afterId);
        }
        sql.append(" ORDER BY ").append(idColumn).append(" LIMIT ").append(page.fetchSize());
        Query query = entityManager.createNativeQuery(sql.toString(), type);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query.getResultList();
    }
}
