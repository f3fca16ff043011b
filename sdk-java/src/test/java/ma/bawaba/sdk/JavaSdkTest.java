package ma.bawaba.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import ma.bawaba.sdk.api.AdminApi;
import ma.bawaba.sdk.api.IdentityApi;
import ma.bawaba.sdk.api.ReferenceApi;
import ma.bawaba.sdk.api.TrackingApi;
import ma.bawaba.sdk.client.ApiException;
import ma.bawaba.sdk.model.ApiKeyInput;
import ma.bawaba.sdk.model.CivilStatusOffice;
import ma.bawaba.sdk.model.Holiday;
import ma.bawaba.sdk.model.Institution;
import ma.bawaba.sdk.model.IssuedApiKey;
import ma.bawaba.sdk.model.ProblemCode;
import ma.bawaba.sdk.model.Role;
import ma.bawaba.sdk.model.Service;
import ma.bawaba.sdk.model.TrackingRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A front-end team's first steps, through the generated Java SDK against the packaged server over real HTTP. */
class JavaSdkTest {

    private static RunningServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = RunningServer.shared();
    }

    @Test
    void aCitizenFrontEndBrowsesInstitutionsAndOfficesInArabic() throws Exception {
        ReferenceApi reference = new ReferenceApi(Bawaba.anonymous(server.baseUri()));
        List<Institution> complaintsBodies = reference.listInstitutions("ar", "العدل", null, Service.COMPLAINTS, null, 20, null)
                .getItems();
        assertTrue(complaintsBodies.stream().anyMatch(institution -> "وزارة العدل".equals(institution.getName())));

        List<CivilStatusOffice> offices = Bawaba.all(cursor -> {
            var page = reference.listCivilStatusOffices("fr", null, null, null, null, null, null, 100, cursor);
            return new Bawaba.Page<>(page.getItems(), page.getNextCursor());
        }, 10_000);
        assertTrue(offices.size() >= 80);
        assertEquals(offices.size(), offices.stream().map(CivilStatusOffice::getId).distinct().count());
    }

    @Test
    void holidayDatesArriveAsCalendarDatesThatNeverShift() throws Exception {
        ReferenceApi reference = new ReferenceApi(Bawaba.anonymous(server.baseUri()));
        List<Holiday> holidays = reference.listHolidays(2026, "en", 100, null).getItems();
        assertTrue(holidays.stream().anyMatch(holiday -> LocalDate.of(2026, 7, 30).equals(holiday.getDate())
                && "Throne Day".equals(holiday.getName())));
    }

    @Test
    void anAdministratorIssuesAKeyThatAnInstitutionThenUses() throws Exception {
        AdminApi admin = new AdminApi(Bawaba.withApiKey(server.baseUri(), RunningServer.ADMIN_KEY));
        IssuedApiKey issued = admin.createApiKey(new ApiKeyInput().name("SDK test").role(Role.AGENT).institutionId(2L),
                "en", UUID.randomUUID().toString());
        var caller = new IdentityApi(Bawaba.withApiKey(server.baseUri(), issued.getSecret())).getCaller();
        assertEquals(Role.AGENT, caller.getRole());
        assertEquals(2L, caller.getInstitutionId());
    }

    @Test
    void failuresArriveAsTypedProblems() {
        TrackingApi tracking = new TrackingApi(Bawaba.anonymous(server.baseUri()));
        ApiException failure = assertThrows(ApiException.class, () -> tracking.trackCase(
                new TrackingRequest().number("CP-2026-0000-0000").email("nobody@example.ma"), "en"));
        assertEquals(404, failure.getCode());
        var problem = Bawaba.problem(failure).orElseThrow();
        assertEquals("https://bawaba.ma/problems/not-found", problem.getType());
        assertEquals("Not found", problem.getTitle());
        assertEquals(ProblemCode.NOT_FOUND, Bawaba.code(failure).orElseThrow());

        AdminApi anonymousAdmin = new AdminApi(Bawaba.anonymous(server.baseUri()));
        ApiException unauthenticated = assertThrows(ApiException.class, () -> anonymousAdmin.listApiKeys(null, null, null, null, null));
        assertEquals(401, unauthenticated.getCode());
    }
}
