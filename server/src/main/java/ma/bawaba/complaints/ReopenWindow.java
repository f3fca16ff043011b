package ma.bawaba.complaints;

import java.time.Instant;
import java.time.LocalDate;
import ma.bawaba.platform.TimeSource;

/**
 * Decree 2-17-265: an unsatisfied holder may reopen an answered complaint within a number of days of the answer (30
 * by default), and an answer nobody reopened closes the complaint when that window ends. A window of days ends at the
 * end of its last calendar day in Morocco (PRODUCT.md), not N×24 hours after the answer's minute: an answer given on
 * 1 March at 23:59 may be reopened until 31 March at midnight. The reopen command, the {@code reopenableUntil} shown
 * to clients and the closing job all read this one window.
 */
record ReopenWindow(int days) {

    /** The last calendar day (Morocco) on which an answer given at that instant may be reopened. */
    LocalDate lastDay(Instant answeredAt) {
        return TimeSource.dateOf(answeredAt).plusDays(days);
    }

    /** When the window of an answer given at that instant closes: the midnight that ends its last day. */
    Instant end(Instant answeredAt) {
        return TimeSource.startOf(lastDay(answeredAt).plusDays(1));
    }

    boolean isOpen(Instant answeredAt, Instant now) {
        return now.isBefore(end(answeredAt));
    }

    /**
     * The answers given before this instant, and only they, have a window that is closed at {@code now}: what the
     * closing job claims in one indexed query ({@code end(answeredAt) <= now} solved for {@code answeredAt}).
     */
    Instant closedForAnswersBefore(Instant now) {
        return TimeSource.startOf(TimeSource.dateOf(now).minusDays(days));
    }
}
