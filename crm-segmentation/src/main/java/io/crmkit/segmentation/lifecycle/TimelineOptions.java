package io.crmkit.segmentation.lifecycle;

import io.crmkit.core.history.PurchaseDefined;
import io.crmkit.core.history.PurchaseDefinition;
import io.crmkit.core.history.PurchaseUnit;
import io.crmkit.core.history.RevenueBasis;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.order.OrderStatusCategory;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Optional;
import java.util.Set;

/**
 * What a purchase is for the lifecycle analyses: the {@linkplain PurchaseDefinition purchase
 * definition} shared with every other analytic. A customer's timeline holds the calendar days in
 * the definition's zone on which they placed at least one counted order, each with the day's value
 * (the sum of its orders on the revenue basis) and, under {@link PurchaseUnit#ORDER}, its number of
 * orders. The unit decides what is counted: under {@code ORDER} (the default, ADR 0016) every
 * counted order is a purchase, so two orders on one day are two purchases (frequencies, repeat
 * counts, stages and the BTYD {@code x}); under {@code DAY} they are one. Gaps and rhythms are
 * always measured between distinct purchase days, in whole days.
 *
 * <p>Immutable and thread-safe.
 *
 * @param purchase which orders count, what one purchase is, its value, zone and currency, not null
 */
public record TimelineOptions(PurchaseDefinition purchase) implements PurchaseDefined {

    /**
     * Validates the options.
     *
     * @throws NullPointerException if the definition is null
     */
    public TimelineOptions {
        Checks.notNull(purchase, "purchase");
    }

    /**
     * Returns the default definition ({@link PurchaseDefinition#defaults()}): days in UTC, every
     * completed order one purchase, net revenue, the currency from the data.
     *
     * @return the options, never null
     */
    public static TimelineOptions defaults() {
        return new TimelineOptions(PurchaseDefinition.defaults());
    }

    /**
     * Returns these options with another zone.
     *
     * @param value the zone, not null
     * @return new options, never null
     */
    public TimelineOptions withZone(ZoneId value) {
        return new TimelineOptions(purchase.withZone(value));
    }

    /**
     * Returns a one-line description, printed with every result.
     *
     * @return the description, never null
     */
    public String describe() {
        return purchase.describe() + "; gaps between distinct purchase days";
    }

    /**
     * Returns a builder; every setting starts at its {@linkplain #defaults() default}.
     *
     * @return a new builder, never null
     */
    public static Builder builder() {
        return new Builder(defaults());
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
     * Builds {@link TimelineOptions}: one setter per part of the purchase definition, validated by
     * {@link #build()}.
     *
     * <p>Not thread-safe; use one builder per thread.
     */
    public static final class Builder {
        private PurchaseDefinition.Builder purchase;

        private Builder(TimelineOptions from) {
            this.purchase = from.purchase().toBuilder();
        }

        /**
         * Sets the whole purchase definition; the other setters change one part of it.
         *
         * @param value the definition, not null
         * @return this builder
         */
        public Builder purchase(PurchaseDefinition value) {
            this.purchase = Checks.notNull(value, "purchase").toBuilder();
            return this;
        }

        /**
         * Sets the definition's {@link PurchaseDefinition#zone()}.
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder zone(ZoneId value) {
            purchase.zone(value);
            return this;
        }

        /**
         * Sets the definition's {@link PurchaseDefinition#purchaseUnit()}.
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder purchaseUnit(PurchaseUnit value) {
            purchase.purchaseUnit(value);
            return this;
        }

        /**
         * Sets the definition's {@link PurchaseDefinition#revenueBasis()}.
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder revenueBasis(RevenueBasis value) {
            purchase.revenueBasis(value);
            return this;
        }

        /**
         * Sets the definition's {@link PurchaseDefinition#countedCategories()}.
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder countedCategories(Set<OrderStatusCategory> value) {
            purchase.countedCategories(value);
            return this;
        }

        /**
         * Sets the definition's {@link PurchaseDefinition#currency()}.
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder currency(Optional<Currency> value) {
            purchase.currency(value);
            return this;
        }

        /**
         * Returns the options.
         *
         * @return the options, never null
         * @throws IllegalArgumentException if a setting is out of range
         * @throws NullPointerException if a setting is null
         */
        public TimelineOptions build() {
            return new TimelineOptions(purchase.build());
        }
    }
}
