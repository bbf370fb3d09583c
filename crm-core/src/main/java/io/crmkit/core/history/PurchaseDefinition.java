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
 * What a customer's purchase is: which orders count, what one purchase is, what it is worth and
 * in which calendar. Every analytic that reads orders (per-customer summaries and their BTYD and
 * RFM views, period KPIs and cohorts, purchase timelines and the lifecycle analyses on them)
 * embeds one, so the same definition gives the same purchases everywhere, and
 * {@link #describe()} prints it the same way next to every result.
 *
 * <p>The default ({@link #defaults()}) counts every completed order as one purchase
 * ({@link PurchaseUnit#ORDER}, ADR 0016), valued at its net revenue, with calendar days in UTC and
 * the currency taken from the data.
 *
 * <p>Immutable and thread-safe.
 *
 * @param zone the zone that defines calendar days (same-day orders under {@link PurchaseUnit#DAY},
 *     day clocks, day gaps), not null
 * @param purchaseUnit what counts as one purchase, not null
 * @param revenueBasis which amount of an order counts, not null
 * @param countedCategories which order status categories count as purchases, not empty, not null
 * @param currency the currency every counted order must be in; when empty, the currency of the
 *     first counted order, and every other must match; not null
 */
public record PurchaseDefinition(
        ZoneId zone,
        PurchaseUnit purchaseUnit,
        RevenueBasis revenueBasis,
        Set<OrderStatusCategory> countedCategories,
        Optional<Currency> currency) {

    private static final PurchaseDefinition DEFAULTS = new PurchaseDefinition(ZoneOffset.UTC, PurchaseUnit.ORDER,
            RevenueBasis.NET, EnumSet.of(OrderStatusCategory.COMPLETED), Optional.empty());

    /**
     * Validates the definition.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if no status category is counted
     */
    public PurchaseDefinition {
        Checks.notNull(zone, "zone");
        Checks.notNull(purchaseUnit, "purchaseUnit");
        Checks.notNull(revenueBasis, "revenueBasis");
        countedCategories = Sets.immutableEnumSet(Checks.notNull(countedCategories, "countedCategories"));
        if (countedCategories.isEmpty()) {
            throw new IllegalArgumentException("countedCategories must name at least one status category");
        }
        Checks.optional(currency, "currency");
    }

    /**
     * Returns the default definition: calendar days in UTC, every completed order one purchase
     * ({@link PurchaseUnit#ORDER}), net revenue, the currency from the data.
     *
     * @return the definition, never null
     */
    public static PurchaseDefinition defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a builder; every setting starts at its {@linkplain #defaults() default}.
     *
     * @return a new builder, never null
     */
    public static Builder builder() {
        return new Builder(DEFAULTS);
    }

    /**
     * Returns a builder holding this definition, to change some of it.
     *
     * @return a new builder, never null
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Returns this definition with another zone.
     *
     * @param value the zone, not null
     * @return the definition, never null
     */
    public PurchaseDefinition withZone(ZoneId value) {
        return new PurchaseDefinition(value, purchaseUnit, revenueBasis, countedCategories, currency);
    }

    /**
     * Returns this definition with another purchase unit.
     *
     * @param value the unit, not null
     * @return the definition, never null
     */
    public PurchaseDefinition withPurchaseUnit(PurchaseUnit value) {
        return new PurchaseDefinition(zone, value, revenueBasis, countedCategories, currency);
    }

    /**
     * Returns whether orders of this status category count as purchases.
     *
     * @param category the category, not null
     * @return true when counted
     */
    public boolean counts(OrderStatusCategory category) {
        return countedCategories.contains(Checks.notNull(category, "category"));
    }

    /**
     * Describes the definition in one line, for printing next to results, for example
     * {@code "purchase = ORDER; revenue = NET; counted = [COMPLETED]; currency = from data; days in UTC"}.
     *
     * @return the description, never null
     */
    public String describe() {
        return "purchase = " + purchaseUnit + "; revenue = " + revenueBasis + "; counted = " + countedCategories
                + "; currency = " + currency.map(Currency::getCurrencyCode).orElse("from data") + "; days in " + zone;
    }

    /**
     * Builds {@link PurchaseDefinition}: one setter per component, validated by {@link #build()}.
     *
     * <p>Not thread-safe; use one builder per thread.
     */
    public static final class Builder {
        private ZoneId zone;
        private PurchaseUnit purchaseUnit;
        private RevenueBasis revenueBasis;
        private Set<OrderStatusCategory> countedCategories;
        private Optional<Currency> currency;

        private Builder(PurchaseDefinition from) {
            this.zone = from.zone;
            this.purchaseUnit = from.purchaseUnit;
            this.revenueBasis = from.revenueBasis;
            this.countedCategories = from.countedCategories;
            this.currency = from.currency;
        }

        /**
         * Sets {@link PurchaseDefinition#zone()} (default UTC).
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder zone(ZoneId value) {
            this.zone = value;
            return this;
        }

        /**
         * Sets {@link PurchaseDefinition#purchaseUnit()} (default {@link PurchaseUnit#ORDER}).
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder purchaseUnit(PurchaseUnit value) {
            this.purchaseUnit = value;
            return this;
        }

        /**
         * Sets {@link PurchaseDefinition#revenueBasis()} (default {@link RevenueBasis#NET}).
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder revenueBasis(RevenueBasis value) {
            this.revenueBasis = value;
            return this;
        }

        /**
         * Sets {@link PurchaseDefinition#countedCategories()} (default {@code {COMPLETED}}).
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder countedCategories(Set<OrderStatusCategory> value) {
            this.countedCategories = value;
            return this;
        }

        /**
         * Sets {@link PurchaseDefinition#currency()} (default empty: taken from the data).
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder currency(Optional<Currency> value) {
            this.currency = value;
            return this;
        }

        /**
         * Returns the definition.
         *
         * @return the definition, never null
         * @throws IllegalArgumentException if no status category is counted
         * @throws NullPointerException if a setting is null
         */
        public PurchaseDefinition build() {
            return new PurchaseDefinition(zone, purchaseUnit, revenueBasis, countedCategories, currency);
        }
    }
}
