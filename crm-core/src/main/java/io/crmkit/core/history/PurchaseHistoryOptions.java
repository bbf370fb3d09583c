package io.crmkit.core.history;

import io.crmkit.core.internal.Checks;
import io.crmkit.core.order.OrderStatusCategory;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumSet;
import java.util.Optional;

/**
 * The definitions used to turn orders into purchase histories: the {@linkplain PurchaseDefinition
 * purchase definition} shared with every other analytic that reads orders, plus when the histories
 * are observed and in which unit their durations are given. Every choice is explicit and is
 * printed by {@link #describe()} next to every result.
 *
 * <p>Immutable and thread-safe. Build with {@link #builder(AsOf)}; the defaults are listed there.
 *
 * @param asOf when the histories are observed, and in which clock, not null
 * @param purchase which orders count, what one purchase is, its value, zone and currency, not null
 * @param timeUnit the unit of the durations in the BTYD view ({@code t_x}, {@code T}), not null
 */
public record PurchaseHistoryOptions(AsOf asOf, PurchaseDefinition purchase, PeriodUnit timeUnit) implements PurchaseDefined {

    /**
     * Validates the options.
     *
     * @throws NullPointerException if a component is null
     */
    public PurchaseHistoryOptions {
        Checks.notNull(asOf, "asOf");
        Checks.notNull(purchase, "purchase");
        Checks.notNull(timeUnit, "timeUnit");
    }

    /**
     * Starts a builder. Defaults: the {@linkplain PurchaseDefinition#defaults() default purchase
     * definition} (zone UTC, purchase unit {@link PurchaseUnit#ORDER}, revenue
     * {@link RevenueBasis#NET}, counted categories {@code {COMPLETED}}, currency taken from the
     * data) and time unit {@link PeriodUnit#DAYS}. The as-of has no default: crmkit never assumes
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
        return asOf.cutoff(purchase.zone());
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
     * {@code "as-of end of 1997-09-30 (day clock); purchase = DAY; revenue = NET;
     * counted = [COMPLETED]; currency = from data; days in UTC; time unit = WEEKS"}.
     *
     * @return the description, never null
     */
    public String describe() {
        return "as-of " + asOf + (dayClock() ? " (day clock)" : " (exact clock)") + "; " + purchase.describe()
                + "; time unit = " + timeUnit;
    }

    /**
     * Returns a builder holding these options, to change some of them.
     *
     * @return a new builder, never null
     */
    public Builder toBuilder() {
        Builder b = new Builder(asOf);
        b.purchase = purchase.toBuilder();
        b.timeUnit = timeUnit;
        return b;
    }

    /**
     * Builds {@link PurchaseHistoryOptions}. Not thread-safe.
     */
    public static final class Builder {
        private final AsOf asOf;
        private PurchaseDefinition.Builder purchase = PurchaseDefinition.builder();
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
            purchase.zone(value);
            return this;
        }

        /**
         * Sets what counts as one purchase (default {@link PurchaseUnit#ORDER}).
         *
         * @param value the unit, not null
         * @return this builder
         */
        public Builder purchaseUnit(PurchaseUnit value) {
            purchase.purchaseUnit(value);
            return this;
        }

        /**
         * Sets which amount counts (default {@link RevenueBasis#NET}).
         *
         * @param value the basis, not null
         * @return this builder
         */
        public Builder revenueBasis(RevenueBasis value) {
            purchase.revenueBasis(value);
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
            purchase.countedCategories(EnumSet.of(first, more));
            return this;
        }

        /**
         * Requires every counted order to be in this currency (default: taken from the data).
         *
         * @param value the currency, not null
         * @return this builder
         */
        public Builder currency(Currency value) {
            purchase.currency(Optional.of(value));
            return this;
        }

        /**
         * Sets every part of the purchase definition at once (default
         * {@link PurchaseDefinition#defaults()}); the other setters change one part of it.
         *
         * @param value the definition, not null
         * @return this builder
         */
        public Builder purchase(PurchaseDefinition value) {
            this.purchase = Checks.notNull(value, "purchase").toBuilder();
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
            return new PurchaseHistoryOptions(asOf, purchase.build(), timeUnit);
        }
    }
}
