package ma.bawaba.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import ma.bawaba.cases.CaseEvent;
import ma.bawaba.cases.CaseFile;
import ma.bawaba.platform.BawabaConfig;
import ma.bawaba.platform.TimeSource;
import ma.bawaba.platform.database.Transactions;
import ma.bawaba.platform.outbox.OutboxChannel;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the citizen's e-mails through Quarkus Mailer (the SMTP server of {@code quarkus.mailer.*}), or, when
 * {@code bawaba.mail.folder} is set (the demo), writes them there as {@code .eml} files. The case is read when
 * sending, in a short transaction of its own: the address as it is now, none once the case is anonymised. A refused
 * address or a server that fails is the outbox's to retry with backoff and finally give up; the case never waits
 * for it. Failures are recorded without the address (Law 09-08: no personal data in logs or delivery records).
 */
@ApplicationScoped
class MailChannel implements OutboxChannel {

    static final String NAME = "MAIL";
    /** What an address must look like to be worth sending to; the SMTP server judges the rest. */
    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+$");
    private static final Pattern ANY_ADDRESS = Pattern.compile("[^@\\s<>\"]+@[^@\\s<>\"]+");

    private final CitizenLetters letters;
    private final Mailer mailer;
    private final BawabaConfig.Mail settings;
    private final String from;
    private final Clock clock;

    MailChannel(CitizenLetters letters, Mailer mailer, BawabaConfig config, Clock clock,
                @ConfigProperty(name = "quarkus.mailer.from") Optional<String> from) {
        this.letters = letters;
        this.mailer = mailer;
        this.settings = config.mail();
        this.clock = clock;
        this.from = from.orElse("no-reply@bawaba.ma");
    }

    @Override
    public String name() {
        return NAME;
    }

    private record Draft(String to, CitizenLetters.Letter letter) {
    }

    @Override
    public Outcome send(Letter message) {
        Draft draft = Transactions.write(() -> {
            CaseFile file = CaseFile.findById(message.caseId());
            CaseEvent event = CaseEvent.findById(message.eventId());
            if (file == null || event == null || file.requesterEmail == null || file.isAnonymised()) {
                return null;
            }
            return new Draft(file.requesterEmail, letters.write(file, event));
        });
        if (draft == null) {
            return Outcome.giveUp("the case holds no e-mail address any more");
        }
        if (!ADDRESS.matcher(draft.to()).matches()) {
            return Outcome.giveUp("not an e-mail address");
        }
        long start = System.nanoTime();
        try {
            if (settings.folder().isPresent()) {
                EmlFolder.write(settings.folder().get(), message.messageId(), from, draft.to(), draft.letter(),
                        clock.instant().atZone(TimeSource.MOROCCO));
            } else {
                mailer.send(Mail.withText(draft.to(), draft.letter().subject(), draft.letter().text())
                        .setHtml(draft.letter().html())
                        .addHeader("Message-ID", "<" + message.messageId() + "@bawaba>"));
            }
            return Outcome.delivered(null, elapsed(start));
        } catch (IOException | RuntimeException failure) {
            return Outcome.failed(null, withoutAddresses(failure), elapsed(start));
        }
    }

    /** An SMTP refusal quotes the address it refused: what is recorded of it names none. */
    private static String withoutAddresses(Exception failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return ANY_ADDRESS.matcher(text).replaceAll("<address>");
    }

    private static int elapsed(long start) {
        return (int) Math.min(600_000, (System.nanoTime() - start) / 1_000_000);
    }
}
