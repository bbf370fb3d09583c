package io.crmkit.core.history;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.internal.Checks;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Per-customer purchase histories of every customer with at least one counted order, sorted by
 * customer identifier, held as primitive columns (memory proportional to the number of customers),
 * with the {@linkplain PurchaseHistoryOptions definitions} and {@linkplain PurchaseHistoryStats
 * counts} that produced them.
 *
 * <p>Two views read the same columns: {@link #rfm()} for segmentation and {@link #btyd()} for
 * lifetime-value models. Customers without any purchase (prospects) are not here: they come from
 * the {@link io.crmkit.core.port.CustomerRepository}.
 *
 * <p>Two summaries are {@code equals} when they hold the same definitions, currency, counts and
 * columns.
 *
 * <p>Immutable and thread-safe. Obtain one from {@link PurchaseHistory} or
 * {@link PurchaseHistoryAccumulator#toSummaries()}.
 */
public final class PurchaseSummaries {

    private final PurchaseHistoryOptions options;
    private final Optional<Currency> currency;
    private final PurchaseHistoryStats stats;
    private final Columns c;
    private final long asOfTick;
    private final long ticksPerDay;
    private final double minorPerMajor;

    PurchaseSummaries(PurchaseHistoryOptions options, Optional<Currency> currency, PurchaseHistoryStats stats,
            Columns columns, long asOfTick, long ticksPerDay) {
        this.options = options;
        this.currency = currency;
        this.stats = stats;
        this.c = columns;
        this.asOfTick = asOfTick;
        this.ticksPerDay = ticksPerDay;
        this.minorPerMajor = Math.pow(10, currency.map(x -> Math.max(0, x.getDefaultFractionDigits())).orElse(0));
    }

    /**
     * Returns the definitions that produced these summaries.
     *
     * @return the options, never null
     */
    public PurchaseHistoryOptions options() {
        return options;
    }

    /**
     * Returns the currency of every value, empty only when there are no purchases at all and
     * none was set in the options.
     *
     * @return the currency, never null
     */
    public Optional<Currency> currency() {
        return currency;
    }

    /**
     * Returns the counts of orders seen, counted and excluded.
     *
     * @return the statistics, never null
     */
    public PurchaseHistoryStats stats() {
        return stats;
    }

    /**
     * Returns the number of customers.
     *
     * @return the count
     */
    public int size() {
        return c.size;
    }

    /**
     * Returns a customer's identifier.
     *
     * @param i the index, {@code 0 <= i < size()}
     * @return the identifier, never null
     */
    public CustomerId customerId(int i) {
        Objects.checkIndex(i, c.size);
        return c.ids[i];
    }

    /**
     * Finds a customer's index.
     *
     * @param id the customer, not null
     * @return the index, or empty if the customer has no counted purchase, never null
     */
    public OptionalInt indexOf(CustomerId id) {
        Checks.notNull(id, "id");
        int k = Arrays.binarySearch(c.ids, 0, c.size, id);
        return k >= 0 ? OptionalInt.of(k) : OptionalInt.empty();
    }

    /**
     * Returns when a customer's first purchase was made: on the day clock, the start of its day in
     * the options' zone; on the exact clock, its time (or the start of its day with
     * {@link PurchaseUnit#DAY}), at microsecond resolution.
     *
     * @param i the index
     * @return the instant, never null
     */
    public Instant firstPurchaseAt(int i) {
        Objects.checkIndex(i, c.size);
        return PurchaseHistoryAccumulator.instantOfTick(c.first[i], options.dayClock(), options.zone());
    }

    /**
     * Returns when a customer's last purchase was made, as for {@link #firstPurchaseAt}.
     *
     * @param i the index
     * @return the instant, never null
     */
    public Instant lastPurchaseAt(int i) {
        Objects.checkIndex(i, c.size);
        return PurchaseHistoryAccumulator.instantOfTick(c.last[i], options.dayClock(), options.zone());
    }

    /**
     * Returns a customer's number of purchases.
     *
     * @param i the index
     * @return the count, at least 1
     */
    public int purchaseCount(int i) {
        Objects.checkIndex(i, c.size);
        return c.purchases[i];
    }

    /**
     * Returns a customer's number of counted orders.
     *
     * @param i the index
     * @return the count, at least {@link #purchaseCount(int)} with {@link PurchaseUnit#DAY}
     */
    public int orderCount(int i) {
        Objects.checkIndex(i, c.size);
        return c.orders[i];
    }

    /**
     * Returns a customer's total purchase value, exactly.
     *
     * @param i the index
     * @return the revenue, never null
     */
    public Money revenue(int i) {
        Objects.checkIndex(i, c.size);
        return Money.ofMinor(c.total[i], currency.orElseThrow());
    }

    /**
     * Returns a customer's total purchase value in minor units of {@link #currency()}, exactly: the
     * amount of {@link #revenue(int)} without an object per customer, for columnar consumers.
     *
     * @param i the index
     * @return the revenue in minor units, any sign (refunds may exceed purchases on a net basis)
     */
    public long revenueMinorUnits(int i) {
        Objects.checkIndex(i, c.size);
        return c.total[i];
    }

    /**
     * Returns whether the summaries know the cost of the orders, and so their margin: summaries of
     * an {@link OrderBatch} with costs do; those of an accumulator do not.
     *
     * @return true when {@link #margin(int)} has values
     */
    public boolean hasMargin() {
        return c.cost != null;
    }

    /**
     * Returns a customer's margin: revenue less the cost of the goods, on the revenue basis of the
     * options (returns lower both under the net basis).
     *
     * @param i the index
     * @return the margin, or empty when the orders carried no cost ({@link #hasMargin()}), never null
     * @throws ArithmeticException if the difference overflows a {@code long} of minor units
     */
    public Optional<Money> margin(int i) {
        Objects.checkIndex(i, c.size);
        return c.cost == null ? Optional.empty()
                : Optional.of(Money.ofMinor(Math.subtractExact(c.total[i], c.cost[i]), currency.orElseThrow()));
    }

    /**
     * Returns the days from a customer's last purchase to the as-of, as {@link RfmView#recencyDays(int)}:
     * whole days on the day clock, fractional on the exact clock.
     *
     * @param i the index
     * @return the days, not negative
     */
    public double recencyDays(int i) {
        Objects.checkIndex(i, c.size);
        return days(asOfTick - c.last[i]);
    }

    /**
     * Returns the days from a customer's first purchase to the as-of, as
     * {@link CustomerPurchaseSummary#ageDays()}: whole days on the day clock, fractional on the exact
     * clock.
     *
     * @param i the index
     * @return the days, not negative
     */
    public double ageDays(int i) {
        Objects.checkIndex(i, c.size);
        return days(asOfTick - c.first[i]);
    }

    /**
     * Returns a customer's value of the first purchase, exactly.
     *
     * @param i the index
     * @return the value, never null
     */
    public Money firstPurchaseValue(int i) {
        Objects.checkIndex(i, c.size);
        return Money.ofMinor(c.firstValue[i], currency.orElseThrow());
    }

    /**
     * Returns the total value of all purchases, exactly.
     *
     * @return the sum, zero in the options' currency (or empty) when there are no purchases
     */
    public Optional<Money> totalRevenue() {
        long sum = 0;
        for (int i = 0; i < c.size; i++) {
            sum = Math.addExact(sum, c.total[i]);
        }
        long total = sum;
        return currency.map(cur -> Money.ofMinor(total, cur));
    }

    /**
     * Returns one customer's history as an object.
     *
     * @param i the index
     * @return the summary, never null
     */
    public CustomerPurchaseSummary summary(int i) {
        Objects.checkIndex(i, c.size);
        return new CustomerPurchaseSummary(c.ids[i], firstPurchaseAt(i), lastPurchaseAt(i), c.purchases[i],
                c.orders[i], revenue(i), recencyDays(i), ageDays(i));
    }

    /**
     * Streams every customer's history as an object, in identifier order.
     *
     * @return the summaries, never null
     */
    public Stream<CustomerPurchaseSummary> stream() {
        return IntStream.range(0, c.size).mapToObj(this::summary);
    }

    private double days(long ticks) {
        return ticksPerDay == 1 ? ticks : ticks / (double) ticksPerDay;
    }

    private double major(long minor) {
        return minor / minorPerMajor;
    }

    /**
     * Returns the segmentation view: recency in days, frequency, monetary sum and mean.
     *
     * @return the view, never null
     */
    public RfmView rfm() {
        int n = c.size;
        double[] recency = new double[n];
        double[] sum = new double[n];
        double[] mean = new double[n];
        for (int i = 0; i < n; i++) {
            recency[i] = days(asOfTick - c.last[i]);
            sum[i] = major(c.total[i]);
            mean[i] = c.total[i] / (minorPerMajor * c.purchases[i]);
        }
        return new RfmView(Arrays.copyOf(c.ids, n), recency, Arrays.copyOf(c.purchases, n), sum, mean);
    }

    /**
     * Returns the BTYD view in the options' {@linkplain PurchaseHistoryOptions#timeUnit() time unit}.
     *
     * @return the view, never null
     */
    public BtydView btyd() {
        return btyd(options.timeUnit());
    }

    /**
     * Returns the BTYD view with durations in the given unit.
     *
     * @param unit the unit of {@code t_x} and {@code T}, not null
     * @return the view, never null
     */
    public BtydView btyd(PeriodUnit unit) {
        Checks.notNull(unit, "unit");
        int n = c.size;
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] bigT = new double[n];
        double[] meanRepeat = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = c.purchases[i] - 1;
            tx[i] = unit.fromDays(days(c.last[i] - c.first[i]));
            bigT[i] = unit.fromDays(days(asOfTick - c.first[i]));
            // one correctly rounded division of exact integers
            meanRepeat[i] = x[i] == 0 ? 0.0 : (c.total[i] - c.firstValue[i]) / (minorPerMajor * x[i]);
        }
        return new BtydView(unit, Arrays.copyOf(c.ids, n), x, tx, bigT, meanRepeat);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PurchaseSummaries other)) {
            return false;
        }
        int n = c.size;
        return n == other.c.size && options.equals(other.options) && currency.equals(other.currency)
                && stats.equals(other.stats) && asOfTick == other.asOfTick
                && Arrays.equals(c.ids, 0, n, other.c.ids, 0, n)
                && Arrays.equals(c.first, 0, n, other.c.first, 0, n)
                && Arrays.equals(c.last, 0, n, other.c.last, 0, n)
                && Arrays.equals(c.purchases, 0, n, other.c.purchases, 0, n)
                && Arrays.equals(c.orders, 0, n, other.c.orders, 0, n)
                && Arrays.equals(c.total, 0, n, other.c.total, 0, n)
                && Arrays.equals(c.firstValue, 0, n, other.c.firstValue, 0, n)
                && (c.cost == null ? other.c.cost == null
                        : other.c.cost != null && Arrays.equals(c.cost, 0, n, other.c.cost, 0, n));
    }

    @Override
    public int hashCode() {
        return Objects.hash(options, currency, stats, c.size, Arrays.hashCode(Arrays.copyOf(c.total, c.size)));
    }

    /**
     * Returns a short description: definitions, currency, number of customers and order counts.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "PurchaseSummaries[customers=" + c.size + ", currency="
                + currency.map(Currency::getCurrencyCode).orElse("-") + ", " + stats + ", " + options.describe() + "]";
    }
}
