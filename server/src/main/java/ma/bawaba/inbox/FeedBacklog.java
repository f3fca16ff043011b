package ma.bawaba.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import ma.bawaba.cases.CaseEvent;
import ma.bawaba.cases.CaseFile;
import ma.bawaba.cases.events.CaseEventData;
import ma.bawaba.cases.events.CaseEventTypes;

/**
 * Puts every case event the ledger records on the feed's backlog, in the event's own transaction: a change that
 * commits is in the feed's future, one that rolls back leaves nothing. Who reads it is decided here, as things stand
 * at the event (the case's body, the commission reviewing it), so that a later change cannot rewrite its audience.
 */
@ApplicationScoped
class FeedBacklog {

    private static final String TRANSFERRED = CaseEventTypes.nameOf(CaseEventData.Transferred.class);

    private final ObjectMapper json;

    FeedBacklog(ObjectMapper json) {
        this.json = json;
    }

    void onEvent(@Observes CaseEvent event) {
        FeedBacklogEntry entry = new FeedBacklogEntry();
        entry.eventId = event.id;
        entry.institutionId = event.institutionId;
        entry.officeId = event.officeId;
        // A transfer also goes to the sending body, named by the event itself (whoever did it); the case now belongs
        // to the receiving one.
        if (TRANSFERRED.equals(event.type)) {
            long from = fromInstitution(event);
            if (from != 0 && !Long.valueOf(from).equals(event.institutionId)) {
                entry.formerInstitutionId = from;
            }
        }
        // The case is managed in this transaction (the ledger just changed it): no query.
        CaseFile file = CaseFile.findById(event.caseId);
        entry.reviewerInstitutionId = file == null ? null : file.reviewerInstitutionId;
        entry.persist();
    }

    private long fromInstitution(CaseEvent event) {
        try {
            return json.readTree(event.data).path("fromInstitutionId").asLong(0);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("the data of event " + event.id + " is not JSON", unreadable);
        }
    }
}
