package io.crmkit.core.history;

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
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Orders held in memory as columns, one row per order: the analogue of a data frame, and the
 * fastest input of {@link PurchaseHistory#summarize(OrderBatch, PurchaseHistoryOptions)}.
 *
 * <p>Per row: the customer as a dense index into the batch's customer dictionary (4 bytes), the
 * placement time in epoch microseconds (8), the gross value and the net value (after discount and
 * refunds) in minor units of the batch's one currency (8 + 8; the net column is shared with the
 * gross one when no row has a deduction), the status category (1) and, optionally, the order
 * identifier (a reference) or an order rank (4), the cost of the goods (8) and the record it came
 * from ({@link #sourceTag}, next to nothing when tags rise with the rows). A row with a negative
 * net value is a return ({@link #isReturn}). Columns are kept in pages of 32,768 rows; no object is
 * kept per row. The customer dictionary is sorted by identifier when the batch is built, so
 * customer index order is identifier order, and summaries come out in that order without sorting.
 *
 * <p>One currency per batch: a host with orders in several currencies builds one batch per
 * currency. Order identifiers matter only to break ties between a customer's orders placed in the
 * same microsecond (the first purchase is the one with the smaller identifier, as in
 * {@link PurchaseHistoryAccumulator}); a batch without them breaks such ties by row order.
 *
 * <p>Immutable and thread-safe once built; build with {@link #builder(Currency)} (not thread-safe)
 * or {@link #of(Currency, Iterable)}.
 */
public final class OrderBatch {

    /** Earliest supported placement time: the start of year -290000 (UTC), in epoch microseconds. */
    public static final long MIN_MICROS = LocalDays.micros(
            LocalDate.of(-290_000, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant());
    /** Latest supported placement time: the end of year 290000 (UTC), in epoch microseconds. */
    public static final long MAX_MICROS = LocalDays.micros(
            LocalDate.of(290_001, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant()) - 1;

    private static final OrderStatusCategory[] CATEGORIES = OrderStatusCategory.values();

    /** Set in a row's category byte when the row is a return (a negative net value). */
    static final int RETURN_BIT = 0x80;

    /** Clears {@link #RETURN_BIT}: the status category's ordinal. */
    static final int CATEGORY_MASK = 0x7F;

    /** Rows per page of every column: row {@code r} is at {@code [r >>> PAGE_BITS][r & PAGE_MASK]}. */
    static final int PAGE_BITS = 15;
    static final int PAGE_ROWS = 1 << PAGE_BITS;
    static final int PAGE_MASK = PAGE_ROWS - 1;
    /**
     * Rows the first page is made with; it doubles as rows arrive, up to {@link #PAGE_ROWS}, so a
     * small batch does not hold (and clear) a megabyte of columns. Later pages are made full.
     */
    static final int FIRST_PAGE_ROWS = 1 << 10;

    private final Currency currency;
    private final CustomerId[] customers;
    private final int rows;
    private final int[][] customer;
    private final long[][] placedAt;
    private final long[][] gross;
    private final long[][] net;
    private final byte[][] category;
    private final OrderId[][] orderIds;
    private final int[][] orderRanks;
    private final SourceTags sourceTags;
    private final long[][] cost;
    private final int returns;

    private OrderBatch(Currency currency, CustomerId[] customers, int rows, int[][] customer, long[][] placedAt,
            long[][] gross, long[][] net, byte[][] category, OrderId[][] orderIds, int[][] orderRanks,
            SourceTags sourceTags, long[][] cost, int returns) {
        this.cost = cost;
        this.currency = currency;
        this.customers = customers;
        this.rows = rows;
        this.customer = customer;
        this.placedAt = placedAt;
        this.gross = gross;
        this.net = net;
        this.category = category;
        this.orderIds = orderIds;
        this.orderRanks = orderRanks;
        this.sourceTags = sourceTags;
        this.returns = returns;
    }

    /**
     * Starts a builder for a batch of orders in one currency.
     *
     * @param currency the currency of every value, not null
     * @return a new builder, never null
     */
    public static Builder builder(Currency currency) {
        return new Builder(currency, 1024);
    }

    /**
     * Starts a builder sized for an expected number of rows.
     *
     * @param currency the currency of every value, not null
     * @param expectedRows how many rows to make room for, not negative
     * @return a new builder, never null
     */
    public static Builder builder(Currency currency, int expectedRows) {
        if (expectedRows < 0) {
            throw new IllegalArgumentException("expectedRows must not be negative: " + expectedRows);
        }
        return new Builder(currency, expectedRows);
    }

    /**
     * Builds a batch of orders, keeping their identifiers (see {@link Builder#add(Order)}).
     *
     * @param currency the currency of every order, not null
     * @param orders the orders, not null
     * @return the batch, never null
     * @throws IllegalArgumentException if an order is in another currency or outside the supported
     *     time range, naming the order
     */
    public static OrderBatch of(Currency currency, Iterable<? extends Order> orders) {
        return builder(currency).addAll(orders).build();
    }

    /**
     * Returns the currency of every value.
     *
     * @return the currency, never null
     */
    public Currency currency() {
        return currency;
    }

    /**
     * Returns the number of rows (orders).
     *
     * @return the count
     */
    public int rowCount() {
        return rows;
    }

    /**
     * Returns the number of distinct customers.
     *
     * @return the count
     */
    public int customerCount() {
        return customers.length;
    }

    /**
     * Returns a customer of the dictionary; indexes ascend with the identifiers.
     *
     * @param index the customer index, {@code 0 <= index < customerCount()}
     * @return the identifier, never null
     */
    public CustomerId customerId(int index) {
        Objects.checkIndex(index, customers.length);
        return customers[index];
    }

    /**
     * Returns the index of a customer in the dictionary: a binary search, as the dictionary is
     * sorted by identifier.
     *
     * @param id the identifier, not null
     * @return the index, or -1 if the batch has no row of that customer
     */
    public int indexOf(CustomerId id) {
        Objects.requireNonNull(id, "id");
        int found = java.util.Arrays.binarySearch(customers, id);
        return found >= 0 ? found : -1;
    }

    /**
     * Returns whether the rows carry order identifiers.
     *
     * @return true if every row has one, false if none has
     */
    public boolean hasOrderIds() {
        return orderIds != null;
    }

    /**
     * Returns a row's customer index (see {@link #customerId(int)}).
     *
     * @param row the row, {@code 0 <= row < rowCount()}
     * @return the index
     */
    public int customerIndex(int row) {
        Objects.checkIndex(row, rows);
        return customer[row >>> PAGE_BITS][row & PAGE_MASK];
    }

    /**
     * Returns when a row's order was placed.
     *
     * @param row the row
     * @return epoch microseconds
     */
    public long placedAtMicros(int row) {
        Objects.checkIndex(row, rows);
        return placedAt[row >>> PAGE_BITS][row & PAGE_MASK];
    }

    /**
     * Returns a row's status category.
     *
     * @param row the row
     * @return the category, never null
     */
    public OrderStatusCategory category(int row) {
        Objects.checkIndex(row, rows);
        return CATEGORIES[category[row >>> PAGE_BITS][row & PAGE_MASK] & CATEGORY_MASK];
    }

    /**
     * Returns a row's value before discount and refunds.
     *
     * @param row the row
     * @return minor units of {@link #currency()}, not negative; 0 for a return
     */
    public long grossMinor(int row) {
        Objects.checkIndex(row, rows);
        return isReturn(row) ? 0 : gross[row >>> PAGE_BITS][row & PAGE_MASK];
    }

    /**
     * Returns a row's value after discount and refunds.
     *
     * @param row the row
     * @return minor units of {@link #currency()}, between 0 and {@link #grossMinor(int)}; negative
     *     for a return
     */
    public long netMinor(int row) {
        Objects.checkIndex(row, rows);
        return net[row >>> PAGE_BITS][row & PAGE_MASK];
    }

    /**
     * Returns a row's order identifier.
     *
     * @param row the row
     * @return the identifier, empty when the batch has none, never null
     */
    public Optional<OrderId> orderId(int row) {
        Objects.checkIndex(row, rows);
        return orderIds == null ? Optional.empty() : Optional.of(orderIds[row >>> PAGE_BITS][row & PAGE_MASK]);
    }

    /**
     * Returns whether a row is a return: money paid back (a negative net value). A return lowers
     * its customer's net revenue and is never a purchase; under the gross basis it is left out.
     *
     * @param row the row
     * @return true for a return
     */
    public boolean isReturn(int row) {
        Objects.checkIndex(row, rows);
        return category[row >>> PAGE_BITS][row & PAGE_MASK] < 0;
    }

    /**
     * Returns the number of rows that are returns.
     *
     * @return the count
     */
    public int returnCount() {
        return returns;
    }

    /**
     * Returns a row's tie-break rank: between a customer's orders placed in the same microsecond,
     * the one with the lower rank is the first (see {@link Builder#addSourced}).
     *
     * @param row the row
     * @return the rank, or empty when the rows have no order keys, never null
     */
    public OptionalInt orderRank(int row) {
        Objects.checkIndex(row, rows);
        return orderRanks == null ? OptionalInt.empty()
                : OptionalInt.of(orderRanks[row >>> PAGE_BITS][row & PAGE_MASK]);
    }

    /**
     * Returns where a row came from, such as the line of a file (see {@link Builder#addSourced}).
     *
     * @param row the row
     * @return the tag, or empty for a row added without one, never null
     */
    public OptionalInt sourceTag(int row) {
        Objects.checkIndex(row, rows);
        int tag = sourceTags.tag(row);
        return tag < 0 ? OptionalInt.empty() : OptionalInt.of(tag);
    }

    /**
     * Returns whether the rows carry their cost (of the goods sold, for margin).
     *
     * @return true if every row has a cost, false if none has
     */
    public boolean hasCosts() {
        return cost != null;
    }

    /**
     * Returns a row's cost: of the goods sold, in minor units of {@link #currency()}; negative for
     * goods returned.
     *
     * @param row the row
     * @return the cost, or empty when the batch has no costs, never null
     */
    public OptionalLong costMinor(int row) {
        Objects.checkIndex(row, rows);
        return cost == null ? OptionalLong.empty() : OptionalLong.of(cost[row >>> PAGE_BITS][row & PAGE_MASK]);
    }

    /**
     * Returns the rows' time, value and status copied into customer-and-time order: grouped by
     * customer (in customer index order, which is identifier order), each customer's rows in time
     * order, same-instant rows in their tie-break order (rank, else identifier, else row). This is
     * the order in which analytics that follow each customer through time (period KPIs,
     * calibration splits) take them, and the copy lets such a pass read memory in order. Built by a counting sort that reads the batch in row order and writes each row to its
     * place (about 25 bytes a row), then a sort of each customer's rows that are not already in
     * time order.
     *
     * @param basis which value to copy, not null
     * @return the rows by customer, never null
     */
    public CustomerRows byCustomer(RevenueBasis basis) {
        Objects.requireNonNull(basis, "basis");
        int n = customers.length;
        int[] start = new int[n + 1];
        for (int p = 0; p < pageCount(); p++) {
            int[] page = customer[p];
            for (int k = 0, count = pageRows(p); k < count; k++) {
                start[page[k] + 1]++;
            }
        }
        for (int c = 0; c < n; c++) {
            start[c + 1] += start[c];
        }
        int[] next = Arrays.copyOf(start, n);
        int[] row = new int[rows];
        long[] time = new long[rows];
        long[] value = new long[rows];
        byte[] cat = new byte[rows];
        long[][] values = valuePages(basis);
        boolean gross = basis == RevenueBasis.GROSS;
        for (int p = 0; p < pageCount(); p++) {
            int[] cust = customer[p];
            long[] placed = placedAt[p];
            long[] val = values[p];
            byte[] cats = category[p];
            int base = p << PAGE_BITS;
            for (int k = 0, count = pageRows(p); k < count; k++) {
                int at = next[cust[k]]++;
                row[at] = base + k;
                time[at] = placed[k];
                // a return is nothing on the gross basis, as grossMinor(row) says (a row read from a
                // source holds its negative amount on both pages)
                value[at] = gross && cats[k] < 0 ? 0 : val[k];
                cat[at] = cats[k];
            }
        }
        CustomerRows out = new CustomerRows(start, row, time, value, cat);
        for (int c = 0; c < n; c++) {
            int from = start[c];
            int to = start[c + 1];
            boolean sorted = true;
            for (int k = from + 1; k < to && sorted; k++) {
                sorted = out.before(this, k - 1, k);
            }
            if (!sorted) {
                out.sort(this, from, to);
            }
        }
        return out;
    }

    /** Whether row {@code a} comes before row {@code b} placed at the same instant. */
    private boolean tieBefore(int a, int b) {
        if (orderRanks != null) {
            int ra = orderRankAt(a);
            int rb = orderRankAt(b);
            return ra != rb ? ra < rb : a < b;
        }
        if (orderIds != null) {
            int cmp = orderIdAt(a).compareTo(orderIdAt(b));
            return cmp != 0 ? cmp < 0 : a < b;
        }
        return a < b;
    }

    /**
     * A batch's rows in customer-and-time order (see {@link #byCustomer(RevenueBasis)}): customer
     * {@code c}'s rows are positions {@code [start(c), start(c + 1))}, and per position the row, its
     * time, value and status. Arrays are shared, not copied: read-only by contract.
     */
    public static final class CustomerRows {
        private final int[] start;
        private final int[] row;
        private final long[] time;
        private final long[] value;
        private final byte[] category;

        private CustomerRows(int[] start, int[] row, long[] time, long[] value, byte[] category) {
            this.start = start;
            this.row = row;
            this.time = time;
            this.value = value;
            this.category = category;
        }

        /**
         * Returns the first position of a customer's rows; {@code start(customerCount())} is the
         * number of rows.
         *
         * @param customer the customer index, from 0 to the number of customers
         * @return the position
         */
        public int start(int customer) {
            return start[customer];
        }

        /**
         * Returns the batch row at a position.
         *
         * @param k the position
         * @return the row
         */
        public int row(int k) {
            return row[k];
        }

        /**
         * Returns the placement time at a position.
         *
         * @param k the position
         * @return epoch microseconds
         */
        public long placedAtMicros(int k) {
            return time[k];
        }

        /**
         * Returns the value at a position, on the basis asked for: for a return, negative on the net
         * basis and 0 on the gross basis.
         *
         * @param k the position
         * @return minor units
         */
        public long value(int k) {
            return value[k];
        }

        /**
         * Returns whether the row at a position is a return.
         *
         * @param k the position
         * @return true for a return
         */
        public boolean isReturn(int k) {
            return category[k] < 0;
        }

        /**
         * Returns the status category at a position.
         *
         * @param k the position
         * @return the category, never null
         */
        public OrderStatusCategory category(int k) {
            return CATEGORIES[category[k] & CATEGORY_MASK];
        }

        private boolean before(OrderBatch batch, int a, int b) {
            return time[a] != time[b] ? time[a] < time[b] : batch.tieBefore(row[a], row[b]);
        }

        /** Sorts positions {@code [from, to)}: insertion for short runs, else a merge sort of an index. */
        private void sort(OrderBatch batch, int from, int to) {
            if (to - from <= 48) {
                for (int i = from + 1; i < to; i++) {
                    int j = i;
                    while (j > from && before(batch, j, j - 1)) {
                        swap(j, j - 1);
                        j--;
                    }
                }
                return;
            }
            int[] index = new int[to - from];
            for (int k = 0; k < index.length; k++) {
                index[k] = from + k;
            }
            mergeSort(batch, index, new int[index.length], 0, index.length);
            int[] rows = new int[index.length];
            long[] times = new long[index.length];
            long[] values = new long[index.length];
            byte[] cats = new byte[index.length];
            for (int k = 0; k < index.length; k++) {
                rows[k] = row[index[k]];
                times[k] = time[index[k]];
                values[k] = value[index[k]];
                cats[k] = category[index[k]];
            }
            System.arraycopy(rows, 0, row, from, index.length);
            System.arraycopy(times, 0, time, from, index.length);
            System.arraycopy(values, 0, value, from, index.length);
            System.arraycopy(cats, 0, category, from, index.length);
        }

        private void mergeSort(OrderBatch batch, int[] index, int[] scratch, int from, int to) {
            if (to - from < 2) {
                return;
            }
            int mid = (from + to) >>> 1;
            mergeSort(batch, index, scratch, from, mid);
            mergeSort(batch, index, scratch, mid, to);
            int i = from;
            int j = mid;
            int k = from;
            while (i < mid && j < to) {
                scratch[k++] = before(batch, index[j], index[i]) ? index[j++] : index[i++];
            }
            while (i < mid) {
                scratch[k++] = index[i++];
            }
            while (j < to) {
                scratch[k++] = index[j++];
            }
            System.arraycopy(scratch, from, index, from, to - from);
        }

        private void swap(int a, int b) {
            int r = row[a];
            row[a] = row[b];
            row[b] = r;
            long t = time[a];
            time[a] = time[b];
            time[b] = t;
            long v = value[a];
            value[a] = value[b];
            value[b] = v;
            byte c = category[a];
            category[a] = category[b];
            category[b] = c;
        }
    }

    /**
     * Returns the number of rows, customers and the currency (no identifiers).
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "OrderBatch[rows=" + rows + ", customers=" + customers.length + ", currency="
                + currency.getCurrencyCode() + ", returns=" + returns + ", orderIds=" + (orderIds != null)
                + ", orderKeys=" + (orderRanks != null) + "]";
    }

    // package-private page access for the summariser: no copies, no checks
    int[][] customerPages() {
        return customer;
    }

    long[][] placedAtPages() {
        return placedAt;
    }

    long[][] valuePages(RevenueBasis basis) {
        return basis == RevenueBasis.NET ? net : gross;
    }

    /** The costs' pages, or null without costs. */
    long[][] costPages() {
        return cost;
    }

    /** Status category ordinals, with {@link #RETURN_BIT} set on returns. */
    byte[][] categoryPages() {
        return category;
    }

    /** The number of rows of page {@code p}. */
    int pageRows(int p) {
        return Math.min(PAGE_ROWS, rows - (p << PAGE_BITS));
    }

    /** The number of pages. */
    int pageCount() {
        return (rows + PAGE_MASK) >>> PAGE_BITS;
    }

    boolean hasOrderRanks() {
        return orderRanks != null;
    }

    int orderRankAt(int row) {
        return orderRanks[row >>> PAGE_BITS][row & PAGE_MASK];
    }

    OrderId orderIdAt(int row) {
        return orderIds[row >>> PAGE_BITS][row & PAGE_MASK];
    }

    CustomerId[] sortedCustomers() {
        return customers;
    }

    /**
     * Builds an {@link OrderBatch} row by row. Customers are interned once ({@link #customer})
     * and rows refer to them by handle, so a host reading orders grouped by customer hashes each
     * identifier once. Every row is validated when added; an error names the row (0-based) and the
     * bad value, and leaves the builder as it was.
     *
     * <p>Columns grow by pages of {@value #PAGE_ROWS} rows, never by copying past the first page
     * (made with {@value #FIRST_PAGE_ROWS} rows and doubled up to a full page, so that a small batch
     * stays small), and the batch keeps the pages: about 21 bytes per row (more with order
     * identifiers), never held twice. Source tags
     * take next to nothing when they rise with the rows, as a file's lines do ({@link SourceTags}).
     *
     * <p>Sources that read records (files, database cursors) use {@link #addSourced}: each row then
     * carries the record it came from (a source tag, such as a file's line number) for reporting,
     * and an order key that ties between a customer's same-instant orders are broken by. A row read
     * from a later line of the same order is added to its order's row with {@link #addToRow}.
     *
     * <p><b>Totals never overflow.</b> The builder keeps the sum of the rows' absolute amounts (and
     * of their absolute costs) and refuses a row that would take it past {@link Long#MAX_VALUE}
     * minor units, so that every total the analytics form (of a customer, a period, the whole
     * batch) fits a {@code long}: {@link #hasRoomFor} tells a source beforehand, so that it can
     * reject that row alone; {@code add} and {@code addToRow} throw {@link ArithmeticException}.
     *
     * <p>A builder builds one batch. Not thread-safe.
     */
    public static final class Builder {
        /** Rows per page of every column. */
        public static final int PAGE_ROWS = OrderBatch.PAGE_ROWS;

        private final Currency currency;
        private final CustomerIndex index;
        private CustomerId[] customersSeen = new CustomerId[16];
        private CustomerId lastCustomer;
        private int lastHandle;
        private int customerCount;
        private int rows;
        private int[][] customer = new int[16][];
        private long[][] placedAt = new long[16][];
        private long[][] gross = new long[16][];
        private long[][] net; // null while every row's net value equals its gross value
        private byte[][] category = new byte[16][];
        private OrderId[][] orderIds; // null unless rows have order identifiers
        private int[][] orderKeys; // null unless rows have order keys
        private final SourceTags tags = new SourceTags();
        private long[][] cost; // null unless rows have costs
        private boolean costRow; // a row with a cost is being added
        private int[] rankOfKey;
        private boolean built;
        private long absoluteAmounts; // sum of max(|gross|, |net|) over the rows' records
        private long absoluteCosts; // sum of |cost| over the rows' records

        private Builder(Currency currency, int expectedRows) {
            this.currency = Checks.notNull(currency, "currency");
            this.index = new CustomerIndex(Math.min(Math.max(16, expectedRows), 1 << 20));
        }

        /**
         * Interns a customer and returns its handle for {@link #add(int, long, OrderStatusCategory,
         * long, long)}: handles are dense (0, 1, 2... in order of first appearance) and valid only
         * for this builder.
         *
         * @param id the customer, not null
         * @return the handle
         */
        public int customer(CustomerId id) {
            Checks.notNull(id, "customerId");
            checkNotBuilt();
            if (id == lastCustomer || id.equals(lastCustomer)) {
                return lastHandle;
            }
            int found = index.getOrAdd(id, customerCount);
            int handle;
            if (found < 0) {
                handle = customerCount++;
                if (handle == customersSeen.length) {
                    customersSeen = Arrays.copyOf(customersSeen, handle + (handle >> 1) + 16);
                }
                customersSeen[handle] = id;
            } else {
                handle = found;
            }
            lastCustomer = id;
            lastHandle = handle;
            return handle;
        }

        /**
         * Adds a customer known to be new to this builder, without looking it up: for a source that
         * keeps its own dictionary of identifiers (a file reader looking identifiers up by their
         * bytes, say). Handles are shared with {@link #customer(CustomerId)}, but a customer added
         * here is not found by it. A customer added twice makes {@link #build()} fail.
         *
         * @param id the customer, not null
         * @return the handle
         */
        public int newCustomer(CustomerId id) {
            Checks.notNull(id, "customerId");
            checkNotBuilt();
            int handle = customerCount;
            if (handle == customersSeen.length) {
                customersSeen = Arrays.copyOf(customersSeen, handle + (handle >> 1) + 16);
            }
            customersSeen[handle] = id;
            customerCount++;
            return handle;
        }

        /**
         * Adds one order, or one return, without an order identifier (ties in time are then broken
         * by row order).
         *
         * @param customerHandle the customer, a handle from {@link #customer(CustomerId)}
         * @param placedAtMicros when the order was placed, in epoch microseconds, between
         *     {@link OrderBatch#MIN_MICROS} and {@link OrderBatch#MAX_MICROS}
         * @param status the order's status category, not null
         * @param grossMinor the value before discount and refunds, in minor units, not negative;
         *     0 for a return
         * @param netMinor the value after discount and refunds, in minor units, from 0 to
         *     {@code grossMinor}; or, for a return (money paid back), negative with a gross value of 0
         * @return this builder
         * @throws IllegalArgumentException if a value breaks its rule, or earlier rows had order
         *     identifiers, naming the row and the value
         * @throws ArithmeticException if the batch's total of absolute amounts (or costs) would pass
         *     {@link Long#MAX_VALUE} minor units ({@link #hasRoomFor}); the builder is then unchanged
         */
        public Builder add(int customerHandle, long placedAtMicros, OrderStatusCategory status, long grossMinor,
                long netMinor) {
            addRow(customerHandle, null, -1, -1, placedAtMicros, status, grossMinor, netMinor);
            return this;
        }

        /**
         * Adds one order, or one return, with its identifier; either every row has one or none has.
         *
         * @param customerHandle the customer, a handle from {@link #customer(CustomerId)}
         * @param orderId the order, not null
         * @param placedAtMicros when the order was placed, in epoch microseconds, between
         *     {@link OrderBatch#MIN_MICROS} and {@link OrderBatch#MAX_MICROS}
         * @param status the order's status category, not null
         * @param grossMinor the value before discount and refunds, in minor units, not negative;
         *     0 for a return
         * @param netMinor the value after discount and refunds, in minor units, from 0 to
         *     {@code grossMinor}; or, for a return, negative with a gross value of 0
         * @return this builder
         * @throws IllegalArgumentException if a value breaks its rule, or earlier rows had no order
         *     identifier, naming the row and the value
         * @throws ArithmeticException if the batch's total of absolute amounts (or costs) would pass
         *     {@link Long#MAX_VALUE} minor units ({@link #hasRoomFor}); the builder is then unchanged
         */
        public Builder add(int customerHandle, OrderId orderId, long placedAtMicros, OrderStatusCategory status,
                long grossMinor, long netMinor) {
            Checks.notNull(orderId, "orderId");
            addRow(customerHandle, orderId, -1, -1, placedAtMicros, status, grossMinor, netMinor);
            return this;
        }

        /**
         * Adds one order with its identifier: its placement time (truncated to the microsecond),
         * status category, gross amount and net revenue.
         *
         * @param order the order, not null
         * @return this builder
         * @throws IllegalArgumentException if the order is in another currency than the batch's or
         *     outside the supported time range, or earlier rows had no identifier, naming the order
         * @throws ArithmeticException if the batch's total of absolute amounts (or costs) would pass
         *     {@link Long#MAX_VALUE} minor units ({@link #hasRoomFor}); the builder is then unchanged
         */
        public Builder add(Order order) {
            Checks.notNull(order, "order");
            if (!order.currency().equals(currency)) {
                throw new IllegalArgumentException("row " + rows + " (order " + order.id() + "): currency "
                        + order.currency() + " differs from the batch's " + currency
                        + " (build one batch per currency)");
            }
            Instant t = order.placedAt();
            long micros;
            try {
                micros = LocalDays.micros(t);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("row " + rows + " (order " + order.id() + "): placedAt " + t
                        + " is outside the supported range of years -290000 to 290000", e);
            }
            long grossMinor = order.grossAmount().toMinorUnits();
            long netMinor = order.discountAmount().isZero() && order.refundedAmount().isZero() ? grossMinor
                    : order.netRevenueMinorUnits();
            addRow(customer(order.customerId()), order.id(), -1, -1, micros, order.status().category(), grossMinor,
                    netMinor);
            return this;
        }

        /**
         * Adds orders in iteration order, as {@link #add(Order)}.
         *
         * @param orders the orders, not null
         * @return this builder
         */
        public Builder addAll(Iterable<? extends Order> orders) {
            Checks.notNull(orders, "orders");
            for (Order o : orders) {
                add(o);
            }
            return this;
        }

        /**
         * Adds one row read from a source with one amount per record: an order when the amount is
         * zero or positive (gross and net value both equal to it), a return (money paid back) when
         * it is negative. Rows of one batch either all have order keys or none has, like order
         * identifiers, which they replace: no identifier object is kept per row.
         *
         * @param customerHandle the customer, a handle from {@link #customer(CustomerId)} or
         *     {@link #newCustomer(CustomerId)}, not negative; a source may add its customers after
         *     their rows (handles count from 0 in the order customers are added), which
         *     {@link #build()} checks
         * @param placedAtMicros when the order was placed, in epoch microseconds, between
         *     {@link OrderBatch#MIN_MICROS} and {@link OrderBatch#MAX_MICROS}
         * @param status the order's status category, not null
         * @param amountMinor the amount in minor units; negative for a return
         * @param orderKey the order's key, not negative, or -1 when the source has none: ties
         *     between a customer's orders placed in the same microsecond go to the lower key, or
         *     to the lower rank when {@link #rankOrderKeys(int[])} is given
         * @param sourceTag where the row comes from (a line number, say), not negative
         * @return the new row's index, for {@link #addToRow}
         * @throws IllegalArgumentException if a value breaks its rule, or the row has an order key
         *     and earlier rows have none or the other way round, naming the row and the value
         * @throws ArithmeticException if the batch's total of absolute amounts (or costs) would pass
         *     {@link Long#MAX_VALUE} minor units ({@link #hasRoomFor}); the builder is then unchanged
         */
        public int addSourced(int customerHandle, long placedAtMicros, OrderStatusCategory status, long amountMinor,
                int orderKey, int sourceTag) {
            if (orderKey < -1) {
                throw new IllegalArgumentException("row " + rows + ": orderKey must be -1 or more: " + orderKey);
            }
            if (sourceTag < 0) {
                throw new IllegalArgumentException("row " + rows + ": sourceTag must not be negative: " + sourceTag);
            }
            return addRow(customerHandle, null, orderKey, sourceTag, placedAtMicros, status, amountMinor,
                    amountMinor);
        }

        /**
         * Adds one row read from a source, as {@link #addSourced(int, long, OrderStatusCategory, long,
         * int, int)}, with its cost (of the goods sold, for margin; negative for goods returned).
         * Rows of one batch either all have a cost or none has.
         *
         * @param customerHandle the customer, as for the other {@code addSourced}
         * @param placedAtMicros when the order was placed, in epoch microseconds
         * @param status the order's status category, not null
         * @param amountMinor the amount in minor units; negative for a return
         * @param costMinor the cost in minor units of the batch's currency
         * @param orderKey the order's key, or -1
         * @param sourceTag where the row comes from, not negative
         * @return the new row's index
         * @throws IllegalArgumentException as the other {@code addSourced}, or if earlier rows have no cost
         * @throws ArithmeticException if the batch's total of absolute amounts (or costs) would pass
         *     {@link Long#MAX_VALUE} minor units ({@link #hasRoomFor}); the builder is then unchanged
         */
        public int addSourced(int customerHandle, long placedAtMicros, OrderStatusCategory status, long amountMinor,
                long costMinor, int orderKey, int sourceTag) {
            if (rows > 0 && cost == null) {
                throw new IllegalArgumentException("row " + rows + ": every row must have a cost, or none; earlier"
                        + " rows have none");
            }
            checkRoom(amountMinor, costMinor);
            costRow = true;
            int r;
            try {
                r = addSourced(customerHandle, placedAtMicros, status, amountMinor, orderKey, sourceTag);
            } finally {
                costRow = false;
            }
            absoluteCosts += Math.abs(costMinor);
            if (cost == null) {
                cost = new long[customer.length][];
                cost[0] = new long[customer[0].length];
            }
            cost[r >>> PAGE_BITS][r & PAGE_MASK] = costMinor;
            return r;
        }

        /**
         * Says whether a record with this amount and cost can be added (as a row or to a row)
         * without the batch's total of absolute amounts, or of absolute costs, passing
         * {@link Long#MAX_VALUE} minor units.
         *
         * @param amountMinor the record's amount in minor units, any sign
         * @param costMinor the record's cost in minor units, any sign; 0 when there is none
         * @return whether it fits
         */
        public boolean hasRoomFor(long amountMinor, long costMinor) {
            return amountMinor != Long.MIN_VALUE && costMinor != Long.MIN_VALUE
                    && Math.abs(amountMinor) <= Long.MAX_VALUE - absoluteAmounts
                    && Math.abs(costMinor) <= Long.MAX_VALUE - absoluteCosts;
        }

        private void checkRoom(long amountMinor, long costMinor) {
            if (!hasRoomFor(amountMinor, costMinor)) {
                throw new ArithmeticException("row " + rows + ": the batch's amounts would add up to more than "
                        + Long.MAX_VALUE + " minor units in absolute value");
            }
        }

        private void takeRoom(long amountMinor, long costMinor) {
            checkRoom(amountMinor, costMinor);
            absoluteAmounts += Math.abs(amountMinor);
            absoluteCosts += Math.abs(costMinor);
        }

        /**
         * Adds another record's amount and cost to a row added with {@link #addSourced} with a cost.
         *
         * @param row the row, from {@link #addSourced}
         * @param amountMinor the amount to add, in minor units
         * @param costMinor the cost to add, in minor units
         * @throws IllegalArgumentException if the row does not exist, was not added by
         *     {@link #addSourced}, or the batch has no costs
         * @throws ArithmeticException if a total overflows; the row is then unchanged
         */
        public void addToRow(int row, long amountMinor, long costMinor) {
            if (cost == null) {
                throw new IllegalArgumentException("the rows have no cost: add one with addToRow(row, amount)");
            }
            Objects.checkIndex(row, rows);
            long[] page = cost[row >>> PAGE_BITS];
            long sum = Math.addExact(page[row & PAGE_MASK], costMinor);
            checkRoom(amountMinor, costMinor);
            addToRow(row, amountMinor);
            absoluteCosts += Math.abs(costMinor);
            page[row & PAGE_MASK] = sum;
        }

        /**
         * Adds another record's amount to a row added with {@link #addSourced}: a later line of the
         * same order. The row becomes a return when its total turns negative, an order again when
         * it turns zero or positive.
         *
         * @param row the row, from {@link #addSourced}
         * @param amountMinor the amount to add, in minor units
         * @throws IllegalArgumentException if the row does not exist or was not added by
         *     {@link #addSourced}
         * @throws ArithmeticException if the total overflows; the row is then unchanged
         */
        public void addToRow(int row, long amountMinor) {
            checkNotBuilt();
            Objects.checkIndex(row, rows);
            if (tags.tag(row) < 0) {
                throw new IllegalArgumentException("row " + row + " was not added by addSourced; only such rows"
                        + " can take more lines");
            }
            long[] page = gross[row >>> PAGE_BITS];
            long sum = Math.addExact(page[row & PAGE_MASK], amountMinor);
            takeRoom(amountMinor, 0);
            page[row & PAGE_MASK] = sum;
            if (net != null) {
                net[row >>> PAGE_BITS][row & PAGE_MASK] = sum;
            }
        }

        /**
         * Returns a row's customer handle, as added.
         *
         * @param row the row, {@code 0 <= row < rowCount()}
         * @return the handle
         */
        public int customerHandle(int row) {
            Objects.checkIndex(row, rows);
            return customer[row >>> PAGE_BITS][row & PAGE_MASK];
        }

        /**
         * Returns a row's placement time, as added.
         *
         * @param row the row, {@code 0 <= row < rowCount()}
         * @return epoch microseconds
         */
        public long placedAtMicros(int row) {
            Objects.checkIndex(row, rows);
            return placedAt[row >>> PAGE_BITS][row & PAGE_MASK];
        }

        /**
         * Returns a row's status category, as added.
         *
         * @param row the row, {@code 0 <= row < rowCount()}
         * @return the category, never null
         */
        public OrderStatusCategory category(int row) {
            Objects.checkIndex(row, rows);
            return CATEGORIES[category[row >>> PAGE_BITS][row & PAGE_MASK]];
        }

        /**
         * Returns a row's source tag.
         *
         * @param row the row, {@code 0 <= row < rowCount()}
         * @return the tag, or empty for a row not added by {@link #addSourced}, never null
         */
        public OptionalInt sourceTag(int row) {
            Objects.checkIndex(row, rows);
            int tag = tags.tag(row);
            return tag < 0 ? OptionalInt.empty() : OptionalInt.of(tag);
        }

        /**
         * Returns the number of rows added so far.
         *
         * @return the count
         */
        public int rowCount() {
            return rows;
        }

        /** Sorts the customers, naming the handles of two equal ones. */
        private static int[] sortCustomers(CustomerId[] seen, int n) {
            try {
                return CustomerIdSort.ascending(seen, n);
            } catch (CustomerIdSort.EqualIdentifiersException e) {
                // only newCustomer() can name a customer twice; customer() finds the known ones
                throw new IllegalArgumentException("a customer was added twice (handles " + e.first() + " and "
                        + e.second() + "); newCustomer() takes new customers only");
            }
        }

        /**
         * Gives the tie-break rank of every order key (see {@link #addSourced}), for a source that
         * numbers its orders as it meets them but wants ties broken in another order (by order
         * identifier, say): {@code rankOfKey[key]} replaces each row's key when the batch is built.
         *
         * @param rankOfKey the rank of each key used, not null; copied
         * @return this builder
         */
        public Builder rankOrderKeys(int[] rankOfKey) {
            Checks.notNull(rankOfKey, "rankOfKey");
            checkNotBuilt();
            this.rankOfKey = rankOfKey.clone();
            return this;
        }

        private int addRow(int customerHandle, OrderId orderId, int orderKey, int sourceTag, long placedAtMicros,
                OrderStatusCategory status, long grossMinor, long netMinor) {
            checkNotBuilt();
            if (cost != null && !costRow) {
                throw new IllegalArgumentException(row(orderId) + ": every row must have a cost, or none; earlier"
                        + " rows have one");
            }
            boolean sourced = sourceTag >= 0;
            if (customerHandle < 0 || (!sourced && customerHandle >= customerCount)) {
                throw new IllegalArgumentException(row(orderId) + ": customer handle " + customerHandle
                        + " was not returned by customer(); handles so far are 0 to " + (customerCount - 1));
            }
            if (placedAtMicros < MIN_MICROS || placedAtMicros > MAX_MICROS) {
                throw new IllegalArgumentException(row(orderId) + ": placedAtMicros " + placedAtMicros
                        + " is outside the supported range of years -290000 to 290000");
            }
            Checks.notNull(status, "status");
            if (!sourced) {
                if (grossMinor < 0) {
                    throw new IllegalArgumentException(row(orderId) + ": grossMinor must not be negative: "
                            + grossMinor);
                }
                if (netMinor > grossMinor || (netMinor < 0 && grossMinor != 0)) {
                    throw new IllegalArgumentException(row(orderId) + ": netMinor must be between 0 and grossMinor "
                            + grossMinor + ", or negative (a return) with grossMinor 0: " + netMinor);
                }
            }
            if (rows > 0 && (orderId != null) != (orderIds != null)) {
                throw new IllegalArgumentException(row(orderId) + ": every row must have an order identifier, or"
                        + " none; " + (orderIds != null ? "earlier rows have one" : "earlier rows have none"));
            }
            if (rows > 0 && (orderKey >= 0) != (orderKeys != null)) {
                throw new IllegalArgumentException(row(orderId) + ": every row must have an order key, or none; "
                        + (orderKeys != null ? "earlier rows have one" : "earlier rows have none"));
            }
            if (rows == Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("an OrderBatch holds at most " + rows + " rows");
            }
            takeRoom(grossMinor == Long.MIN_VALUE || netMinor == Long.MIN_VALUE ? Long.MIN_VALUE
                    : Math.max(Math.abs(grossMinor), Math.abs(netMinor)), 0);
            int r = rows;
            int p = r >>> PAGE_BITS;
            int o = r & PAGE_MASK;
            if (o == 0) {
                addPage(p);
            } else if (o == customer[p].length) {
                growPage(p);
            }
            if (orderId != null && orderIds == null) {
                orderIds = new OrderId[customer.length][];
                orderIds[p] = new OrderId[customer[p].length];
            }
            if (orderKey >= 0 && orderKeys == null) {
                orderKeys = new int[customer.length][];
                orderKeys[p] = new int[customer[p].length];
            }
            if (netMinor != grossMinor && net == null) {
                net = new long[customer.length][];
                for (int k = 0; k <= p; k++) {
                    net[k] = gross[k].clone();
                }
            }
            customer[p][o] = customerHandle;
            placedAt[p][o] = placedAtMicros;
            gross[p][o] = grossMinor;
            if (net != null) {
                net[p][o] = netMinor;
            }
            category[p][o] = (byte) status.ordinal();
            if (orderId != null) {
                orderIds[p][o] = orderId;
            }
            if (orderKey >= 0) {
                orderKeys[p][o] = orderKey;
            }
            tags.append(sourceTag);
            rows = r + 1;
            return r;
        }

        private void addPage(int p) {
            if (p == customer.length) {
                int pages = p + (p >> 1) + 16;
                customer = Arrays.copyOf(customer, pages);
                placedAt = Arrays.copyOf(placedAt, pages);
                gross = Arrays.copyOf(gross, pages);
                category = Arrays.copyOf(category, pages);
                net = net == null ? null : Arrays.copyOf(net, pages);
                orderIds = orderIds == null ? null : Arrays.copyOf(orderIds, pages);
                orderKeys = orderKeys == null ? null : Arrays.copyOf(orderKeys, pages);
                cost = cost == null ? null : Arrays.copyOf(cost, pages);
            }
            int n = p == 0 ? FIRST_PAGE_ROWS : PAGE_ROWS;
            customer[p] = new int[n];
            placedAt[p] = new long[n];
            if (cost != null) {
                cost[p] = new long[n];
            }
            gross[p] = new long[n];
            category[p] = new byte[n];
            if (net != null) {
                net[p] = new long[n];
            }
            if (orderIds != null) {
                orderIds[p] = new OrderId[n];
            }
            if (orderKeys != null) {
                orderKeys[p] = new int[n];
            }
        }

        /** Doubles a page that is full but shorter than {@link #PAGE_ROWS} (the first one). */
        private void growPage(int p) {
            int n = Math.min(PAGE_ROWS, customer[p].length * 2);
            customer[p] = Arrays.copyOf(customer[p], n);
            placedAt[p] = Arrays.copyOf(placedAt[p], n);
            gross[p] = Arrays.copyOf(gross[p], n);
            category[p] = Arrays.copyOf(category[p], n);
            if (cost != null) {
                cost[p] = Arrays.copyOf(cost[p], n);
            }
            if (net != null) {
                net[p] = Arrays.copyOf(net[p], n);
            }
            if (orderIds != null) {
                orderIds[p] = Arrays.copyOf(orderIds[p], n);
            }
            if (orderKeys != null) {
                orderKeys[p] = Arrays.copyOf(orderKeys[p], n);
            }
        }

        /** Names the row being added, for error messages. */
        private String row(OrderId orderId) {
            return orderId == null ? "row " + rows : "row " + rows + " (order " + orderId + ")";
        }

        private void checkNotBuilt() {
            if (built) {
                throw new IllegalStateException("this builder has already built its batch");
            }
        }

        /**
         * Builds the batch: sorts the customer dictionary by identifier (renumbering the rows'
         * customers in place) and keeps the pages as they are, without copying. The builder cannot
         * be used afterwards.
         *
         * @return the batch, never null
         * @throws IllegalArgumentException if a row's customer handle names no customer, a customer
         *     was added twice with {@link #newCustomer}, or {@link #rankOrderKeys(int[])} was given
         *     and lacks a key that a row uses; the builder is then unchanged
         */
        public OrderBatch build() {
            checkNotBuilt();
            int n = customerCount;
            CustomerId[] seen = customersSeen;
            int[] order = sortCustomers(seen, n);
            CustomerId[] sorted = new CustomerId[n];
            int[] rank = new int[n];
            boolean identity = true;
            for (int k = 0; k < n; k++) {
                sorted[k] = seen[order[k]];
                rank[order[k]] = k;
                identity &= order[k] == k;
            }
            int pages = (rows + PAGE_MASK) >>> PAGE_BITS;
            // every handle must name a customer (rows may be added before newCustomer names theirs)
            for (int p = 0; p < pages; p++) {
                int[] page = customer[p];
                int count = Math.min(PAGE_ROWS, rows - (p << PAGE_BITS));
                for (int k = 0; k < count; k++) {
                    if (page[k] >= n) {
                        throw new IllegalArgumentException("row " + ((p << PAGE_BITS) + k) + ": customer handle "
                                + page[k] + " names no customer; handles are 0 to " + (n - 1));
                    }
                }
            }
            if (rankOfKey != null && orderKeys != null) {
                for (int p = 0; p < pages; p++) {
                    int[] page = orderKeys[p];
                    int count = Math.min(PAGE_ROWS, rows - (p << PAGE_BITS));
                    for (int k = 0; k < count; k++) {
                        if (page[k] >= rankOfKey.length) {
                            throw new IllegalArgumentException("row " + ((p << PAGE_BITS) + k) + ": order key "
                                    + page[k] + " has no rank (ranks were given for " + rankOfKey.length + " keys)");
                        }
                    }
                }
            }
            built = true;
            int returns = 0;
            long[][] values = net == null ? gross : net;
            for (int p = 0; p < pages; p++) {
                int count = Math.min(PAGE_ROWS, rows - (p << PAGE_BITS));
                if (!identity) {
                    int[] page = customer[p];
                    for (int k = 0; k < count; k++) {
                        page[k] = rank[page[k]];
                    }
                }
                byte[] cat = category[p];
                long[] value = values[p];
                for (int k = 0; k < count; k++) {
                    boolean isReturn = value[k] < 0;
                    cat[k] = (byte) (cat[k] | (isReturn ? RETURN_BIT : 0));
                    returns += isReturn ? 1 : 0;
                }
                if (rankOfKey != null && orderKeys != null) {
                    int[] page = orderKeys[p];
                    for (int k = 0; k < count; k++) {
                        page[k] = rankOfKey[page[k]];
                    }
                }
            }
            OrderBatch batch = new OrderBatch(currency, sorted, rows, trim(customer, pages), trim(placedAt, pages),
                    trim(gross, pages), trim(values, pages), trim(category, pages), trim(orderIds, pages),
                    trim(orderKeys, pages), tags, trim(cost, pages), returns);
            customer = null;
            placedAt = null;
            gross = null;
            net = null;
            category = null;
            orderIds = null;
            orderKeys = null;
            cost = null;
            customersSeen = null;
            lastCustomer = null;
            return batch;
        }

        private static <T> T[] trim(T[] pages, int count) {
            return pages == null ? null : Arrays.copyOf(pages, count);
        }
    }
}
