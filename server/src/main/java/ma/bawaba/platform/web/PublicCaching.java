package ma.bawaba.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ma.bawaba.platform.BawabaConfig;
import ma.bawaba.platform.Digests;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * The reads any cache may keep: public reference data, the FAQ and the statistics — the same for every caller, no
 * personal data.
 * They get {@code Cache-Control: public, max-age} (configurable), an ETag (their version when they have one, else a
 * digest of the body as sent, which differs per language), and a 304 when {@code If-None-Match} names it. Every
 * other answer keeps the edge's default, {@code no-store} ({@link HttpEdge}): storing is what an operation must ask
 * for, not what it must remember to refuse.
 */
public class PublicCaching {

    /** The contract's public reads, by operationId (the method names of the generated interfaces). */
    static final Set<String> OPERATIONS = Set.of("listRegions", "listCommunes", "listInstitutions", "getInstitution",
            "listCivilStatusOffices", "getCivilStatusOffice", "listDocumentTypes", "listComplaintCategories",
            "listRefusalGrounds", "listHolidays", "listFaq", "getStatistics", "getStatisticsRanking");

    private static final Pattern ENTITY_TAG = Pattern.compile("(?:W/)?\"([^\"]*)\"");

    private final ObjectMapper json;
    private final String cacheControl;

    PublicCaching(ObjectMapper json, BawabaConfig config) {
        this.json = json;
        this.cacheControl = "public, max-age=" + config.http().publicMaxAge().toSeconds();
    }

    @ServerResponseFilter
    public void cache(ContainerRequestContext request, ContainerResponseContext response, SimpleResourceInfo resource)
            throws IOException {
        // no resource method for a route that matched nothing
        if (resource == null || resource.getMethodName() == null || !OPERATIONS.contains(resource.getMethodName())
                || response.getStatus() != 200
                || !HttpMethod.GET.equals(request.getMethod())) {
            return;
        }
        EntityTag tag = response.getEntityTag();
        if (tag == null) {
            // Serialized once here, and sent as these bytes: the digest is of exactly what the client receives.
            byte[] body = json.writeValueAsBytes(response.getEntity());
            tag = new EntityTag(Digests.sha256Hex(body).substring(0, 32));
            response.setEntity(body, response.getEntityAnnotations(), response.getMediaType());
            response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        }
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, cacheControl);
        if (isNamedBy(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            response.setStatus(304);
            response.setEntity(null);
        }
    }

    /** RFC 9110 §13.1.2: {@code *}, or a list of entity tags compared weakly. */
    static boolean isNamedBy(String ifNoneMatch, EntityTag tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        if (ifNoneMatch.trim().equals("*")) {
            return true;
        }
        Matcher matcher = ENTITY_TAG.matcher(ifNoneMatch);
        while (matcher.find()) {
            if (matcher.group(1).equals(tag.getValue())) {
                return true;
            }
        }
        return false;
    }
}
