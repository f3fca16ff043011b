package ma.bawaba.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import ma.bawaba.sdk.api.AdminApi;
import ma.bawaba.sdk.api.InformationRequestsApi;
import ma.bawaba.sdk.client.ApiException;
import ma.bawaba.sdk.model.ApiKeyInput;
import ma.bawaba.sdk.model.AppealInput;
import ma.bawaba.sdk.model.AppealLevel;
import ma.bawaba.sdk.model.IdDocumentType;
import ma.bawaba.sdk.model.InformationRequest;
import ma.bawaba.sdk.model.InformationRequestInput;
import ma.bawaba.sdk.model.InformationRequestReceipt;
import ma.bawaba.sdk.model.InformationRequestStatus;
import ma.bawaba.sdk.model.InformationRequestTransition;
import ma.bawaba.sdk.model.InformationRequestTransitionTarget;
import ma.bawaba.sdk.model.InformationRequestType;
import ma.bawaba.sdk.model.PreferredFormat;
import ma.bawaba.sdk.model.ProblemCode;
import ma.bawaba.sdk.model.Requester;
import ma.bawaba.sdk.model.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A requester's access-to-information request, refused, appealed to the head, then answered, through the Java SDK. */
class InformationRequestSdkTest {

    private static final long MINISTRY_OF_JUSTICE = 2L;

    private static RunningServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = RunningServer.shared();
    }

    private static String key(Role role) throws ApiException {
        return new AdminApi(Bawaba.withApiKey(server.baseUri(), RunningServer.ADMIN_KEY))
                .createApiKey(new ApiKeyInput().name("Information " + role).role(role).institutionId(MINISTRY_OF_JUSTICE),
                        "fr", UUID.randomUUID().toString())
                .getSecret();
    }

    @Test
    void aRequestIsRefusedAppealedUpheldAndAnswered() throws Exception {
        InformationRequestReceipt receipt = new InformationRequestsApi(Bawaba.anonymous(server.baseUri())).submitInformationRequest(
                new InformationRequestInput().institutionId(MINISTRY_OF_JUSTICE).type(InformationRequestType.ORDINARY)
                        .requester(new Requester().firstName("Nadia").lastName("Berrada").idDocumentType(IdDocumentType.RESIDENCE_CARD)
                                .idDocumentNumber("RC998877").email("nadia.berrada@example.ma"))
                        .description("Les statistiques 2025 des affaires traitées par le tribunal de commerce de Casablanca.")
                        .preferredFormat(PreferredFormat.ELECTRONIC_COPY),
                "fr", UUID.randomUUID().toString());
        InformationRequest submitted = receipt.getRequest();
        String number = submitted.getNumber();
        assertEquals(20, submitted.getDeadline().getWorkingDays());
        assertEquals(submitted.getDeadline().getDueDate(), submitted.getDueDate());
        assertTrue(submitted.getDeadline().getStartsOn().isAfter(submitted.getDeadline().getClockStartedOn()));

        InformationRequestsApi officer = new InformationRequestsApi(Bawaba.withApiKey(server.baseUri(), key(Role.AGENT)));
        InformationRequest refused = officer.transitionInformationRequest(number, new InformationRequestTransition()
                .to(InformationRequestTransitionTarget.REFUSED).refusalGroundId(1L)
                .justification("Ces statistiques ne sont pas encore consolidées."), "fr", Bawaba.ifMatch(submitted.getVersion()));
        assertEquals(InformationRequestStatus.REFUSED, refused.getStatus());
        assertNotNull(refused.getInternalComplaintUntil());

        InformationRequestsApi requester = new InformationRequestsApi(Bawaba.withCaseToken(server.baseUri(), receipt.getCaseToken()));
        ApiException tooEarly = assertThrows(ApiException.class, () -> requester.fileInformationAppeal(number,
                new AppealInput().level(AppealLevel.CDAI_ESCALATION).reason("Je saisis directement la CDAI."), "fr",
                Bawaba.ifMatch(refused.getVersion()), UUID.randomUUID().toString()));
        assertEquals(409, tooEarly.getCode());
        assertTrue(Bawaba.hasCode(tooEarly, ProblemCode.TRANSITION_NOT_ALLOWED));
        assertEquals("REFUSED", Bawaba.problem(tooEarly).orElseThrow().getCurrentStatus());
        InformationRequest appealed = requester.fileInformationAppeal(number, new AppealInput().level(AppealLevel.INTERNAL_COMPLAINT)
                .reason("Les statistiques 2025 sont publiées chaque année en février."), "fr", Bawaba.ifMatch(refused.getVersion()),
                UUID.randomUUID().toString());
        assertEquals(InformationRequestStatus.INTERNAL_APPEAL, appealed.getStatus());

        InformationRequestsApi head = new InformationRequestsApi(Bawaba.withApiKey(server.baseUri(), key(Role.HEAD)));
        InformationRequest upheld = head.transitionInformationRequest(number, new InformationRequestTransition()
                .to(InformationRequestTransitionTarget.APPEAL_UPHELD).justification("Les chiffres provisoires peuvent être communiqués."),
                "fr", Bawaba.ifMatch(appealed.getVersion()));
        assertEquals(InformationRequestStatus.APPEAL_UPHELD, upheld.getStatus());
        InformationRequest answered = officer.transitionInformationRequest(number, new InformationRequestTransition()
                .to(InformationRequestTransitionTarget.ANSWERED).answer("12 480 affaires ont été traitées en 2025."),
                "fr", Bawaba.ifMatch(upheld.getVersion()));
        assertEquals(InformationRequestStatus.ANSWERED, answered.getStatus());
        assertEquals("12 480 affaires ont été traitées en 2025.", requester.getInformationRequest(number, "fr").getAnswer().getText());
    }
}
