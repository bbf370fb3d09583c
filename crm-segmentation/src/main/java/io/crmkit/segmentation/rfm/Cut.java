package io.crmkit.segmentation.rfm;

/**
 * One boundary between two adjacent bins of a dimension, in the dimension's units, as actually
 * used: values below it are in the lower bin, values above it in the upper one, and a value equal
 * to it goes to {@link #side()}.
 *
 * <p>For the rank-based methods (NTILE, tied ranks, percent ranks) the cut is the highest value
 * scored in a bin at or below it, with side {@link Side#LOWER}: the value threshold equivalent to
 * the ranks, exact unless NTILE split a tie group across it ({@link #splitsTie()}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the boundary value, finite
 * @param side where a value equal to the cut goes, not null
 * @param tiedCustomers how many customers have exactly the cut's value, not negative
 * @param splitsTie whether customers with the cut's value are on both sides (only NTILE does this)
 */
public record Cut(double value, Side side, long tiedCustomers, boolean splitsTie) {

    /**
     * Validates the cut.
     *
     * @throws IllegalArgumentException if the value is not finite or the count is negative
     * @throws NullPointerException if {@code side} is null
     */
    public Cut {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite: " + value);
        }
        java.util.Objects.requireNonNull(side, "side must not be null");
        if (tiedCustomers < 0) {
            throw new IllegalArgumentException("tiedCustomers must not be negative: " + tiedCustomers);
        }
    }

    /**
     * Returns the cut as text, e.g. {@code "<= 297.4"} (side lower) or {@code "< 298.4"} (side upper),
     * the condition for staying below it.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return (side == Side.LOWER ? "<= " : "< ") + RfmFormat.number(value);
    }
}
