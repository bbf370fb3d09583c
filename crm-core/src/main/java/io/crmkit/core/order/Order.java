package io.crmkit.core.order;

import com.google.common.collect.ImmutableList;
import io.crmkit.core.CampaignId;
import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.OrderId;
import io.crmkit.core.internal.Checks;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.time.Instant;

/**
 * An order: one purchase transaction of a customer, with its status, sales channel, optional
 * lines and its totals.
 *
 * <p>Amounts: {@code grossAmount} is the merchandise value before discounts (the sum of the line
 * amounts when lines are given); {@code discountAmount} is the order-level discount;
 * {@code refundedAmount} is what was refunded later (returns, goodwill). {@link #netRevenue()} is
 * {@code gross - discount - refunded}. Taxes and shipping are outside these amounts. All amounts
 * and line prices are in one currency.
 *
 * <p>Rules checked in the constructor: one currency throughout
 * ({@link io.crmkit.core.CurrencyMismatchException} otherwise); no negative amount; the discount
 * does not exceed the gross amount and the refunds do not exceed what was paid; with lines, the
 * gross amount equals the sum of the line amounts.
 *
 * <p>Immutable and thread-safe. Use {@link #of} for a plain completed order or {@link #builder}.
 *
 * @param id the identifier, not null
 * @param customerId the buying customer, not null
 * @param placedAt when the order was placed, not null
 * @param status the status (label and category), not null
 * @param channel where it was placed, not null
 * @param lines the lines, possibly empty, not null
 * @param grossAmount the merchandise value before discount, not null
 * @param discountAmount the order-level discount, not null
 * @param refundedAmount the amount refunded after the sale, not null
 * @param campaign the campaign the order is attributed to, if any, not null
 */
public record Order(
        OrderId id,
        CustomerId customerId,
        Instant placedAt,
        OrderStatus status,
        SalesChannel channel,
        List<OrderLine> lines,
        Money grossAmount,
        Money discountAmount,
        Money refundedAmount,
        Optional<CampaignId> campaign) {

    /**
     * Validates the order and copies its lines.
     *
     * @throws NullPointerException if a component or a line is null
     * @throws IllegalArgumentException if a rule in the class description is broken
     * @throws io.crmkit.core.CurrencyMismatchException if amounts are in different currencies
     */
    public Order {
        Checks.notNull(id, "id");
        Checks.notNull(customerId, "customerId");
        Checks.notNull(placedAt, "placedAt");
        Checks.notNull(status, "status");
        Checks.notNull(channel, "channel");
        lines = ImmutableList.copyOf(Checks.notNull(lines, "lines"));
        Checks.notNull(grossAmount, "grossAmount");
        Checks.notNull(discountAmount, "discountAmount");
        Checks.notNull(refundedAmount, "refundedAmount");
        Checks.optional(campaign, "campaign");
        String where = "order " + id;
        grossAmount.requireSameCurrency(discountAmount, where + " discountAmount");
        grossAmount.requireSameCurrency(refundedAmount, where + " refundedAmount");
        requireNotNegative(grossAmount, "grossAmount", id);
        requireNotNegative(discountAmount, "discountAmount", id);
        requireNotNegative(refundedAmount, "refundedAmount", id);
        if (discountAmount.compareTo(grossAmount) > 0) {
            throw new IllegalArgumentException("order " + id + ": discountAmount " + discountAmount
                    + " must not exceed grossAmount " + grossAmount);
        }
        Money paid = grossAmount.minus(discountAmount);
        if (refundedAmount.compareTo(paid) > 0) {
            throw new IllegalArgumentException("order " + id + ": refundedAmount " + refundedAmount
                    + " must not exceed the amount paid " + paid);
        }
        if (!lines.isEmpty()) {
            Money sum = Money.zero(grossAmount.currency());
            for (OrderLine line : lines) {
                grossAmount.requireSameCurrency(line.unitPrice(), where + " line " + line.product());
                sum = sum.plus(line.amount());
            }
            if (!sum.equals(grossAmount)) {
                throw new IllegalArgumentException("order " + id + ": grossAmount " + grossAmount
                        + " must equal the sum of the line amounts " + sum);
            }
        }
    }

    private static void requireNotNegative(Money amount, String field, OrderId id) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("order " + id + ": " + field + " must not be negative: " + amount);
        }
    }

    /**
     * Returns a completed order without lines, discount or refund, channel unknown.
     *
     * @param id the identifier, not null
     * @param customerId the customer, not null
     * @param placedAt when placed, not null
     * @param amount the amount paid, not negative, not null
     * @return the order, never null
     */
    public static Order of(OrderId id, CustomerId customerId, Instant placedAt, Money amount) {
        Money zero = Money.zero(Checks.notNull(amount, "amount").currency());
        return new Order(id, customerId, placedAt, OrderStatus.COMPLETED, SalesChannel.UNKNOWN, List.of(), amount,
                zero, zero, Optional.empty());
    }

    /**
     * Starts a builder; the order starts completed, channel unknown, without lines, discount,
     * refund or campaign, with a gross amount of zero.
     *
     * @param id the identifier, not null
     * @param customerId the customer, not null
     * @param placedAt when placed, not null
     * @param currency the currency of every amount, not null
     * @return a new builder, never null
     */
    public static Builder builder(OrderId id, CustomerId customerId, Instant placedAt, Currency currency) {
        return new Builder(id, customerId, placedAt, currency);
    }

    /**
     * Returns the currency of the order.
     *
     * @return the currency, never null
     */
    public Currency currency() {
        return grossAmount.currency();
    }

    /**
     * Returns the net revenue: gross amount minus discount minus refunds, never negative.
     *
     * @return the net revenue, never null
     */
    public Money netRevenue() {
        return grossAmount.minus(discountAmount).minus(refundedAmount);
    }

    /**
     * Returns the net revenue in minor units of the order's currency, the amount of
     * {@link #netRevenue()} without building {@link Money} (summaries of millions of orders).
     *
     * @return the net revenue in minor units, not negative
     */
    public long netRevenueMinorUnits() {
        long net = grossAmount.toMinorUnits();
        if (!discountAmount.isZero()) {
            net -= discountAmount.toMinorUnits();
        }
        if (!refundedAmount.isZero()) {
            net -= refundedAmount.toMinorUnits();
        }
        return net;
    }

    /**
     * Returns the margin: net revenue minus the cost of all lines, when the order has lines and
     * every line has a unit cost. The cost of refunded goods is not added back.
     *
     * @return the margin (negative when sold below cost), or empty, never null
     */
    public Optional<Money> margin() {
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        Money cost = Money.zero(currency());
        for (OrderLine line : lines) {
            Optional<Money> c = line.cost();
            if (c.isEmpty()) {
                return Optional.empty();
            }
            cost = cost.plus(c.get());
        }
        return Optional.of(netRevenue().minus(cost));
    }

    /**
     * Builds an {@link Order}. Not thread-safe; the built order is.
     */
    public static final class Builder {
        private final OrderId id;
        private final CustomerId customerId;
        private final Instant placedAt;
        private final Currency currency;
        private OrderStatus status = OrderStatus.COMPLETED;
        private SalesChannel channel = SalesChannel.UNKNOWN;
        private final List<OrderLine> lines = new ArrayList<>();
        private Optional<Money> grossAmount = Optional.empty();
        private Optional<Money> discountAmount = Optional.empty();
        private Optional<Money> refundedAmount = Optional.empty();
        private Optional<CampaignId> campaign = Optional.empty();

        private Builder(OrderId id, CustomerId customerId, Instant placedAt, Currency currency) {
            this.id = id;
            this.customerId = customerId;
            this.placedAt = placedAt;
            this.currency = Checks.notNull(currency, "currency");
        }

        /**
         * Sets the status (default {@link OrderStatus#COMPLETED}).
         *
         * @param value the status, not null
         * @return this builder
         */
        public Builder status(OrderStatus value) {
            this.status = value;
            return this;
        }

        /**
         * Sets the sales channel (default {@link SalesChannel#UNKNOWN}).
         *
         * @param value the channel, not null
         * @return this builder
         */
        public Builder channel(SalesChannel value) {
            this.channel = value;
            return this;
        }

        /**
         * Adds a line; unless a gross amount is set explicitly, the gross amount is the sum of the
         * line amounts.
         *
         * @param value the line, not null
         * @return this builder
         */
        public Builder line(OrderLine value) {
            lines.add(Checks.notNull(value, "line"));
            return this;
        }

        /**
         * Sets the gross amount (default: the sum of the lines, or zero without lines).
         *
         * @param value the gross amount, not null
         * @return this builder
         */
        public Builder grossAmount(Money value) {
            this.grossAmount = Optional.of(value);
            return this;
        }

        /**
         * Sets the order-level discount (default zero).
         *
         * @param value the discount, not null
         * @return this builder
         */
        public Builder discountAmount(Money value) {
            this.discountAmount = Optional.of(value);
            return this;
        }

        /**
         * Sets the refunded amount (default zero).
         *
         * @param value the refunds, not null
         * @return this builder
         */
        public Builder refundedAmount(Money value) {
            this.refundedAmount = Optional.of(value);
            return this;
        }

        /**
         * Sets the campaign.
         *
         * @param value the campaign, not null
         * @return this builder
         */
        public Builder campaign(CampaignId value) {
            this.campaign = Optional.of(value);
            return this;
        }

        /**
         * Builds the order.
         *
         * @return the order, never null
         * @throws IllegalArgumentException if a rule of {@link Order} is broken
         */
        public Order build() {
            Money zero = Money.zero(currency);
            Money gross = grossAmount.orElseGet(() -> {
                Money sum = zero;
                for (OrderLine line : lines) {
                    zero.requireSameCurrency(line.unitPrice(), "order " + id + " line " + line.product());
                    sum = sum.plus(line.amount());
                }
                return sum;
            });
            return new Order(id, customerId, placedAt, status, channel, lines, gross, discountAmount.orElse(zero),
                    refundedAmount.orElse(zero), campaign);
        }
    }
}
