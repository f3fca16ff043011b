package ma.bawaba.statistics;

/**
 * What one case counts for, each a yes or no: a case's contribution is a set of these (stored as bits in
 * {@code case_statistics.figures}), and each is a column of {@code statistics_cell} summing them.
 */
enum Figure {
    RECEIVED, RESPONDED, RESPONDED_ON_TIME,
    // complaints
    REJECTED, RATED, SCORE1, SCORE2, SCORE3, SCORE4, SCORE5, SATISFIED, REOPENED,
    // information requests: the latest outcome, how the request came to its body, and its appeals
    ANSWERED, PARTIALLY_ANSWERED, REFUSED, TRANSFERRED, WITHDRAWN,
    INTERNAL_FILED, INTERNAL_UPHELD, INTERNAL_REJECTED, ESCALATION_FILED, ESCALATION_UPHELD, ESCALATION_REJECTED,
    // document orders (REJECTED is shared with complaints)
    PAID, DELIVERED, RETURNED, CANCELLED, EXPIRED;

    static final Figure[] ALL = values();

    /** The column of {@code statistics_cell} that sums this figure. */
    String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    long bit() {
        return 1L << ordinal();
    }

    boolean in(long figures) {
        return (figures & bit()) != 0;
    }

    static Figure score(int score) {
        return valueOf("SCORE" + score);
    }
}
