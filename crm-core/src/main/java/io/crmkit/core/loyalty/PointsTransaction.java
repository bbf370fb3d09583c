package io.crmkit.core.loyalty;

import io.crmkit.core.CustomerId;
import io.crmkit.core.OrderId;
import io.crmkit.core.PointsTransactionId;
import io.crmkit.core.internal.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * One movement of a customer's points recorded by the host: an earn outside the order rule, a
 * redemption, an adjustment, a reversal (or an expiry kept for the host's history). Points earned
 * from orders are not recorded as transactions: the ledger derives them from the orders.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the identifier, not null
 * @param customerId the member, not null
 * @param type the kind, not null
 * @param occurredAt when it took effect, not null
 * @param points how many points: positive, except for {@link PointsTransactionType#ADJUST}, which is
 *     signed and not zero
 * @param order the order it belongs to (a reversal's return, say), if any, not null
 */
public record PointsTransaction(
        PointsTransactionId id,
        CustomerId customerId,
        PointsTransactionType type,
        Instant occurredAt,
        long points,
        Optional<OrderId> order) {

    /**
     * Validates the transaction.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the points break the rule of the type, naming the value
     */
    public PointsTransaction {
        Checks.notNull(id, "id");
        Checks.notNull(customerId, "customerId");
        Checks.notNull(type, "type");
        Checks.notNull(occurredAt, "occurredAt");
        Checks.optional(order, "order");
        if (type == PointsTransactionType.ADJUST ? points == 0 : points <= 0) {
            throw new IllegalArgumentException("points of a transaction of type "
                    + type.name().toLowerCase(java.util.Locale.ROOT) + " must be " + (type == PointsTransactionType.ADJUST ? "non-zero" : "positive")
                    + ": " + points);
        }
        if (points == Long.MIN_VALUE) {
            throw new IllegalArgumentException("points out of range: " + points);
        }
    }

    /**
     * Returns a transaction without an order.
     *
     * @param id the identifier, not null
     * @param customerId the member, not null
     * @param type the kind, not null
     * @param occurredAt when, not null
     * @param points the points (see the record's rule)
     * @return the transaction, never null
     */
    public static PointsTransaction of(PointsTransactionId id, CustomerId customerId, PointsTransactionType type,
            Instant occurredAt, long points) {
        return new PointsTransaction(id, customerId, type, occurredAt, points, Optional.empty());
    }
}
