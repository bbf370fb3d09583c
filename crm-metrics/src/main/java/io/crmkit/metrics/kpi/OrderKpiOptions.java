package io.crmkit.metrics.kpi;

import com.google.common.collect.Sets;
import io.crmkit.core.history.RevenueBasis;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.order.OrderStatusCategory;
import java.util.Currency;
import java.util.EnumSet;
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
 * <p>Immutable and thread-safe.
 *
 * @param grid the reporting periods, not null
 * @param activeWindowDays the activity window in days, at least the longest period of the grid
 * @param countedCategories the order status categories that count as purchases, not empty, not null
 * @param revenueBasis net or gross revenue, not null
 * @param currency the currency every counted order must be in; when empty, that of the first
 *     counted order; not null
 */
public record OrderKpiOptions(
        PeriodGrid grid, int activeWindowDays, Set<OrderStatusCategory> countedCategories,
        RevenueBasis revenueBasis, Optional<Currency> currency) {

    /**
     * Validates the options.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the window is shorter than the longest period or no
     *     category is counted
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
        countedCategories = Sets.immutableEnumSet(Checks.notNull(countedCategories, "countedCategories"));
        if (countedCategories.isEmpty()) {
            throw new IllegalArgumentException("countedCategories must name at least one status category");
        }
        Checks.notNull(revenueBasis, "revenueBasis");
        Checks.optional(currency, "currency");
    }

    /**
     * Returns options with completed orders counted, net revenue and the currency from the data.
     *
     * @param grid the reporting periods, not null
     * @param activeWindowDays the activity window in days
     * @return the options, never null
     */
    public static OrderKpiOptions of(PeriodGrid grid, int activeWindowDays) {
        return new OrderKpiOptions(grid, activeWindowDays, EnumSet.of(OrderStatusCategory.COMPLETED),
                RevenueBasis.NET, Optional.empty());
    }

    /**
     * Describes every definition in one line, for printing next to results.
     *
     * @return the description, never null
     */
    public String describe() {
        return grid + "; active = a counted purchase in the last " + activeWindowDays
                + " days; new = first counted purchase ever in the period; counted = " + countedCategories
                + "; revenue = " + revenueBasis + "; currency = "
                + currency.map(Currency::getCurrencyCode).orElse("from data");
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
        private Set<OrderStatusCategory> countedCategories;
        private RevenueBasis revenueBasis;
        private Optional<Currency> currency;

        private Builder(OrderKpiOptions from) {
            this.grid = from.grid();
            this.activeWindowDays = from.activeWindowDays();
            this.countedCategories = from.countedCategories();
            this.revenueBasis = from.revenueBasis();
            this.currency = from.currency();
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
         * Sets {@link OrderKpiOptions#countedCategories()}.
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder countedCategories(Set<OrderStatusCategory> value) {
            this.countedCategories = value;
            return this;
        }

        /**
         * Sets {@link OrderKpiOptions#revenueBasis()}.
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder revenueBasis(RevenueBasis value) {
            this.revenueBasis = value;
            return this;
        }

        /**
         * Sets {@link OrderKpiOptions#currency()}.
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder currency(Optional<Currency> value) {
            this.currency = value;
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
            return new OrderKpiOptions(grid, activeWindowDays, countedCategories, revenueBasis, currency);
        }
    }
}
