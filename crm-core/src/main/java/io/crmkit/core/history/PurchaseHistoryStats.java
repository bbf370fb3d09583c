package io.crmkit.core.history;

/**
 * What the summarising step saw and what it left out, so that nothing is dropped silently.
 *
 * <p>{@code ordersSeen = ordersCounted + excludedByStatus + excludedAfterAsOf}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param ordersSeen orders offered to the summary, not negative
 * @param ordersCounted orders counted as (part of) a purchase, not negative
 * @param excludedByStatus orders left out because their status category is not counted, not negative
 * @param excludedAfterAsOf orders left out because they were placed at or after the as-of cut-off,
 *     not negative
 */
public record PurchaseHistoryStats(long ordersSeen, long ordersCounted, long excludedByStatus, long excludedAfterAsOf) {

    /**
     * Validates the counts.
     *
     * @throws IllegalArgumentException if a count is negative or they do not add up
     */
    public PurchaseHistoryStats {
        if (ordersSeen < 0 || ordersCounted < 0 || excludedByStatus < 0 || excludedAfterAsOf < 0) {
            throw new IllegalArgumentException("counts must not be negative: " + ordersSeen + ", " + ordersCounted
                    + ", " + excludedByStatus + ", " + excludedAfterAsOf);
        }
        if (ordersSeen != ordersCounted + excludedByStatus + excludedAfterAsOf) {
            throw new IllegalArgumentException("ordersSeen " + ordersSeen + " must equal ordersCounted "
                    + ordersCounted + " + excludedByStatus " + excludedByStatus + " + excludedAfterAsOf "
                    + excludedAfterAsOf);
        }
    }

    /**
     * Returns the sum of two sets of counts.
     *
     * @param other the other counts, not null
     * @return the sums, never null
     */
    public PurchaseHistoryStats plus(PurchaseHistoryStats other) {
        return new PurchaseHistoryStats(ordersSeen + other.ordersSeen, ordersCounted + other.ordersCounted,
                excludedByStatus + other.excludedByStatus, excludedAfterAsOf + other.excludedAfterAsOf);
    }
}
