package ma.bawaba.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * The layout of the sums of a cell, as its columns are laid out in {@code statistics_cell}: one per {@link Figure},
 * the total of the response days, then the duration buckets {@code d0..d65} ({@link Durations}).
 */
final class Sums {

    static final int DAYS_TOTAL = Figure.ALL.length;
    static final int FIRST_BUCKET = DAYS_TOTAL + 1;
    static final int SIZE = FIRST_BUCKET + Durations.BUCKETS;

    /** The columns, in the order of the sums. */
    static final List<String> COLUMNS = columns();

    private Sums() {
    }

    static long[] empty() {
        return new long[SIZE];
    }

    static boolean isZero(long[] sums) {
        for (long sum : sums) {
            if (sum != 0) {
                return false;
            }
        }
        return true;
    }

    private static List<String> columns() {
        List<String> columns = new ArrayList<>();
        for (Figure figure : Figure.ALL) {
            columns.add(figure.column());
        }
        columns.add("response_days");
        for (int bucket = 0; bucket < Durations.BUCKETS; bucket++) {
            columns.add("d" + bucket);
        }
        return List.copyOf(columns);
    }
}
