package ma.bawaba.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import ma.bawaba.cases.CaseActors;
import ma.bawaba.cases.CaseEvent;
import ma.bawaba.cases.CaseFile;
import ma.bawaba.platform.TimeSource;
import ma.bawaba.platform.outbox.Outbox;

/**
 * Puts a webhook delivery in the outbox for every enabled subscription that wants a case event, in the transaction
 * that records the event. The bodies concerned are those that may read the case: the one it is assigned to after the
 * event, the one that reviews it (the CDAI), and the one that acted (a body that transferred the case away learns
 * that it left). The body is fixed now, as the receiving body's timeline shows the event: identifiers, dates, codes
 * and the case number, never personal data (Law 09-08; CaseEventData holds none).
 */
@ApplicationScoped
class WebhookPublisher {

    private final Outbox outbox;
    private final ObjectMapper mapper;

    WebhookPublisher(Outbox outbox, ObjectMapper mapper) {
        this.outbox = outbox;
        this.mapper = mapper;
    }

    void onEvent(@Observes CaseEvent event) {
        Set<Long> institutions = new LinkedHashSet<>();
        Set<Long> offices = new LinkedHashSet<>();
        CaseFile file = CaseFile.findById(event.caseId);
        addIfPresent(institutions, event.institutionId);
        addIfPresent(institutions, file.reviewerInstitutionId);
        addIfPresent(institutions, event.actorInstitutionId);
        addIfPresent(offices, event.officeId);
        addIfPresent(offices, event.actorOfficeId);
        if (institutions.isEmpty() && offices.isEmpty()) {
            return;
        }
        List<WebhookSubscription> subscriptions = WebhookSubscription.list(
                "enabled = true and (institutionId in ?1 or officeId in ?2)",
                institutions.isEmpty() ? Set.of(-1L) : institutions, offices.isEmpty() ? Set.of(-1L) : offices);
        String body = null;
        for (WebhookSubscription subscription : subscriptions) {
            if (!subscription.wants(event.type)) {
                continue;
            }
            if (body == null) {
                body = body(event, file);
            }
            outbox.put(new Outbox.Entry(WebhookSubscriptions.CHANNEL, subscription.id, event.caseId, event.id, event.type, body));
        }
    }

    private static void addIfPresent(Set<Long> ids, Long id) {
        if (id != null) {
            ids.add(id);
        }
    }

    /** The contract's WebhookPayload: type, timestamp, and the event as a timeline entry, with its case. */
    private String body(CaseEvent event, CaseFile file) {
        String occurredAt = event.occurredAt.atZone(TimeSource.MOROCCO).toOffsetDateTime().toString();
        ObjectNode root = mapper.createObjectNode();
        root.put("type", event.type);
        root.put("timestamp", occurredAt);
        ObjectNode data = root.putObject("data");
        data.put("eventId", event.id);
        data.put("caseNumber", file.number);
        data.put("service", file.service);
        ObjectNode entry = data.putObject("event");
        entry.put("type", event.type);
        if (event.fromStatus != null) {
            entry.put("fromStatus", event.fromStatus);
        }
        if (event.toStatus != null) {
            entry.put("toStatus", event.toStatus);
        }
        entry.put("actor", CaseActors.visible(event.actorKind));
        if (event.actorInstitutionId != null) {
            entry.put("actingInstitutionId", event.actorInstitutionId);
        }
        if (event.actorOfficeId != null) {
            entry.put("actingOfficeId", event.actorOfficeId);
        }
        if (event.institutionId != null) {
            entry.put("institutionId", event.institutionId);
        }
        try {
            entry.set("data", mapper.readTree(event.data));
            entry.put("occurredAt", occurredAt);
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("case event " + event.id + " holds no JSON", impossible);
        }
    }
}
