package io.crmkit.segmentation.segment;

import io.crmkit.core.internal.Checks;
import java.util.OptionalDouble;

/**
 * One row of a segment table: a segment's customers, orders and revenue, its average order value
 * and its share of the revenue, as the R {@code rfm} package's {@code rfm_segment_summary} plus
 * the share.
 *
 * <p>Immutable and thread-safe.
 *
 * @param segment the segment name, not null
 * @param customers how many customers are in it, not negative
 * @param orders their counted orders, not negative
 * @param revenue their total revenue in major currency units (exact sum, then one rounding), finite
 * @param averageOrderValue revenue / orders, empty when there are no orders, not null
 * @param revenueShare revenue / total revenue of all segments, empty when that total is zero, not null
 */
public record SegmentSummary(String segment, long customers, long orders, double revenue,
        OptionalDouble averageOrderValue, OptionalDouble revenueShare) {

    /**
     * Validates the row.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if a count is negative or the revenue is not finite
     */
    public SegmentSummary {
        Checks.notNull(segment, "segment");
        if (customers < 0 || orders < 0) {
            throw new IllegalArgumentException("counts must not be negative: customers " + customers + ", orders "
                    + orders);
        }
        if (!Double.isFinite(revenue)) {
            throw new IllegalArgumentException("revenue must be finite: " + revenue);
        }
        Checks.notNull(averageOrderValue, "averageOrderValue");
        Checks.notNull(revenueShare, "revenueShare");
    }
}
