package io.crmkit.core.history;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.internal.Checks;
import java.time.Instant;

/**
 * One customer's purchase history, as an object: a convenience view of one row of
 * {@link PurchaseSummaries} for printing and exporting. Analytics use the columnar views instead.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the customer, not null
 * @param firstPurchaseAt when the first purchase was made (the start of its day on the day clock),
 *     not null
 * @param lastPurchaseAt when the last purchase was made (likewise), not null
 * @param purchases the number of purchases, at least 1
 * @param orders the number of counted orders, at least {@code purchases} for
 *     {@link PurchaseUnit#DAY}, equal to it for {@link PurchaseUnit#ORDER}
 * @param revenue the total value of the purchases, not null
 * @param daysSinceLastPurchase the recency in days, not negative
 * @param ageDays the days from the first purchase to the as-of point, not negative
 */
public record CustomerPurchaseSummary(
        CustomerId customerId, Instant firstPurchaseAt, Instant lastPurchaseAt, int purchases, int orders,
        Money revenue, double daysSinceLastPurchase, double ageDays) {

    /**
     * Validates the summary.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the counts or durations are inconsistent
     */
    public CustomerPurchaseSummary {
        Checks.notNull(customerId, "customerId");
        Checks.notNull(firstPurchaseAt, "firstPurchaseAt");
        Checks.notNull(lastPurchaseAt, "lastPurchaseAt");
        Checks.notBefore(firstPurchaseAt, lastPurchaseAt, "firstPurchaseAt", "lastPurchaseAt");
        if (purchases < 1 || orders < purchases) {
            throw new IllegalArgumentException("customer " + customerId + ": purchases " + purchases
                    + " must be at least 1 and at most orders " + orders);
        }
        Checks.notNull(revenue, "revenue");
        if (!(daysSinceLastPurchase >= 0) || !(ageDays >= daysSinceLastPurchase) || Double.isInfinite(ageDays)) {
            throw new IllegalArgumentException("customer " + customerId + ": need 0 <= daysSinceLastPurchase "
                    + daysSinceLastPurchase + " <= ageDays " + ageDays);
        }
    }
}
