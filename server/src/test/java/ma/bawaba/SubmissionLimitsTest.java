package ma.bawaba;

import static ma.bawaba.ComplaintFixtures.agency;
import static ma.bawaba.ComplaintFixtures.complaint;
import static ma.bawaba.support.Api.anonymous;
import static ma.bawaba.support.Api.clientAddress;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import ma.bawaba.ComplaintFixtures.Agency;
import org.junit.jupiter.api.Test;

/**
 * Submission limits are tight per requester and generous per client address: one person cannot flood an
 * institution from many addresses, and the many citizens behind one carrier-grade NAT address are not blocked by
 * each other. (Its own profile: the other tests file every fixture as the same requester.)
 */
@QuarkusTest
@TestProfile(SubmissionLimitsTest.TightPerIdentity.class)
class SubmissionLimitsTest {

    public static class TightPerIdentity implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bawaba.submissions.per-identity", "3", "bawaba.submissions.per-address", "40");
        }
    }

    @Test
    void oneRequesterIsLimitedWhateverAddressItFilesFrom() {
        Agency agency = agency();
        Map<String, Object> body = as(agency, unique("amina") + "@example.ma", unique("BE"));
        for (int i = 0; i < 3; i++) {
            file(body, clientAddress()).then().statusCode(201).header("RateLimit", startsWith("limit=3, remaining=" + (2 - i)));
        }
        file(body, clientAddress()).then().statusCode(429).header("Retry-After", matchesPattern("[0-9]+"))
                .contentType("application/problem+json");
    }

    @Test
    void aNewEmailDoesNotEscapeTheLimitOfTheSameIdentityDocument() {
        Agency agency = agency();
        String document = unique("BK");
        for (int i = 0; i < 3; i++) {
            file(as(agency, unique("x") + "@example.ma", document), clientAddress()).then().statusCode(201);
        }
        file(as(agency, unique("y") + "@example.ma", document), clientAddress()).then().statusCode(429);
    }

    @Test
    void manyCitizensBehindOneAddressAreNotBlockedByEachOther() {
        Agency agency = agency();
        String carrierNat = clientAddress();
        for (int i = 0; i < 12; i++) {
            file(as(agency, unique("citizen") + "@example.ma", unique("CN")), carrierNat).then().statusCode(201);
        }
    }

    @Test
    void theLimitsCountFilingsOfInformationRequestsToo() {
        String email = unique("nadia") + "@example.ma";
        for (int i = 0; i < 3; i++) {
            informationRequest(email).then().statusCode(201);
        }
        informationRequest(email).then().statusCode(429);
    }

    private static io.restassured.response.Response informationRequest(String email) {
        return anonymous().header("X-Forwarded-For", clientAddress()).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("application/json")
                .body(Map.of("institutionId", 2, "type", "ORDINARY", "preferredFormat", "ELECTRONIC_COPY",
                        "description", "Le budget exécuté de l'exercice 2025, par programme.",
                        "requester", Map.of("firstName", "Nadia", "lastName", "Berrada", "idDocumentType", "CIN",
                                "idDocumentNumber", unique("NB"), "email", email)))
                .post("/information-requests");
    }

    private static Map<String, Object> as(Agency agency, String email, String idDocumentNumber) {
        Map<String, Object> body = new HashMap<>(complaint(agency.id(), "COMPLAINT"));
        body.put("requester", Map.of("firstName", "Amina", "lastName", "Benali", "idDocumentType", "CIN",
                "idDocumentNumber", idDocumentNumber, "email", email));
        return body;
    }

    private static io.restassured.response.Response file(Map<String, Object> body, String address) {
        return anonymous().header("X-Forwarded-For", address).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("application/json").body(body).post("/complaints");
    }

    private static String unique(String prefix) {
        return ma.bawaba.support.Api.unique(prefix).toLowerCase();
    }
}
