package io.crmkit.segmentation.lifecycle;

import com.google.common.collect.Sets;
import io.crmkit.core.history.RevenueBasis;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.order.OrderStatusCategory;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a purchase is for the lifecycle analyses: a calendar day in {@code zone} on which the
 * customer placed at least one order of a counted status category (several orders on one day are
 * one purchase occasion, the day's value their sum), valued on the chosen revenue basis.
 *
 * <p>Immutable and thread-safe.
 *
 * @param zone the zone that defines calendar days, not null
 * @param revenueBasis which amount of an order counts towards a day's value, not null
 * @param countedCategories which order status categories count as purchases, not empty, not null
 */
public record TimelineOptions(ZoneId zone, RevenueBasis revenueBasis, Set<OrderStatusCategory> countedCategories) {

    /**
     * Validates the options.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if no status category is counted
     */
    public TimelineOptions {
        Checks.notNull(zone, "zone");
        Checks.notNull(revenueBasis, "revenueBasis");
        countedCategories = Sets.immutableEnumSet(Checks.notNull(countedCategories, "countedCategories"));
        if (countedCategories.isEmpty()) {
            throw new IllegalArgumentException("countedCategories must name at least one status category");
        }
    }

    /**
     * Returns the usual definition: days in UTC, net revenue, completed orders only.
     *
     * @return the options, never null
     */
    public static TimelineOptions defaults() {
        return new TimelineOptions(ZoneOffset.UTC, RevenueBasis.NET, EnumSet.of(OrderStatusCategory.COMPLETED));
    }

    /**
     * Returns these options with another zone.
     *
     * @param value the zone, not null
     * @return new options, never null
     */
    public TimelineOptions withZone(ZoneId value) {
        return new TimelineOptions(value, revenueBasis, countedCategories);
    }

    /**
     * Returns a one-line description, printed with every result.
     *
     * @return the description, never null
     */
    public String describe() {
        return "purchase = distinct day with a counted order (zone " + zone + ", " + revenueBasis.name().toLowerCase()
                + " revenue, counted " + countedCategories.toString().toLowerCase() + ")";
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
     * Builds {@link TimelineOptions}: one setter per setting, validated by {@link #build()}.
     *
     * <p>Not thread-safe; use one builder per thread.
     */
    public static final class Builder {
        private ZoneId zone;
        private RevenueBasis revenueBasis;
        private Set<OrderStatusCategory> countedCategories;

        private Builder(TimelineOptions from) {
            this.zone = from.zone();
            this.revenueBasis = from.revenueBasis();
            this.countedCategories = from.countedCategories();
        }

        /**
         * Sets {@link TimelineOptions#zone()}.
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder zone(ZoneId value) {
            this.zone = value;
            return this;
        }

        /**
         * Sets {@link TimelineOptions#revenueBasis()}.
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder revenueBasis(RevenueBasis value) {
            this.revenueBasis = value;
            return this;
        }

        /**
         * Sets {@link TimelineOptions#countedCategories()}.
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder countedCategories(Set<OrderStatusCategory> value) {
            this.countedCategories = value;
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
            return new TimelineOptions(zone, revenueBasis, countedCategories);
        }
    }
}
