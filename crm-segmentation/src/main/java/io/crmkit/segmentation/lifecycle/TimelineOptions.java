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
}
