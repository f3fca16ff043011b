package ma.bawaba.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import ma.bawaba.cases.CaseEvent;

/**
 * Keeps the statistics exact without counting at request time: every case event the ledger records puts its case on
 * the backlog in the same transaction (so no change is missed, and a rolled-back change leaves nothing), and the
 * counting job recounts the cases on it ({@link StatisticsCounting}).
 */
@ApplicationScoped
class StatisticsBacklog {

    void onEvent(@Observes CaseEvent event) {
        BacklogEntry entry = new BacklogEntry();
        entry.eventId = event.id;
        entry.caseId = event.caseId;
        entry.persist();
    }
}
