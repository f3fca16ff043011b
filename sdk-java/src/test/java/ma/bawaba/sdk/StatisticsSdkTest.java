package ma.bawaba.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import ma.bawaba.sdk.api.AdminApi;
import ma.bawaba.sdk.api.ComplaintsApi;
import ma.bawaba.sdk.api.StatisticsApi;
import ma.bawaba.sdk.client.ApiException;
import ma.bawaba.sdk.model.ApiKeyInput;
import ma.bawaba.sdk.model.Complaint;
import ma.bawaba.sdk.model.ComplaintInput;
import ma.bawaba.sdk.model.ComplaintKind;
import ma.bawaba.sdk.model.ComplaintReceipt;
import ma.bawaba.sdk.model.ComplaintTransition;
import ma.bawaba.sdk.model.ComplaintTransitionTarget;
import ma.bawaba.sdk.model.DurationUnit;
import ma.bawaba.sdk.model.IdDocumentType;
import ma.bawaba.sdk.model.InstitutionInput;
import ma.bawaba.sdk.model.InstitutionKind;
import ma.bawaba.sdk.model.LocalizedText;
import ma.bawaba.sdk.model.Requester;
import ma.bawaba.sdk.model.Role;
import ma.bawaba.sdk.model.Service;
import ma.bawaba.sdk.model.Statistics;
import ma.bawaba.sdk.model.StatisticsDimension;
import ma.bawaba.sdk.model.StatisticsGroup;
import ma.bawaba.sdk.model.StatisticsRanking;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Public statistics through the Java SDK, as a ministry's reporting tool reads them. */
class StatisticsSdkTest {

    private static RunningServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = RunningServer.shared();
    }

    @Test
    void aReportingToolReadsTypedFiguresOnceFiveCasesMakeAGroup() throws Exception {
        AdminApi admin = new AdminApi(Bawaba.withApiKey(server.baseUri(), RunningServer.ADMIN_KEY));
        long institutionId = admin.createInstitution(new InstitutionInput()
                        .code("JAVA_STATS_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase())
                        .kind(InstitutionKind.PUBLIC_BODY).names(new LocalizedText().ar("الوكالة الحضرية").fr("Agence urbaine"))
                        .services(java.util.Set.of(Service.COMPLAINTS)), "fr", UUID.randomUUID().toString())
                .getId();
        String agentKey = admin.createApiKey(new ApiKeyInput().name("Statistiques").role(Role.AGENT).institutionId(institutionId),
                "fr", UUID.randomUUID().toString()).getSecret();

        ComplaintsApi citizen = new ComplaintsApi(Bawaba.anonymous(server.baseUri()));
        ComplaintReceipt first = null;
        for (int i = 0; i < 5; i++) {
            ComplaintReceipt receipt = citizen.submitComplaint(new ComplaintInput()
                    .institutionId(institutionId).kind(ComplaintKind.COMPLAINT).categoryId(2L)
                    .subject("Permis de construire en attente")
                    .content("Ma demande de permis de construire est sans réponse depuis trois mois.")
                    .requester(new Requester().firstName("Omar").lastName("Bennis").idDocumentType(IdDocumentType.CIN)
                            .idDocumentNumber("JK445566").email("omar.bennis@example.ma")), "fr", UUID.randomUUID().toString());
            first = first == null ? receipt : first;
        }
        ComplaintsApi agent = new ComplaintsApi(Bawaba.withApiKey(server.baseUri(), agentKey));
        Complaint seen = agent.getComplaint(first.getComplaint().getNumber(), "fr");
        agent.transitionComplaint(seen.getNumber(), new ComplaintTransition().to(ComplaintTransitionTarget.ANSWERED)
                .answer("Votre permis est signé."), "fr", Bawaba.ifMatch(seen.getVersion()));

        StatisticsGroup group = counted(institutionId, 1);
        assertEquals(Service.COMPLAINTS, group.getService());
        assertEquals(5L, group.getReceived());
        assertEquals(1L, group.getRespondedOnTime());
        assertEquals(1.0, group.getOnTimeShare());
        assertEquals(0, group.getMedianDays());
        assertEquals(DurationUnit.CALENDAR_DAYS, group.getDurationUnit());
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L), group.getComplaints().getRatingCounts());
        assertNull(group.getInformation());

        StatisticsRanking ranking = new StatisticsApi(Bawaba.anonymous(server.baseUri()))
                .getStatisticsRanking(Service.COMPLAINTS, null, null);
        assertEquals(Service.COMPLAINTS, ranking.getService());
        for (int index = 0; index < ranking.getItems().size(); index++) {
            assertEquals(index + 1, ranking.getItems().get(index).getRank());
        }
    }

    /** The statistics follow the cases a second or so behind: reads until the group shows the expected responses. */
    private static StatisticsGroup counted(long institutionId, long responded) throws ApiException, InterruptedException {
        StatisticsApi statistics = new StatisticsApi(Bawaba.anonymous(server.baseUri()));
        for (int attempt = 0; attempt < 40; attempt++) {
            Statistics read = statistics.getStatistics(null, institutionId, null, null, null, null, null, null, List.of(StatisticsDimension.SERVICE));
            assertNotNull(read.getCountedUpTo());
            if (read.getGroups().size() == 1 && !read.getGroups().get(0).getSuppressed()
                    && read.getGroups().get(0).getResponded() == responded) {
                return read.getGroups().get(0);
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the statistics of institution " + institutionId + " never showed " + responded + " response");
    }

    @Test
    void aReversedMonthRangeIsAFieldError() {
        ApiException failure = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class,
                () -> new StatisticsApi(Bawaba.anonymous(server.baseUri()))
                        .getStatistics(null, null, null, null, null, null, "2026-06", "2026-01", null));
        assertEquals(400, failure.getCode());
        assertTrue(Bawaba.problem(failure).orElseThrow().getErrors().stream().anyMatch(error -> "to".equals(error.getField())));
    }
}
