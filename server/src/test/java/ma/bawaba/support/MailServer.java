package ma.bawaba.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A real SMTP server in the test JVM (GreenMail, on free loopback ports) that the application's mailer sends to, and
 * that tests read back over IMAP as a citizen's mail client would: every address gets a mailbox whose login and
 * password are the address.
 */
public class MailServer implements QuarkusTestResourceLifecycleManager {

    private static final String IMAP_PORT = "greenmail.imap-port";
    private GreenMail greenMail;

    @Override
    public Map<String, String> start() {
        greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()});
        greenMail.start();
        System.setProperty(IMAP_PORT, Integer.toString(greenMail.getImap().getPort()));
        return Map.of("quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(greenMail.getSmtp().getPort()),
                "quarkus.mailer.start-tls", "DISABLED");
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    /** One received e-mail, as its reader sees it. */
    public record Received(String subject, String to, String text, String html, String messageId) {
    }

    /** The mailbox of an address, oldest first. */
    public static List<Received> mailbox(String address) {
        Session session = Session.getInstance(new Properties());
        List<Received> received = new ArrayList<>();
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", Integer.parseInt(System.getProperty(IMAP_PORT)), address, address);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            for (Message message : inbox.getMessages()) {
                String text = null;
                String html = null;
                if (message.getContent() instanceof Multipart parts) {
                    for (int i = 0; i < parts.getCount(); i++) {
                        BodyPart part = parts.getBodyPart(i);
                        if (part.isMimeType("text/plain")) {
                            text = (String) part.getContent();
                        } else if (part.isMimeType("text/html")) {
                            html = (String) part.getContent();
                        } else if (part.getContent() instanceof Multipart nested) {
                            for (int j = 0; j < nested.getCount(); j++) {
                                BodyPart inner = nested.getBodyPart(j);
                                if (inner.isMimeType("text/plain")) {
                                    text = (String) inner.getContent();
                                } else if (inner.isMimeType("text/html")) {
                                    html = (String) inner.getContent();
                                }
                            }
                        }
                    }
                } else {
                    text = String.valueOf(message.getContent());
                }
                String[] ids = message.getHeader("Message-ID");
                received.add(new Received(message.getSubject(), message.getRecipients(Message.RecipientType.TO)[0].toString(),
                        text, html, ids == null ? null : ids[0]));
            }
            inbox.close(false);
        } catch (jakarta.mail.AuthenticationFailedException noMailboxYet) {
            return List.of();
        } catch (Exception failure) {
            throw new IllegalStateException(failure);
        }
        return received;
    }
}
