package ma.bawaba.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import ma.bawaba.sdk.api.AdminApi;
import ma.bawaba.sdk.api.ComplaintsApi;
import ma.bawaba.sdk.api.InboxApi;
import ma.bawaba.sdk.model.ApiKeyInput;
import ma.bawaba.sdk.model.CaseEventType;
import ma.bawaba.sdk.model.ComplaintInput;
import ma.bawaba.sdk.model.ComplaintKind;
import ma.bawaba.sdk.model.ComplaintTransition;
import ma.bawaba.sdk.model.ComplaintTransitionTarget;
import ma.bawaba.sdk.model.IdDocumentType;
import ma.bawaba.sdk.model.InboxEvent;
import ma.bawaba.sdk.model.InboxItem;
import ma.bawaba.sdk.model.InboxPage;
import ma.bawaba.sdk.model.InstitutionInput;
import ma.bawaba.sdk.model.InstitutionKind;
import ma.bawaba.sdk.model.LocalizedText;
import ma.bawaba.sdk.model.Requester;
import ma.bawaba.sdk.model.Role;
import ma.bawaba.sdk.model.Service;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An institution's back office synchronising over the Java SDK: the whole inbox by cursors, then the feed from a stored position. */
class InboxSdkTest {

    private static RunningServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = RunningServer.shared();
    }

    @Test
    void aBackOfficeReadsItsWholeInboxThenFollowsTheFeedFromItsStoredPosition() throws Exception {
        AdminApi admin = new AdminApi(Bawaba.withApiKey(server.baseUri(), RunningServer.ADMIN_KEY));
        long institution = admin.createInstitution(new InstitutionInput().code("SDK_INBOX_" + UUID.randomUUID().toString()
                        .substring(0, 8).toUpperCase()).kind(InstitutionKind.PUBLIC_BODY)
                .names(new LocalizedText().ar("الوكالة الحضرية").fr("Agence urbaine")).regionId(4L)
                .services(java.util.Set.of(Service.COMPLAINTS)), "fr", UUID.randomUUID().toString()).getId();
        String agentKey = admin.createApiKey(new ApiKeyInput().name("Synchronisation").role(Role.AGENT).institutionId(institution),
                "fr", UUID.randomUUID().toString()).getSecret();
        ComplaintsApi citizen = new ComplaintsApi(Bawaba.anonymous(server.baseUri()));
        List<String> filed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            filed.add(0, citizen.submitComplaint(new ComplaintInput().institutionId(institution).kind(ComplaintKind.COMPLAINT)
                    .categoryId(1L).subject("Attestation " + i).content("Ma demande d'attestation est restée sans réponse.")
                    .requester(new Requester().firstName("Salma").lastName("Idrissi").idDocumentType(IdDocumentType.CIN)
                            .idDocumentNumber("CD445566").email("salma.idrissi@example.ma")), "fr", UUID.randomUUID().toString())
                    .getComplaint().getNumber());
        }

        InboxApi inbox = new InboxApi(Bawaba.withApiKey(server.baseUri(), agentKey));
        List<String> listed = new ArrayList<>();
        for (InboxItem item : Bawaba.<InboxItem>each(cursor -> {
            InboxPage page = inbox.listInbox("fr", null, null, null, null, null, null, null, null, 2, cursor);
            return new Bawaba.Page<>(page.getItems(), page.getNextCursor());
        })) {
            listed.add(item.getNumber());
        }
        assertEquals(filed, listed);

        Path stored = Files.createTempDirectory("feed").resolve("position");
        ChangeFeedFollower follower = new ChangeFeedFollower(inbox, ChangeFeedFollower.file(stored), 2);
        List<InboxEvent> seen = new ArrayList<>();
        // The feed runs about a second behind the changes (the sequencer's period).
        for (int attempt = 0; attempt < 50 && seen.size() < 5; attempt++) {
            follower.catchUp(seen::add);
            Thread.sleep(200);
        }
        assertEquals(5, seen.size());
        assertTrue(seen.stream().allMatch(event -> event.getEvent().getType() == CaseEventType.SUBMITTED));
        long position = Long.parseLong(Files.readString(stored));
        assertEquals(seen.get(4).getPosition(), position);

        // Later, another run of the job resumes from the stored position and sees only what changed since.
        ComplaintsApi staff = new ComplaintsApi(Bawaba.withApiKey(server.baseUri(), agentKey));
        String first = filed.get(4);
        long version = staff.getComplaint(first, "fr").getVersion();
        staff.transitionComplaint(first, new ComplaintTransition().to(ComplaintTransitionTarget.ACKNOWLEDGED), "fr",
                Bawaba.ifMatch(version));
        List<InboxEvent> later = new ArrayList<>();
        ChangeFeedFollower resumed = new ChangeFeedFollower(inbox, ChangeFeedFollower.file(stored));
        for (int attempt = 0; attempt < 50 && later.isEmpty(); attempt++) {
            resumed.catchUp(later::add);
            Thread.sleep(200);
        }
        assertEquals(1, later.size());
        assertEquals(first, later.get(0).getCaseNumber());
        assertEquals(CaseEventType.ACKNOWLEDGED, later.get(0).getEvent().getType());
        assertTrue(later.get(0).getPosition() > position);
    }
}
