package ma.bawaba.cases.privacy;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import ma.bawaba.platform.database.Batches;

/**
 * Anonymises, service after service, the closed cases whose retention period has ended (Law 09-08; 5 years after the
 * last event by default, {@code bawaba.retention.*}). Safe on several instances at once: each batch claims its cases
 * with SKIP LOCKED, and one instance never overlaps itself.
 */
@ApplicationScoped
public class RetentionJob {

    private final Anonymisation anonymisation;
    private final List<ServiceRetention> services;

    RetentionJob(Anonymisation anonymisation, Instance<ServiceRetention> services) {
        this.anonymisation = anonymisation;
        this.services = services.stream().toList();
    }

    @Scheduled(every = "${bawaba.retention.anonymise-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        anonymiseDue();
    }

    /** Anonymises every case that is due, batch after batch; returns how many. */
    public int anonymiseDue() {
        int total = 0;
        for (ServiceRetention service : services) {
            total += Batches.drain(service.service().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + " past their retention period", () -> anonymisation.anonymiseBatch(service));
        }
        return total;
    }
}
