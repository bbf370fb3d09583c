package io.crmkit.core.order;

/**
 * What an order status means for analytics, whatever the host calls it. Metrics depend on the
 * category, never on the label.
 *
 * <p>Immutable and thread-safe.
 */
public enum OrderStatusCategory {
    /** Placed but not yet fulfilled or paid (pending, processing, shipped, awaiting payment). */
    OPEN,
    /** Fulfilled and paid: a purchase (delivered, invoiced, closed, returned in part). */
    COMPLETED,
    /** Never became a purchase (cancelled, rejected, failed payment, fraud, test). */
    VOID
}
