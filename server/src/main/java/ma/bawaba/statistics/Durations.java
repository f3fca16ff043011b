package ma.bawaba.statistics;

/**
 * Times to respond, kept as a histogram per cell: one bucket per day up to 60 days (most legal deadlines fall
 * within), then the bands 61–90, 91–120, 121–180, 181–365 and over 365 days. A quantile is the lower bound of the
 * bucket it falls in: exact up to 60 days.
 */
final class Durations {

    static final int DAILY = 61;
    static final int BUCKETS = DAILY + 5;
    private static final int[] BAND_STARTS = {61, 91, 121, 181, 366};

    private Durations() {
    }

    static int bucket(int days) {
        if (days < DAILY) {
            return Math.max(0, days);
        }
        int band = BAND_STARTS.length - 1;
        while (days < BAND_STARTS[band]) {
            band--;
        }
        return DAILY + band;
    }

    static int lowerBound(int bucket) {
        return bucket < DAILY ? bucket : BAND_STARTS[bucket - DAILY];
    }

    /**
     * The {@code q}-quantile of the counts per bucket (the smallest duration with at least {@code ceil(q × n)} of the
     * n durations at or below it), or null when there are none.
     */
    static Integer quantile(long[] counts, double q) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        if (total == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int bucket = 0; bucket < counts.length; bucket++) {
            seen += counts[bucket];
            if (seen >= rank) {
                return lowerBound(bucket);
            }
        }
        throw new IllegalStateException("unreachable: the ranks are within the total");
    }
}
