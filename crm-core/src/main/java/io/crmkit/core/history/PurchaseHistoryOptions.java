package io.crmkit.core.history;

import com.google.common.collect.Sets;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.order.OrderStatusCategory;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The definitions used to turn orders into purchase histories. Every choice is explicit and is
 * printed by {@link #describe()} next to every result.
 *
 * <p>Immutable and thread-safe. Build with {@link #builder(AsOf)}; the defaults are listed there.
 *
 * @param asOf when the histories are observed, and in which clock, not null
 * @param zone the zone that defines calendar days (day clock, same-day collapse), not null
 * @param purchaseUnit what counts as one purchase, not null
 * @param revenueBasis which amount of an order counts, not null
 * @param countedCategories which order status categories count as purchases, not empty, not null
 * @param currency the currency every counted order must be in; when empty, the currency of the
 *     first counted order, and every other must match; not null
 * @param timeUnit the unit of the durations in the BTYD view ({@code t_x}, {@code T}), not null
 */
public record PurchaseHistoryOptions(
        AsOf asOf,
        ZoneId zone,
        PurchaseUnit purchaseUnit,
        RevenueBasis revenueBasis,
        Set<OrderStatusCategory> countedCategories,
        Optional<Currency> currency,
        PeriodUnit timeUnit) {

    /**
     * Validates the options.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if no status category is counted
     */
    public PurchaseHistoryOptions {
        Checks.notNull(asOf, "asOf");
        Checks.notNull(zone, "zone");
        Checks.notNull(purchaseUnit, "purchaseUnit");
        Checks.notNull(revenueBasis, "revenueBasis");
        countedCategories = Sets.immutableEnumSet(Checks.notNull(countedCategories, "countedCategories"));
        if (countedCategories.isEmpty()) {
            throw new IllegalArgumentException("countedCategories must name at least one status category");
        }
        Checks.optional(currency, "currency");
        Checks.notNull(timeUnit, "timeUnit");
    }

    /**
     * Starts a builder. Defaults: zone UTC, purchase unit {@link PurchaseUnit#ORDER}, revenue
     * {@link RevenueBasis#NET}, counted categories {@code {COMPLETED}}, currency taken from the
     * data, time unit {@link PeriodUnit#DAYS}. The as-of has no default: crmkit never assumes
     * "now".
     *
     * @param asOf when the histories are observed, not null
     * @return a new builder, never null
     */
    public static Builder builder(AsOf asOf) {
        return new Builder(asOf);
    }

    /**
     * Returns the BTYD-literature convention: day clock through {@code lastDay} in the zone,
     * same-day orders collapsed into one purchase, net revenue, completed orders, and the given
     * time unit. With {@code lastDay} 1997-09-30, UTC and weeks this reproduces the published
     * CDNOW summaries.
     *
     * @param lastDay the last calendar day observed (the calibration end), not null
     * @param zone the zone of calendar days, not null
     * @param timeUnit the unit of the durations, not null
     * @return the options, never null
     */
    public static PurchaseHistoryOptions btydConvention(java.time.LocalDate lastDay, ZoneId zone,
            PeriodUnit timeUnit) {
        return builder(AsOf.endOfDay(lastDay)).zone(zone).purchaseUnit(PurchaseUnit.DAY).timeUnit(timeUnit).build();
    }

    /**
     * Returns the first instant not observed: orders placed at or after it are excluded.
     *
     * @return the exclusive cut-off, never null
     */
    public java.time.Instant cutoff() {
        return asOf.cutoff(zone);
    }

    /**
     * Returns whether durations are whole calendar days ({@link AsOf#endOfDay}).
     *
     * @return true for the day clock
     */
    public boolean dayClock() {
        return asOf instanceof AsOf.EndOfDay;
    }

    /**
     * Describes every definition in one line, for printing next to results, for example
     * {@code "as-of end of 1997-09-30 (day clock) in UTC; purchase = DAY; revenue = NET;
     * counted = [COMPLETED]; currency = from data; time unit = WEEKS"}.
     *
     * @return the description, never null
     */
    public String describe() {
        return "as-of " + asOf + (dayClock() ? " (day clock)" : " (exact clock)") + " in " + zone
                + "; purchase = " + purchaseUnit + "; revenue = " + revenueBasis + "; counted = " + countedCategories
                + "; currency = " + currency.map(Currency::getCurrencyCode).orElse("from data")
                + "; time unit = " + timeUnit;
    }

    /**
     * Returns a builder holding these options, to change some of them.
     *
     * @return a new builder, never null
     */
    public Builder toBuilder() {
        Builder b = new Builder(asOf);
        b.zone = zone;
        b.purchaseUnit = purchaseUnit;
        b.revenueBasis = revenueBasis;
        b.countedCategories = countedCategories;
        b.currency = currency;
        b.timeUnit = timeUnit;
        return b;
    }

    /**
     * Builds {@link PurchaseHistoryOptions}. Not thread-safe.
     */
    public static final class Builder {
        private final AsOf asOf;
        private ZoneId zone = ZoneOffset.UTC;
        private PurchaseUnit purchaseUnit = PurchaseUnit.ORDER;
        private RevenueBasis revenueBasis = RevenueBasis.NET;
        private Set<OrderStatusCategory> countedCategories = EnumSet.of(OrderStatusCategory.COMPLETED);
        private Optional<Currency> currency = Optional.empty();
        private PeriodUnit timeUnit = PeriodUnit.DAYS;

        private Builder(AsOf asOf) {
            this.asOf = asOf;
        }

        /**
         * Sets the zone of calendar days (default UTC).
         *
         * @param value the zone, not null
         * @return this builder
         */
        public Builder zone(ZoneId value) {
            this.zone = value;
            return this;
        }

        /**
         * Sets what counts as one purchase (default {@link PurchaseUnit#ORDER}).
         *
         * @param value the unit, not null
         * @return this builder
         */
        public Builder purchaseUnit(PurchaseUnit value) {
            this.purchaseUnit = value;
            return this;
        }

        /**
         * Sets which amount counts (default {@link RevenueBasis#NET}).
         *
         * @param value the basis, not null
         * @return this builder
         */
        public Builder revenueBasis(RevenueBasis value) {
            this.revenueBasis = value;
            return this;
        }

        /**
         * Sets which status categories count (default {@code {COMPLETED}}).
         *
         * @param first a category, not null
         * @param more further categories, not null
         * @return this builder
         */
        public Builder countedCategories(OrderStatusCategory first, OrderStatusCategory... more) {
            this.countedCategories = EnumSet.of(first, more);
            return this;
        }

        /**
         * Requires every counted order to be in this currency (default: taken from the data).
         *
         * @param value the currency, not null
         * @return this builder
         */
        public Builder currency(Currency value) {
            this.currency = Optional.of(value);
            return this;
        }

        /**
         * Sets the unit of the BTYD view's durations (default {@link PeriodUnit#DAYS}).
         *
         * @param value the unit, not null
         * @return this builder
         */
        public Builder timeUnit(PeriodUnit value) {
            this.timeUnit = value;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options, never null
         */
        public PurchaseHistoryOptions build() {
            return new PurchaseHistoryOptions(asOf, zone, purchaseUnit, revenueBasis, countedCategories, currency,
                    timeUnit);
        }
    }
}
