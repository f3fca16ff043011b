package ma.bawaba.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's e-mails are files a mail client opens: the subject, the address and both parts read back in UTF-8. */
class EmlFolderTest {

    @Test
    void aMessageWrittenToTheFolderReadsBackAsTheSameEmail(@TempDir Path folder) throws Exception {
        CitizenLetters.Letter letter = new CitizenLetters.Letter("تم استلام شكايتكم رقم CP-2026-7KQ4-M2XD",
                "نص الرسالة", "<html dir=\"rtl\"><p>نص الرسالة</p></html>");
        Path file = EmlFolder.write(folder, "msg_test", "Bawaba <no-reply@bawaba.ma>", "amina@example.ma", letter,
                ZonedDateTime.parse("2026-12-01T10:00:00+01:00"));
        assertEquals(folder.resolve("msg_test.eml"), file);

        MimeMessage message;
        try (InputStream in = Files.newInputStream(file)) {
            message = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        assertEquals(letter.subject(), message.getSubject());
        assertEquals("amina@example.ma", message.getAllRecipients()[0].toString());
        Multipart parts = (Multipart) message.getContent();
        assertEquals("نص الرسالة", parts.getBodyPart(0).getContent());
        assertTrue(((String) parts.getBodyPart(1).getContent()).contains("dir=\"rtl\""));

        // the same message again replaces its file
        EmlFolder.write(folder, "msg_test", "Bawaba <no-reply@bawaba.ma>", "amina@example.ma", letter, ZonedDateTime.now());
        try (var files = Files.list(folder)) {
            assertEquals(1, files.count());
        }
    }
}
