package ma.bawaba.platform.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * A due date and how it was computed: the day of receipt, the first working day counted (day 1), how many working
 * days were counted, and the holidays that were skipped on the way (weekends are always skipped).
 */
public record Deadline(LocalDate receivedOn, LocalDate startsOn, int workingDays, List<LocalDate> holidaysSkipped,
                       LocalDate dueDate) {

    public Deadline {
        holidaysSkipped = List.copyOf(holidaysSkipped);
    }
}
