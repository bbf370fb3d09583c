package io.crmkit.segmentation.rfm;

import java.util.OptionalDouble;

/**
 * The customers that got one score on one dimension: how many, and the range of their values.
 *
 * <p>Immutable and thread-safe.
 *
 * @param score the score, 1 to the number of bins
 * @param customers how many customers got it, not negative
 * @param lowest the lowest value among them, empty when there are none
 * @param highest the highest value among them, empty when there are none
 */
public record ScoreBin(int score, long customers, OptionalDouble lowest, OptionalDouble highest) {

    /**
     * Validates the bin.
     *
     * @throws IllegalArgumentException if the score is not 1 to 9, the count is negative, or the
     *     range is present exactly when the bin is empty
     * @throws NullPointerException if an optional is null
     */
    public ScoreBin {
        if (score < 1 || score > Binning.MAX_BINS) {
            throw new IllegalArgumentException("score must be 1 to 9: " + score);
        }
        if (customers < 0) {
            throw new IllegalArgumentException("customers must not be negative: " + customers);
        }
        java.util.Objects.requireNonNull(lowest, "lowest must not be null (use OptionalDouble.empty())");
        java.util.Objects.requireNonNull(highest, "highest must not be null (use OptionalDouble.empty())");
        if ((customers == 0) != lowest.isEmpty() || (customers == 0) != highest.isEmpty()) {
            throw new IllegalArgumentException("a bin has a value range exactly when it has customers: " + customers
                    + " customers, lowest " + lowest + ", highest " + highest);
        }
    }

    /**
     * Returns whether no customer got this score.
     *
     * @return true when empty
     */
    public boolean empty() {
        return customers == 0;
    }

    /**
     * Returns {@code "score 3: 199 customers, 181 to 297"} or {@code "score 3: empty"}.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "score " + score + ": " + (customers == 0 ? "empty"
                : customers + " customers, " + RfmFormat.number(lowest.getAsDouble()) + " to "
                        + RfmFormat.number(highest.getAsDouble()));
    }
}
