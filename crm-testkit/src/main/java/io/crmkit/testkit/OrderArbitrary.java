package io.crmkit.testkit;

import io.crmkit.core.CampaignId;
import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.ProductId;
import io.crmkit.core.order.Order;
import io.crmkit.core.order.OrderLine;
import io.crmkit.core.order.OrderStatus;
import io.crmkit.core.order.SalesChannel;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.Tuple.Tuple3;
import net.jqwik.api.arbitraries.ArbitraryDecorator;

/**
 * A configurable jqwik arbitrary of valid {@link Order}s, in the style of jqwik's own
 * {@code StringArbitrary}: start from {@link Orders} and narrow it down, for example
 * <pre>{@code
 * Orders.inCurrency("USD")
 *       .placedBetween(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z"))
 *       .placedAtPrecision(Duration.ofMinutes(1))
 *       .fromCustomerPool(13)
 *       .grossMinorUnitsBetween(0, 50_000)
 *       .withoutLines()
 * }</pre>
 *
 * <p>Defaults (each replaced by the matching method), the distribution of
 * {@link CrmArbitraries#orders()}:
 * <ul>
 *   <li>currency: any of {@link CrmArbitraries#currencies()};</li>
 *   <li>placement: any of {@link CrmArbitraries#instants()} (1900 to 2099, any precision);</li>
 *   <li>customer: any of {@link CrmArbitraries#customerIds()};</li>
 *   <li>identifier: any of {@link CrmArbitraries#orderIds()} ({@link #histories()} numbers them);</li>
 *   <li>status: any of {@link CrmArbitraries#orderStatuses()}; channel: any {@link SalesChannel};</li>
 *   <li>lines and gross amount: two in five orders without lines (then any gross amount of zero or
 *       more, up to ten billion major units), the others with one to six lines of
 *       {@link CrmArbitraries#orderLines(Currency)} (then the gross amount is their sum);</li>
 *   <li>discount and refund: each none (six in ten), a fraction with three decimals (three in
 *       ten) or all (one in ten); the refund is a fraction of what was paid;</li>
 *   <li>campaign: present in three orders in ten.</li>
 * </ul>
 *
 * <p>Amounts are in <em>minor units</em> of the order's currency (cents for USD, yen for JPY).
 * Every bound is inclusive. Every generated order is valid (built by the {@link Order}
 * constructor) and respects every configured bound; values shrink through jqwik's combinators
 * (towards the start of the window, the first customer, the first status, smaller amounts,
 * fewer lines).
 *
 * <p>Every configuring method checks its arguments (an {@link IllegalArgumentException} or
 * {@link NullPointerException} naming the method, the argument and the value) and returns a new
 * arbitrary: an instance is never changed after it is returned, so it is safe to share between
 * threads and properties.
 */
public final class OrderArbitrary extends ArbitraryDecorator<Order> {

    private static final int MAX_LINES = 100;

    private Currency currency;
    private Instant from;
    private Instant to;
    private Duration precision = Duration.ofSeconds(1);
    private List<CustomerId> customers;
    private long grossMin = -1;
    private long grossMax = -1;
    private int minLines = -1;
    private int maxLines = -1;
    private List<Tuple2<Integer, OrderStatus>> statuses;
    private List<SalesChannel> channels;
    private int discountMin = -1;
    private int discountMax = -1;
    private int refundMin = -1;
    private int refundMax = -1;
    private boolean campaigns = true;

    OrderArbitrary() {
    }

    private OrderArbitrary copy() {
        return typedClone();
    }

    /**
     * Returns an arbitrary whose orders are all in the given currency.
     *
     * @param value the currency, not null
     * @return a new arbitrary, never null
     */
    public OrderArbitrary inCurrency(Currency value) {
        OrderArbitrary a = copy();
        a.currency = Arguments.notNull(value, "inCurrency", "currency");
        return a;
    }

    /**
     * Returns an arbitrary whose orders are all in the currency with the given ISO 4217 code.
     *
     * @param code an ISO 4217 code such as {@code "USD"}, not null
     * @return a new arbitrary, never null
     * @throws IllegalArgumentException if the code is not a known currency
     */
    public OrderArbitrary inCurrency(String code) {
        Arguments.notNull(code, "inCurrency", "code");
        try {
            return inCurrency(Currency.getInstance(code));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("inCurrency: code must be an ISO 4217 currency code: '" + code + "'", e);
        }
    }

    /**
     * Returns an arbitrary whose orders are in any currency (the default).
     *
     * @return a new arbitrary, never null
     */
    public OrderArbitrary inAnyCurrency() {
        OrderArbitrary a = copy();
        a.currency = null;
        return a;
    }

    /**
     * Returns an arbitrary whose orders are placed from {@code from} to {@code to}, both inclusive,
     * at {@code from} plus a whole multiple of the precision (one second unless
     * {@link #placedAtPrecision(Duration)} says otherwise).
     *
     * @param from the earliest placement, not null
     * @param to the latest placement, not before {@code from}, not null
     * @return a new arbitrary, never null
     * @throws IllegalArgumentException if {@code from} is after {@code to}
     */
    public OrderArbitrary placedBetween(Instant from, Instant to) {
        Arguments.window(from, to, "placedBetween");
        Arguments.steps(from, to, precision, "placedBetween");
        OrderArbitrary a = copy();
        a.from = from;
        a.to = to;
        return a;
    }

    /**
     * Returns an arbitrary whose placement times are {@code from} plus whole multiples of the
     * given step, such as {@code Duration.ofMinutes(1)} or {@code Duration.ofDays(1)}; coarse steps
     * make orders of the same time (ties) frequent. Takes effect with
     * {@link #placedBetween(Instant, Instant)}; the default is one second.
     *
     * @param step the step, positive, not null
     * @return a new arbitrary, never null
     * @throws IllegalArgumentException if the step is not positive, or so fine that the window
     *     has more than {@code Long.MAX_VALUE} steps
     */
    public OrderArbitrary placedAtPrecision(Duration step) {
        if (from != null) {
            Arguments.steps(from, to, step, "placedAtPrecision");
        } else {
            Arguments.steps(Instant.EPOCH, Instant.EPOCH, step, "placedAtPrecision");
        }
        OrderArbitrary a = copy();
        a.precision = step;
        return a;
    }

    /**
     * Returns an arbitrary whose customers are drawn from a pool of {@code size} customers with the
     * identifiers {@code c0}, {@code c1}, ... {@code c<size-1>} (shrinking towards {@code c0}), so
     * that customers have several orders.
     *
     * @param size the number of customers, 1 to 1,000,000
     * @return a new arbitrary, never null
     * @throws IllegalArgumentException if the size is out of range
     */
    public OrderArbitrary fromCustomerPool(int size) {
        OrderArbitrary a = copy();
        a.customers = Arguments.pool(size, "fromCustomerPool");
        return a;
    }

    /**
     * Returns an arbitrary whose customers are drawn from the given identifiers (duplicates count
     * once; shrinking towards the first).
     *
     * @param ids the identifiers, at least one, none null
     * @return a new arbitrary, never null
     * @throws IllegalArgumentException if there is no identifier or one is null
     */
    public OrderArbitrary fromCustomers(CustomerId... ids) {
        Arguments.notNull(ids, "fromCustomers", "ids");
        return fromCustomers(Arrays.asList(ids));
    }

    /**
     * Returns an arbitrary whose customers are drawn from the given identifiers (duplicates count
     * once; shrinking towards the first in iteration order).
     *
     * @param ids the identifiers, at least one, none null
     * @return a new arbitrary, never null
     * @throws IllegalArgumentException if there is no identifier or one is null
     */
    public OrderArbitrary fromCustomers(Collection<CustomerId> ids) {
        OrderArbitrary a = copy();
        a.customers = Arguments.nonEmpty(ids, "fromCustomers", "ids");
        return a;
    }

    /**
     * Returns an arbitrary whose gross amounts (merchandise value before discount) lie between the
     * bounds, in minor units of the order's currency. Orders with lines then get lines of quantity
     * one whose prices split the gross amount (the realistic decimal quantities and costs of the
     * default lines would not keep the sum within the bounds).
     *
     * @param min the least gross amount in minor units, zero or more
     * @param max the greatest gross amount in minor units, at least {@code min}
     * @return a new arbitrary, never null
     * @throws IllegalArgumentException if a bound is negative or {@code min > max}
     */
    public OrderArbitrary grossMinorUnitsBetween(long min, long max) {
        Arguments.range(min, max, 0, Long.MAX_VALUE, "grossMinorUnitsBetween", "gross");
        OrderArbitrary a = copy();
        a.grossMin = min;
        a.grossMax = max;
        return a;
    }

    /**
     * Returns an arbitrary whose orders have no lines.
     *
     * @return a new arbitrary, never null
     */
    public OrderArbitrary withoutLines() {
        return withLines(0, 0);
    }

    /**
     * Returns an arbitrary whose orders have {@code min} to {@code max} lines.
     *
     * @param min the least number of lines, 0 to 100
     * @param max the greatest number of lines, {@code min} to 100
     * @return a new arbitrary, never null
     * @throws IllegalArgumentException if a bound is out of range or {@code min > max}
     */
    public OrderArbitrary withLines(int min, int max) {
        Arguments.range(min, max, 0, MAX_LINES, "withLines", "lines");
        OrderArbitrary a = copy();
        a.minLines = min;
        a.maxLines = max;
        return a;
    }

    /**
     * Returns an arbitrary whose orders have one of the given statuses, each as likely (shrinking
     * towards the first).
     *
     * @param values the statuses, at least one, none null
     * @return a new arbitrary, never null
     * @throws IllegalArgumentException if there is no status or one is null
     */
    public OrderArbitrary withStatuses(OrderStatus... values) {
        Arguments.notNull(values, "withStatuses", "statuses");
        List<OrderStatus> list = Arguments.nonEmpty(Arrays.asList(values), "withStatuses", "statuses");
        OrderArbitrary a = copy();
        a.statuses = list.stream().map(s -> Tuple.of(1, s)).toList();
        return a;
    }

    /**
     * Returns an arbitrary whose orders have the given statuses with the given relative weights:
     * {@code Map.of(COMPLETED, 5, CANCELLED, 1)} gives one cancelled order in six. Generation does
     * not depend on the map's iteration order (the statuses are ordered by weight, highest first,
     * then by category and label; shrinking goes towards the first).
     *
     * @param weights the statuses and their weights, at least one, every weight 1 to 1,000, not null
     * @return a new arbitrary, never null
     * @throws IllegalArgumentException if the map is empty or a weight is out of range
     */
    public OrderArbitrary withStatusWeights(Map<OrderStatus, Integer> weights) {
        Arguments.notNull(weights, "withStatusWeights", "weights");
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("withStatusWeights: weights must not be empty");
        }
        List<Tuple2<Integer, OrderStatus>> list = new ArrayList<>();
        weights.forEach((status, weight) -> {
            Arguments.notNull(status, "withStatusWeights", "status");
            Arguments.notNull(weight, "withStatusWeights", "weight of " + status.label());
            if (weight < 1 || weight > 1000) {
                throw new IllegalArgumentException("withStatusWeights: weight of " + status.label()
                        + " must be between 1 and 1000: " + weight);
            }
            list.add(Tuple.of(weight, status));
        });
        list.sort(Comparator.<Tuple2<Integer, OrderStatus>, Integer>comparing(Tuple2::get1).reversed()
                .thenComparing(t -> t.get2().category())
                .thenComparing(t -> t.get2().label()));
        OrderArbitrary a = copy();
        a.statuses = List.copyOf(list);
        return a;
    }

    /**
     * Returns an arbitrary whose orders were placed in one of the given channels, each as likely.
     *
     * @param values the channels, at least one, none null
     * @return a new arbitrary, never null
     * @throws IllegalArgumentException if there is no channel or one is null
     */
    public OrderArbitrary inChannels(SalesChannel... values) {
        Arguments.notNull(values, "inChannels", "channels");
        OrderArbitrary a = copy();
        a.channels = Arguments.nonEmpty(Arrays.asList(values), "inChannels", "channels");
        return a;
    }

    /**
     * Returns an arbitrary whose order-level discount is {@code min} to {@code max} percent of the
     * gross amount (rounded down to a minor unit).
     *
     * @param min the least percentage, 0 to 100
     * @param max the greatest percentage, {@code min} to 100
     * @return a new arbitrary, never null
     * @throws IllegalArgumentException if a bound is out of range or {@code min > max}
     */
    public OrderArbitrary discountPercentBetween(int min, int max) {
        Arguments.range(min, max, 0, 100, "discountPercentBetween", "percent");
        OrderArbitrary a = copy();
        a.discountMin = min;
        a.discountMax = max;
        return a;
    }

    /**
     * Returns an arbitrary whose refund is {@code min} to {@code max} percent of the amount paid
     * (gross minus discount, rounded down to a minor unit).
     *
     * @param min the least percentage, 0 to 100
     * @param max the greatest percentage, {@code min} to 100
     * @return a new arbitrary, never null
     * @throws IllegalArgumentException if a bound is out of range or {@code min > max}
     */
    public OrderArbitrary refundPercentBetween(int min, int max) {
        Arguments.range(min, max, 0, 100, "refundPercentBetween", "percent");
        OrderArbitrary a = copy();
        a.refundMin = min;
        a.refundMax = max;
        return a;
    }

    /**
     * Returns an arbitrary whose orders have neither discount nor refund.
     *
     * @return a new arbitrary, never null
     */
    public OrderArbitrary withoutAdjustments() {
        return discountPercentBetween(0, 0).refundPercentBetween(0, 0);
    }

    /**
     * Returns an arbitrary whose orders are attributed to no campaign.
     *
     * @return a new arbitrary, never null
     */
    public OrderArbitrary withoutCampaigns() {
        OrderArbitrary a = copy();
        a.campaigns = false;
        return a;
    }

    /**
     * Returns an arbitrary of lists of these orders with distinct, numbered identifiers
     * ({@code o0000}, {@code o0001}... by default), for tests of computations over an order history.
     *
     * @return a new arbitrary of 0 to 100 orders, never null
     */
    public OrderHistoryArbitrary histories() {
        return new OrderHistoryArbitrary(this);
    }

    /** The configured currency, or null for any. */
    Currency currency() {
        return currency;
    }

    @Override
    protected Arbitrary<Order> arbitrary() {
        Arbitrary<Function<Currency, Order>> factories = factories();
        if (currency == null) {
            return CrmArbitraries.inAnyCurrency(factories);
        }
        Currency c = currency;
        return factories.map(f -> f.apply(c));
    }

    private Arbitrary<Function<Currency, Order>> factories() {
        Arbitrary<Tuple3<BigDecimal, BigDecimal, Optional<CampaignId>>> adjustments = Combinators.combine(
                        fractions(discountMin, discountMax), fractions(refundMin, refundMax),
                        campaigns ? CrmArbitraries.campaignIds().optional(0.3) : Arbitraries.just(Optional.<CampaignId>empty()))
                .as(Tuple::of);
        return Combinators.combine(CrmArbitraries.orderIds(), customerArbitrary(), placements(), statusArbitrary(),
                        channels == null ? Arbitraries.of(SalesChannel.class) : Arbitraries.of(channels),
                        contents(), adjustments)
                .as((id, customer, placed, status, channel, content, adj) -> c -> {
                    Tuple2<List<OrderLine>, Money> linesAndGross = content.apply(c);
                    Money gross = linesAndGross.get2();
                    Money discount = gross.multipliedBy(adj.get1(), RoundingMode.DOWN);
                    Money refund = gross.minus(discount).multipliedBy(adj.get2(), RoundingMode.DOWN);
                    return new Order(id, customer, placed, status, channel, linesAndGross.get1(), gross, discount,
                            refund, adj.get3());
                });
    }

    private Arbitrary<CustomerId> customerArbitrary() {
        return customers == null ? CrmArbitraries.customerIds() : Arbitraries.of(customers);
    }

    private Arbitrary<Instant> placements() {
        if (from == null) {
            return CrmArbitraries.instants();
        }
        return Windows.instants(from, to, precision);
    }

    private Arbitrary<OrderStatus> statusArbitrary() {
        return statuses == null ? CrmArbitraries.orderStatuses() : Arbitraries.frequency(statuses);
    }

    private static Arbitrary<BigDecimal> fractions(int min, int max) {
        if (min < 0) {
            return Arbitraries.frequencyOf(List.of(
                    Tuple.of(6, Arbitraries.just(BigDecimal.ZERO)),
                    Tuple.of(3, Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.ONE).ofScale(3)),
                    Tuple.of(1, Arbitraries.just(BigDecimal.ONE))));
        }
        return Arbitraries.integers().between(min, max).map(p -> BigDecimal.valueOf(p, 2));
    }

    /** Lines and gross amount, not yet bound to a currency. */
    private Arbitrary<Function<Currency, Tuple2<List<OrderLine>, Money>>> contents() {
        if (grossMin < 0) {
            Arbitrary<List<Function<Currency, OrderLine>>> lines = lineCounts(CrmArbitraries.lineFactories());
            return Combinators.combine(lines, CrmArbitraries.amounts(false)).as((ls, amount) -> c -> {
                List<OrderLine> bound = ls.stream().map(f -> f.apply(c)).toList();
                Money gross = bound.isEmpty()
                        ? amount.money(c)
                        : bound.stream().map(OrderLine::amount).reduce(Money.zero(c), Money::plus);
                return Tuple.of(bound, gross);
            });
        }
        Arbitrary<Tuple2<Integer, ProductId>> share = Combinators.combine(Arbitraries.integers().between(1, 1000),
                CrmArbitraries.productIds()).as(Tuple::of);
        return Combinators.combine(Arbitraries.longs().between(grossMin, grossMax), lineCounts(share))
                .as((gross, shares) -> c -> Tuple.of(split(gross, shares, c), Money.ofMinor(gross, c)));
    }

    private <T> Arbitrary<List<T>> lineCounts(Arbitrary<T> line) {
        if (minLines < 0) {
            return Arbitraries.frequencyOf(List.of(
                    Tuple.of(2, Arbitraries.just(List.<T>of())),
                    Tuple.of(3, line.list().ofMinSize(1).ofMaxSize(6))));
        }
        return maxLines == 0 ? Arbitraries.just(List.of()) : line.list().ofMinSize(minLines).ofMaxSize(maxLines);
    }

    /** Lines of quantity one whose prices split {@code gross} minor units in proportion to the weights. */
    private static List<OrderLine> split(long gross, List<Tuple2<Integer, ProductId>> shares, Currency c) {
        if (shares.isEmpty()) {
            return List.of();
        }
        long total = shares.stream().mapToLong(Tuple2::get1).sum();
        List<OrderLine> lines = new ArrayList<>(shares.size());
        long left = gross;
        for (int i = 0; i < shares.size(); i++) {
            long part = i == shares.size() - 1 ? left
                    : BigInteger.valueOf(gross).multiply(BigInteger.valueOf(shares.get(i).get1()))
                            .divide(BigInteger.valueOf(total)).longValueExact();
            left -= part;
            lines.add(new OrderLine(shares.get(i).get2(), BigDecimal.ONE, Money.ofMinor(part, c), Optional.empty()));
        }
        return lines;
    }
}
