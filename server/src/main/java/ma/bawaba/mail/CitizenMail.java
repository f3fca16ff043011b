package ma.bawaba.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import ma.bawaba.cases.CaseEvent;
import ma.bawaba.cases.CaseFile;
import ma.bawaba.platform.outbox.Outbox;

/**
 * Puts an e-mail to the citizen in the outbox, in the transaction of the event, for every change the citizen must know
 * of: the receipt with the number, a message from the body, an answer (with the invitation to rate a complaint's),
 * a refusal, an extension, a transfer, appeal decisions, the closing; an order paid, rejected (with the refund due),
 * shipped (with the tracking number), delivered. What the citizen did themselves (a message, a rating, a reopening)
 * is not mailed back. The address is not copied: the sender reads it from the case, so an anonymised case gets none.
 */
@ApplicationScoped
class CitizenMail {

    static final Set<String> NOTIFIED = Set.of("SUBMITTED", "MESSAGE_SENT", "ANSWERED", "PARTIALLY_ANSWERED", "REFUSED",
            "EXTENDED", "TRANSFERRED", "APPEAL_UPHELD", "APPEAL_REJECTED", "CDAI_UPHELD", "CDAI_REJECTED", "CLOSED",
            "REJECTED", "PAID", "SHIPPED", "DELIVERED");

    private final Outbox outbox;

    CitizenMail(Outbox outbox) {
        this.outbox = outbox;
    }

    void onEvent(@Observes CaseEvent event) {
        if (!NOTIFIED.contains(event.type) || ("MESSAGE_SENT".equals(event.type) && "CITIZEN".equals(event.actorKind))) {
            return;
        }
        CaseFile file = CaseFile.findById(event.caseId);
        if (file.requesterEmail == null || file.isAnonymised()) {
            return;
        }
        outbox.put(new Outbox.Entry(MailChannel.NAME, null, event.caseId, event.id, event.type, null));
    }
}
