package io.crmkit.segmentation.segment;

/**
 * An inclusive range of scores, {@code low <= score <= high}, as in the R {@code rfm} package's
 * {@code between(score, lower, upper)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param low the lowest score included, 1 to 9
 * @param high the highest score included, {@code low} to 9
 */
public record ScoreRange(int low, int high) {

    /** Every score, 1 to 9. */
    public static final ScoreRange ANY = new ScoreRange(1, 9);

    /**
     * Validates the range.
     *
     * @throws IllegalArgumentException unless {@code 1 <= low <= high <= 9}
     */
    public ScoreRange {
        if (low < 1 || high > 9 || low > high) {
            throw new IllegalArgumentException("a score range needs 1 <= low <= high <= 9: " + low + " to " + high);
        }
    }

    /**
     * Returns the range {@code low} to {@code high}.
     *
     * @param low the lowest score
     * @param high the highest score
     * @return the range, never null
     */
    public static ScoreRange of(int low, int high) {
        return new ScoreRange(low, high);
    }

    /**
     * Returns the range holding one score.
     *
     * @param score the score
     * @return the range, never null
     */
    public static ScoreRange exactly(int score) {
        return new ScoreRange(score, score);
    }

    /**
     * Returns whether a score lies in the range.
     *
     * @param score the score
     * @return true if {@code low <= score <= high}
     */
    public boolean contains(int score) {
        return score >= low && score <= high;
    }

    /**
     * Returns {@code "3-5"}, or {@code "4"} for a single score.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return low == high ? Integer.toString(low) : low + "-" + high;
    }
}
