package ma.bawaba.reference;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import ma.bawaba.platform.calendar.PublicHolidays;

/**
 * The administrators' holiday calendar as the working-day calendar reads it: from the database for each
 * computation (one indexed range query), so that a holiday added on one instance counts at once on every instance.
 */
@ApplicationScoped
class HolidayCalendar implements PublicHolidays {

    @Override
    public Set<LocalDate> between(LocalDate after, LocalDate until) {
        return Holiday.<Holiday>list("date > ?1 and date <= ?2", after, until).stream()
                .map(holiday -> holiday.date).collect(Collectors.toSet());
    }
}
