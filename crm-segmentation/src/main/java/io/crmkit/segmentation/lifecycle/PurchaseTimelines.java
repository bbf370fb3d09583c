package io.crmkit.segmentation.lifecycle;

import io.crmkit.core.CurrencyMismatchException;
import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.TimeRange;
import io.crmkit.core.history.OrderBatch;
import io.crmkit.core.history.PeriodUnit;
import io.crmkit.core.history.PurchaseUnit;
import io.crmkit.core.history.RevenueBasis;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.internal.CustomerIdSort;
import io.crmkit.core.internal.CustomerIndex;
import io.crmkit.core.internal.LocalDays;
import io.crmkit.core.internal.StateBytes;
import io.crmkit.core.internal.Tasks;
import io.crmkit.core.order.Order;
import io.crmkit.core.order.OrderStatusCategory;
import io.crmkit.core.port.CustomerRepository;
import io.crmkit.core.port.OrderRepository;
import io.crmkit.metrics.clv.BtydData;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Every known customer's purchase days: for each customer, in ascending customer-identifier order,
 * the distinct calendar days on which they bought (see {@link TimelineOptions}), ascending, with
 * each day's value in minor currency units and, under {@link PurchaseUnit#ORDER}, its number of
 * purchases (counted orders). Customers registered without any purchase (prospects)
 * are included with no days. The input of the lifecycle, churn-warning and next-purchase analyses,
 * which read it as of any date: a day after the as-of date does not exist for them.
 *
 * <p>Memory: compact columns, about 12 bytes per purchase day and 12 per customer beyond the
 * identifiers. Immutable and thread-safe; build it with a {@link Builder}.
 */
public final class PurchaseTimelines {

    private final TimelineOptions options;
    private final CustomerId[] ids;
    /** Customer i's days are {@code days[offsets[i]] .. days[offsets[i + 1] - 1]}. */
    final int[] offsets;
    /**
     * Epoch days, ascending and distinct within each customer: slots {@code [offsets[i],
     * offsets[i + 1])} of customer i. This array, {@link #values} and {@link #cum} may run past
     * {@code offsets[size()]}; the slots there are unused.
     */
    final int[] days;
    /** Each day's value in minor units of {@link #currency}. */
    final long[] values;
    /**
     * Under {@link PurchaseUnit#ORDER}, the purchases before each slot: slot k holds
     * {@code cum[k + 1] - cum[k]} counted orders; null under {@link PurchaseUnit#DAY}, where every
     * slot is one purchase.
     */
    private final int[] cum;
    private final Optional<Currency> currency;
    private final long ordersSeen;
    private final long ordersCounted;

    private PurchaseTimelines(TimelineOptions options, CustomerId[] ids, int[] offsets, int[] days, long[] values,
            int[] cum, Optional<Currency> currency, long ordersSeen, long ordersCounted) {
        this.options = options;
        this.ids = ids;
        this.offsets = offsets;
        this.days = days;
        this.values = values;
        this.cum = cum;
        this.currency = currency;
        this.ordersSeen = ordersSeen;
        this.ordersCounted = ordersCounted;
    }

    /**
     * Starts a builder.
     *
     * @param options what a purchase is, not null
     * @return a new builder, never null
     */
    public static Builder builder(TimelineOptions options) {
        return new Builder(options);
    }

    /**
     * Reads every order of a stream (closing it).
     *
     * @param orders the orders, not null
     * @param options what a purchase is, not null
     * @return the timelines, never null
     * @throws CurrencyMismatchException if counted orders are in different currencies
     */
    public static PurchaseTimelines of(Stream<Order> orders, TimelineOptions options) {
        Checks.notNull(orders, "orders");
        Builder builder = builder(options);
        try (orders) {
            orders.forEach(builder::accept);
        }
        return builder.build();
    }

    /**
     * Reads the orders of a repository in a time range and registers every customer of a customer
     * repository, so that customers who never bought are present as prospects.
     *
     * @param orders the order repository, not null
     * @param range the orders' time range, not null
     * @param customers the customer repository, not null
     * @param options what a purchase is, not null
     * @return the timelines, never null
     */
    public static PurchaseTimelines of(OrderRepository orders, TimeRange range, CustomerRepository customers,
            TimelineOptions options) {
        Checks.notNull(orders, "orders");
        Checks.notNull(range, "range");
        Checks.notNull(customers, "customers");
        Builder builder = builder(options);
        try (Stream<io.crmkit.core.customer.Customer> all = customers.streamAll()) {
            all.forEach(c -> builder.customer(c.id()));
        }
        try (Stream<Order> stream = orders.stream(range)) {
            stream.forEach(builder::accept);
        }
        return builder.build();
    }

    /**
     * Returns what a purchase is.
     *
     * @return the options, never null
     */
    public TimelineOptions options() {
        return options;
    }

    /**
     * Returns the number of customers, prospects included.
     *
     * @return the count
     */
    public int size() {
        return ids.length;
    }

    /**
     * Returns a customer.
     *
     * @param i the row, {@code 0 <= i < size()}
     * @return the identifier, never null
     */
    public CustomerId customerId(int i) {
        return ids[i];
    }

    /**
     * Returns the row of a customer.
     *
     * @param id the customer, not null
     * @return the row, empty if unknown
     */
    public OptionalInt indexOf(CustomerId id) {
        Checks.notNull(id, "id");
        int i = Arrays.binarySearch(ids, id);
        return i >= 0 ? OptionalInt.of(i) : OptionalInt.empty();
    }

    /**
     * Returns a customer's number of purchases in all the data: counted orders under
     * {@link PurchaseUnit#ORDER}, purchase days under {@link PurchaseUnit#DAY}.
     *
     * @param i the row
     * @return the count, 0 for a prospect
     */
    public int purchaseCount(int i) {
        return purchases(offsets[i], offsets[i + 1]);
    }

    /**
     * Returns a customer's number of distinct purchase days in all the data (equal to
     * {@link #purchaseCount} under {@link PurchaseUnit#DAY}).
     *
     * @param i the row
     * @return the count, 0 for a prospect
     */
    public int dayCount(int i) {
        return offsets[i + 1] - offsets[i];
    }

    /** Returns the number of purchases in the slots {@code [from, to)}. */
    int purchases(int from, int to) {
        return cum == null ? to - from : cum[to] - cum[from];
    }

    /** Returns what is counted, for reasons and messages: "purchase(s)" or "purchase day(s)" for n of them. */
    String purchasesNoun(long n) {
        return cum == null ? (n == 1 ? "purchase day" : "purchase days") : n == 1 ? "purchase" : "purchases";
    }

    /** Returns the number of customer i's purchases on or before the epoch day. */
    int purchasesUntil(int i, long epochDay) {
        return purchases(offsets[i], offsets[i] + countUntil(i, epochDay));
    }

    /**
     * Returns a customer's purchase days, ascending.
     *
     * @param i the row
     * @return the days, never null
     */
    public List<LocalDate> purchaseDays(int i) {
        List<LocalDate> out = new ArrayList<>(dayCount(i));
        for (int k = offsets[i]; k < offsets[i + 1]; k++) {
            out.add(LocalDate.ofEpochDay(days[k]));
        }
        return List.copyOf(out);
    }

    /**
     * Returns the value of one of a customer's purchase days.
     *
     * @param i the row
     * @param k the day's position among the customer's days, {@code 0 <= k < dayCount(i)}
     * @return the value of the day's counted orders, never null
     * @throws IllegalStateException if there is no purchase at all (no currency)
     */
    public Money purchaseValue(int i, int k) {
        if (k < 0 || k >= dayCount(i)) {
            throw new IndexOutOfBoundsException("purchase day " + k + " of row " + i + " (" + dayCount(i) + " days)");
        }
        return Money.ofMinor(values[offsets[i] + k], currency.orElseThrow());
    }

    /**
     * Returns the currency of every value, empty when nobody bought.
     *
     * @return the currency, never null
     */
    public Optional<Currency> currency() {
        return currency;
    }

    /**
     * Returns the latest purchase day of anyone, empty when nobody bought.
     *
     * @return the day, never null
     */
    public Optional<LocalDate> lastPurchaseDay() {
        int max = Integer.MIN_VALUE;
        for (int i = 0; i < ids.length; i++) {
            if (offsets[i + 1] > offsets[i]) {
                max = Math.max(max, days[offsets[i + 1] - 1]);
            }
        }
        return max == Integer.MIN_VALUE ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(max));
    }

    /**
     * Returns the number of orders read.
     *
     * @return the count
     */
    public long ordersSeen() {
        return ordersSeen;
    }

    /**
     * Returns the number of orders that counted as purchases.
     *
     * @return the count
     */
    public long ordersCounted() {
        return ordersCounted;
    }

    /**
     * Returns the BTYD input as of a date, for fitting a transaction model whose P(alive) the churn
     * warning can use: for every customer with a purchase day on or before it, in row order,
     * {@code x} repeat purchases (by the options' purchase unit), {@code t_x} from the first to the
     * last purchase day and {@code T} from the first purchase day to the as-of date, in the unit.
     *
     * @param asOf the last day of history, not null
     * @param unit the time unit of {@code t_x} and {@code T}, not null
     * @return the data, never null
     * @throws IllegalArgumentException if nobody bought on or before the date
     */
    public BtydData btyd(LocalDate asOf, PeriodUnit unit) {
        Checks.notNull(asOf, "asOf");
        Checks.notNull(unit, "unit");
        int day = toEpochDay(asOf);
        int n = ids.length;
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] bigT = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            int k = countUntil(i, day);
            if (k > 0) {
                int first = days[offsets[i]];
                x[m] = purchases(offsets[i], offsets[i] + k) - 1;
                tx[m] = unit.fromDays(days[offsets[i] + k - 1] - first);
                bigT[m] = unit.fromDays(day - first);
                m++;
            }
        }
        if (m == 0) {
            throw new IllegalArgumentException("nobody bought on or before " + asOf);
        }
        return BtydData.ofCustomers(Arrays.copyOf(x, m), Arrays.copyOf(tx, m), Arrays.copyOf(bigT, m), unit);
    }

    /** Returns the number of customer i's days on or before the epoch day. */
    int countUntil(int i, long epochDay) {
        int from = offsets[i];
        int to = offsets[i + 1];
        if (to == from || days[from] > epochDay) {
            return 0;
        }
        if (days[to - 1] <= epochDay) {
            return to - from;
        }
        int lo = from;
        int hi = to - 1;
        // invariant: days[lo] <= epochDay < days[hi]
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (days[mid] <= epochDay) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo - from + 1;
    }

    @Override
    public String toString() {
        return "PurchaseTimelines[" + ids.length + " customers, " + offsets[ids.length] + " purchase days, "
                + options.describe() + "]";
    }

    /**
     * Collects orders into {@link PurchaseTimelines}: in any order, in one pass, in memory
     * proportional to the number of counted orders until {@link #build()}.
     *
     * <p>Not thread-safe: feed one builder from one thread.
     */
    public static final class Builder implements Consumer<Order> {

        private final TimelineOptions options;
        private final boolean net;
        private final LocalDays localDays;
        private final CustomerIndex index = new CustomerIndex(1 << 10);
        private CustomerId[] keys = new CustomerId[1 << 10];
        private int[] rowCustomer = new int[1 << 12];
        private int[] rowDay = new int[1 << 12];
        private long[] rowValue = new long[1 << 12];
        private int rows;
        private Currency currency;
        private long seen;
        private long counted;
        /**
         * A batch accepted by a builder that had seen nothing, not yet copied into the rows above:
         * {@link #build()} reads it directly (customers already in identifier order, no index, no
         * row buffers); any other use copies it in first ({@link #materialize()}).
         */
        private OrderBatch pending;
        /** From this many rows a pending batch is read on two threads. */
        static final int PARALLEL_MIN_ROWS = 1 << 18;

        private Builder(TimelineOptions options) {
            this.options = Checks.notNull(options, "options");
            this.net = options.revenueBasis() == RevenueBasis.NET;
            this.localDays = new LocalDays(options.zone());
            this.currency = options.currency().orElse(null);
        }

        /**
         * Registers a customer, with or without purchases; a customer registered only here is a
         * prospect.
         *
         * @param id the customer, not null
         * @return this builder
         */
        public Builder customer(CustomerId id) {
            Checks.notNull(id, "id");
            materialize();
            customerIndex(id);
            return this;
        }

        /**
         * Adds one order: a purchase on its day when its status category is counted.
         *
         * @param order the order, not null
         * @throws CurrencyMismatchException if a counted order is in another currency than the first
         */
        @Override
        public void accept(Order order) {
            Checks.notNull(order, "order");
            long value = net ? order.netRevenueMinorUnits() : order.grossAmount().toMinorUnits();
            add(order.customerId(), order.placedAt(), order.status().category(), value, order.currency());
        }

        /**
         * Adds one order given by its parts, for adapters that hold orders in columns.
         *
         * @param customerId the buying customer, not null
         * @param placedAt when it was placed, not null
         * @param category its status category, not null
         * @param valueMinor its value on the options' revenue basis, in minor units of
         *     {@code currency}, not negative
         * @param currency the currency of the value, not null
         * @return this builder
         * @throws IllegalArgumentException if the value is negative or the time is out of range
         * @throws CurrencyMismatchException if a counted order is in another currency than the first
         */
        public Builder add(CustomerId customerId, Instant placedAt, OrderStatusCategory category, long valueMinor,
                Currency currency) {
            Checks.notNull(customerId, "customerId");
            Checks.notNull(placedAt, "placedAt");
            Checks.notNull(category, "category");
            Checks.notNull(currency, "currency");
            if (valueMinor < 0) {
                throw new IllegalArgumentException("order value of customer " + customerId
                        + " must not be negative: " + valueMinor);
            }
            materialize();
            seen++;
            int c = customerIndex(customerId);
            if (!options.countedCategories().contains(category)) {
                return this;
            }
            if (this.currency != null && !this.currency.equals(currency)) {
                throw new CurrencyMismatchException(this.currency, currency, "order of customer " + customerId
                        + " (convert amounts to one currency before building timelines)");
            }
            this.currency = currency;
            addRow(c, epochDay(placedAt), valueMinor);
            return this;
        }

        /**
         * Adds every order of a columnar batch, as {@link #accept(Order)} adds each: the same
         * timelines whatever the batch's row order, without an object per order. Returns (rows of
         * money paid back) are not purchases: they are left out, and not counted as seen.
         *
         * @param batch the orders, not null
         * @return this builder
         * @throws CurrencyMismatchException if the batch's currency differs from that of orders
         *     counted before and an order of the batch is counted
         */
        public Builder acceptAll(OrderBatch batch) {
            Checks.notNull(batch, "batch");
            if (pending == null && rows == 0 && index.size() == 0 && seen == 0
                    && (currency == null || currency.equals(batch.currency()))) {
                pending = batch;
                return this;
            }
            materialize();
            addBatch(batch);
            return this;
        }

        /** Copies the pending batch, if any, into the rows. */
        private void materialize() {
            if (pending != null) {
                OrderBatch batch = pending;
                pending = null;
                addBatch(batch);
            }
        }

        /** Adds a batch's rows in row order. */
        private void addBatch(OrderBatch batch) {
            int[] handle = new int[batch.customerCount()];
            Arrays.fill(handle, -1);
            boolean[] counts = countedByOrdinal();
            ensureRoom(batch.rowCount() - batch.returnCount());
            for (int r = 0; r < batch.rowCount(); r++) {
                if (batch.isReturn(r)) {
                    continue;
                }
                seen++;
                int b = batch.customerIndex(r);
                int c = handle[b];
                if (c < 0) {
                    c = customerIndex(batch.customerId(b));
                    handle[b] = c;
                }
                if (!counts[batch.category(r).ordinal()]) {
                    continue;
                }
                if (currency != null && !currency.equals(batch.currency())) {
                    throw new CurrencyMismatchException(currency, batch.currency(), "row " + r
                            + " of an order batch (convert amounts to one currency before building timelines)");
                }
                currency = batch.currency();
                addRow(c, batchDay(batch, r, localDays), net ? batch.netMinor(r) : batch.grossMinor(r));
            }
        }

        private boolean[] countedByOrdinal() {
            boolean[] counts = new boolean[OrderStatusCategory.values().length];
            options.countedCategories().forEach(cat -> counts[cat.ordinal()] = true);
            return counts;
        }

        /** The local day of a batch row, by a zone's days (one per thread: they cache). */
        private static int batchDay(OrderBatch batch, int r, LocalDays zoneDays) {
            try {
                return Math.toIntExact(zoneDays.epochDayOfMicros(batch.placedAtMicros(r)));
            } catch (ArithmeticException | DateTimeException e) {
                throw new IllegalArgumentException("row " + r + ": placedAt is outside the supported range", e);
            }
        }

        /**
         * The timelines of one batch, read from it without the builder's index and rows: its
         * customers with a purchase or another non-return row, in its (identifier) order; each one's
         * counted rows placed by a counting sort (12 bytes a row), sorted by day within the customer
         * and merged per day in place. The two halves of the rows are counted and placed side by side
         * from {@value #PARALLEL_MIN_ROWS} rows when {@link Tasks#splits} says so (the upper half's
         * rows of a customer after the lower half's: the day sort makes the order moot).
         */
        private PurchaseTimelines fromBatch(OrderBatch batch) {
            boolean[] counts = countedByOrdinal();
            int nb = batch.customerCount();
            int rowCount = batch.rowCount();
            boolean apart = Tasks.splits(rowCount, PARALLEL_MIN_ROWS);
            int mid = rowCount / 2;
            boolean[] registered = new boolean[nb];
            int[] lower = new int[nb];
            int[] upper = new int[nb];
            long[] seenRows = new long[2];
            Tasks.both(apart, () -> seenRows[0] = count(batch, 0, mid, counts, registered, lower),
                    () -> seenRows[1] = count(batch, mid, rowCount, counts, registered, upper));
            // places: customer b's rows from begin[b], the lower half's first; the counts become the
            // halves' next places
            int[] begin = new int[nb + 1];
            for (int b = 0; b < nb; b++) {
                begin[b + 1] = begin[b] + lower[b] + upper[b];
                upper[b] = begin[b] + lower[b];
                lower[b] = begin[b];
            }
            int total = begin[nb];
            int[] days = new int[total];
            long[] values = new long[total];
            LocalDays lowerDays = new LocalDays(options.zone());
            Tasks.both(apart, () -> place(batch, 0, mid, counts, lower, days, values, lowerDays),
                    () -> place(batch, mid, rowCount, counts, upper, days, values, localDays));
            // every customer with a counted row has a non-return row: the others' ranges are empty
            int n = 0;
            for (boolean r : registered) {
                n += r ? 1 : 0;
            }
            CustomerId[] ids = new CustomerId[n];
            int[] places = new int[n + 1];
            int c = 0;
            for (int b = 0; b < nb; b++) {
                if (registered[b]) {
                    ids[c] = batch.customerId(b);
                    places[c++] = begin[b];
                }
            }
            places[n] = total;
            return assemble(ids, places, days, values, total > 0 ? batch.currency() : currency,
                    seenRows[0] + seenRows[1], total);
        }

        /**
         * Counts rows {@code [from, to)} of a batch: marks the customers of non-return rows, adds each
         * customer's counted rows to {@code perCustomer}; returns the non-return rows.
         */
        private static long count(OrderBatch batch, int from, int to, boolean[] counts, boolean[] registered,
                int[] perCustomer) {
            long seenRows = 0;
            for (int r = from; r < to; r++) {
                if (batch.isReturn(r)) {
                    continue;
                }
                seenRows++;
                int b = batch.customerIndex(r);
                registered[b] = true;
                if (counts[batch.category(r).ordinal()]) {
                    perCustomer[b]++;
                }
            }
            return seenRows;
        }

        /** Places the counted rows of {@code [from, to)} at their customers' next places. */
        private void place(OrderBatch batch, int from, int to, boolean[] counts, int[] next, int[] days,
                long[] values, LocalDays zoneDays) {
            for (int r = from; r < to; r++) {
                if (batch.isReturn(r) || !counts[batch.category(r).ordinal()]) {
                    continue;
                }
                int at = next[batch.customerIndex(r)]++;
                days[at] = batchDay(batch, r, zoneDays);
                values[at] = net ? batch.netMinor(r) : batch.grossMinor(r);
            }
        }

        /**
         * Adds what another builder of the same options has seen: its customers and their purchase
         * rows. Builders combine exactly whatever way the orders were split between them (by
         * customer, by time, at random), in any grouping.
         *
         * @param other a builder with equal options, not null
         * @return this builder
         * @throws IllegalArgumentException if the options differ
         * @throws CurrencyMismatchException if their counted orders are in different currencies
         */
        public Builder combine(Builder other) {
            Checks.notNull(other, "other");
            materialize();
            other.materialize();
            if (!options.equals(other.options)) {
                throw new IllegalArgumentException("timeline builders of different options cannot combine: " + options
                        + " and " + other.options);
            }
            if (currency != null && other.currency != null && !currency.equals(other.currency)) {
                throw new CurrencyMismatchException(currency, other.currency, "combining timeline builders");
            }
            if (currency == null) {
                currency = other.currency;
            }
            int[] mapped = new int[other.index.size()];
            for (int k = 0; k < mapped.length; k++) {
                mapped[k] = customerIndex(other.keys[k]);
            }
            for (int k = 0; k < other.rows; k++) {
                addRow(mapped[other.rowCustomer[k]], other.rowDay[k], other.rowValue[k]);
            }
            seen += other.seen; // counted grows with each row added
            return this;
        }

        /** Marks the byte form of a builder ("PTL" and its version, 1). */
        private static final int FORM = 0x50544c01;

        /**
         * Returns what this builder has seen in a byte form, for shipping partial timelines between
         * processes (the executors of a distributed engine, say): {@link #combine(byte[])} on a
         * builder of equal options adds it as {@link #combine(Builder)} adds the builder itself.
         *
         * <p>The form, in {@link java.io.DataOutputStream} encoding: the int {@code 0x50544c01}
         * ("PTL", version 1); the options' {@link TimelineOptions#describe()} (UTF); the currency
         * code, empty when none yet (UTF); the orders seen (long); the number of customers, then
         * each customer's identifier (int length and UTF-8 bytes); the number of purchase rows,
         * then each row's customer (int, an index into those identifiers), epoch day (int) and
         * value in minor units (long). Rows are the builder's, one per counted order, not yet
         * collapsed by day.
         *
         * @return the bytes, never null
         */
        public byte[] asBytes() {
            materialize();
            return StateBytes.write(64 + rows * 16, out -> {
                out.writeInt(FORM);
                out.writeUTF(options.describe());
                out.writeUTF(currency == null ? "" : currency.getCurrencyCode());
                out.writeLong(seen);
                int n = index.size();
                out.writeInt(n);
                for (int k = 0; k < n; k++) {
                    StateBytes.writeCustomerId(out, keys[k]);
                }
                out.writeInt(rows);
                for (int k = 0; k < rows; k++) {
                    out.writeInt(rowCustomer[k]);
                    out.writeInt(rowDay[k]);
                    out.writeLong(rowValue[k]);
                }
            });
        }

        /**
         * Adds what a builder of equal options had seen, in the form of {@link #asBytes()}: the
         * same as {@link #combine(Builder)} with that builder.
         *
         * @param state the bytes, not null
         * @return this builder
         * @throws IllegalArgumentException if the bytes are not such a form (named: the form mark,
         *     the options, a count, an index or trailing bytes) or were made under other options;
         *     this builder is then unchanged
         * @throws CurrencyMismatchException if their counted orders are in another currency
         */
        public Builder combine(byte[] state) {
            Checks.notNull(state, "state");
            materialize();
            Builder other = new Builder(options);
            StateBytes.read(state, in -> {
                if (in.readInt() != FORM) {
                    throw new IllegalArgumentException("state: not the byte form of PurchaseTimelines.Builder"
                            + " (version 1)");
                }
                String described = in.readUTF();
                if (!described.equals(options.describe())) {
                    throw new IllegalArgumentException("state: made under other options (" + described
                            + "), not " + options.describe());
                }
                String code = in.readUTF();
                other.currency = code.isEmpty() ? null : Currency.getInstance(code);
                other.seen = in.readLong();
                int n = StateBytes.count(in.readInt(), state.length / 4, "customers");
                for (int k = 0; k < n; k++) {
                    other.customerIndex(StateBytes.readCustomerId(in, state.length));
                }
                if (other.index.size() != n) {
                    throw new IllegalArgumentException("state: a customer identifier appears twice");
                }
                int r = StateBytes.count(in.readInt(), state.length / 16, "rows");
                for (int k = 0; k < r; k++) {
                    int c = in.readInt();
                    if (c < 0 || c >= n) {
                        throw new IllegalArgumentException("state: row " + k + " names customer " + c + " of " + n);
                    }
                    other.addRow(c, in.readInt(), in.readLong());
                }
            });
            return combine(other);
        }

        private void addRow(int c, int day, long valueMinor) {
            if (rows == rowCustomer.length) {
                ensureRoom(Math.max(1, rows >> 1));
            }
            rowCustomer[rows] = c;
            rowDay[rows] = day;
            rowValue[rows] = valueMinor;
            rows++;
            counted++;
        }

        /** Makes room for {@code more} rows beyond those added. */
        private void ensureRoom(int more) {
            if (rows + more > rowCustomer.length) {
                int grown = Math.max(rows + more, rowCustomer.length + (rowCustomer.length >> 1));
                rowCustomer = Arrays.copyOf(rowCustomer, grown);
                rowDay = Arrays.copyOf(rowDay, grown);
                rowValue = Arrays.copyOf(rowValue, grown);
            }
        }

        private int customerIndex(CustomerId id) {
            int c = index.getOrAdd(id);
            if (c < 0) {
                c = -c - 1;
                if (c == keys.length) {
                    keys = Arrays.copyOf(keys, keys.length * 2);
                }
                keys[c] = id;
            }
            return c;
        }

        private int epochDay(Instant t) {
            try {
                return Math.toIntExact(localDays.epochDay(t.getEpochSecond()));
            } catch (ArithmeticException | DateTimeException e) {
                throw new IllegalArgumentException("placedAt " + t + " is outside the supported range", e);
            }
        }

        /**
         * Builds the timelines. The builder may be used on afterwards; the result does not change.
         *
         * @return the timelines, never null
         */
        public PurchaseTimelines build() {
            if (pending != null && rows == 0 && index.size() == 0) {
                return fromBatch(pending);
            }
            materialize();
            int n = index.size();
            // customers in ascending identifier order
            int[] byId = n == 0 ? new int[0] : CustomerIdSort.ascending(keys, n);
            int[] rank = new int[n];
            CustomerId[] ids = new CustomerId[n];
            for (int r = 0; r < n; r++) {
                rank[byId[r]] = r;
                ids[r] = keys[byId[r]];
            }
            // counting sort of the rows by customer rank
            int[] begin = new int[n + 1];
            for (int k = 0; k < rows; k++) {
                begin[rank[rowCustomer[k]] + 1]++;
            }
            for (int r = 0; r < n; r++) {
                begin[r + 1] += begin[r];
            }
            int[] fill = Arrays.copyOf(begin, n);
            int[] days = new int[rows];
            long[] values = new long[rows];
            for (int k = 0; k < rows; k++) {
                int at = fill[rank[rowCustomer[k]]]++;
                days[at] = rowDay[k];
                values[at] = rowValue[k];
            }
            return assemble(ids, begin, days, values, currency, seen, counted);
        }

        /**
         * The timelines of customers {@code ids} (in identifier order) whose counted orders are
         * places {@code [begin[i], begin[i + 1])} of {@code days} and {@code values}, in any order:
         * each customer's sorted by day and merged into one slot per day in place (slots never pass
         * places). The arrays are kept when at most an eighth of their places end unused, rather
         * than copied at the peak of memory.
         */
        private PurchaseTimelines assemble(CustomerId[] ids, int[] begin, int[] days, long[] values, Currency cur,
                long ordersSeen, long ordersCounted) {
            int n = ids.length;
            int total = begin[n];
            int[] cum = options.purchaseUnit() == PurchaseUnit.ORDER ? new int[total + 1] : null;
            int[] offsets = new int[n + 1];
            int out = 0;
            for (int i = 0; i < n; i++) {
                offsets[i] = out;
                sortByDay(days, values, begin[i], begin[i + 1]);
                for (int k = begin[i]; k < begin[i + 1]; k++) {
                    if (out > offsets[i] && days[out - 1] == days[k]) {
                        values[out - 1] = Math.addExact(values[out - 1], values[k]);
                    } else {
                        days[out] = days[k];
                        values[out] = values[k];
                        out++;
                        if (cum != null) {
                            cum[out] = cum[out - 1];
                        }
                    }
                    if (cum != null) {
                        cum[out]++; // one more order before the next slot
                    }
                }
            }
            offsets[n] = out;
            boolean trim = out < total - (total >>> 3);
            return new PurchaseTimelines(options, ids, offsets, trim ? Arrays.copyOf(days, out) : days,
                    trim ? Arrays.copyOf(values, out) : values,
                    cum != null && trim ? Arrays.copyOf(cum, out + 1) : cum, Optional.ofNullable(cur), ordersSeen,
                    ordersCounted);
        }
    }

    /**
     * Sorts places {@code [from, to)} by day, moving the values along: insertion for a short run (a
     * customer's few orders), else through keys of day and place.
     */
    static void sortByDay(int[] days, long[] values, int from, int to) {
        if (to - from <= 32) {
            for (int i = from + 1; i < to; i++) {
                int d = days[i];
                long v = values[i];
                int j = i - 1;
                while (j >= from && days[j] > d) {
                    days[j + 1] = days[j];
                    values[j + 1] = values[j];
                    j--;
                }
                days[j + 1] = d;
                values[j + 1] = v;
            }
            return;
        }
        long[] keys = new long[to - from];
        for (int k = from; k < to; k++) {
            keys[k - from] = ((long) days[k] << 32) | (k - from);
        }
        Arrays.sort(keys);
        long[] moved = new long[to - from];
        for (int k = 0; k < keys.length; k++) {
            moved[k] = values[from + (int) keys[k]];
        }
        for (int k = 0; k < keys.length; k++) {
            days[from + k] = (int) (keys[k] >> 32);
            values[from + k] = moved[k];
        }
    }

    static int toEpochDay(LocalDate date) {
        return Math.toIntExact(date.toEpochDay());
    }

}
