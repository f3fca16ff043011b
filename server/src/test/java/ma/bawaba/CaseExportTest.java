package ma.bawaba;

import static ma.bawaba.ComplaintFixtures.agency;
import static ma.bawaba.support.Api.invalid;
import static ma.bawaba.support.Api.anonymous;
import static ma.bawaba.support.Api.clientAddress;
import static ma.bawaba.support.Api.unique;
import static ma.bawaba.support.Api.withKey;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ma.bawaba.ComplaintFixtures.Agency;
import ma.bawaba.ComplaintFixtures.Filed;
import ma.bawaba.DocumentOrderTest.Office;
import ma.bawaba.DocumentOrderTest.Ordered;
import ma.bawaba.support.Api;
import ma.bawaba.support.Files;
import org.junit.jupiter.api.Test;

/**
 * Law 09-08, right of access: the holder of a case downloads everything held about it in one JSON document (the case
 * and its requester, answers, ratings, appeals, payments, messages, documents with their links, timeline), and nobody
 * else can.
 */
@QuarkusTest
class CaseExportTest {

    @Test
    void theHolderOfAComplaintDownloadsEverythingHeldAboutItButNotTheInstitutionsDrafts() {
        Agency agency = agency();
        Filed filed = ComplaintFixtures.file(agency);
        long document = ((Number) Api.upload().header("X-Case-Token", filed.token())
                .multiPart("file", "recu.pdf", Files.pdf(400), "application/pdf")
                .post("/complaints/" + filed.number() + "/attachments").then().statusCode(201).extract().path("id")).longValue();
        filed.holder().contentType("application/json").body(Map.of("text", "Le reçu est joint.", "attachmentIds", List.of(document)))
                .post("/complaints/" + filed.number() + "/messages").then().statusCode(201);
        Api.upload().header("X-Api-Key", agency.agentKey()).multiPart("file", "brouillon.pdf", Files.pdf(300), "application/pdf")
                .post("/complaints/" + filed.number() + "/attachments").then().statusCode(201);
        ComplaintFixtures.answer(agency, filed.number(), "Le dossier est transmis à la caisse.");
        filed.holder().header("If-Match", ComplaintFixtures.etag(filed.holder(), filed.number())).contentType("application/json")
                .body(Map.of("satisfied", false, "score", 2, "comment", "Rien n'a changé."))
                .put("/complaints/" + filed.number() + "/rating").then().statusCode(200);

        ExtractableResponse<Response> export = filed.holder().get("/complaints/" + filed.number() + "/export").then()
                .statusCode(200).contentType("application/json")
                .header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"" + filed.number() + ".json\"")
                .body("service", equalTo("COMPLAINTS")).body("number", equalTo(filed.number()))
                .body("complaint.requester.email", equalTo("amina.benali@example.ma"))
                .body("complaint.requester.phone", equalTo("+212 612345678"))
                .body("complaint.answers[0].text", equalTo("Le dossier est transmis à la caisse."))
                .body("complaint.answers[0].rating.comment", equalTo("Rien n'a changé."))
                .body("complaint.anonymisedAt", nullValue())
                .body("informationRequest", nullValue()).body("documentOrder", nullValue())
                .body("messages.text", equalTo(List.of("Le reçu est joint.")))
                .body("messages[0].attachments[0].id", equalTo((int) document))
                .body("attachments", hasSize(1)).body("attachments[0].fileName", equalTo("recu.pdf"))
                .body("attachments[0].href", equalTo("/api/v1/complaints/" + filed.number() + "/attachments/" + document))
                .body("payments", hasSize(0))
                .body("timeline.type", hasItems("SUBMITTED", "ATTACHMENT_ADDED", "MESSAGE_SENT", "ANSWERED", "RATED"))
                .extract();
        // The link downloads the document, with the same token.
        String href = export.path("attachments[0].href");
        filed.holder().basePath("/").get(href).then().statusCode(200).contentType("application/pdf");
        List<String> timeline = ComplaintFixtures.timelineTypes(filed.holder(), filed.number());
        assertEquals(timeline, export.path("timeline.type"), "the whole timeline, in the order its pages give it");
    }

    @Test
    void theHolderOfAnInformationRequestDownloadsItsRefusalAndAppeal() {
        long body = ((Number) AdministrationTest.createInstitution(unique("IR")).path("id")).longValue();
        String officer = AdministrationTest.issueKey("AGENT", body);
        Map<String, Object> request = new HashMap<>();
        request.put("institutionId", body);
        request.put("type", "ORDINARY");
        request.put("requester", Map.of("firstName", "Karim", "lastName", "Ouazzani", "idDocumentType", "CIN",
                "idDocumentNumber", "AB123456", "email", "karim.ouazzani@example.ma"));
        request.put("postalAddress", "12 rue Oued Sebou, Agdal, Rabat");
        request.put("description", "Le budget 2025 de la commune, par chapitre et par service.");
        request.put("preferredFormat", "ELECTRONIC_COPY");
        ExtractableResponse<Response> created = anonymous().header("X-Forwarded-For", clientAddress()).contentType("application/json")
                .body(request).post("/information-requests").then().statusCode(201).extract();
        String number = created.path("request.number");
        String token = created.path("caseToken");
        withKey(officer).header("If-Match", "\"0\"").contentType("application/json")
                .body(Map.of("to", "REFUSED", "refusalGroundId", 9, "justification", "Enquête en cours."))
                .post("/information-requests/" + number + "/transitions").then().statusCode(200);
        anonymous().header("X-Case-Token", token).header("If-Match", "\"1\"").contentType("application/json")
                .body(Map.of("level", "INTERNAL_COMPLAINT", "reason", "Le budget est un document public."))
                .post("/information-requests/" + number + "/appeals").then().statusCode(201);

        anonymous().header("X-Case-Token", token).get("/information-requests/" + number + "/export").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("service", equalTo("INFORMATION_REQUESTS"))
                .body("informationRequest.requester.lastName", equalTo("Ouazzani"))
                .body("informationRequest.postalAddress", equalTo("12 rue Oued Sebou, Agdal, Rabat"))
                .body("informationRequest.refusal.justification", equalTo("Enquête en cours."))
                .body("informationRequest.appeals[0].reason", equalTo("Le budget est un document public."))
                .body("complaint", nullValue())
                .body("timeline.type", equalTo(List.of("SUBMITTED", "REFUSED", "INTERNAL_APPEAL")));
    }

    @Test
    void theHolderOfADocumentOrderDownloadsTheBirthActDeliveryAndPayments() {
        Office office = DocumentOrderTest.office();
        Ordered ordered = DocumentOrderTest.paid(office);
        ordered.holder().get("/document-orders/" + ordered.number() + "/export").then().statusCode(200)
                .body("service", equalTo("DOCUMENT_ORDERS"))
                .body("documentOrder.birthAct.motherName", equalTo("Fatima Alaoui"))
                .body("documentOrder.delivery.street", equalTo("12 rue Oued Sebou, Agdal"))
                .body("documentOrder.payment.reference", equalTo(ordered.paymentReference()))
                .body("payments", hasSize(1)).body("payments[0].outcome", equalTo("SUCCEEDED"))
                .body("payments[0].amount.currency", equalTo("MAD"))
                .body("timeline.type", hasItems("SUBMITTED", "PAID", "AT_OFFICE"));
    }

    @Test
    void onlyTheHolderOfTheCaseMayExportIt() {
        Agency agency = agency();
        Filed filed = ComplaintFixtures.file(agency);
        Filed other = ComplaintFixtures.file(agency);
        String path = "/complaints/" + filed.number() + "/export";
        // Credentials the export does not take: the requests break the contract on purpose.
        invalid().get(path).then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        invalid().header("X-Api-Key", agency.agentKey()).get(path).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        invalid().header("X-Api-Key", Api.ADMIN_KEY).get(path).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        invalid().header("X-Api-Key", agency().agentKey()).get(path).then().statusCode(403);
        other.holder().get(path).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        filed.holder().get("/complaints/CP-2026-AAAA-AAAA/export").then().statusCode(404);
        // A complaint's token opens no case of another service, even under that service's paths.
        filed.holder().get("/information-requests/" + filed.number() + "/export").then().statusCode(404);
        filed.holder().get("/document-orders/" + filed.number() + "/export").then().statusCode(404);
        invalid().header("X-Case-Token", "ct_forged.token").get(path).then().statusCode(401);
        Office office = DocumentOrderTest.office();
        Ordered order = DocumentOrderTest.place(office);
        invalid().header("X-Api-Key", office.clerkKey()).get("/document-orders/" + order.number() + "/export").then().statusCode(403);
        Api.invalid().header("X-Case-Token", filed.token()).get("/complaints/not a number/export").then().statusCode(400);
    }
}
