package ma.bawaba;

import static ma.bawaba.support.Api.invalid;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every admin operation refuses callers who are not administrators, before looking at the request. */
@QuarkusTest
class AdminAuthorizationTest {

    private record Operation(String method, String path, Object body) {
    }

    private static final Map<String, Object> INSTITUTION = Map.of("code", "NEVER", "kind", "MINISTRY",
            "names", Map.of("ar", "س", "fr", "x"), "services", List.of());
    private static final Map<String, Object> OFFICE = Map.of("code", "NEVER", "kind", "CONSULATE",
            "names", Map.of("ar", "س", "fr", "x"), "countryCode", "FR");
    private static final Map<String, Object> HOLIDAY = Map.of("date", "2099-01-02", "kind", "FIXED",
            "names", Map.of("ar", "س", "fr", "x"));

    private static final Map<String, Object> FAQ = Map.of("service", "COMPLAINTS", "position", 1,
            "question", Map.of("ar", "س", "fr", "x ?"), "answer", Map.of("ar", "ج", "fr", "y."));

    private static final List<Operation> ADMIN_OPERATIONS = List.of(
            new Operation("POST", "/admin/faq", FAQ),
            new Operation("GET", "/admin/faq/1", null),
            new Operation("PUT", "/admin/faq/1", FAQ),
            new Operation("DELETE", "/admin/faq/1", null),
            new Operation("POST", "/admin/institutions", INSTITUTION),
            new Operation("PUT", "/admin/institutions/2", INSTITUTION),
            new Operation("POST", "/admin/civil-status-offices", OFFICE),
            new Operation("PUT", "/admin/civil-status-offices/1", OFFICE),
            new Operation("POST", "/admin/holidays", HOLIDAY),
            new Operation("PUT", "/admin/holidays/1", HOLIDAY),
            new Operation("DELETE", "/admin/holidays/1", null),
            new Operation("GET", "/admin/api-keys", null),
            new Operation("POST", "/admin/api-keys", Map.of("name", "x", "role", "ADMIN")),
            new Operation("GET", "/admin/api-keys/1", null),
            new Operation("DELETE", "/admin/api-keys/1", null));

    private static void expect(RequestSpecification caller, int status) {
        for (Operation operation : ADMIN_OPERATIONS) {
            RequestSpecification request = caller.header("If-Match", "\"0\"");
            if (operation.body() != null) {
                request = request.contentType("application/json").body(operation.body());
            }
            request.request(operation.method(), operation.path())
                    .then().statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
        }
    }

    @Test
    void anonymousCallersAreAskedToAuthenticate() {
        expect(invalid(), 401);
    }

    @Test
    void unknownKeysAreRefused() {
        expect(invalid().header("X-Api-Key", "bwb_zzzzzzzz_UnknownKeyUnknownKeyUnknownKey01"), 401);
    }

    @Test
    void institutionKeysMayNotAdminister() {
        String agentKey = AdministrationTest.issueKey("AGENT", 2L);
        expect(invalid().header("X-Api-Key", agentKey), 403);
        String caseHolder = "ct_forged.token";
        expect(invalid().header("X-Case-Token", caseHolder), 401);
    }
}
