package ma.bawaba;

import static ma.bawaba.ComplaintFixtures.agency;
import static ma.bawaba.ComplaintFixtures.file;
import static ma.bawaba.ComplaintFixtures.move;
import static ma.bawaba.support.Api.anonymous;
import static ma.bawaba.support.Api.invalid;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import ma.bawaba.ComplaintFixtures.Agency;
import ma.bawaba.ComplaintFixtures.Filed;
import ma.bawaba.platform.Digests;
import ma.bawaba.support.Api;
import ma.bawaba.support.Files;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AttachmentTest {

    private static RequestSpecification holder(Filed filed) {
        return Api.upload().header("X-Case-Token", filed.token());
    }

    private static RequestSpecification agent(Agency agency) {
        return Api.upload().header("X-Api-Key", agency.agentKey());
    }

    private static ValidatableResponse upload(RequestSpecification caller, String number, String name, byte[] content, String declaredType) {
        return caller.multiPart("file", name, content, declaredType).post("/complaints/" + number + "/attachments").then();
    }

    @Test
    void theCitizenAttachesADocumentThatOnlyTheCaseSidesCanDownload() {
        Agency owner = agency();
        Agency other = agency();
        Filed filed = file(owner);
        Filed another = file(owner);
        byte[] scan = Files.pdf(20_000);
        var stored = upload(holder(filed), filed.number(), "reçu de dépôt.pdf", scan, "image/png")
                .statusCode(201)
                .body("mediaType", equalTo("application/pdf"))
                .body("sizeBytes", equalTo(20_000))
                .body("sha256", equalTo(Digests.sha256Hex(scan)))
                .body("uploadedBy", equalTo("CITIZEN"))
                .body("fileName", equalTo("reçu de dépôt.pdf"))
                .extract();
        long id = ((Number) stored.path("id")).longValue();
        String path = "/complaints/" + filed.number() + "/attachments/" + id;

        var download = filed.holder().get(path).then().statusCode(200).contentType("application/pdf")
                .header("X-Content-Type-Options", "nosniff").extract();
        assertArrayEquals(scan, download.asByteArray());
        assertEquals("attachment; filename=\"re_u de d_p_t.pdf\"; filename*=UTF-8''re%C3%A7u%20de%20d%C3%A9p%C3%B4t.pdf",
                download.header("Content-Disposition"));
        assertArrayEquals(scan, owner.agent().get(path).then().statusCode(200).extract().asByteArray());
        other.agent().get(path).then().statusCode(404);
        another.holder().get(path).then().statusCode(404);
        another.holder().get("/complaints/" + another.number() + "/attachments/" + id).then().statusCode(404);
        invalid().get(path).then().statusCode(401);
        upload(agent(other), filed.number(), "x.pdf", scan, "application/pdf").statusCode(404);
        filed.holder().get("/complaints/" + filed.number()).then().body("attachments.id", hasItem((int) id));
        assertEquals("ATTACHMENT_ADDED", ComplaintFixtures.timelineTypes(filed.holder(), filed.number()).get(1));
    }

    @Test
    void fileNamesLoseTheInvisibleCharactersThatDisguiseThem() {
        Filed filed = file(agency());
        // U+202E (right-to-left override) shows "invoice\u202Efdp.exe" as "invoiceexe.pdf"; zero-width and other format
        // characters hide in a name the same way.
        var stored = upload(holder(filed), filed.number(), "invoice\u202Efdp.exe", Files.pdf(1000), "application/pdf")
                .statusCode(201).body("fileName", equalTo("invoicefdp.exe")).extract();
        upload(holder(filed), filed.number(), "\u200Breçu\u200D\u2066 \u2067signé\u2069\u061C\uFEFF.pdf", Files.pdf(1000), "application/pdf")
                .statusCode(201).body("fileName", equalTo("reçu signé.pdf"));
        upload(holder(filed), filed.number(), "\u202E\u200B", Files.pdf(1000), "application/pdf")
                .statusCode(201).body("fileName", equalTo("attachment"));
        // Arabic names keep their letters: only the invisible controls go.
        upload(holder(filed), filed.number(), "\u202Bشهادة\u202C.pdf", Files.pdf(1000), "application/pdf")
                .statusCode(201).body("fileName", equalTo("شهادة.pdf"));

        String path = "/complaints/" + filed.number() + "/attachments/" + stored.path("id");
        assertEquals("attachment; filename=\"invoicefdp.exe\"; filename*=UTF-8''invoicefdp.exe",
                filed.holder().get(path).then().statusCode(200).extract().header("Content-Disposition"));
        filed.holder().get("/complaints/" + filed.number()).then()
                .body("attachments.fileName", equalTo(List.of("invoicefdp.exe", "reçu signé.pdf", "attachment", "شهادة.pdf")));
    }

    @Test
    void aRetriedUploadStoresTheDocumentOnce() {
        Filed filed = file(agency());
        String key = "upload-" + java.util.UUID.randomUUID();
        byte[] scan = Files.pdf(5000);
        int first = upload(holder(filed).header("Idempotency-Key", key), filed.number(), "scan.pdf", scan, "application/pdf")
                .statusCode(201).extract().path("id");
        upload(holder(filed).header("Idempotency-Key", key), filed.number(), "scan.pdf", scan, "application/pdf")
                .statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        upload(holder(filed).header("Idempotency-Key", key), filed.number(), "scan.pdf", Files.pdf(6000), "application/pdf")
                .statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        filed.holder().get("/complaints/" + filed.number()).then().body("attachments", hasSize(1));
    }

    @Test
    void anExecutableRenamedPdfIsRefusedWhateverItsDeclaredType() {
        Filed filed = file(agency());
        upload(holder(filed), filed.number(), "facture.pdf", Files.executable(), "application/pdf")
                .statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("file"))
                .body("errors[0].code", equalTo("FILE_TYPE_NOT_ALLOWED"));
        upload(holder(filed), filed.number(), "archive.docx", Files.plainZip(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                .statusCode(422);
        upload(holder(filed), filed.number(), "empty.pdf", new byte[0], "application/pdf").statusCode(422)
                .body("errors[0].code", equalTo("EMPTY_FILE"));
        filed.holder().get("/complaints/" + filed.number()).then().body("attachments", hasSize(0));
    }

    @Test
    void officeDocumentsAndImagesAreRecognisedFromTheirContent() {
        Agency agency = agency();
        Filed filed = file(agency);
        upload(holder(filed), filed.number(), "lettre", Files.docx(), "application/octet-stream").statusCode(201)
                .body("mediaType", equalTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        upload(agent(agency), filed.number(), "photo.jpg", Files.png(3000), "image/jpeg").statusCode(201)
                .body("mediaType", equalTo("image/png")).body("uploadedBy", equalTo("INSTITUTION"));
    }

    @Test
    void filesAndCasesHaveSizeLimits() {
        Filed filed = file(agency());
        // Test limits: 200 KB per file, 500 KB per case (application.properties, %test).
        upload(holder(filed), filed.number(), "big.pdf", Files.pdf(210 * 1024), "application/pdf")
                .statusCode(413).contentType("application/problem+json").body("code", equalTo("FILE_TOO_LARGE"))
                .body("limit", equalTo(200 * 1024));
        for (int i = 0; i < 2; i++) {
            upload(holder(filed), filed.number(), "part" + i + ".pdf", Files.pdf(190 * 1024), "application/pdf").statusCode(201);
        }
        upload(holder(filed), filed.number(), "part3.pdf", Files.pdf(190 * 1024), "application/pdf")
                .statusCode(413).contentType("application/problem+json").body("code", equalTo("CASE_ATTACHMENTS_FULL"))
                .body("limit", equalTo(500 * 1024));
        upload(holder(filed), filed.number(), "small.pdf", Files.pdf(10 * 1024), "application/pdf").statusCode(201);
        invalid().header("X-Case-Token", filed.token()).contentType("multipart/form-data")
                .multiPart("other", "x").post("/complaints/" + filed.number() + "/attachments")
                .then().statusCode(400);
    }

    @Test
    void attachmentsGoWithAMessageOrAnAnswerOfTheSideThatUploadedThem() {
        Agency agency = agency();
        Filed filed = file(agency);
        String number = filed.number();
        int citizens = upload(holder(filed), number, "a.pdf", Files.pdf(1000), "application/pdf").statusCode(201)
                .extract().path("id");
        int institutions = upload(agent(agency), number, "b.pdf", Files.pdf(1000), "application/pdf").statusCode(201)
                .extract().path("id");

        invalid().header("X-Case-Token", filed.token()).contentType("application/json")
                .body(Map.of("text", "Voici le document.", "attachmentIds", List.of(institutions)))
                .post("/complaints/" + number + "/messages").then().statusCode(422)
                .body("errors[0].field", equalTo("attachmentIds"));
        filed.holder().contentType("application/json").body(Map.of("text", "Voici le document.", "attachmentIds", List.of(citizens)))
                .post("/complaints/" + number + "/messages").then().statusCode(201)
                .body("attachments[0].id", equalTo(citizens));
        filed.holder().contentType("application/json").body(Map.of("text", "Encore.", "attachmentIds", List.of(citizens)))
                .post("/complaints/" + number + "/messages").then().statusCode(422);

        // The institution's draft stays its own until its answer carries it.
        filed.holder().get("/complaints/" + number).then().body("attachments.id", equalTo(List.of(citizens)));
        filed.holder().get("/complaints/" + number + "/attachments/" + institutions).then().statusCode(404);
        agency.agent().get("/complaints/" + number).then().body("attachments.id", equalTo(List.of(citizens, institutions)));

        move(agency, number, Map.of("to", "ANSWERED", "answer", "Voir la décision jointe.", "attachmentIds", List.of(institutions)))
                .response().then().statusCode(200).body("answers[0].attachments[0].id", equalTo(institutions));
        filed.holder().get("/complaints/" + number + "/attachments/" + institutions).then().statusCode(200);
    }

    @Test
    void anInstitutionsDraftIsOnNoTimelineAndChangesNothingUntilItsAnswerSendsIt() {
        Agency agency = agency();
        Filed filed = file(agency);
        String number = filed.number();
        var before = filed.holder().get("/complaints/" + number).then().statusCode(200).extract();
        int draft = upload(agent(agency), number, "decision.pdf", Files.pdf(1000), "application/pdf").statusCode(201)
                .extract().path("id");

        assertEquals(List.of("SUBMITTED"), ComplaintFixtures.timelineTypes(filed.holder(), number));
        assertEquals(List.of("SUBMITTED"), ComplaintFixtures.timelineTypes(agency.agent(), number));
        filed.holder().get("/complaints/" + number).then().header("ETag", before.header("ETag"))
                .body("updatedAt", equalTo(before.path("updatedAt")));

        move(agency, number, Map.of("to", "ANSWERED", "answer", "Voir la décision jointe.", "attachmentIds", List.of(draft)))
                .response().then().statusCode(200);
        assertEquals(List.of("SUBMITTED", "ATTACHMENT_ADDED", "ANSWERED"), ComplaintFixtures.timelineTypes(filed.holder(), number));
        filed.holder().queryParam("limit", 100).get("/complaints/" + number + "/timeline").then()
                .body("items[1].actor", equalTo("INSTITUTION"));
    }

    @Test
    void aRejectedComplaintTakesNoMoreDocuments() {
        Agency agency = agency();
        Filed filed = file(agency);
        move(agency, filed.number(), Map.of("to", "REJECTED", "reason", "Affaire pendante devant le tribunal."))
                .response().then().statusCode(200);
        upload(holder(filed), filed.number(), "late.pdf", Files.pdf(1000), "application/pdf").statusCode(409);
    }
}
