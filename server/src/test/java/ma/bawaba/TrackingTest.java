package ma.bawaba;

import static ma.bawaba.support.Api.anonymous;
import static ma.bawaba.support.Api.invalid;
import static ma.bawaba.support.Api.clientAddress;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import ma.bawaba.cases.CaseEvent;
import ma.bawaba.cases.CaseFile;
import ma.bawaba.cases.CaseLedger;
import ma.bawaba.cases.CaseService;
import ma.bawaba.platform.security.CaseTokens;
import ma.bawaba.platform.security.Caller;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TrackingTest {

    @Inject
    CaseLedger ledger;

    @Inject
    CaseTokens caseTokens;

    private CaseFile openComplaint(String email) {
        return QuarkusTransaction.requiringNew().call(() -> ledger.open(new CaseLedger.Opening(CaseService.COMPLAINTS,
                "COMPLAINT", "RECEIVED", 2L, null, email, LocalDate.now().plusDays(60)), Caller.ANONYMOUS));
    }

    @Test
    void aNumberAndItsEmailGiveTheSummaryAndAShortLivedToken() {
        CaseFile file = openComplaint("Amina.Benali@Example.ma ");
        String token = anonymous().header("X-Forwarded-For", clientAddress()).contentType("application/json")
                .body(Map.of("number", file.number, "email", "amina.benali@example.ma"))
                .post("/tracking").then().statusCode(200)
                .header("RateLimit", startsWith("limit=")).header("RateLimit-Policy", notNullValue())
                .body("case.number", equalTo(file.number)).body("case.status", equalTo("RECEIVED"))
                .body("case.service", equalTo("COMPLAINTS")).body("case.overdue", equalTo(false))
                .body("caseToken", startsWith("ct_")).body("expiresAt", notNullValue())
                .extract().path("caseToken");
        assertEquals(file.id, caseTokens.verify(token));
    }

    @Test
    void aWrongEmailLooksExactlyLikeAnUnknownNumber() {
        CaseFile file = openComplaint("owner@example.ma");
        var wrongEmail = anonymous().header("X-Forwarded-For", clientAddress()).contentType("application/json")
                .body(Map.of("number", file.number, "email", "guess@example.ma")).post("/tracking")
                .then().statusCode(404).contentType("application/problem+json").extract().jsonPath();
        var unknown = anonymous().header("X-Forwarded-For", clientAddress()).contentType("application/json")
                .body(Map.of("number", "CP-2026-0000-0000", "email", "guess@example.ma")).post("/tracking")
                .then().statusCode(404).extract().jsonPath();
        assertEquals(wrongEmail.getString("title"), unknown.getString("title"));
        assertEquals(wrongEmail.getString("type"), unknown.getString("type"));
    }

    @Test
    void lookUpsPerClientAddressAreLimited() {
        String address = clientAddress();
        for (int i = 0; i < 10; i++) {
            anonymous().header("X-Forwarded-For", address).contentType("application/json")
                    .body(Map.of("number", "CP-2026-0000-000" + (i % 10), "email", "x@example.ma")).post("/tracking")
                    .then().statusCode(404);
        }
        anonymous().header("X-Forwarded-For", address).contentType("application/json")
                .body(Map.of("number", "CP-2026-0000-0000", "email", "x@example.ma")).post("/tracking")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[0-9]+"));
        anonymous().header("X-Forwarded-For", clientAddress()).contentType("application/json")
                .body(Map.of("number", "CP-2026-0000-0000", "email", "x@example.ma")).post("/tracking")
                .then().statusCode(404);
    }

    @Test
    void malformedLookUpsNameTheirFields() {
        invalid().header("X-Forwarded-For", clientAddress()).contentType("application/json")
                .body(Map.of("number", "CP-2026-0000-0000")).post("/tracking")
                .then().statusCode(400).body("errors[0].field", equalTo("email"));
    }

    @Test
    void everyCaseGetsAnUnguessableNumberAndASubmissionEvent() {
        CaseFile first = openComplaint("a@example.ma");
        CaseFile second = openComplaint("a@example.ma");
        assertNotEquals(first.number, second.number);
        org.hamcrest.MatcherAssert.assertThat(first.number, matchesPattern("CP-\\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"));
        long events = QuarkusTransaction.requiringNew().call(() -> CaseEvent.count("caseId = ?1 and type = 'SUBMITTED'", first.id));
        assertEquals(1, events);
    }

    @Test
    void caseTokensExpireAndCannotBeForged() {
        CaseFile file = openComplaint("t@example.ma");
        String expired = caseTokens.issue(file.id, Duration.ofSeconds(-1)).token();
        assertNull(caseTokens.verify(expired));
        String valid = caseTokens.issue(file.id, Duration.ofMinutes(5)).token();
        // One character of the payload changed to another, in its middle (whose six bits are all data), and the last
        // one changed in its unused bits only: a token is accepted in its one canonical spelling.
        int middle = "ct_".length() + 5;
        String tampered = valid.substring(0, middle) + (valid.charAt(middle) == 'A' ? 'B' : 'A') + valid.substring(middle + 1);
        assertNull(caseTokens.verify(tampered));
        int last = valid.indexOf('.') - 1;
        char padded = (char) (valid.charAt(last) + 1);
        assertNull(caseTokens.verify(valid.substring(0, last) + padded + valid.substring(last + 1)));
        assertNull(caseTokens.verify(tampered));
        assertNull(caseTokens.verify("ct_x.y"));
    }
}
