package ma.bawaba;

import static ma.bawaba.support.Api.admin;
import static ma.bawaba.support.Api.invalid;
import static ma.bawaba.support.Api.anonymous;
import static ma.bawaba.support.Api.withKey;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import ma.bawaba.platform.security.Access;
import ma.bawaba.platform.security.Caller;
import ma.bawaba.platform.security.Role;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdentityTest {

    @Test
    void anIssuedKeyIsShownOnceWorksAndStopsWorkingWhenRevoked() {
        var issued = admin().contentType("application/json")
                .body(Map.of("name", "Justice case system", "role", "AGENT", "institutionId", 2))
                .post("/admin/api-keys").then().statusCode(201)
                .body("secret", startsWith("bwb_")).body("prefix", notNullValue()).extract();
        String secret = issued.path("secret");
        long id = ((Number) issued.path("id")).longValue();
        withKey(secret).get("/me").then().statusCode(200)
                .body("role", equalTo("AGENT")).body("institutionId", equalTo(2))
                .body("authentication", equalTo("API_KEY")).body("keyPrefix", equalTo(issued.path("prefix")));
        admin().get("/admin/api-keys/" + id).then().statusCode(200).body("$", not(hasKey("secret")));
        admin().queryParam("institutionId", 2).queryParam("limit", 100).get("/admin/api-keys").then().statusCode(200)
                .body("items.id", hasItem((int) id)).body("items", everyItem(not(hasKey("secret"))));
        admin().delete("/admin/api-keys/" + id).then().statusCode(204);
        withKey(secret).get("/me").then().statusCode(401).contentType("application/problem+json");
        admin().get("/admin/api-keys/" + id).then().statusCode(200).body("revokedAt", notNullValue());
    }

    @Test
    void aReplayedKeyCreationNeverShowsTheSecretAgain() {
        String idempotencyKey = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("name", "replayed", "role", "POSTAL_OPERATOR");
        admin().header("Idempotency-Key", idempotencyKey).contentType("application/json").body(body)
                .post("/admin/api-keys").then().statusCode(201).body("secret", notNullValue());
        admin().header("Idempotency-Key", idempotencyKey).contentType("application/json").body(body)
                .post("/admin/api-keys").then().statusCode(201).body("secret", nullValue())
                .header("Idempotent-Replayed", "true");
    }

    @Test
    void keysAreBoundToTheTenantTheirRoleNeeds() {
        admin().header("Accept-Language", "en").contentType("application/json").body(Map.of("name", "x", "role", "AGENT"))
                .post("/admin/api-keys").then().statusCode(422).body("errors.field", hasItem("institutionId"))
                .body("errors[0].code", equalTo("REQUIRED")).body("errors[0].message", equalTo("is required for the institution agent role"));
        admin().contentType("application/json").body(Map.of("name", "x", "role", "OFFICE_CLERK", "institutionId", 2))
                .post("/admin/api-keys").then().statusCode(422).body("errors.field", hasItem("officeId"))
                .body("errors.code", hasItem("MUST_BE_EMPTY"));
        admin().contentType("application/json").body(Map.of("name", "x", "role", "ADMIN", "officeId", 1))
                .post("/admin/api-keys").then().statusCode(422).body("errors.field", hasItem("officeId"));
        admin().contentType("application/json").body(Map.of("name", "x", "role", "HEAD", "institutionId", 999999))
                .post("/admin/api-keys").then().statusCode(422).body("errors.field", hasItem("institutionId"));
        invalid().header("X-Api-Key", ma.bawaba.support.Api.ADMIN_KEY).contentType("application/json")
                .body(Map.of("name", "x", "role", "KING"))
                .post("/admin/api-keys").then().statusCode(400).body("errors.field", hasItem("role"));
    }

    @Test
    void commissionKeysAreIssuedForTheCdaiAlone() {
        admin().header("Accept-Language", "en").contentType("application/json")
                .body(Map.of("name", "Ministry reviewing itself", "role", "COMMISSION", "institutionId", 2))
                .post("/admin/api-keys").then().statusCode(422).body("errors.field", equalTo(java.util.List.of("institutionId")))
                .body("errors[0].message", equalTo("must name the Commission for the Right of Access to Information "
                        + "(code CDAI), the only body that reviews escalated requests"));
        admin().queryParam("institutionId", 2).queryParam("limit", 100).get("/admin/api-keys").then()
                .body("items.name", not(hasItem("Ministry reviewing itself")));
        String cdaiKey = admin().contentType("application/json")
                .body(Map.of("name", "CDAI case system", "role", "COMMISSION", "institutionId", 41))
                .post("/admin/api-keys").then().statusCode(201).extract().path("secret");
        withKey(cdaiKey).get("/me").then().statusCode(200).body("role", equalTo("COMMISSION")).body("institutionId", equalTo(41));
    }

    @Test
    void aSignedJwtMapsItsClaimsToRoleAndTenant() throws Exception {
        PrivateKey key = KeyUtils.readPrivateKey("test-jwt-private.pem");
        String token = Jwt.issuer("https://id.bawaba.ma").audience("bawaba").subject("agent-118")
                .claim("role", "HEAD").claim("institutionId", 3).expiresIn(Duration.ofMinutes(5)).sign(key);
        anonymous().header("Authorization", "Bearer " + token).get("/me").then().statusCode(200)
                .body("role", equalTo("HEAD")).body("institutionId", equalTo(3))
                .body("authentication", equalTo("JWT")).body("subject", equalTo("agent-118"));
        String expired = Jwt.issuer("https://id.bawaba.ma").audience("bawaba").subject("x").claim("role", "ADMIN")
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign(key);
        anonymous().header("Authorization", "Bearer " + expired).get("/me").then().statusCode(401);
        String otherIssuer = Jwt.issuer("https://evil.example").audience("bawaba").subject("x").claim("role", "ADMIN")
                .expiresIn(Duration.ofMinutes(5)).sign(key);
        anonymous().header("Authorization", "Bearer " + otherIssuer).get("/me").then().statusCode(401);
        String unbound = Jwt.issuer("https://id.bawaba.ma").audience("bawaba").subject("x").claim("role", "AGENT")
                .expiresIn(Duration.ofMinutes(5)).sign(key);
        anonymous().header("Authorization", "Bearer " + unbound).get("/me").then().statusCode(401);
        anonymous().header("Authorization", "Bearer not.a.jwt").get("/me").then().statusCode(401);
    }

    @Test
    void anonymousCallersAndCaseHoldersHaveNoStaffIdentity() {
        anonymous().get("/me").then().statusCode(401).contentType("application/problem+json");
        anonymous().header("X-Case-Token", "ct_forged.forged").get("/me").then().statusCode(401);
    }

    @Test
    void onlyTheCaseHolderAndTheAssignedTenantSeeACase() {
        Access.TenantOwned caseOfJustice = new Access.TenantOwned() {
            public Long caseId() { return 10L; }
            public Long institutionId() { return 2L; }
            public Long officeId() { return null; }
        };
        assertTrue(Access.isVisible(new Caller(Caller.Kind.API_KEY, Role.AGENT, 2L, null, null, "k", null), caseOfJustice));
        assertTrue(Access.isVisible(Caller.caseHolder(10L), caseOfJustice));
        assertFalse(Access.isVisible(new Caller(Caller.Kind.API_KEY, Role.AGENT, 3L, null, null, "k", null), caseOfJustice));
        assertFalse(Access.isVisible(new Caller(Caller.Kind.JWT, Role.OFFICE_CLERK, null, 2L, null, null, "s"), caseOfJustice));
        assertFalse(Access.isVisible(Caller.caseHolder(11L), caseOfJustice));
        assertFalse(Access.isVisible(Caller.ANONYMOUS, caseOfJustice));
        assertFalse(Access.isVisible(new Caller(Caller.Kind.BOOTSTRAP_KEY, Role.ADMIN, null, null, null, "b", null), caseOfJustice));
        assertFalse(Access.isVisible(new Caller(Caller.Kind.API_KEY, Role.POSTAL_OPERATOR, null, null, null, "p", null), caseOfJustice));
    }
}
