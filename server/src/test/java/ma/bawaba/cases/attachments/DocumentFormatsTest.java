package ma.bawaba.cases.attachments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import ma.bawaba.support.Files;
import ma.bawaba.cases.web.ContentDisposition;
import org.junit.jupiter.api.Test;

class DocumentFormatsTest {

    private static byte[] ole2(String streamName) {
        byte[] content = new byte[2048];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, content, 0, magic.length);
        byte[] name = streamName.getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(name, 0, content, 1024, name.length);
        return content;
    }

    private static byte[] odf(String mediaType) {
        byte[] name = "mimetype".getBytes(StandardCharsets.US_ASCII);
        byte[] type = mediaType.getBytes(StandardCharsets.US_ASCII);
        byte[] content = new byte[30 + name.length + type.length + 4];
        content[0] = 'P';
        content[1] = 'K';
        content[2] = 3;
        content[3] = 4;
        content[26] = (byte) name.length;
        System.arraycopy(name, 0, content, 30, name.length);
        System.arraycopy(type, 0, content, 30 + name.length, type.length);
        content[30 + name.length + type.length] = 'P';
        content[31 + name.length + type.length] = 'K';
        return content;
    }

    @Test
    void acceptedDocumentsAreRecognisedFromTheirFirstBytes() {
        assertEquals(Optional.of(DocumentFormats.PDF), DocumentFormats.detect(Files.pdf(100)));
        assertEquals(Optional.of(DocumentFormats.PNG), DocumentFormats.detect(Files.png(100)));
        assertEquals(Optional.of(DocumentFormats.JPEG), DocumentFormats.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16}));
        assertEquals(Optional.of(DocumentFormats.DOCX), DocumentFormats.detect(Files.docx()));
        assertEquals(Optional.of(DocumentFormats.DOC), DocumentFormats.detect(ole2("WordDocument")));
        assertEquals(Optional.of(DocumentFormats.XLS), DocumentFormats.detect(ole2("Workbook")));
        assertEquals(Optional.of(DocumentFormats.PPT), DocumentFormats.detect(ole2("PowerPoint Document")));
        assertEquals(Optional.of(DocumentFormats.ODT), DocumentFormats.detect(odf(DocumentFormats.ODT)));
        assertEquals(Optional.of(DocumentFormats.ODS), DocumentFormats.detect(odf(DocumentFormats.ODS)));
    }

    @Test
    void executablesArchivesInstallersAndTextAreRefused() {
        assertEquals(Optional.empty(), DocumentFormats.detect(Files.executable()));
        assertEquals(Optional.empty(), DocumentFormats.detect(Files.plainZip()));
        assertEquals(Optional.empty(), DocumentFormats.detect(ole2("MsiDigitalSignatureEx")));
        assertEquals(Optional.empty(), DocumentFormats.detect(odf("application/vnd.oasis.opendocument.texttemplate")));
        assertEquals(Optional.empty(), DocumentFormats.detect("#!/bin/sh\nrm -rf /".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.empty(), DocumentFormats.detect(new byte[0]));
        assertEquals(Optional.empty(), DocumentFormats.detect(Arrays.copyOf(Files.docx(), 40)));
    }

    @Test
    void fileNamesLoseTheirPathAndControlCharacters() {
        assertEquals("passwd", Attachments.safeFileName("../../etc/passwd"));
        assertEquals("scan.pdf", Attachments.safeFileName("C:\\Users\\amina\\scan.pdf"));
        assertEquals("a.pdf", Attachments.safeFileName("a\r\n.pdf"));
        assertEquals("attachment", Attachments.safeFileName(null));
    }

    @Test
    void namesAreServedWithoutInvisibleCharactersEvenWhenStoredWithThem() {
        // a name stored before the rule: what the download header says is cleaned all the same
        assertEquals("attachment; filename=\"invoicefdp.exe\"; filename*=UTF-8''invoicefdp.exe",
                ContentDisposition.attachment("invoice\u202Efdp.exe"));
        assertEquals("attachment; filename=\"a_.pdf\"; filename*=UTF-8''a%D8%A8.pdf",
                ContentDisposition.attachment("a\u200E\u061Cب\u2028.pdf"));
        AttachedFile stored = new AttachedFile();
        stored.fileName = "\u2066facture\u2069\u200B.pdf";
        stored.uploadedBy = "CITIZEN";
        stored.uploadedAt = java.time.Instant.parse("2026-03-02T10:15:00Z");
        assertEquals("facture.pdf", AttachmentMapper.toApi(stored).getFileName());
        // 300 Arabic letters: the end is kept, whole characters only
        String longName = "ش".repeat(300) + ".pdf";
        assertEquals(255, Attachments.safeFileName(longName).codePointCount(0, Attachments.safeFileName(longName).length()));
        assertEquals("\uD83D\uDCC4.pdf", Attachments.safeFileName("\uD83D\uDCC4.pdf"));
    }
}
