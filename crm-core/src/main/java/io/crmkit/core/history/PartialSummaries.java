package io.crmkit.core.history;

import io.crmkit.core.CurrencyMismatchException;
import io.crmkit.core.CustomerId;
import io.crmkit.core.OrderId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.internal.CustomerIdSort;
import io.crmkit.core.internal.CustomerIndex;
import io.crmkit.core.internal.LocalDays;
import io.crmkit.core.order.OrderStatusCategory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.Optional;

/**
 * Per-customer partial purchase summaries that merge exactly, whatever the partitioning, and a
 * versioned byte form of each customer's state: the map side of a distributed summary (summarise
 * each input partition, ship one state per customer and partition, merge per customer, then
 * {@link #toSummaries()}). The merged result equals
 * {@link PurchaseHistory#summarize(OrderBatch, PurchaseHistoryOptions)} of all the rows in one
 * batch, summaries and {@linkplain PurchaseHistoryStats statistics} alike, for both purchase units,
 * both clocks, both revenue bases, returns and costs.
 *
 * <h2>What a customer's state holds</h2>
 * The counts of the customer's rows (orders counted, left out by status, left out by the as-of
 * cut-off, returns counted), the total value and cost in minor units, and, when an order was
 * counted, the number of purchases, the first and last purchase tick (epoch days on the day clock,
 * epoch microseconds otherwise), and the value of the first purchase. With
 * {@link PurchaseUnit#ORDER} it also holds the first order's tie-break key: two partial states whose
 * first orders fall on the same tick keep the one with the lower key, so keys must be global to
 * the data set (an order identifier, or a number such as a row's position in the input) and unique
 * per order. With {@link PurchaseUnit#DAY} a fixed-size state cannot merge exactly: whether two
 * partial histories share a day is only known from their days, and a day of one can fall strictly
 * between two of the other (ADR 0008's interleaving). The day state therefore holds every distinct
 * purchase day of the customer in the partition, so it grows with the customer's purchase days
 * (varint gaps: one or two bytes a day), and any partitioning merges exactly, unlike
 * {@link PurchaseHistoryAccumulator#combine}.
 *
 * <h2>Byte form, version {@value #FORMAT_VERSION}</h2>
 * {@link #stateBytes(int)} writes, and {@link #add(CustomerId, byte[])} reads, in this order
 * ("varint": unsigned LEB128, 7 bits a byte, low group first, at most 10 bytes; "zigzag": a
 * signed {@code long} mapped to unsigned as {@code (v << 1) ^ (v >> 63)}, then varint):
 * <ol>
 *   <li>version: one byte, {@value #FORMAT_VERSION};</li>
 *   <li>flags: one byte; bit 0: the unit is {@link PurchaseUnit#DAY}; bit 1: the day clock; bit 2:
 *       a cost follows the total; bit 3: the first order's key is an order identifier (else a
 *       number); bits 4 to 7 zero. Units and clock must match the reader's options;</li>
 *   <li>currency: three ASCII bytes, the ISO 4217 code of the rows' currency;</li>
 *   <li>varint: orders counted; varint: rows left out by status; varint: rows left out by the
 *       as-of cut-off; varint: returns counted;</li>
 *   <li>zigzag: total value in minor units (counted orders, plus returns on the net basis);
 *       zigzag: cost in minor units, when flag bit 2 is set;</li>
 *   <li>only when orders counted &gt; 0: varint: purchases (1 to orders); zigzag: first tick;
 *       varint: last tick minus first tick; zigzag: value of the first purchase;</li>
 *   <li>then with {@link PurchaseUnit#ORDER}: the first order's key, a zigzag number, or (flag bit
 *       3) a varint byte length and the identifier in UTF-8; with {@link PurchaseUnit#DAY}, when
 *       purchases &ge; 3: the {@code purchases - 2} days strictly between the first and the last,
 *       ascending, each as a varint gap (&ge; 1) from the previous day (the first day to begin with);
 *       two purchase days need the first and last tick to differ, one needs them equal.</li>
 * </ol>
 * Nothing follows. A later version changes the version byte; this version reads only version
 * {@value #FORMAT_VERSION} and refuses anything else, truncated or trailing bytes, and
 * inconsistent values with an {@link IllegalArgumentException} naming the customer and what is wrong.
 *
 * <p>Memory: about 80 bytes per customer (plus the purchase days with the day unit); the state of
 * a partition is proportional to its customers, not its orders. Not thread-safe: use one per
 * thread or partition and merge them.
 */
public final class PartialSummaries {

    /** The version of the byte form written by {@link #stateBytes(int)}. */
    public static final int FORMAT_VERSION = 1;

    private static final int DAY_FLAG = 1;
    private static final int DAY_CLOCK_FLAG = 2;
    private static final int COST_FLAG = 4;
    private static final int ORDER_ID_FLAG = 8;

    private static final byte EXCLUDED = 0;
    private static final byte ORDER = 1;
    private static final byte RETURN = 2;
    private static final byte IGNORED_RETURN = 3;

    /** Tri-state of properties fixed by the first state that shows them. */
    private static final int UNSET = -1;

    private final PurchaseHistoryOptions options;
    private final boolean dayUnit;
    private final boolean dayClock;
    /** Customers by identifier, built when a state is first merged (a batch's partial may never be). */
    private CustomerIndex index;
    /** Whether first-order keys are order identifiers (1), numbers (0), or not seen yet. */
    private int keyKind = UNSET;
    /** Whether states carry a cost (1), none (0), or not seen yet. */
    private int costKind = UNSET;
    /** The currency of the states with counted rows, null until one is seen. */
    private Currency currency;

    private CustomerId[] ids;
    private int[] orders;
    private int[] purchases;
    private long[] first;
    private long[] last;
    private long[] firstValue;
    private long[] total;
    private long[] cost;
    private long[] excludedByStatus;
    private long[] excludedAfterAsOf;
    private long[] returns;
    private long[] firstKey;
    private OrderId[] firstOrder;
    private long[][] days;
    /** The currency of each customer's rows, for its byte form. */
    private Currency[] rowCurrency;
    private int size;

    private PartialSummaries(PurchaseHistoryOptions options, int capacity) {
        this.options = options;
        this.dayUnit = options.purchaseUnit() == PurchaseUnit.DAY;
        this.dayClock = options.dayClock();
        int n = Math.max(16, capacity);
        ids = new CustomerId[n];
        orders = new int[n];
        purchases = new int[n];
        first = new long[n];
        last = new long[n];
        firstValue = new long[n];
        total = new long[n];
        cost = new long[n];
        excludedByStatus = new long[n];
        excludedAfterAsOf = new long[n];
        returns = new long[n];
        firstKey = new long[n];
        firstOrder = new OrderId[n];
        days = dayUnit ? new long[n][] : null;
        rowCurrency = new Currency[n];
    }

    /**
     * Returns empty partial summaries, to merge states into.
     *
     * @param options the definitions, not null
     * @return the empty summaries, never null
     */
    public static PartialSummaries empty(PurchaseHistoryOptions options) {
        return new PartialSummaries(Checks.notNull(options, "options"), 16);
    }

    /**
     * Summarises a batch into partial summaries whose first-order keys (with
     * {@link PurchaseUnit#ORDER}) are the batch's order identifiers.
     *
     * @param batch the orders, not null
     * @param options the definitions, not null
     * @return the partial summaries, one state per customer with a row in the batch, never null
     * @throws IllegalArgumentException if the unit is {@link PurchaseUnit#ORDER}, the batch has rows
     *     and no order identifiers (use {@link #of(OrderBatch, PurchaseHistoryOptions, long[])}), or
     *     the as-of instant has a fraction of a microsecond
     * @throws CurrencyMismatchException if the options require another currency than the batch's and
     *     a row of it is counted
     */
    public static PartialSummaries of(OrderBatch batch, PurchaseHistoryOptions options) {
        return of(batch, options, null);
    }

    /**
     * Summarises a batch into partial summaries whose first-order keys (with
     * {@link PurchaseUnit#ORDER}) are the given numbers, one per row: a row's global position in
     * the input, say, so that same-tick ties between partitions go to the earlier row as they do
     * in one batch without order identifiers. Within the batch, ties go to the lower key, then to
     * the lower row.
     *
     * @param batch the orders, not null
     * @param options the definitions, not null
     * @param orderKeys the key of each row, {@code batch.rowCount()} of them, or null to use the
     *     batch's order identifiers
     * @return the partial summaries, never null
     * @throws IllegalArgumentException if the keys are not one per row, or as for
     *     {@link #of(OrderBatch, PurchaseHistoryOptions)}
     * @throws CurrencyMismatchException as for {@link #of(OrderBatch, PurchaseHistoryOptions)}
     */
    public static PartialSummaries of(OrderBatch batch, PurchaseHistoryOptions options, long[] orderKeys) {
        Checks.notNull(batch, "batch");
        Checks.notNull(options, "options");
        if (orderKeys != null && orderKeys.length != batch.rowCount()) {
            throw new IllegalArgumentException("orderKeys must have one key per row of the batch: "
                    + orderKeys.length + " keys for " + batch.rowCount() + " rows");
        }
        boolean orderUnit = options.purchaseUnit() == PurchaseUnit.ORDER;
        if (orderUnit && orderKeys == null && !batch.hasOrderIds() && batch.rowCount() > 0) {
            throw new IllegalArgumentException("with PurchaseUnit.ORDER partial summaries need a global key per order"
                    + " to break ties between partitions: build the batch with order identifiers, or pass orderKeys");
        }
        return new BatchPass(batch, options, orderKeys).run();
    }

    /**
     * Returns the definitions these summaries apply.
     *
     * @return the options, never null
     */
    public PurchaseHistoryOptions options() {
        return options;
    }

    /**
     * Returns the number of customers with a state (a row of any kind).
     *
     * @return the count
     */
    public int customerCount() {
        return size;
    }

    /**
     * Returns a customer's identifier; customers are numbered in the order they were first added.
     *
     * @param i the customer's number, from 0 to {@link #customerCount()} - 1
     * @return the identifier, never null
     */
    public CustomerId customerId(int i) {
        checkIndex(i);
        return ids[i];
    }

    /**
     * Writes a customer's state in the byte form of the class description.
     *
     * @param i the customer's number, from 0 to {@link #customerCount()} - 1
     * @return the bytes, never null
     */
    public byte[] stateBytes(int i) {
        checkIndex(i);
        Writer w = new Writer(48 + (dayUnit && days[i] != null ? 2 * days[i].length : 0));
        int flags = (dayUnit ? DAY_FLAG : 0) | (dayClock ? DAY_CLOCK_FLAG : 0) | (costKind == 1 ? COST_FLAG : 0)
                | (keyKind == 1 && orders[i] > 0 && !dayUnit ? ORDER_ID_FLAG : 0);
        w.raw(FORMAT_VERSION);
        w.raw(flags);
        String code = rowCurrency[i].getCurrencyCode();
        for (int k = 0; k < 3; k++) {
            w.raw(code.charAt(k));
        }
        w.varint(orders[i]);
        w.varint(excludedByStatus[i]);
        w.varint(excludedAfterAsOf[i]);
        w.varint(returns[i]);
        w.zigzag(total[i]);
        if (costKind == 1) {
            w.zigzag(cost[i]);
        }
        if (orders[i] > 0) {
            w.varint(purchases[i]);
            w.zigzag(first[i]);
            w.varint(last[i] - first[i]);
            w.zigzag(firstValue[i]);
            if (!dayUnit) {
                if (keyKind == 1) {
                    byte[] text = firstOrder[i].value().getBytes(StandardCharsets.UTF_8);
                    w.varint(text.length);
                    w.bytes(text);
                } else {
                    w.zigzag(firstKey[i]);
                }
            } else {
                long[] d = days[i];
                for (int k = 1; k < d.length - 1; k++) {
                    w.varint(d[k] - d[k - 1]);
                }
            }
        }
        return w.toBytes();
    }

    /**
     * Merges one customer's state, read from its byte form, into these summaries.
     *
     * @param customerId the customer the state belongs to, not null
     * @param state the bytes of {@link #stateBytes(int)}, not null
     * @return these summaries
     * @throws IllegalArgumentException if the bytes are not a valid state of version
     *     {@value #FORMAT_VERSION} for these options (the message names the customer and what is
     *     wrong), or the state's key kind or cost presence differs from the states merged so far;
     *     these summaries are then unchanged
     * @throws CurrencyMismatchException if the state has counted rows in another currency than the
     *     options' or the other states'
     * @throws ArithmeticException if a total overflows a {@code long} of minor units
     */
    public PartialSummaries add(CustomerId customerId, byte[] state) {
        Checks.notNull(state, "state");
        return add(customerId, state, 0, state.length);
    }

    /**
     * Merges one customer's state, read from {@code length} bytes of an array from
     * {@code offset}, into these summaries: {@link #add(CustomerId, byte[])} for a host that packs
     * many states into one buffer.
     *
     * @param customerId the customer the state belongs to, not null
     * @param buffer the bytes, not null
     * @param offset where the state begins
     * @param length the state's length in bytes
     * @return these summaries
     * @throws IndexOutOfBoundsException if the range is outside the buffer
     * @throws IllegalArgumentException as for {@link #add(CustomerId, byte[])}
     * @throws CurrencyMismatchException as for {@link #add(CustomerId, byte[])}
     * @throws ArithmeticException as for {@link #add(CustomerId, byte[])}
     */
    public PartialSummaries add(CustomerId customerId, byte[] buffer, int offset, int length) {
        Checks.notNull(customerId, "customerId");
        Checks.notNull(buffer, "buffer");
        java.util.Objects.checkFromIndexSize(offset, length, buffer.length);
        State s = State.read(customerId, buffer, offset, length, dayUnit, dayClock);
        mergeState(customerId, s);
        return this;
    }

    /**
     * Merges other partial summaries into these; {@code other} is left unchanged. Merging is
     * associative and commutative: any grouping and order of the partials gives the same result.
     *
     * @param other partial summaries with equal options, not null
     * @return these summaries
     * @throws IllegalArgumentException if the options, the key kinds or the presence of costs differ
     * @throws CurrencyMismatchException if counted rows are in different currencies
     * @throws ArithmeticException if a total overflows a {@code long} of minor units
     */
    public PartialSummaries combine(PartialSummaries other) {
        Checks.notNull(other, "other");
        if (!options.equals(other.options)) {
            throw new IllegalArgumentException("cannot combine partial summaries with different options: "
                    + options.describe() + " vs " + other.options.describe());
        }
        for (int j = 0; j < other.size; j++) {
            mergeState(other.ids[j], other.stateOf(j));
        }
        return this;
    }

    /**
     * Returns the summaries of everything merged so far: the customers with a counted order, sorted
     * by identifier, with the statistics of every row. These summaries stay usable.
     *
     * @return the summaries, never null
     */
    public PurchaseSummaries toSummaries() {
        long seen = 0;
        long counted = 0;
        long byStatus = 0;
        long afterAsOf = 0;
        long returned = 0;
        int buyers = 0;
        for (int i = 0; i < size; i++) {
            counted += orders[i];
            byStatus += excludedByStatus[i];
            afterAsOf += excludedAfterAsOf[i];
            returned += returns[i];
            buyers += orders[i] > 0 ? 1 : 0;
        }
        seen = counted + byStatus + afterAsOf + returned;
        CustomerId[] buyerIds = new CustomerId[buyers];
        int[] at = new int[buyers];
        for (int i = 0, k = 0; i < size; i++) {
            if (orders[i] > 0) {
                buyerIds[k] = ids[i];
                at[k++] = i;
            }
        }
        int[] order = CustomerIdSort.ascending(buyerIds, buyers);
        Columns c = new Columns(Math.max(1, buyers), false);
        if (costKind == 1) {
            c.cost = new long[Math.max(1, buyers)];
        }
        for (int k = 0; k < buyers; k++) {
            int i = at[order[k]];
            int row = c.append(ids[i], first[i], last[i], purchases[i], orders[i], total[i], firstValue[i], null);
            if (c.cost != null) {
                c.cost[row] = cost[i];
            }
        }
        Optional<Currency> summaryCurrency = options.currency().isPresent() || counted == 0 ? options.currency()
                : Optional.of(currency);
        long asOfTick = dayClock ? ((AsOf.EndOfDay) options.asOf()).lastDay().toEpochDay()
                : LocalDays.micros(options.cutoff());
        return new PurchaseSummaries(options, summaryCurrency,
                new PurchaseHistoryStats(seen, counted, byStatus, afterAsOf, returned), c, asOfTick,
                dayClock ? 1L : LocalDays.MICROS_PER_DAY);
    }

    /**
     * Returns a short description without customer data.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "PartialSummaries[customers=" + size + ", " + options.describe() + "]";
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("customer number " + i + " is outside 0 to " + (size - 1));
        }
    }

    private State stateOf(int i) {
        State s = new State();
        s.currency = rowCurrency[i];
        s.hasCost = costKind == 1;
        s.orderIdKey = keyKind == 1 && orders[i] > 0 && !dayUnit;
        s.orders = orders[i];
        s.excludedByStatus = excludedByStatus[i];
        s.excludedAfterAsOf = excludedAfterAsOf[i];
        s.returns = returns[i];
        s.total = total[i];
        s.cost = cost[i];
        s.purchases = purchases[i];
        s.first = first[i];
        s.last = last[i];
        s.firstValue = firstValue[i];
        s.firstKey = firstKey[i];
        s.firstOrder = firstOrder[i];
        s.days = dayUnit ? days[i] : null;
        return s;
    }

    /** Checks a state against these summaries before anything changes, then merges it. */
    private void mergeState(CustomerId id, State s) {
        if (costKind != UNSET && (costKind == 1) != s.hasCost) {
            throw new IllegalArgumentException("the state of customer " + id + (s.hasCost ? " has" : " has no")
                    + " cost, unlike the states merged so far; every partial must carry costs, or none");
        }
        boolean keyed = !dayUnit && s.orders > 0;
        if (keyed && keyKind != UNSET && (keyKind == 1) != s.orderIdKey) {
            throw new IllegalArgumentException("the state of customer " + id + " breaks ties by "
                    + (s.orderIdKey ? "order identifier" : "order key number") + ", unlike the states merged so far");
        }
        boolean countedRows = s.orders > 0 || s.returns > 0;
        if (countedRows) {
            Optional<Currency> required = options.currency();
            if (required.isPresent() && !required.get().equals(s.currency)) {
                throw new CurrencyMismatchException(required.get(), s.currency, "the state of customer " + id
                        + " (set PurchaseHistoryOptions.currency or convert before summarising)");
            }
            if (currency != null && !currency.equals(s.currency)) {
                throw new CurrencyMismatchException(currency, s.currency, "merging the state of customer " + id);
            }
        }
        if (index == null) {
            index = new CustomerIndex(Math.max(16, size));
            for (int k = 0; k < size; k++) {
                index.getOrAdd(ids[k], k);
            }
        }
        int i = index.getOrAdd(id, size);
        if (i < 0) {
            append(id, s);
        } else {
            mergeInto(i, s);
        }
        costKind = s.hasCost ? 1 : 0;
        if (keyed) {
            keyKind = s.orderIdKey ? 1 : 0;
        }
        if (countedRows) {
            currency = s.currency;
        }
    }

    private void append(CustomerId id, State s) {
        ensureCapacity(size + 1);
        int i = size++;
        ids[i] = id;
        rowCurrency[i] = s.currency;
        orders[i] = s.orders;
        excludedByStatus[i] = s.excludedByStatus;
        excludedAfterAsOf[i] = s.excludedAfterAsOf;
        returns[i] = s.returns;
        total[i] = s.total;
        cost[i] = s.cost;
        purchases[i] = s.purchases;
        first[i] = s.first;
        last[i] = s.last;
        firstValue[i] = s.firstValue;
        firstKey[i] = s.firstKey;
        firstOrder[i] = s.firstOrder;
        if (dayUnit) {
            days[i] = s.days;
        }
    }

    private void mergeInto(int i, State s) {
        // every check first (overflow included), so that a refused state changes nothing
        long newTotal = Math.addExact(total[i], s.total);
        long newCost = Math.addExact(cost[i], s.cost);
        int newOrders = Math.addExact(orders[i], s.orders);
        if (s.orders > 0) {
            if (orders[i] == 0) {
                purchases[i] = s.purchases;
                first[i] = s.first;
                last[i] = s.last;
                firstValue[i] = s.firstValue;
                firstKey[i] = s.firstKey;
                firstOrder[i] = s.firstOrder;
                if (dayUnit) {
                    days[i] = s.days;
                }
            } else if (dayUnit) {
                long fv;
                if (first[i] < s.first) {
                    fv = firstValue[i];
                } else if (s.first < first[i]) {
                    fv = s.firstValue;
                } else {
                    fv = Math.addExact(firstValue[i], s.firstValue);
                }
                long[] union = union(days[i], s.days);
                days[i] = union;
                purchases[i] = union.length;
                first[i] = union[0];
                last[i] = union[union.length - 1];
                firstValue[i] = fv;
            } else {
                int newPurchases = Math.addExact(purchases[i], s.purchases);
                if (s.first < first[i] || (s.first == first[i] && keyBefore(s, i))) {
                    first[i] = s.first;
                    firstValue[i] = s.firstValue;
                    firstKey[i] = s.firstKey;
                    firstOrder[i] = s.firstOrder;
                }
                last[i] = Math.max(last[i], s.last);
                purchases[i] = newPurchases;
            }
        }
        if (s.orders > 0 || s.returns > 0) {
            rowCurrency[i] = s.currency;
        }
        total[i] = newTotal;
        cost[i] = newCost;
        orders[i] = newOrders;
        excludedByStatus[i] += s.excludedByStatus;
        excludedAfterAsOf[i] += s.excludedAfterAsOf;
        returns[i] += s.returns;
    }

    /** Whether the state's first order comes before customer {@code i}'s, placed at the same tick. */
    private boolean keyBefore(State s, int i) {
        return s.orderIdKey ? s.firstOrder.compareTo(firstOrder[i]) < 0 : s.firstKey < firstKey[i];
    }

    private static long[] union(long[] a, long[] b) {
        long[] out = new long[a.length + b.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                out[k++] = a[i++];
            } else if (b[j] < a[i]) {
                out[k++] = b[j++];
            } else {
                out[k++] = a[i++];
                j++;
            }
        }
        while (i < a.length) {
            out[k++] = a[i++];
        }
        while (j < b.length) {
            out[k++] = b[j++];
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
    }

    private void ensureCapacity(int needed) {
        if (needed <= ids.length) {
            return;
        }
        int n = Math.max(needed, ids.length + (ids.length >> 1) + 16);
        ids = Arrays.copyOf(ids, n);
        orders = Arrays.copyOf(orders, n);
        purchases = Arrays.copyOf(purchases, n);
        first = Arrays.copyOf(first, n);
        last = Arrays.copyOf(last, n);
        firstValue = Arrays.copyOf(firstValue, n);
        total = Arrays.copyOf(total, n);
        cost = Arrays.copyOf(cost, n);
        excludedByStatus = Arrays.copyOf(excludedByStatus, n);
        excludedAfterAsOf = Arrays.copyOf(excludedAfterAsOf, n);
        returns = Arrays.copyOf(returns, n);
        firstKey = Arrays.copyOf(firstKey, n);
        firstOrder = Arrays.copyOf(firstOrder, n);
        if (days != null) {
            days = Arrays.copyOf(days, n);
        }
        rowCurrency = Arrays.copyOf(rowCurrency, n);
    }

    /** One customer's state, read from bytes or copied out of partial summaries. */
    private static final class State {
        Currency currency;
        boolean hasCost;
        boolean orderIdKey;
        int orders;
        long excludedByStatus;
        long excludedAfterAsOf;
        long returns;
        long total;
        long cost;
        int purchases;
        long first;
        long last;
        long firstValue;
        long firstKey;
        OrderId firstOrder;
        long[] days;

        static State read(CustomerId id, byte[] bytes, int offset, int length, boolean dayUnit, boolean dayClock) {
            Reader r = new Reader(bytes, offset, length, id);
            int version = r.raw("version");
            if (version != FORMAT_VERSION) {
                throw r.error("has version " + version + "; this library reads version " + FORMAT_VERSION);
            }
            int flags = r.raw("flags");
            if ((flags & ~(DAY_FLAG | DAY_CLOCK_FLAG | COST_FLAG | ORDER_ID_FLAG)) != 0) {
                throw r.error("has unknown flags " + Integer.toBinaryString(flags));
            }
            if (((flags & DAY_FLAG) != 0) != dayUnit) {
                throw r.error("is for PurchaseUnit." + ((flags & DAY_FLAG) != 0 ? "DAY" : "ORDER")
                        + " but the options count purchases by " + (dayUnit ? "DAY" : "ORDER"));
            }
            if (((flags & DAY_CLOCK_FLAG) != 0) != dayClock) {
                throw r.error("is on the " + ((flags & DAY_CLOCK_FLAG) != 0 ? "day" : "exact") + " clock but the"
                        + " options use the " + (dayClock ? "day" : "exact") + " clock");
            }
            if (dayUnit && (flags & ORDER_ID_FLAG) != 0) {
                throw r.error("has an order identifier flag, which the day unit does not use");
            }
            State s = new State();
            s.hasCost = (flags & COST_FLAG) != 0;
            s.orderIdKey = (flags & ORDER_ID_FLAG) != 0;
            char[] code = new char[3];
            for (int k = 0; k < 3; k++) {
                code[k] = (char) r.raw("currency");
            }
            try {
                s.currency = Currency.getInstance(new String(code));
            } catch (IllegalArgumentException e) {
                throw r.error("has an unknown currency code '" + new String(code) + "'");
            }
            s.orders = r.count("orders", Integer.MAX_VALUE);
            s.excludedByStatus = r.count("rows left out by status", Long.MAX_VALUE);
            s.excludedAfterAsOf = r.count("rows left out by the as-of", Long.MAX_VALUE);
            s.returns = r.count("returns", Long.MAX_VALUE);
            s.total = r.zigzag("total");
            s.cost = s.hasCost ? r.zigzag("cost") : 0;
            if (s.orders > 0) {
                s.purchases = r.count("purchases", s.orders);
                if (s.purchases < 1) {
                    throw r.error("has " + s.orders + " orders but 0 purchases");
                }
                s.first = r.zigzag("first tick");
                long span = r.varint("tick span");
                if (span < 0 || s.first > Long.MAX_VALUE - span) {
                    throw r.error("has a last tick out of range");
                }
                s.last = s.first + span;
                s.firstValue = r.zigzag("first value");
                if (!dayUnit) {
                    if (s.orderIdKey) {
                        int textLength = r.count("order identifier length", length);
                        String text = new String(r.bytes(textLength, "order identifier"), StandardCharsets.UTF_8);
                        try {
                            s.firstOrder = OrderId.of(text);
                        } catch (IllegalArgumentException e) {
                            throw r.error("has an invalid first order identifier");
                        }
                    } else {
                        s.firstKey = r.zigzag("first order key");
                    }
                } else {
                    s.days = readDays(r, s);
                }
            } else if (s.orderIdKey) {
                throw r.error("has no counted order but an order identifier flag");
            }
            if (r.remaining() != 0) {
                throw r.error("has " + r.remaining() + " bytes after its end");
            }
            return s;
        }

        private static long[] readDays(Reader r, State s) {
            if (s.purchases == 1 ? s.first != s.last : s.first == s.last) {
                throw r.error("has " + s.purchases + " purchase days between first tick " + s.first + " and last tick "
                        + s.last);
            }
            if (s.purchases - 2 > r.remaining()) {
                throw r.error("is truncated: " + s.purchases + " purchase days need more than " + r.remaining()
                        + " bytes left");
            }
            long[] d = new long[s.purchases];
            d[0] = s.first;
            d[s.purchases - 1] = s.last;
            for (int k = 1; k < s.purchases - 1; k++) {
                long gap = r.varint("purchase day");
                if (gap < 1 || d[k - 1] > s.last - gap) {
                    throw r.error("has purchase day " + (k + 1) + " not strictly between the previous day and the last");
                }
                d[k] = d[k - 1] + gap;
            }
            if (s.purchases > 2 && d[s.purchases - 2] >= s.last) {
                throw r.error("has a purchase day not before the last");
            }
            return d;
        }
    }

    /** Writes the byte form. */
    private static final class Writer {
        private byte[] buf;
        private int n;

        Writer(int capacity) {
            buf = new byte[capacity];
        }

        void raw(int b) {
            if (n == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2 + 8);
            }
            buf[n++] = (byte) b;
        }

        void varint(long v) {
            while ((v & ~0x7FL) != 0) {
                raw((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            raw((int) v);
        }

        void zigzag(long v) {
            varint((v << 1) ^ (v >> 63));
        }

        void bytes(byte[] b) {
            for (byte x : b) {
                raw(x);
            }
        }

        byte[] toBytes() {
            return Arrays.copyOf(buf, n);
        }
    }

    /** Reads the byte form; every error names the customer and the offset. */
    private static final class Reader {
        private final byte[] buf;
        private final int end;
        private final int length;
        private final CustomerId id;
        private int pos;

        Reader(byte[] buf, int offset, int length, CustomerId id) {
            this.buf = buf;
            this.pos = offset;
            this.end = offset + length;
            this.length = length;
            this.id = id;
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("the purchase state of customer " + id + " (" + length
                    + " bytes) " + what);
        }

        int remaining() {
            return end - pos;
        }

        int raw(String field) {
            if (pos >= end) {
                throw error("is truncated: it ends at byte " + (length - remaining()) + " before its " + field);
            }
            return buf[pos++] & 0xFF;
        }

        byte[] bytes(int length, String field) {
            if (length > remaining()) {
                throw error("is truncated: its " + field + " needs " + length + " bytes, " + remaining() + " left");
            }
            byte[] b = Arrays.copyOfRange(buf, pos, pos + length);
            pos += length;
            return b;
        }

        long varint(String field) {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = raw(field);
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            throw error("has a malformed " + field + " (a varint longer than 10 bytes)");
        }

        long zigzag(String field) {
            long v = varint(field);
            return (v >>> 1) ^ -(v & 1);
        }

        int count(String field, long max) {
            long v = varint(field);
            if (v < 0 || v > max || v > Integer.MAX_VALUE && max <= Integer.MAX_VALUE) {
                throw error("has " + field + " out of range: " + Long.toUnsignedString(v));
            }
            return (int) Math.min(v, Integer.MAX_VALUE);
        }
    }

    /** The pass over one batch. */
    private static final class BatchPass {
        private final OrderBatch batch;
        private final PurchaseHistoryOptions options;
        private final long[] keys;
        private final boolean dayUnit;
        private final boolean dayClock;
        private final LocalDays days;
        private final byte[] kinds = new byte[256];

        BatchPass(OrderBatch batch, PurchaseHistoryOptions options, long[] keys) {
            this.batch = batch;
            this.options = options;
            this.keys = keys;
            this.dayUnit = options.purchaseUnit() == PurchaseUnit.DAY;
            this.dayClock = options.dayClock();
            this.days = new LocalDays(options.zone());
            boolean net = options.revenueBasis() == RevenueBasis.NET;
            for (OrderStatusCategory c : options.countedCategories()) {
                kinds[c.ordinal()] = ORDER;
                kinds[c.ordinal() | OrderBatch.RETURN_BIT] = net ? RETURN : IGNORED_RETURN;
            }
        }

        private long tick(long micros) {
            if (!dayClock && !dayUnit) {
                return micros;
            }
            long day = days.epochDayOfMicros(micros);
            return dayClock ? day : days.startOfDayMicros(day);
        }

        /** Whether row {@code r} is a customer's first order rather than row {@code s}, at the same tick. */
        private boolean before(int r, int s) {
            if (keys != null) {
                return keys[r] < keys[s];
            }
            return batch.orderIdAt(r).compareTo(batch.orderIdAt(s)) < 0;
        }

        PartialSummaries run() {
            Instant cutoff = options.cutoff();
            if (cutoff.getNano() % 1_000 != 0) {
                throw new IllegalArgumentException("the as-of instant " + cutoff + " has a fraction of a microsecond;"
                        + " an OrderBatch holds times in microseconds, so the as-of must be a whole microsecond");
            }
            long cutoffMicros;
            try {
                cutoffMicros = LocalDays.micros(cutoff);
            } catch (ArithmeticException e) {
                cutoffMicros = cutoff.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
            }
            int n = batch.customerCount();
            if (!dayUnit) {
                return orderUnit(cutoffMicros);
            }
            int[] orders = new int[n];
            int[] purchases = new int[n];
            long[] first = new long[n];
            long[] last = new long[n];
            long[] firstValue = new long[n];
            long[] total = new long[n];
            long[] cost = new long[n];
            long[] byStatus = new long[n];
            long[] afterAsOf = new long[n];
            long[] returns = new long[n];
            int[] firstRow = dayUnit ? null : new int[n];
            int[][] customer = batch.customerPages();
            long[][] placedAt = batch.placedAtPages();
            long[][] value = batch.valuePages(options.revenueBasis());
            byte[][] category = batch.categoryPages();
            long[][] costs = batch.costPages();
            boolean anyCounted = false;
            for (int p = 0; p < batch.pageCount(); p++) {
                int[] cust = customer[p];
                long[] placed = placedAt[p];
                long[] val = value[p];
                byte[] cat = category[p];
                long[] rowCost = costs == null ? null : costs[p];
                int base = p << OrderBatch.PAGE_BITS;
                for (int k = 0, count = batch.pageRows(p); k < count; k++) {
                    int c = cust[k];
                    byte kind = kinds[cat[k] & 0xFF];
                    if (kind == EXCLUDED) {
                        byStatus[c]++;
                        continue;
                    }
                    long t = placed[k];
                    if (t >= cutoffMicros) {
                        afterAsOf[c]++;
                        continue;
                    }
                    anyCounted = true;
                    long v = val[k];
                    if (kind != ORDER) {
                        returns[c]++;
                        if (kind == RETURN) {
                            total[c] = Math.addExact(total[c], v);
                            if (rowCost != null) {
                                cost[c] = Math.addExact(cost[c], rowCost[k]);
                            }
                        }
                        continue;
                    }
                    if (rowCost != null) {
                        cost[c] = Math.addExact(cost[c], rowCost[k]);
                    }
                    total[c] = Math.addExact(total[c], v);
                    if (dayUnit) {
                        // the days are found below, from the customer's rows
                        orders[c]++;
                        continue;
                    }
                    long tick = tick(t);
                    int r = base + k;
                    if (orders[c]++ == 0) {
                        first[c] = tick;
                        last[c] = tick;
                        purchases[c] = 1;
                        firstValue[c] = v;
                        firstRow[c] = r;
                        continue;
                    }
                    purchases[c]++;
                    if (tick < first[c] || (tick == first[c] && before(r, firstRow[c]))) {
                        first[c] = tick;
                        firstValue[c] = v;
                        firstRow[c] = r;
                    }
                    if (tick > last[c]) {
                        last[c] = tick;
                    }
                }
            }
            Optional<Currency> required = options.currency();
            if (anyCounted && required.isPresent() && !required.get().equals(batch.currency())) {
                throw new CurrencyMismatchException(required.get(), batch.currency(), "an order batch"
                        + " (set PurchaseHistoryOptions.currency or convert before summarising)");
            }
            long[][] dayLists = dayUnit ? dayLists(orders, cutoffMicros, first, last, purchases, firstValue) : null;
            return collect(orders, purchases, first, last, firstValue, total, cost, byStatus, afterAsOf, returns,
                    firstRow, dayLists);
        }

        /**
         * The order unit: crm-core's batch pass (cache-friendly on rows in time order, ADR 0014) with
         * the global keys as its tie rule, then the rows left out and the returns per customer.
         */
        private PartialSummaries orderUnit(long cutoffMicros) {
            BatchSummarizer pass = new BatchSummarizer(batch, options, BatchSummarizer.Layout.AUTO, keys);
            pass.pass();
            int n = batch.customerCount();
            long[] byStatus = new long[n];
            long[] afterAsOf = new long[n];
            long[] returns = new long[n];
            int[][] customer = batch.customerPages();
            long[][] placedAt = batch.placedAtPages();
            byte[][] category = batch.categoryPages();
            for (int p = 0; p < batch.pageCount(); p++) {
                byte[] cat = category[p];
                long[] placed = placedAt[p];
                for (int k = 0, count = batch.pageRows(p); k < count; k++) {
                    byte kind = kinds[cat[k] & 0xFF];
                    if (kind == EXCLUDED) {
                        byStatus[customer[p][k]]++;
                    } else if (placed[k] >= cutoffMicros) {
                        afterAsOf[customer[p][k]]++;
                    } else if (kind != ORDER) {
                        returns[customer[p][k]]++;
                    }
                }
            }
            return collect(pass.orders, pass.purchases, pass.first, pass.last, pass.firstValue, pass.total,
                    pass.cost == null ? new long[n] : pass.cost, byStatus, afterAsOf, returns, pass.firstRow, null);
        }

        private PartialSummaries collect(int[] orders, int[] purchases, long[] first, long[] last, long[] firstValue,
                long[] total, long[] cost, long[] byStatus, long[] afterAsOf, long[] returns, int[] firstRow,
                long[][] dayLists) {
            int n = batch.customerCount();
            PartialSummaries out = new PartialSummaries(options, n);
            boolean anyOrder = false;
            Currency cur = batch.currency();
            for (int c = 0; c < n; c++) {
                if (orders[c] == 0 && byStatus[c] == 0 && afterAsOf[c] == 0 && returns[c] == 0) {
                    continue;
                }
                int i = out.size++;
                out.ids[i] = batch.customerId(c);
                out.rowCurrency[i] = cur;
                out.orders[i] = orders[c];
                out.purchases[i] = purchases[c];
                out.first[i] = first[c];
                out.last[i] = last[c];
                out.firstValue[i] = firstValue[c];
                out.total[i] = total[c];
                out.cost[i] = cost[c];
                out.excludedByStatus[i] = byStatus[c];
                out.excludedAfterAsOf[i] = afterAsOf[c];
                out.returns[i] = returns[c];
                if (dayUnit) {
                    out.days[i] = dayLists[c];
                } else if (orders[c] > 0) {
                    if (keys != null) {
                        out.firstKey[i] = keys[firstRow[c]];
                    } else {
                        out.firstOrder[i] = batch.orderIdAt(firstRow[c]);
                    }
                }
                if (orders[c] > 0 || returns[c] > 0) {
                    out.currency = cur;
                }
                anyOrder |= orders[c] > 0;
            }
            // fixed by the first state: a partial without one takes whatever it is merged with
            out.costKind = out.size == 0 ? UNSET : batch.hasCosts() ? 1 : 0;
            out.keyKind = dayUnit || !anyOrder ? UNSET : keys != null ? 0 : 1;
            return out;
        }

        /**
         * The distinct purchase days of each customer with a counted order (day unit): the counted
         * orders' ticks grouped by customer (a counting sort), then sorted per customer.
         */
        private long[][] dayLists(int[] orders, long cutoffMicros, long[] first, long[] last, int[] purchases,
                long[] firstValue) {
            int n = orders.length;
            int[] start = new int[n + 1];
            for (int c = 0; c < n; c++) {
                start[c + 1] = start[c] + orders[c];
            }
            int[] next = Arrays.copyOf(start, n);
            long[] ticks = new long[start[n]];
            long[] values = new long[start[n]];
            int[][] customer = batch.customerPages();
            long[][] placedAt = batch.placedAtPages();
            long[][] value = batch.valuePages(options.revenueBasis());
            byte[][] category = batch.categoryPages();
            for (int p = 0; p < batch.pageCount(); p++) {
                for (int k = 0, count = batch.pageRows(p); k < count; k++) {
                    if (kinds[category[p][k] & 0xFF] == ORDER && placedAt[p][k] < cutoffMicros) {
                        int at = next[customer[p][k]]++;
                        ticks[at] = tick(placedAt[p][k]);
                        values[at] = value[p][k];
                    }
                }
            }
            long[][] out = new long[n][];
            for (int c = 0; c < n; c++) {
                int from = start[c];
                int to = start[c + 1];
                if (from == to) {
                    continue;
                }
                long min = Long.MAX_VALUE;
                for (int k = from; k < to; k++) {
                    min = Math.min(min, ticks[k]);
                }
                long minValue = 0;
                for (int k = from; k < to; k++) {
                    if (ticks[k] == min) {
                        minValue = Math.addExact(minValue, values[k]);
                    }
                }
                Arrays.sort(ticks, from, to);
                int distinct = 1;
                for (int k = from + 1; k < to; k++) {
                    if (ticks[k] != ticks[k - 1]) {
                        ticks[from + distinct++] = ticks[k];
                    }
                }
                out[c] = Arrays.copyOfRange(ticks, from, from + distinct);
                first[c] = min;
                last[c] = out[c][distinct - 1];
                purchases[c] = distinct;
                firstValue[c] = minValue;
            }
            return out;
        }
    }
}
