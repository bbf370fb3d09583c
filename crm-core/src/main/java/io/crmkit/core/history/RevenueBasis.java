package io.crmkit.core.history;

/**
 * Which amount of an order counts as its value.
 *
 * <p>Immutable and thread-safe.
 */
public enum RevenueBasis {
    /** {@link io.crmkit.core.order.Order#netRevenue()}: after discounts and refunds. */
    NET,
    /** {@link io.crmkit.core.order.Order#grossAmount()}: before discounts and refunds. */
    GROSS
}
