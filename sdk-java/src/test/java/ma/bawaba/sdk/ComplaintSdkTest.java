package ma.bawaba.sdk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import ma.bawaba.sdk.api.AdminApi;
import ma.bawaba.sdk.api.ComplaintsApi;
import ma.bawaba.sdk.api.FaqApi;
import ma.bawaba.sdk.api.TrackingApi;
import ma.bawaba.sdk.client.ApiException;
import ma.bawaba.sdk.model.ApiKeyInput;
import ma.bawaba.sdk.model.Attachment;
import ma.bawaba.sdk.model.CaseEventType;
import ma.bawaba.sdk.model.Complaint;
import ma.bawaba.sdk.model.ComplaintInput;
import ma.bawaba.sdk.model.ComplaintKind;
import ma.bawaba.sdk.model.ComplaintReceipt;
import ma.bawaba.sdk.model.ComplaintStatus;
import ma.bawaba.sdk.model.ComplaintTransition;
import ma.bawaba.sdk.model.ComplaintTransitionTarget;
import ma.bawaba.sdk.model.FaqEntryInput;
import ma.bawaba.sdk.model.IdDocumentType;
import ma.bawaba.sdk.model.LocalizedParagraph;
import ma.bawaba.sdk.model.MessageInput;
import ma.bawaba.sdk.model.RatedEventData;
import ma.bawaba.sdk.model.RatingInput;
import ma.bawaba.sdk.model.ReopenInput;
import ma.bawaba.sdk.model.ReopenedEventData;
import ma.bawaba.sdk.model.Requester;
import ma.bawaba.sdk.model.Role;
import ma.bawaba.sdk.model.Service;
import ma.bawaba.sdk.model.TimelineEntry;
import ma.bawaba.sdk.model.TrackingRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A citizen's complaint from filing to reopening, and the institution's answer, through the Java SDK over HTTP. */
class ComplaintSdkTest {

    private static final long MINISTRY_OF_JUSTICE = 2L;

    private static RunningServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = RunningServer.shared();
    }

    @Test
    void aCitizenFilesAttachesIsAnsweredRatesAndReopens() throws Exception {
        String agentKey = new AdminApi(Bawaba.withApiKey(server.baseUri(), RunningServer.ADMIN_KEY))
                .createApiKey(new ApiKeyInput().name("Bureau d'ordre").role(Role.AGENT).institutionId(MINISTRY_OF_JUSTICE),
                        "fr", UUID.randomUUID().toString())
                .getSecret();

        ComplaintReceipt receipt = new ComplaintsApi(Bawaba.anonymous(server.baseUri())).submitComplaint(new ComplaintInput()
                        .institutionId(MINISTRY_OF_JUSTICE).kind(ComplaintKind.COMPLAINT).categoryId(1L)
                        .subject("Jugement non notifié")
                        .content("Le jugement rendu en mars ne m'a jamais été notifié malgré deux demandes.")
                        .requester(new Requester().firstName("Youssef").lastName("Alaoui").idDocumentType(IdDocumentType.CIN)
                                .idDocumentNumber("AB123456").email("youssef.alaoui@example.ma")),
                "fr", UUID.randomUUID().toString());
        String number = receipt.getComplaint().getNumber();
        assertEquals(ComplaintStatus.RECEIVED, receipt.getComplaint().getStatus());

        ComplaintsApi citizen = new ComplaintsApi(Bawaba.withCaseToken(server.baseUri(), receipt.getCaseToken()));
        Path scan = Files.createTempFile("demande", ".pdf");
        Files.write(scan, "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n".getBytes(StandardCharsets.ISO_8859_1));
        Attachment attachment = citizen.uploadComplaintAttachment(number, scan.toFile(), "fr", UUID.randomUUID().toString());
        assertEquals("application/pdf", attachment.getMediaType());
        citizen.sendComplaintMessage(number, new MessageInput().text("Ma demande de notification est jointe.")
                .attachmentIds(Set.of(attachment.getId())), "fr", UUID.randomUUID().toString());

        ComplaintsApi agent = new ComplaintsApi(Bawaba.withApiKey(server.baseUri(), agentKey));
        assertTrue(agent.listComplaints("fr", ComplaintStatus.RECEIVED, null, null, null, null, null, null, 100, null)
                .getItems().stream().anyMatch(item -> item.getNumber().equals(number)));
        Complaint seen = agent.getComplaint(number, "fr");
        assertEquals("Alaoui", seen.getRequester().getLastName());
        Complaint answered = agent.transitionComplaint(number, new ComplaintTransition().to(ComplaintTransitionTarget.ANSWERED)
                .answer("Le jugement vous sera notifié par le greffe cette semaine."), "fr", Bawaba.ifMatch(seen.getVersion()));
        assertEquals(ComplaintStatus.ANSWERED, answered.getStatus());

        // Days later, the citizen comes back with the number and the e-mail address only.
        String token = new TrackingApi(Bawaba.anonymous(server.baseUri()))
                .trackCase(new TrackingRequest().number(number).email("Youssef.Alaoui@example.ma"), "fr").getCaseToken();
        ComplaintsApi returning = new ComplaintsApi(Bawaba.withCaseToken(server.baseUri(), token));
        Complaint complaint = returning.getComplaint(number, "fr");
        Complaint rated = returning.rateComplaint(number, new RatingInput().satisfied(false).score(2)
                .comment("Toujours rien reçu."), "fr", Bawaba.ifMatch(complaint.getVersion()));
        assertEquals(2, rated.getAnswers().get(0).getRating().getScore());
        ApiException twice = assertThrows(ApiException.class, () -> returning.rateComplaint(number,
                new RatingInput().satisfied(true).score(5), "fr", Bawaba.ifMatch(rated.getVersion())));
        assertEquals(409, twice.getCode());
        assertEquals("https://bawaba.ma/problems/conflict", Bawaba.problem(twice).orElseThrow().getType());

        Complaint reopened = returning.reopenComplaint(number, new ReopenInput().reason("Le greffe ne m'a rien envoyé."),
                "fr", Bawaba.ifMatch(rated.getVersion()));
        assertEquals(ComplaintStatus.REOPENED, reopened.getStatus());
        assertEquals(1, reopened.getReopenCount());

        List<TimelineEntry> timeline = returning.getComplaintTimeline(number, "fr", 100, null).getItems();
        assertEquals(List.of(CaseEventType.SUBMITTED, CaseEventType.ATTACHMENT_ADDED, CaseEventType.MESSAGE_SENT,
                CaseEventType.ANSWERED, CaseEventType.RATED, CaseEventType.REOPENED, CaseEventType.MESSAGE_SENT),
                timeline.stream().map(TimelineEntry::getType).toList());
        // Each event carries the payload of its type, and names the body that acted.
        RatedEventData rating = (RatedEventData) timeline.get(4).getData();
        assertEquals(false, rating.getSatisfied());
        assertEquals(1, ((ReopenedEventData) timeline.get(5).getData()).getReopenCount());
        assertEquals(timeline.get(3).getInstitutionId(), timeline.get(3).getActingInstitutionId());
        assertArrayEquals(Files.readAllBytes(scan),
                Files.readAllBytes(returning.downloadComplaintAttachment(number, attachment.getId(), "fr").toPath()));
    }

    @Test
    void theFaqAnswersInTheCitizensLanguage() throws Exception {
        new AdminApi(Bawaba.withApiKey(server.baseUri(), RunningServer.ADMIN_KEY)).createFaqEntry(new FaqEntryInput()
                .service(Service.COMPLAINTS).position(1)
                .question(new LocalizedParagraph().ar("كيف أتتبع شكايتي؟").fr("Comment suivre ma plainte ?").en("How do I follow my complaint?"))
                .answer(new LocalizedParagraph().ar("برقمها وبريدكم الإلكتروني.").fr("Avec son numéro et votre e-mail.")), "fr", null);
        FaqApi publicFaq = new FaqApi(Bawaba.anonymous(server.baseUri()));
        var faq = Bawaba.all(cursor -> {
            var page = publicFaq.listFaq("ar", Service.COMPLAINTS, 100, cursor);
            return new Bawaba.Page<>(page.getItems(), page.getNextCursor());
        }, 10_000);
        assertTrue(faq.stream().anyMatch(entry -> "كيف أتتبع شكايتي؟".equals(entry.getQuestion())));
    }
}
