package io.crmkit.core.history;

/**
 * What the summarising step saw and what it left out, so that nothing is dropped silently.
 *
 * <p>{@code ordersSeen = ordersCounted + excludedByStatus + excludedAfterAsOf + returnsCounted}: the
 * rows offered are orders counted as purchases, rows left out, and returns (rows of money paid
 * back, from an {@link OrderBatch}), which lower their customer's net revenue and are never a
 * purchase.
 *
 * <p>Immutable and thread-safe.
 *
 * @param ordersSeen orders offered to the summary, not negative
 * @param ordersCounted orders counted as (part of) a purchase, not negative
 * @param excludedByStatus orders left out because their status category is not counted, not negative
 * @param excludedAfterAsOf orders left out because they were placed at or after the as-of cut-off,
 *     not negative
 * @param returnsCounted returns of a counted status placed before the cut-off, not negative (under
 *     the gross revenue basis they are counted here and change no value)
 */
public record PurchaseHistoryStats(long ordersSeen, long ordersCounted, long excludedByStatus, long excludedAfterAsOf,
        long returnsCounted) {

    /**
     * Counts without returns.
     *
     * @param ordersSeen orders offered, not negative
     * @param ordersCounted orders counted, not negative
     * @param excludedByStatus orders left out by status, not negative
     * @param excludedAfterAsOf orders left out by the cut-off, not negative
     */
    public PurchaseHistoryStats(long ordersSeen, long ordersCounted, long excludedByStatus, long excludedAfterAsOf) {
        this(ordersSeen, ordersCounted, excludedByStatus, excludedAfterAsOf, 0);
    }

    /**
     * Validates the counts.
     *
     * @throws IllegalArgumentException if a count is negative or they do not add up
     */
    public PurchaseHistoryStats {
        if (ordersSeen < 0 || ordersCounted < 0 || excludedByStatus < 0 || excludedAfterAsOf < 0
                || returnsCounted < 0) {
            throw new IllegalArgumentException("counts must not be negative: " + ordersSeen + ", " + ordersCounted
                    + ", " + excludedByStatus + ", " + excludedAfterAsOf + ", " + returnsCounted);
        }
        if (ordersSeen != ordersCounted + excludedByStatus + excludedAfterAsOf + returnsCounted) {
            throw new IllegalArgumentException("ordersSeen " + ordersSeen + " must equal ordersCounted "
                    + ordersCounted + " + excludedByStatus " + excludedByStatus + " + excludedAfterAsOf "
                    + excludedAfterAsOf + " + returnsCounted " + returnsCounted);
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
                excludedByStatus + other.excludedByStatus, excludedAfterAsOf + other.excludedAfterAsOf,
                returnsCounted + other.returnsCounted);
    }
}
