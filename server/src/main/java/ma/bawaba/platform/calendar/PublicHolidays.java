package ma.bawaba.platform.calendar;

import java.time.LocalDate;
import java.util.Set;

/**
 * Where the calendar reads the public holidays: the administrators' holiday calendar (reference data) implements
 * it, so that the platform depends on no service or reference package.
 */
public interface PublicHolidays {

    /** The holidays after {@code after} up to {@code until} included. */
    Set<LocalDate> between(LocalDate after, LocalDate until);
}
