package io.crmkit.segmentation.value;

import io.crmkit.core.internal.Checks;
import java.util.OptionalDouble;

/**
 * One tier's customers and revenue, with their shares of the whole.
 *
 * <p>Immutable and thread-safe.
 *
 * @param tier the tier's name, not null
 * @param customers how many customers are in it, not negative
 * @param customerShare customers / all customers, in [0, 1] (0 when there are none at all)
 * @param revenue their total revenue in major currency units, finite
 * @param revenueShare revenue / total revenue, empty when the total is zero, not null
 */
public record TierSummary(String tier, long customers, double customerShare, double revenue,
        OptionalDouble revenueShare) {

    /**
     * Validates the row.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if a number is out of range
     */
    public TierSummary {
        Checks.notNull(tier, "tier");
        Checks.notNull(revenueShare, "revenueShare");
        if (customers < 0 || !(customerShare >= 0 && customerShare <= 1) || !Double.isFinite(revenue)) {
            throw new IllegalArgumentException("tier " + tier + ": customers " + customers + ", share " + customerShare
                    + ", revenue " + revenue + " out of range");
        }
    }
}
