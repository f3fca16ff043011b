package ma.bawaba.statistics;

import java.time.LocalDate;

/**
 * What one case adds to its cell: its figures, its time to respond (once it responded; null when the time was not
 * recorded), the ground of its refusal, and from when it is overdue while it owes an answer.
 */
record Contribution(Cell cell, long figures, Integer responseDays, Long refusalGroundId, LocalDate overdueFrom) {

    /** Adds ({@code sign} 1) or takes away (-1) this contribution from the sums of its cell. */
    void addTo(long[] sums, int sign) {
        for (Figure figure : Figure.ALL) {
            if (figure.in(figures)) {
                sums[figure.ordinal()] += sign;
            }
        }
        if (responseDays != null) {
            sums[Sums.DAYS_TOTAL] += (long) sign * responseDays;
            sums[Sums.FIRST_BUCKET + Durations.bucket(responseDays)] += sign;
        }
    }
}
