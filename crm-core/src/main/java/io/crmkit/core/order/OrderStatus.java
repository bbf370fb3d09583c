package io.crmkit.core.order;

import io.crmkit.core.internal.Checks;

/**
 * An order status: the host's own label and its {@linkplain OrderStatusCategory category}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param label the host's label, such as {@code "shipped"} or {@code "已完成"}, not null
 * @param category what the status means, not null
 */
public record OrderStatus(String label, OrderStatusCategory category) {

    /** A completed order, labelled {@code completed}. */
    public static final OrderStatus COMPLETED = new OrderStatus("completed", OrderStatusCategory.COMPLETED);
    /** An open order, labelled {@code open}. */
    public static final OrderStatus OPEN = new OrderStatus("open", OrderStatusCategory.OPEN);
    /** A cancelled order, labelled {@code cancelled}. */
    public static final OrderStatus CANCELLED = new OrderStatus("cancelled", OrderStatusCategory.VOID);

    /**
     * Validates the status.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the label is blank, too long or padded
     */
    public OrderStatus {
        Checks.text(label, "status label");
        Checks.notNull(category, "status category");
    }

    /**
     * Returns the status.
     *
     * @param label the label, not null
     * @param category the category, not null
     * @return the status, never null
     */
    public static OrderStatus of(String label, OrderStatusCategory category) {
        return new OrderStatus(label, category);
    }
}
