package io.crmkit.core.history;

import io.crmkit.core.order.OrderStatusCategory;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Optional;
import java.util.Set;

/**
 * An options type that embeds a {@link PurchaseDefinition} ({@code PurchaseHistoryOptions},
 * {@code OrderKpiOptions}, {@code TimelineOptions}): each part of the definition read through it,
 * in one place for all of them.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface PurchaseDefined {

    /**
     * Returns the purchase definition.
     *
     * @return the definition, never null
     */
    PurchaseDefinition purchase();

    /**
     * Returns the zone of calendar days: {@code purchase().zone()}.
     *
     * @return the zone, never null
     */
    default ZoneId zone() {
        return purchase().zone();
    }

    /**
     * Returns what one purchase is: {@code purchase().purchaseUnit()}.
     *
     * @return the unit, never null
     */
    default PurchaseUnit purchaseUnit() {
        return purchase().purchaseUnit();
    }

    /**
     * Returns which amount of an order counts: {@code purchase().revenueBasis()}.
     *
     * @return the basis, never null
     */
    default RevenueBasis revenueBasis() {
        return purchase().revenueBasis();
    }

    /**
     * Returns the status categories that count: {@code purchase().countedCategories()}.
     *
     * @return the categories, never null or empty
     */
    default Set<OrderStatusCategory> countedCategories() {
        return purchase().countedCategories();
    }

    /**
     * Returns the required currency, if any: {@code purchase().currency()}.
     *
     * @return the currency, never null
     */
    default Optional<Currency> currency() {
        return purchase().currency();
    }
}
