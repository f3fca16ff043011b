package ma.bawaba.platform.calendar;

import java.time.LocalDate;
import java.util.Set;

/**
 * Fired, inside the administrator's transaction, when holidays are added, moved or removed: the services whose
 * deadlines count working days re-date the open cases those days affect, in the same transaction.
 */
public record HolidaysChanged(Set<LocalDate> dates) {
}
