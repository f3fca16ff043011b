package ma.bawaba;

import static ma.bawaba.support.Api.anonymous;
import static ma.bawaba.support.Api.clientAddress;
import static ma.bawaba.support.Api.raw;
import static ma.bawaba.support.Api.withKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ma.bawaba.ComplaintFixtures.Agency;
import ma.bawaba.cases.CaseFile;
import ma.bawaba.platform.outbox.OutboxMessage;
import ma.bawaba.platform.outbox.OutboxSender;
import ma.bawaba.support.MailServer;
import org.junit.jupiter.api.Test;

/**
 * The citizen is told by e-mail of every change they must know of, in the language they filed in, as plain text and
 * HTML, through a real SMTP server (GreenMail) read back over IMAP. Each test files with an address of its own.
 */
@QuarkusTest
class CitizenMailTest {

    @Inject
    OutboxSender sender;

    private static String freshAddress() {
        return "citizen." + UUID.randomUUID().toString().substring(0, 12) + "@example.ma";
    }

    private static ExtractableResponse<Response> fileComplaint(Agency agency, String email, String language) {
        Map<String, Object> body = ComplaintFixtures.complaint(agency.id(), "COMPLAINT");
        body.put("requester", Map.of("firstName", "Amina", "lastName", "Benali", "idDocumentType", "CIN",
                "idDocumentNumber", "BE123456", "email", email, "phone", "+212 612345678"));
        return anonymous().header("X-Forwarded-For", clientAddress()).header("Accept-Language", language)
                .contentType("application/json").body(body).post("/complaints").then().statusCode(201).extract();
    }

    private static MailServer.Received about(List<MailServer.Received> mailbox, String subjectPart) {
        return mailbox.stream().filter(mail -> mail.subject().contains(subjectPart)).findFirst()
                .orElseThrow(() -> new AssertionError("no mail about " + subjectPart + " in " + mailbox));
    }

    @Test
    void aCitizenWhoFiledInArabicGetsTheReceiptInArabicRightToLeft() {
        Agency agency = ComplaintFixtures.agency();
        String email = freshAddress();
        String number = fileComplaint(agency, email, "ar").path("complaint.number");
        sender.sendDue();

        List<MailServer.Received> mailbox = MailServer.mailbox(email);
        assertEquals(1, mailbox.size());
        MailServer.Received receipt = mailbox.get(0);
        assertEquals("تم استلام شكايتكم رقم " + number, receipt.subject());
        assertEquals(email, receipt.to());
        assertTrue(receipt.text().contains(number) && receipt.text().contains("https://bawaba.ma/suivi"), receipt.text());
        assertTrue(receipt.html().contains("dir=\"rtl\"") && receipt.html().contains("lang=\"ar\""), receipt.html());
        assertTrue(receipt.html().contains(number));
        // the number only: nothing of the complaint's content, nor the citizen's name
        assertFalse(receipt.text().contains("Benali") || receipt.text().contains("pension"));
        assertNotNull(receipt.messageId());
    }

    @Test
    void aComplaintsMessagesAnswerAndRatingInvitationAreMailedInFrench() {
        Agency agency = ComplaintFixtures.agency();
        String email = freshAddress();
        String number = fileComplaint(agency, email, "fr-MA,fr;q=0.9").path("complaint.number");
        ComplaintFixtures.acknowledge(agency, number);
        agency.agent().contentType("application/json").body(Map.of("text", "Pouvez-vous préciser la date de dépôt ?"))
                .post("/complaints/" + number + "/messages").then().statusCode(201);
        ComplaintFixtures.answer(agency, number, "Votre dossier de pension est débloqué.");
        sender.sendDue();

        List<MailServer.Received> mailbox = MailServer.mailbox(email);
        assertEquals(3, mailbox.size(), "receipt, message and answer; acknowledging is not mailed");
        assertTrue(about(mailbox, "a bien été reçue").html().contains("dir=\"ltr\""));
        assertTrue(about(mailbox, "Nouveau message").text().contains(number));
        MailServer.Received answer = about(mailbox, "Réponse à votre dossier " + number);
        assertTrue(answer.text().contains("évaluez-la") && answer.text().contains("30 jours"), answer.text());
        // the answer itself is read on the tracking page, not in the e-mail
        assertFalse(answer.text().contains("débloqué"));
    }

    @Test
    void anInformationRequestsReceiptIsMailedInFrenchWithItsServiceSpelledOnce() {
        Agency agency = ComplaintFixtures.agency();
        String email = freshAddress();
        Map<String, Object> body = new java.util.HashMap<>(InformationRequestTest.request(agency.id(), "ORDINARY"));
        body.put("requester", Map.of("firstName", "Karim", "lastName", "Ouazzani", "idDocumentType", "CIN",
                "idDocumentNumber", "AB123456", "email", email));
        anonymous().header("X-Forwarded-For", clientAddress()).header("Accept-Language", "fr").contentType("application/json")
                .body(body).post("/information-requests").then().statusCode(201);
        sender.sendDue();

        MailServer.Received receipt = MailServer.mailbox(email).get(0);
        String all = receipt.subject() + receipt.text() + receipt.html();
        assertTrue(all.contains("demande d'information") || all.contains("demande d&#39;information")
                || all.contains("demande d&apos;information"), receipt.subject() + "\n" + receipt.text());
        assertFalse(all.contains("''"), "an apostrophe written once: " + receipt.text());
    }

    @Test
    void anOrderPaidShippedAndDeliveredIsMailedInEnglishWithItsTrackingNumber() {
        DocumentOrderTest.Office office = DocumentOrderTest.office();
        String post = DocumentOrderTest.postalKey();
        String email = freshAddress();
        Map<String, Object> order = DocumentOrderTest.order(office.id());
        order.put("requester", Map.of("firstName", "Amina", "lastName", "Benali", "idDocumentType", "CIN",
                "idDocumentNumber", "BE123456", "email", email));
        ExtractableResponse<Response> placed = anonymous().header("X-Forwarded-For", clientAddress()).header("Accept-Language", "en")
                .contentType("application/json").body(order).post("/document-orders").then().statusCode(201).extract();
        String number = placed.path("order.number");
        DocumentOrderTest.sandbox(placed.path("order.payment.reference"), "SUCCEEDED").statusCode(200);
        move(office.clerk(), number, Map.of("to", "READY"));
        move(withKey(post), number, Map.of("to", "SHIPPED", "trackingNumber", "RR123456789MA"));
        move(withKey(post), number, Map.of("to", "DELIVERED"));
        sender.sendDue();

        List<MailServer.Received> mailbox = MailServer.mailbox(email);
        about(mailbox, "has been received");
        assertTrue(about(mailbox, "Payment received for your order " + number).text().contains("MAD"));
        assertTrue(about(mailbox, "has been shipped").text().contains("RR123456789MA"));
        about(mailbox, "was delivered");
        assertEquals(4, mailbox.size(), "receipt, paid, shipped, delivered; the office's preparation is not mailed");
    }

    private static void move(io.restassured.specification.RequestSpecification staff, String number, Map<String, Object> transition) {
        String etag = staff.get("/document-orders/" + number).then().statusCode(200).extract().header("ETag");
        staff.header("If-Match", etag).contentType("application/json").body(new HashMap<>(transition))
                .post("/document-orders/" + number + "/transitions").then().statusCode(200);
    }

    @Test
    void anAddressThatCannotBeMailedNeverBlocksTheCase() {
        Agency agency = ComplaintFixtures.agency();
        String number = fileComplaint(agency, freshAddress(), "fr").path("complaint.number");
        // an address that passed the submission's check but that no server takes (here: corrupted on purpose)
        long caseId = QuarkusTransaction.requiringNew().call(() -> {
            CaseFile file = CaseFile.find("number", number).firstResult();
            file.requesterEmail = "not an address";
            return file.id;
        });
        sender.sendDue();
        OutboxMessage receipt = QuarkusTransaction.requiringNew().call(() ->
                OutboxMessage.<OutboxMessage>find("caseId = ?1 and channel = 'MAIL'", caseId).firstResult());
        assertEquals(OutboxMessage.Status.FAILED, receipt.status);
        assertFalse(receipt.lastError.contains("not an address"), "the address is not recorded");
        // the case goes on as if nothing happened (read raw: the corrupted address breaks the contract's e-mail format)
        String etag = raw().header("X-Api-Key", agency.agentKey()).get("/complaints/" + number).then().statusCode(200)
                .extract().header("ETag");
        raw().header("X-Api-Key", agency.agentKey()).header("If-Match", etag).contentType("application/json")
                .body(Map.of("to", "ACKNOWLEDGED")).post("/complaints/" + number + "/transitions").then().statusCode(200);
    }
}
