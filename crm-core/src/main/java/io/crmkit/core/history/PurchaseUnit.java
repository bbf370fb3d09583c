package io.crmkit.core.history;

/**
 * What counts as one purchase when counting a customer's purchases.
 *
 * <p>Immutable and thread-safe.
 */
public enum PurchaseUnit {
    /** Every counted order is one purchase, even several on the same day. */
    ORDER,
    /**
     * All counted orders of a customer on the same calendar day (in the options' zone) are one
     * purchase, whose value is the sum of theirs: the convention of the BTYD literature and of the
     * CDNOW data set. Requires each customer's orders to arrive in time order.
     */
    DAY
}
