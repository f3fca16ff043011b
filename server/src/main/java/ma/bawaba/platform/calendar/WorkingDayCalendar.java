package ma.bawaba.platform.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one working-day calendar of the platform (Law 31-13 deadlines): Saturdays, Sundays and the holidays of the
 * administrators' calendar are not working days. Counting starts on the first working day after the day of receipt
 * (day 1) and the due date is the last day counted. Dates are calendar dates in Morocco.
 *
 * <p>The holidays are read for each computation ({@link PublicHolidays}), so that a holiday an administrator adds on
 * one instance counts at once on every instance.
 */
@ApplicationScoped
public class WorkingDayCalendar {

    private final PublicHolidays holidays;

    public WorkingDayCalendar(PublicHolidays holidays) {
        this.holidays = holidays;
    }

    /** The due date of {@code workingDays} working days counted after {@code receivedOn}. */
    @Transactional
    public Deadline count(LocalDate receivedOn, int workingDays) {
        // n working days span about n * 7 / 5 days plus the holidays: the holidays of a generous window are read once.
        return span(receivedOn, receivedOn.plusDays((long) workingDays * 3 + 60)).count(receivedOn, workingDays);
    }

    /** The holidays between two days, read in one query, to count several deadlines that lie within them. */
    @Transactional
    public Span span(LocalDate from, LocalDate until) {
        return new Span(this, from, until, new HashSet<>(holidays.between(from, until)));
    }

    /**
     * The working days counted after {@code receivedOn} up to and including {@code until}, as deadlines count them:
     * 0 for a response on the day of receipt or before the first working day after it.
     */
    @Transactional
    public int workingDaysAfter(LocalDate receivedOn, LocalDate until) {
        if (!until.isAfter(receivedOn)) {
            return 0;
        }
        return workingDaysAfter(receivedOn, until, new HashSet<>(holidays.between(receivedOn, until)));
    }

    /** The same count, for a known set of holidays. */
    public static int workingDaysAfter(LocalDate receivedOn, LocalDate until, Set<LocalDate> holidays) {
        int counted = 0;
        for (LocalDate day = receivedOn.plusDays(1); !day.isAfter(until); day = day.plusDays(1)) {
            if (!isWeekend(day) && !holidays.contains(day)) {
                counted++;
            }
        }
        return counted;
    }

    /** Holidays read once for a span of days; a count that leaves the span is done again from the database. */
    public static final class Span {
        private final WorkingDayCalendar calendar;
        private final LocalDate from;
        private final LocalDate until;
        private final Set<LocalDate> holidays;

        private Span(WorkingDayCalendar calendar, LocalDate from, LocalDate until, Set<LocalDate> holidays) {
            this.calendar = calendar;
            this.from = from;
            this.until = until;
            this.holidays = holidays;
        }

        public Deadline count(LocalDate receivedOn, int workingDays) {
            Deadline deadline = WorkingDayCalendar.count(receivedOn, workingDays, holidays);
            boolean inside = !receivedOn.isBefore(from) && !deadline.dueDate().isAfter(until);
            return inside ? deadline : calendar.count(receivedOn, workingDays);
        }
    }

    /** The rule itself, for a known set of holidays. */
    public static Deadline count(LocalDate receivedOn, int workingDays, Set<LocalDate> holidays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("at least one working day is counted");
        }
        List<LocalDate> skipped = new ArrayList<>();
        LocalDate day = receivedOn;
        LocalDate first = null;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWeekend(day)) {
                continue;
            }
            if (holidays.contains(day)) {
                skipped.add(day);
                continue;
            }
            if (first == null) {
                first = day;
            }
            counted++;
        }
        return new Deadline(receivedOn, first, workingDays, skipped, day);
    }

    public static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
