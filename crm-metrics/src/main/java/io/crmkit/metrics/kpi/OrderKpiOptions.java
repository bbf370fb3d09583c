package io.crmkit.metrics.kpi;

import io.crmkit.core.history.PurchaseDefined;
import io.crmkit.core.history.PurchaseDefinition;
import io.crmkit.core.history.PurchaseUnit;
import io.crmkit.core.history.RevenueBasis;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.order.OrderStatusCategory;
import java.util.Currency;
import java.util.Optional;
import java.util.Set;

/**
 * The definitions behind the order KPIs, each explicit and printed by {@link #describe()}.
 *
 * <p>A customer is <em>active</em> at an instant {@code b} when they made a counted purchase in
 * {@code [b - activeWindowDays, b)}. A customer is <em>new</em> in the period of their first
 * counted purchase ever (orders before the grid count as history). The window must be at least as
 * long as the longest period of the grid (7, 31, 92 or 366 days), so that every customer who buys
 * in a period is active at its end and the identity {@code E = retained + N + reactivated} holds.
 *
 * <p>Which orders count, what one purchase is (an order, or a customer's calendar day: then
 * {@code orders} counts purchase days, and a buyer with two orders on one day is not a repeat
 * buyer), what it is worth and in which currency are the {@linkplain PurchaseDefinition purchase
 * definition} shared with every other analytic; its zone must be the grid's.
 *
 * <p>Immutable and thread-safe.
 *
 * @param grid the reporting periods, not null
 * @param activeWindowDays the activity window in days, at least the longest period of the grid
 * @param purchase which orders count, what one purchase is and its value, in the grid's zone, not null
 */
public record OrderKpiOptions(PeriodGrid grid, int activeWindowDays, PurchaseDefinition purchase) implements PurchaseDefined {

    /**
     * Validates the options.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the window is shorter than the longest period or the
     *     definition's zone is not the grid's
     */
    public OrderKpiOptions {
        Checks.notNull(grid, "grid");
        int longest = switch (grid.period()) {
            case WEEK -> 7;
            case MONTH -> 31;
            case QUARTER -> 92;
            case YEAR -> 366;
        };
        if (activeWindowDays < longest) {
            throw new IllegalArgumentException("activeWindowDays must be at least " + longest + " for "
                    + grid.period() + " periods (the longest period), was " + activeWindowDays);
        }
        Checks.notNull(purchase, "purchase");
        if (!purchase.zone().equals(grid.zone())) {
            throw new IllegalArgumentException("purchase.zone must be the grid's zone " + grid.zone()
                    + " (calendar days and periods in one zone), was " + purchase.zone());
        }
    }

    /**
     * Returns options with the {@linkplain PurchaseDefinition#defaults() default purchase
     * definition} in the grid's zone: completed orders counted, one purchase per order, net
     * revenue, the currency from the data.
     *
     * @param grid the reporting periods, not null
     * @param activeWindowDays the activity window in days
     * @return the options, never null
     */
    public static OrderKpiOptions of(PeriodGrid grid, int activeWindowDays) {
        return new OrderKpiOptions(grid, activeWindowDays,
                PurchaseDefinition.defaults().withZone(Checks.notNull(grid, "grid").zone()));
    }

    /**
     * Describes every definition in one line, for printing next to results.
     *
     * @return the description, never null
     */
    public String describe() {
        return grid + "; active = a counted purchase in the last " + activeWindowDays
                + " days; new = first counted purchase ever in the period; " + purchase.describe();
    }

    /**
     * Returns a builder with the required settings; every other setting starts at the value {@link #of(PeriodGrid, int)} gives it.
     *
     * @param grid see {@link #grid()}
     * @param activeWindowDays see {@link #activeWindowDays()}
     * @return a new builder, never null
     */
    public static Builder builder(PeriodGrid grid, int activeWindowDays) {
        return new Builder(of(grid, activeWindowDays));
    }

    /**
     * Returns a builder holding these options, to change some of them.
     *
     * @return a new builder, never null
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Builds {@link OrderKpiOptions}: one setter per setting, validated by {@link #build()}.
     *
     * <p>Not thread-safe; use one builder per thread.
     */
    public static final class Builder {
        private PeriodGrid grid;
        private int activeWindowDays;
        private PurchaseDefinition.Builder purchase;

        private Builder(OrderKpiOptions from) {
            this.grid = from.grid();
            this.activeWindowDays = from.activeWindowDays();
            this.purchase = from.purchase().toBuilder();
        }

        /**
         * Sets {@link OrderKpiOptions#grid()}.
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder grid(PeriodGrid value) {
            this.grid = value;
            return this;
        }

        /**
         * Sets {@link OrderKpiOptions#activeWindowDays()}.
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder activeWindowDays(int value) {
            this.activeWindowDays = value;
            return this;
        }

        /**
         * Sets the purchase definition's {@link PurchaseDefinition#countedCategories()}.
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder countedCategories(Set<OrderStatusCategory> value) {
            purchase.countedCategories(value);
            return this;
        }

        /**
         * Sets the purchase definition's {@link PurchaseDefinition#revenueBasis()}.
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder revenueBasis(RevenueBasis value) {
            purchase.revenueBasis(value);
            return this;
        }

        /**
         * Sets the purchase definition's {@link PurchaseDefinition#currency()}.
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder currency(Optional<Currency> value) {
            purchase.currency(value);
            return this;
        }

        /**
         * Sets the purchase definition's {@link PurchaseDefinition#purchaseUnit()} (default
         * {@link PurchaseUnit#ORDER}).
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder purchaseUnit(PurchaseUnit value) {
            purchase.purchaseUnit(value);
            return this;
        }

        /**
         * Sets the whole purchase definition (default: {@link PurchaseDefinition#defaults()} in the
         * grid's zone); the other setters change one part of it.
         *
         * @param value the definition, not null
         * @return this builder
         */
        public Builder purchase(PurchaseDefinition value) {
            this.purchase = Checks.notNull(value, "purchase").toBuilder();
            return this;
        }

        /**
         * Returns the options.
         *
         * @return the options, never null
         * @throws IllegalArgumentException if a setting is out of range
         * @throws NullPointerException if a setting is null
         */
        public OrderKpiOptions build() {
            return new OrderKpiOptions(grid, activeWindowDays, purchase.build());
        }
    }
}
