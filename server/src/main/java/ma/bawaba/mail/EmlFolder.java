package ma.bawaba.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * The demo's post office: each e-mail becomes an {@code .eml} file (RFC 5322, multipart/alternative, text and HTML
 * in UTF-8) named after its message id, that any mail client opens. Nothing is sent, and nothing goes to the log:
 * the messages hold the citizen's address. Writing the same message again replaces its file.
 */
final class EmlFolder {

    private EmlFolder() {
    }

    static Path write(Path folder, String messageId, String from, String to, CitizenLetters.Letter letter, ZonedDateTime date)
            throws IOException {
        Files.createDirectories(folder);
        String boundary = "bawaba-" + messageId;
        String eml = "Message-ID: <" + messageId + "@bawaba>\r\n"
                + "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(date) + "\r\n"
                + "From: " + from + "\r\n"
                + "To: " + to + "\r\n"
                + "Subject: =?UTF-8?B?" + base64(letter.subject()) + "?=\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n"
                + "\r\n"
                + part(boundary, "text/plain", letter.text())
                + part(boundary, "text/html", letter.html())
                + "--" + boundary + "--\r\n";
        Path file = folder.resolve(messageId + ".eml");
        Path partial = folder.resolve(messageId + ".eml.part");
        Files.writeString(partial, eml, StandardCharsets.US_ASCII);
        return Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String part(String boundary, String type, String content) {
        return "--" + boundary + "\r\n"
                + "Content-Type: " + type + "; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "\r\n"
                + Base64.getMimeEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8)) + "\r\n";
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
