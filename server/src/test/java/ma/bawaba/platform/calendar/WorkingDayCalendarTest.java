package ma.bawaba.platform.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Law 31-13 deadlines: day 1 is the first working day after receipt; the due date is the last day counted. */
class WorkingDayCalendarTest {

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void twentyWorkingDaysCrossAMonthEnd() {
        // Received Thursday 2026-11-26: day 1 is Friday 27, four full weeks later the 20th day is Thursday 24 Dec.
        Deadline deadline = WorkingDayCalendar.count(date("2026-11-26"), 20, Set.of());
        assertEquals(date("2026-11-27"), deadline.startsOn());
        assertEquals(date("2026-12-24"), deadline.dueDate());
        assertEquals(List.of(), deadline.holidaysSkipped());
    }

    @Test
    void theYearEndAndNewYearsDayAreSkipped() {
        // Received Wednesday 2026-12-23; 1 January 2027 (a Friday) is a holiday.
        Deadline deadline = WorkingDayCalendar.count(date("2026-12-23"), 20, Set.of(date("2027-01-01")));
        assertEquals(date("2026-12-24"), deadline.startsOn());
        assertEquals(List.of(date("2027-01-01")), deadline.holidaysSkipped());
        assertEquals(date("2027-01-21"), deadline.dueDate());
    }

    @Test
    void aHolidayOnAWeekendSkipsNothingMore() {
        // 2026-11-07 (Green March) is a Saturday: the count is the same as without it.
        Deadline with = WorkingDayCalendar.count(date("2026-11-02"), 20, Set.of(date("2026-11-07")));
        Deadline without = WorkingDayCalendar.count(date("2026-11-02"), 20, Set.of());
        assertEquals(without.dueDate(), with.dueDate());
        assertEquals(List.of(), with.holidaysSkipped());
    }

    @Test
    void aChainOfHolidaysIsSkippedDayByDay() {
        // Eid al-Adha over Wednesday to Friday: three working days fewer in the first week.
        Set<LocalDate> eid = Set.of(date("2027-05-19"), date("2027-05-20"), date("2027-05-21"));
        Deadline deadline = WorkingDayCalendar.count(date("2027-05-18"), 3, eid);
        assertEquals(date("2027-05-24"), deadline.startsOn());
        assertEquals(List.of(date("2027-05-19"), date("2027-05-20"), date("2027-05-21")), deadline.holidaysSkipped());
        assertEquals(date("2027-05-26"), deadline.dueDate());
    }

    @Test
    void anUrgentRequestReceivedOnAFridayIsDueTheNextWednesday() {
        Deadline deadline = WorkingDayCalendar.count(date("2026-11-27"), 3, Set.of());
        assertEquals(date("2026-11-30"), deadline.startsOn());
        assertEquals(date("2026-12-02"), deadline.dueDate());
    }

    @Test
    void anUrgentRequestReceivedOnASaturdayStartsOnMonday() {
        Deadline deadline = WorkingDayCalendar.count(date("2026-11-28"), 3, Set.of());
        assertEquals(date("2026-11-30"), deadline.startsOn());
        assertEquals(date("2026-12-02"), deadline.dueDate());
    }

    @Test
    void aHolidayAddedAfterSubmissionMovesTheDueDate() {
        Deadline before = WorkingDayCalendar.count(date("2026-11-26"), 20, Set.of());
        Deadline after = WorkingDayCalendar.count(date("2026-11-26"), 20, Set.of(date("2026-12-10")));
        assertEquals(date("2026-12-24"), before.dueDate());
        assertEquals(date("2026-12-25"), after.dueDate());
        assertEquals(List.of(date("2026-12-10")), after.holidaysSkipped());
    }

    @Test
    void anExtensionCountsTheSameLengthAgainFromTheFirstDueDate() {
        Deadline first = WorkingDayCalendar.count(date("2026-11-26"), 20, Set.of(date("2027-01-01")));
        Deadline extended = WorkingDayCalendar.count(first.dueDate(), 20, Set.of(date("2027-01-01")));
        assertEquals(date("2026-12-24"), first.dueDate());
        assertEquals(date("2027-01-22"), extended.dueDate());
    }
}
