package io.crmkit.core.loyalty;

import io.crmkit.core.internal.Checks;
import io.crmkit.core.order.OrderStatusCategory;
import io.crmkit.core.order.SalesChannel;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of a loyalty programme, as data.
 *
 * <h2>Earning</h2>
 * An order whose status category is one of {@link #earningCategories()} (default: completed) earns
 * {@code rate x rounding(net amount in whole currency units)} points, per order, where the rate is
 * the order's channel rate ({@link #channelRates()}, when the order's channel is known and
 * listed) or {@link #pointsPerUnit()}: under the default rounding down a partial unit earns
 * nothing (2 points per unit on 10.99 earns 20). The net amount is after discounts and refunds
 * ({@code Order.netRevenue()}, an order batch's net column). Returns (negative net amounts, such as
 * the return rows of an order file) are rounded cumulatively per customer, in time order: the
 * k-th takes back {@code rate x (rounding(R_k) - rounding(R_k-1))} where {@code R_k} is the amount
 * returned so far; a full return of a 99.50 order at 1 point per unit takes back 99 points, exactly
 * what the order earned, and ten returns of 0.99 take back 9.
 *
 * <h2>Expiry</h2>
 * With {@link #expiry()} {@code P}, a point credited at {@code t} has expired at {@code t + P}: at an
 * as-of instant {@code t + P} or later it is no longer in the balance. Without it points never expire.
 *
 * <h2>Tiers</h2>
 * See {@link TierRules}.
 *
 * <p>Immutable and thread-safe. Build with {@link #builder()}.
 *
 * @param pointsPerUnit points per whole currency unit of net amount, not negative
 * @param channelRates rates of particular sales channels, one per channel at most, copied, not null
 * @param rounding the per-order rounding, not null
 * @param expiry how long a point stays spendable, positive whole microseconds, if it expires, not null
 * @param tiers the tier rules, not null
 * @param earningCategories which order status categories earn (and whose returns reverse), not
 *     empty, copied, not null
 */
public record LoyaltyProgram(
        long pointsPerUnit,
        List<ChannelRate> channelRates,
        PointsRounding rounding,
        Optional<Duration> expiry,
        TierRules tiers,
        Set<OrderStatusCategory> earningCategories) {

    /**
     * Validates the programme.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if a rate is negative, the expiry is not positive or the
     *     categories are empty, naming the value
     */
    public LoyaltyProgram {
        if (pointsPerUnit < 0) {
            throw new IllegalArgumentException("pointsPerUnit must not be negative: " + pointsPerUnit);
        }
        Checks.notNull(channelRates, "channelRates");
        Set<SalesChannel> seen = EnumSet.noneOf(SalesChannel.class);
        for (ChannelRate r : channelRates) {
            Checks.notNull(r, "channel rate");
            if (!seen.add(r.channel())) {
                throw new IllegalArgumentException("two rates for channel " + r.channel());
            }
        }
        channelRates = List.copyOf(channelRates);
        Checks.notNull(rounding, "rounding");
        Checks.optional(expiry, "expiry").ifPresent(p -> {
            if (p.isNegative() || p.isZero() || p.getNano() % 1000 != 0) {
                throw new IllegalArgumentException("expiry must be a positive whole number of microseconds: " + p);
            }
        });
        Checks.notNull(tiers, "tiers");
        Checks.notNull(earningCategories, "earningCategories");
        if (earningCategories.isEmpty()) {
            throw new IllegalArgumentException("earningCategories must not be empty");
        }
        earningCategories = Set.copyOf(EnumSet.copyOf(earningCategories));
    }

    /**
     * Returns a builder with the defaults: 1 point per unit, rounded down, no expiry, no tiers,
     * completed orders earn.
     *
     * @return a new builder, never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the rate of a channel: its own, or {@link #pointsPerUnit()}.
     *
     * @param channel the channel, not null
     * @return points per whole currency unit
     */
    public long pointsPerUnit(SalesChannel channel) {
        for (ChannelRate r : channelRates) {
            if (r.channel() == channel) {
                return r.pointsPerUnit();
            }
        }
        return pointsPerUnit;
    }

    /**
     * Returns the expiry in microseconds, or {@link Long#MAX_VALUE} when points never expire.
     *
     * @return the expiry period in microseconds
     */
    public long expiryMicros() {
        return expiry.map(io.crmkit.core.internal.LocalDays::micros).orElse(Long.MAX_VALUE);
    }

    /**
     * A builder of {@link LoyaltyProgram}; not thread-safe.
     */
    public static final class Builder {
        private long pointsPerUnit = 1;
        private final Map<SalesChannel, ChannelRate> channels = new EnumMap<>(SalesChannel.class);
        private PointsRounding rounding = PointsRounding.DOWN;
        private Duration expiry;
        private TierRules tiers = TierRules.none();
        private Set<OrderStatusCategory> categories = EnumSet.of(OrderStatusCategory.COMPLETED);

        private Builder() {
        }

        /**
         * Sets the points per whole currency unit (default 1).
         *
         * @param value not negative
         * @return this builder
         */
        public Builder pointsPerUnit(long value) {
            this.pointsPerUnit = value;
            return this;
        }

        /**
         * Sets the rate of one sales channel.
         *
         * @param channel the channel, not null
         * @param value points per whole currency unit, not negative
         * @return this builder
         */
        public Builder channelPointsPerUnit(SalesChannel channel, long value) {
            channels.put(Checks.notNull(channel, "channel"), new ChannelRate(channel, value));
            return this;
        }

        /**
         * Sets the rounding (default {@link PointsRounding#DOWN}).
         *
         * @param value not null
         * @return this builder
         */
        public Builder rounding(PointsRounding value) {
            this.rounding = value;
            return this;
        }

        /**
         * Sets the expiry (default: none).
         *
         * @param value positive, not null
         * @return this builder
         */
        public Builder expiry(Duration value) {
            this.expiry = Checks.notNull(value, "expiry");
            return this;
        }

        /**
         * Sets the tier rules (default: none).
         *
         * @param value not null
         * @return this builder
         */
        public Builder tiers(TierRules value) {
            this.tiers = value;
            return this;
        }

        /**
         * Sets which status categories earn (default: completed).
         *
         * @param value not empty, not null
         * @return this builder
         */
        public Builder earningCategories(Set<OrderStatusCategory> value) {
            this.categories = value;
            return this;
        }

        /**
         * Builds the programme.
         *
         * @return the programme, never null
         * @throws IllegalArgumentException if a value breaks its rule
         */
        public LoyaltyProgram build() {
            return new LoyaltyProgram(pointsPerUnit, List.copyOf(channels.values()), rounding, Optional.ofNullable(expiry), tiers,
                    categories);
        }
    }
}
