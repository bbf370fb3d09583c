package io.crmkit.core.history;

import io.crmkit.core.CurrencyMismatchException;
import io.crmkit.core.CustomerId;
import io.crmkit.core.OrderId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.internal.CustomerIdSort;
import io.crmkit.core.internal.CustomerIndex;
import io.crmkit.core.internal.LocalDays;
import io.crmkit.core.order.Order;
import io.crmkit.core.order.OrderStatusCategory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Summarises orders into per-customer purchase histories in a single pass, in memory proportional
 * to the number of customers (not orders), and combines partial summaries.
 *
 * <p>Per customer it keeps the first and last purchase time, the number of purchases and of
 * counted orders, the total value and the value of the first purchase, in primitive arrays; values
 * are summed exactly in minor currency units. {@link #toSummaries()} returns the immutable result.
 *
 * <h2>Input order</h2>
 * With {@link PurchaseUnit#ORDER} orders may arrive in any order. With {@link PurchaseUnit#DAY}
 * each customer's orders must arrive so that no day falls strictly between that customer's first
 * and last day seen so far: time order per customer (as every {@link io.crmkit.core.port.OrderRepository}
 * stream provides) always satisfies this. An order breaking it raises
 * {@link IllegalArgumentException} naming the order, rather than miscounting.
 *
 * <h2>Combining</h2>
 * {@link #combine} merges another accumulator into this one; it is associative, so partitions can
 * be summarised separately (threads, a distributed engine) and combined in any grouping. With
 * {@link PurchaseUnit#ORDER} any partitioning works. With {@link PurchaseUnit#DAY} partitions must
 * split each customer's history in time (partitions by disjoint time ranges, or by customer);
 * partial histories of one customer that interleave in time raise {@link IllegalArgumentException}.
 * {@link #acceptAll(OrderBatch)} adds a whole columnar batch as one such partition.
 *
 * <p>Not thread-safe: use one accumulator per thread and combine them.
 */
public final class PurchaseHistoryAccumulator implements Consumer<Order> {


    private final PurchaseHistoryOptions options;
    private final Instant cutoff;
    private final boolean dayClock;
    private final boolean dayUnit;
    private final LocalDays days;
    private final boolean[] countedCategory = new boolean[OrderStatusCategory.values().length];
    private final CustomerIndex index;
    private final Columns columns;
    private Currency currency;
    // orders usually arrive grouped by customer: the last customer's index saves a hash lookup
    private CustomerId lastCustomer;
    private int lastIndex;
    private long seen;
    private long counted;
    private long excludedByStatus;
    private long excludedAfterAsOf;

    /**
     * Creates an empty accumulator.
     *
     * @param options the definitions, not null
     */
    public PurchaseHistoryAccumulator(PurchaseHistoryOptions options) {
        this(options, 1024);
    }

    /**
     * Creates an empty accumulator sized for an expected number of customers.
     *
     * @param options the definitions, not null
     * @param expectedCustomers how many customers to make room for, not negative
     */
    public PurchaseHistoryAccumulator(PurchaseHistoryOptions options, int expectedCustomers) {
        this.options = Checks.notNull(options, "options");
        if (expectedCustomers < 0) {
            throw new IllegalArgumentException("expectedCustomers must not be negative: " + expectedCustomers);
        }
        this.cutoff = options.cutoff();
        this.dayClock = options.dayClock();
        this.dayUnit = options.purchaseUnit() == PurchaseUnit.DAY;
        this.days = new LocalDays(options.zone());
        for (OrderStatusCategory c : options.countedCategories()) {
            countedCategory[c.ordinal()] = true;
        }
        this.index = new CustomerIndex(expectedCustomers);
        this.columns = new Columns(Math.max(16, expectedCustomers), !dayUnit);
        this.currency = options.currency().orElse(null);
    }

    /**
     * Returns the definitions this accumulator applies.
     *
     * @return the options, never null
     */
    public PurchaseHistoryOptions options() {
        return options;
    }

    /**
     * Adds one order: counted when its status category is counted and it was placed before the
     * as-of cut-off; otherwise only tallied in the {@linkplain PurchaseHistoryStats statistics}.
     *
     * @param order the order, not null
     * @throws CurrencyMismatchException if a counted order is in another currency
     * @throws IllegalArgumentException if, with {@link PurchaseUnit#DAY}, the order arrives out of
     *     time order for its customer (see the class description), or its time is outside the
     *     supported range (years -290000 to 290000)
     * @throws ArithmeticException if a customer's total overflows a {@code long} of minor units
     */
    @Override
    public void accept(Order order) {
        Checks.notNull(order, "order");
        long value = options.revenueBasis() == RevenueBasis.NET ? order.netRevenueMinorUnits()
                : order.grossAmount().toMinorUnits();
        accept(order.customerId(), order.id(), order.placedAt(), order.status().category(), value, order.currency());
    }

    /**
     * Adds one order given by its parts, for adapters that hold orders in columns (a CSV reader,
     * a database cursor) and need not build {@link Order} objects: the same rules as
     * {@link #accept(Order)}, with the value already chosen by the caller according to the
     * options' {@linkplain PurchaseHistoryOptions#revenueBasis() revenue basis}.
     *
     * @param customerId the buying customer, not null
     * @param orderId the order, not null
     * @param placedAt when it was placed, not null
     * @param category its status category, not null
     * @param valueMinor its value (net or gross, as the options say) in minor units of
     *     {@code currency}, not negative
     * @param currency the currency of the value, not null
     * @throws CurrencyMismatchException if a counted order is in another currency
     * @throws IllegalArgumentException if the value is negative, or as for {@link #accept(Order)}
     * @throws ArithmeticException if a customer's total overflows a {@code long} of minor units
     */
    public void accept(CustomerId customerId, OrderId orderId, Instant placedAt, OrderStatusCategory category,
            long valueMinor, Currency currency) {
        Checks.notNull(customerId, "customerId");
        Checks.notNull(orderId, "orderId");
        Checks.notNull(placedAt, "placedAt");
        Checks.notNull(category, "category");
        Checks.notNull(currency, "currency");
        if (valueMinor < 0) {
            throw new IllegalArgumentException("order " + orderId + ": value must not be negative: " + valueMinor);
        }
        if (!countedCategory[category.ordinal()]) {
            seen++;
            excludedByStatus++;
            return;
        }
        if (!placedAt.isBefore(cutoff)) {
            seen++;
            excludedAfterAsOf++;
            return;
        }
        if (this.currency != null && !this.currency.equals(currency)) {
            throw new CurrencyMismatchException(this.currency, currency, "order " + orderId + " of customer "
                    + customerId + " (set PurchaseHistoryOptions.currency or convert before summarising)");
        }
        // add() validates before it changes anything, so a rejected order leaves this accumulator as it was
        add(customerId, orderId, tick(orderId, placedAt), valueMinor);
        this.currency = currency;
        seen++;
        counted++;
    }

    private long tick(OrderId orderId, Instant t) {
        try {
            if (dayClock) {
                return days.epochDay(t.getEpochSecond());
            }
            if (dayUnit) {
                return days.startOfDayMicros(days.epochDay(t.getEpochSecond()));
            }
            return LocalDays.micros(t);
        } catch (ArithmeticException | java.time.DateTimeException e) {
            throw new IllegalArgumentException("order " + orderId + ": placedAt " + t
                    + " is outside the supported range of years -290000 to 290000", e);
        }
    }

    private void add(CustomerId customer, OrderId orderId, long tick, long value) {
        boolean same = customer == lastCustomer || customer.equals(lastCustomer);
        int found = same ? lastIndex : index.getOrAdd(customer);
        if (found < 0) {
            lastIndex = columns.append(customer, tick, tick, 1, 1, value, value, orderId);
            lastCustomer = customer;
            return;
        }
        lastCustomer = customer;
        lastIndex = found;
        int i = found;
        Columns c = columns;
        long total = Math.addExact(c.total[i], value);
        if (dayUnit) {
            if (tick == c.first[i]) {
                c.firstValue[i] = Math.addExact(c.firstValue[i], value);
            } else if (tick > c.last[i]) {
                c.purchases[i]++;
                c.last[i] = tick;
            } else if (tick < c.first[i]) {
                c.purchases[i]++;
                c.first[i] = tick;
                c.firstValue[i] = value;
            } else if (tick != c.last[i]) {
                throw new IllegalArgumentException("order " + orderId + " of customer " + customer
                        + " falls between that customer's first and last purchase days seen so far;"
                        + " with PurchaseUnit.DAY each customer's orders must arrive in time order"
                        + " (sort the input, or stream it from an OrderRepository)");
            }
        } else {
            c.purchases[i]++;
            if (tick < c.first[i] || (tick == c.first[i] && orderId.compareTo(c.firstOrder[i]) < 0)) {
                c.first[i] = tick;
                c.firstValue[i] = value;
                c.firstOrder[i] = orderId;
            }
            if (tick > c.last[i]) {
                c.last[i] = tick;
            }
        }
        c.orders[i]++;
        c.total[i] = total;
    }

    /**
     * Merges another accumulator's partial summary into this one; {@code other} is left unchanged.
     *
     * @param other a partial summary with equal options, not null
     * @return this accumulator
     * @throws IllegalArgumentException if the options differ, or (with {@link PurchaseUnit#DAY}) the
     *     two partial histories of a customer interleave in time
     * @throws CurrencyMismatchException if the partial summaries are in different currencies
     */
    public PurchaseHistoryAccumulator combine(PurchaseHistoryAccumulator other) {
        Checks.notNull(other, "other");
        if (!options.equals(other.options)) {
            throw new IllegalArgumentException("cannot combine summaries with different options: "
                    + options.describe() + " vs " + other.options.describe());
        }
        mergeCurrency(other.currency, "combining purchase summaries");
        merge(other.columns);
        seen += other.seen;
        counted += other.counted;
        excludedByStatus += other.excludedByStatus;
        excludedAfterAsOf += other.excludedAfterAsOf;
        return this;
    }

    /**
     * Adds every order of a columnar batch: the same result as {@link #accept(Order) accepting}
     * them one by one, but summarised by the batch's dense customer index first, so that each
     * customer is looked up once per batch rather than once per order. Batches (and other
     * accumulators) can thus be partitions of one data set, under the partitioning rule of the
     * class description; within a batch, rows need not be in time order (see
     * {@link PurchaseHistory#summarize(OrderBatch, PurchaseHistoryOptions)}).
     *
     * @param batch the orders, not null
     * @return this accumulator
     * @throws IllegalArgumentException if the unit is {@link PurchaseUnit#ORDER} and the batch has
     *     no order identifiers (they break ties between partial summaries), if the batch has
     *     returns, or as for {@link #combine}
     * @throws CurrencyMismatchException if the batch's currency differs from the options' or this
     *     accumulator's and an order of it is counted
     * @throws ArithmeticException if a customer's total overflows a {@code long} of minor units
     */
    public PurchaseHistoryAccumulator acceptAll(OrderBatch batch) {
        Checks.notNull(batch, "batch");
        if (!dayUnit && !batch.hasOrderIds() && batch.rowCount() > 0) {
            throw new IllegalArgumentException("with PurchaseUnit.ORDER an accumulator needs the batch's order"
                    + " identifiers to break ties between partial summaries; build the batch with them, or summarise"
                    + " it alone with PurchaseHistory.summarize(OrderBatch, options)");
        }
        if (batch.returnCount() > 0) {
            throw new IllegalArgumentException("the batch has " + batch.returnCount() + " returns; an accumulator"
                    + " keeps no returns (a return of a customer without a purchase in this batch would be lost when"
                    + " partial summaries combine), so summarise such a batch alone with"
                    + " PurchaseHistory.summarize(OrderBatch, options)");
        }
        BatchSummarizer summarizer = new BatchSummarizer(batch, options);
        Columns partial = summarizer.partial();
        PurchaseHistoryStats stats = summarizer.stats();
        if (stats.ordersCounted() > 0) {
            mergeCurrency(batch.currency(), "adding an order batch");
        }
        merge(partial);
        seen += stats.ordersSeen();
        counted += stats.ordersCounted();
        excludedByStatus += stats.excludedByStatus();
        excludedAfterAsOf += stats.excludedAfterAsOf();
        return this;
    }

    private void mergeCurrency(Currency other, String context) {
        if (other != null) {
            if (currency == null) {
                currency = other;
            } else if (!currency.equals(other)) {
                throw new CurrencyMismatchException(currency, other, context);
            }
        }
    }

    private void merge(Columns o) {
        for (int j = 0; j < o.size; j++) {
            int found = index.getOrAdd(o.ids[j]);
            if (found < 0) {
                columns.append(o.ids[j], o.first[j], o.last[j], o.purchases[j], o.orders[j], o.total[j],
                        o.firstValue[j], o.firstOrder == null ? null : o.firstOrder[j]);
            } else if (dayUnit) {
                mergeDays(found, o, j);
            } else {
                mergeOrders(found, o, j);
            }
        }
    }

    private void mergeOrders(int i, Columns o, int j) {
        Columns c = columns;
        c.purchases[i] += o.purchases[j];
        c.orders[i] += o.orders[j];
        c.total[i] = Math.addExact(c.total[i], o.total[j]);
        if (o.first[j] < c.first[i] || (o.first[j] == c.first[i] && o.firstOrder[j].compareTo(c.firstOrder[i]) < 0)) {
            c.first[i] = o.first[j];
            c.firstValue[i] = o.firstValue[j];
            c.firstOrder[i] = o.firstOrder[j];
        }
        c.last[i] = Math.max(c.last[i], o.last[j]);
    }

    private void mergeDays(int i, Columns o, int j) {
        Columns c = columns;
        long aFirst = c.first[i];
        long aLast = c.last[i];
        long bFirst = o.first[j];
        long bLast = o.last[j];
        int purchases = c.purchases[i] + o.purchases[j];
        long firstValue;
        if (aLast < bFirst) {
            firstValue = c.firstValue[i];
        } else if (bLast < aFirst) {
            firstValue = o.firstValue[j];
        } else if (aLast == bFirst) {
            purchases--;
            firstValue = aFirst == aLast ? Math.addExact(c.firstValue[i], o.firstValue[j]) : c.firstValue[i];
        } else if (bLast == aFirst) {
            purchases--;
            firstValue = bFirst == bLast ? Math.addExact(c.firstValue[i], o.firstValue[j]) : o.firstValue[j];
        } else {
            throw new IllegalArgumentException("cannot combine partial purchase histories of customer " + c.ids[i]
                    + " that interleave in time; with PurchaseUnit.DAY partition orders by disjoint time ranges"
                    + " or by customer");
        }
        c.first[i] = Math.min(aFirst, bFirst);
        c.last[i] = Math.max(aLast, bLast);
        c.purchases[i] = purchases;
        c.orders[i] += o.orders[j];
        c.total[i] = Math.addExact(c.total[i], o.total[j]);
        c.firstValue[i] = firstValue;
    }

    /**
     * Returns the number of customers with at least one counted order so far.
     *
     * @return the count
     */
    public int customerCount() {
        return columns.size;
    }

    /**
     * Returns the immutable summaries of what was added so far, sorted by customer identifier.
     * The accumulator stays usable.
     *
     * @return the summaries, never null
     */
    public PurchaseSummaries toSummaries() {
        int[] order = CustomerIdSort.ascending(columns.ids, columns.size);
        long asOfTick = dayClock ? ((AsOf.EndOfDay) options.asOf()).lastDay().toEpochDay() : LocalDays.micros(cutoff);
        return new PurchaseSummaries(options, Optional.ofNullable(currency),
                new PurchaseHistoryStats(seen, counted, excludedByStatus, excludedAfterAsOf),
                columns.permuted(order), asOfTick, dayClock ? 1L : LocalDays.MICROS_PER_DAY);
    }

    static Instant instantOfTick(long tick, boolean dayClock, java.time.ZoneId zone) {
        if (dayClock) {
            return LocalDate.ofEpochDay(tick).atStartOfDay(zone).toInstant();
        }
        return Instant.ofEpochSecond(Math.floorDiv(tick, 1_000_000L), Math.floorMod(tick, 1_000_000L) * 1_000L);
    }
}
