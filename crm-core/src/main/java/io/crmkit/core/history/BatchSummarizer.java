package io.crmkit.core.history;

import io.crmkit.core.CurrencyMismatchException;
import io.crmkit.core.CustomerId;
import io.crmkit.core.OrderId;
import io.crmkit.core.internal.LocalDays;
import io.crmkit.core.internal.Tasks;
import io.crmkit.core.order.OrderStatusCategory;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Summarises an {@link OrderBatch} into {@link PurchaseSummaries} equal to those of a
 * {@link PurchaseHistoryAccumulator} fed the same orders: one pass over the rows into per-customer
 * primitive arrays indexed by the batch's dense customer index (no hashing, no object per row),
 * whose order is already identifier order.
 *
 * <p>With {@link PurchaseUnit#DAY} a customer whose rows are not in day order (a day strictly
 * between the first and last seen) is not an error here: the pass marks it, and its rows are
 * summarised again afterwards, grouped and sorted by day. The result is then that of the
 * accumulator fed each customer's orders in time order.
 *
 * <p>Row order changes the speed, never the result. Rows grouped by customer update the same or
 * the next customer's state from row to row, which the caches serve. Rows in time order update a
 * random customer's state per row; with many customers the pass first regroups each chunk of rows by block of customers (a
 * counting sort into scratch buffers), so that one block's state stays in cache ({@link Layout}).
 *
 * <p>Not thread-safe: one instance per call. A large partitioned pass uses the common fork-join
 * pool for half of the customers ({@link #applyPartitioned}).
 */
final class BatchSummarizer {

    /** Customers up to which the state (about 40 bytes each) is left to the caches: no partitioning. */
    private static final int PARTITION_MIN_CUSTOMERS = 1 << 16;

    /** Rows below which the plain pass is used whatever their order. */
    private static final int PARTITION_MIN_ROWS = 1 << 16;

    /** Rows from which the partitioned pass works on two halves of the customers side by side. */
    static final int PARALLEL_MIN_ROWS = 1 << 18;

    /**
     * How the rows are walked; every layout gives the same summaries.
     *
     * @param partitioned whether rows are grouped by block of customers chunk by chunk, or empty
     *     to decide from the customers' count and a sample of the rows' order
     * @param chunkRows rows per chunk when partitioned (about 25 bytes of scratch each)
     * @param blockBits customers per block when partitioned, as a power of two
     * @param parallelMinRows rows from which a partitioned pass works on two halves of the
     *     customers side by side (on a machine of two cores or more)
     */
    record Layout(Optional<Boolean> partitioned, int chunkRows, int blockBits, int parallelMinRows) {

        /**
         * Decides from the data; chunks of 2^21 rows (about 50 MB of scratch), blocks of 2^14
         * customers (about 640 KB of state). On 10.26 M time-ordered rows of 1 M customers, blocks
         * of 2^10, 2^12, 2^14, 2^15 and 2^16 customers took 286, 258, 190, 217 and 315 ms; chunks of
         * 2^20, 2^21 and 2^22 rows 261, 190 and 185 ms (one thread).
         */
        static final Layout AUTO = new Layout(Optional.empty(), 1 << 21, 14);

        /** A layout whose partitioned pass works on two halves from {@link #PARALLEL_MIN_ROWS} rows. */
        Layout(Optional<Boolean> partitioned, int chunkRows, int blockBits) {
            this(partitioned, chunkRows, blockBits, PARALLEL_MIN_ROWS);
        }
    }

    private static final byte EXCLUDED = 0;
    private static final byte ORDER = 1;
    private static final byte RETURN = 2;
    private static final byte IGNORED_RETURN = 3;

    private final OrderBatch batch;
    private final PurchaseHistoryOptions options;
    private final boolean dayClock;
    private final boolean dayUnit;
    private final boolean exactOrderTicks;
    private final LocalDays days;
    /** What a row is, by its category byte ({@link OrderBatch#categoryColumn()}, as unsigned). */
    private final byte[] kinds = new byte[256];
    private final Layout layout;
    private final long[] tieKeys;

    long[] first;
    long[] last;
    int[] purchases;
    int[] orders;
    long[] total;
    long[] firstValue;
    long[] cost;
    int[] firstRow;
    private boolean[] unordered;
    private Instant cutoff;
    private long returnsCounted;
    private long excludedByStatus;
    private long excludedAfterAsOf;

    BatchSummarizer(OrderBatch batch, PurchaseHistoryOptions options) {
        this(batch, options, Layout.AUTO);
    }

    BatchSummarizer(OrderBatch batch, PurchaseHistoryOptions options, Layout layout) {
        this(batch, options, layout, null);
    }

    /**
     * A summariser whose same-tick ties go to the lower of the given keys, one per row (then to the
     * lower row), rather than to the batch's own order keys or identifiers: for
     * {@link PartialSummaries}, whose keys are global to a partitioned data set.
     */
    BatchSummarizer(OrderBatch batch, PurchaseHistoryOptions options, Layout layout, long[] tieKeys) {
        this.tieKeys = tieKeys;
        this.layout = layout;
        this.batch = batch;
        this.options = options;
        this.dayClock = options.dayClock();
        this.dayUnit = options.purchaseUnit() == PurchaseUnit.DAY;
        this.exactOrderTicks = !dayClock && !dayUnit;
        this.days = new LocalDays(options.zone());
        boolean net = options.revenueBasis() == RevenueBasis.NET;
        for (OrderStatusCategory c : options.countedCategories()) {
            kinds[c.ordinal()] = ORDER;
            kinds[c.ordinal() | OrderBatch.RETURN_BIT] = net ? RETURN : IGNORED_RETURN;
        }
    }

    /** Summarises the batch into summaries sorted by customer identifier. */
    PurchaseSummaries summarize() {
        run();
        long asOfTick = dayClock ? ((AsOf.EndOfDay) options.asOf()).lastDay().toEpochDay()
                : LocalDays.micros(cutoff);
        return new PurchaseSummaries(options, currency(), stats(), compact(false), asOfTick,
                dayClock ? 1L : LocalDays.MICROS_PER_DAY);
    }

    /**
     * Summarises the batch into a partial summary for an accumulator: customers with a counted
     * order in identifier order, with the first order's identifier when the unit is
     * {@link PurchaseUnit#ORDER} (the batch must then have identifiers).
     */
    Columns partial() {
        run();
        return compact(!dayUnit);
    }

    /** The counts of the pass. */
    PurchaseHistoryStats stats() {
        long rows = batch.rowCount();
        return new PurchaseHistoryStats(rows, rows - excludedByStatus - excludedAfterAsOf - returnsCounted,
                excludedByStatus, excludedAfterAsOf, returnsCounted);
    }

    /** The summaries' currency: the options', else the batch's when an order was counted. */
    Optional<Currency> currency() {
        return stats().ordersCounted() == 0 ? options.currency() : Optional.of(batch.currency());
    }

    /**
     * Runs the pass and leaves the per-customer arrays (indexed by the batch's customer index) in
     * the fields, for {@link PartialSummaries}; the first-order fields are valid where
     * {@code orders[c] > 0}.
     */
    void pass() {
        run();
    }

    private void run() {
        cutoff = options.cutoff();
        if (cutoff.getNano() % 1_000 != 0) {
            throw new IllegalArgumentException("the as-of instant " + cutoff + " has a fraction of a microsecond;"
                    + " an OrderBatch holds times in microseconds, so the as-of must be a whole microsecond");
        }
        long cutoffMicros = saturatedMicros(cutoff);
        checkCurrency(cutoffMicros);
        int n = batch.customerCount();
        first = new long[n];
        last = new long[n];
        purchases = new int[n];
        orders = new int[n];
        total = new long[n];
        firstValue = new long[n];
        firstRow = dayUnit ? null : new int[n];
        cost = batch.hasCosts() ? new long[n] : null;

        unordered = dayUnit ? new boolean[n] : null;
        int rows = batch.rowCount();
        long[] counts = new long[3];
        boolean anyUnordered;
        if (partitioned(rows, n)) {
            anyUnordered = applyPartitioned(cutoffMicros, counts);
        } else {
            anyUnordered = false;
            int[][] customer = batch.customerPages();
            long[][] placedAt = batch.placedAtPages();
            long[][] value = batch.valuePages(options.revenueBasis());
            byte[][] category = batch.categoryPages();
            long[][] costs = batch.costPages();
            for (int p = 0; p < batch.pageCount(); p++) {
                anyUnordered |= apply(customer[p], placedAt[p], value[p], category[p], costs == null ? null : costs[p],
                        null, p << OrderBatch.PAGE_BITS, 0, batch.pageRows(p), cutoffMicros, counts, days);
            }
        }
        excludedByStatus = counts[0];
        excludedAfterAsOf = counts[1];
        returnsCounted = counts[2];
        if (anyUnordered) {
            resummarizeUnordered(cutoffMicros);
        }
    }

    /**
     * Whether to walk the rows block by block ({@link #applyPartitioned}): when the customers' state
     * outgrows the caches and sampled rows rarely repeat the previous row's customer (rows in time
     * order, say), each row of the plain pass would be a cache miss on a random customer's state.
     */
    boolean partitioned(int rows, int customers) {
        if (layout.partitioned().isPresent()) {
            return layout.partitioned().get() && rows > 0;
        }
        if (customers <= PARTITION_MIN_CUSTOMERS || rows < PARTITION_MIN_ROWS) {
            return false;
        }
        int windows = 16;
        int width = 4096;
        int changes = 0;
        for (int w = 0; w < windows; w++) {
            int from = (int) ((long) (rows - width) * w / (windows - 1));
            for (int r = from + 1; r < from + width; r++) {
                changes += batch.customerIndex(r) != batch.customerIndex(r - 1) ? 1 : 0;
            }
        }
        return changes > windows * (width - 1) / 2;
    }

    /**
     * Walks the rows chunk by chunk; each chunk is first copied into buffers grouped by block of
     * customers (a stable counting sort), so that the state being updated stays in cache. Each
     * customer's rows keep their order, and every row keeps its batch row for the tie rules. With
     * the layout's {@link Layout#parallelMinRows} rows or more on a machine of two cores or more, the lower and the
     * upper half of the blocks are copied and applied side by side, the lower half in the common
     * pool: their customers differ, so the result is the one of a single pass.
     */
    private boolean applyPartitioned(long cutoffMicros, long[] counts) {
        int rows = batch.rowCount();
        int shift = layout.blockBits();
        int blocks = ((batch.customerCount() - 1) >>> shift) + 1;
        int chunk = Math.min(rows, layout.chunkRows());
        Scratch scratch = new Scratch(chunk, batch.costPages() != null);
        int[] next = new int[blocks + 1];
        boolean split = blocks > 1 && rows >= layout.parallelMinRows()
                && Runtime.getRuntime().availableProcessors() > 1;
        int half = blocks / 2;
        long[] lowerCounts = new long[3];
        LocalDays lowerDays = split ? new LocalDays(options.zone()) : null;
        boolean anyUnordered = false;
        int[][] customer = batch.customerPages();
        for (int from = 0; from < rows; from += chunk) {
            int to = Math.min(rows, from + chunk);
            Arrays.fill(next, 0);
            for (int r = from; r < to; r++) {
                next[(customer[r >>> OrderBatch.PAGE_BITS][r & OrderBatch.PAGE_MASK] >>> shift) + 1]++;
            }
            for (int b = 0; b < blocks; b++) {
                next[b + 1] += next[b];
            }
            if (!split) {
                anyUnordered |= regroupAndApply(scratch, next, 0, blocks, 0, next[blocks], from, to, cutoffMicros,
                        counts, days);
                continue;
            }
            int f = from;
            int mid = next[half];
            CompletableFuture<Boolean> lower = CompletableFuture.supplyAsync(() -> regroupAndApply(scratch, next, 0,
                    half, 0, mid, f, to, cutoffMicros, lowerCounts, lowerDays));
            anyUnordered |= regroupAndApply(scratch, next, half, blocks, mid, next[blocks], from, to, cutoffMicros,
                    counts, days);
            anyUnordered |= Tasks.join(lower);
        }
        for (int k = 0; k < counts.length; k++) {
            counts[k] += lowerCounts[k];
        }
        return anyUnordered;
    }

    /**
     * Copies the chunk's rows of customer blocks {@code [fromBlock, toBlock)} into their places in
     * the scratch buffers ({@code next}: each block's first place, blocks in order; the blocks'
     * places are {@code [first, end)}), keeping their order, then applies them. Touches only those
     * blocks' entries of {@code next} and places in the buffers.
     */
    private boolean regroupAndApply(Scratch scratch, int[] next, int fromBlock, int toBlock, int first, int end,
            int from, int to, long cutoffMicros, long[] counts, LocalDays days) {
        int[][] customer = batch.customerPages();
        long[][] placedAt = batch.placedAtPages();
        long[][] value = batch.valuePages(options.revenueBasis());
        byte[][] category = batch.categoryPages();
        long[][] costs = batch.costPages();
        int shift = layout.blockBits();
        boolean all = fromBlock == 0 && toBlock == next.length - 1;
        for (int r = from; r < to; r++) {
            int p = r >>> OrderBatch.PAGE_BITS;
            int o = r & OrderBatch.PAGE_MASK;
            int c = customer[p][o];
            int b = c >>> shift;
            if (!all && (b < fromBlock || b >= toBlock)) {
                continue;
            }
            int k = next[b]++;
            scratch.customer[k] = c;
            scratch.placedAt[k] = placedAt[p][o];
            scratch.value[k] = value[p][o];
            scratch.category[k] = category[p][o];
            if (scratch.cost != null) {
                scratch.cost[k] = costs[p][o];
            }
            scratch.row[k] = r;
        }
        return apply(scratch.customer, scratch.placedAt, scratch.value, scratch.category, scratch.cost, scratch.row, 0,
                first, end, cutoffMicros, counts, days);
    }

    /** A chunk's rows regrouped by block of customers. */
    private static final class Scratch {
        final int[] customer;
        final long[] placedAt;
        final long[] value;
        final byte[] category;
        final long[] cost;
        final int[] row;

        Scratch(int rows, boolean costs) {
            customer = new int[rows];
            placedAt = new long[rows];
            value = new long[rows];
            category = new byte[rows];
            cost = costs ? new long[rows] : null;
            row = new int[rows];
        }
    }

    /**
     * Applies rows {@code [from, to)} of the given columns to the customers' state, in the order
     * given: the rows' columns, and the batch row of each ({@code rowOf}, or null when the columns
     * are a page of the batch's own, whose first row is {@code rowBase}). Adds the rows excluded by
     * status, after the as-of and the returns counted to {@code counts[0..2]}. Two calls may run at
     * once when their rows' customers differ, each with its own {@code counts} and {@code days}.
     *
     * @return whether a customer's rows were found out of day order ({@link PurchaseUnit#DAY})
     */
    private boolean apply(int[] customer, long[] placedAt, long[] value, byte[] category, long[] rowCost,
            int[] rowOf, int rowBase, int from, int to, long cutoffMicros, long[] counts, LocalDays days) {
        long[] costTotal = cost;
        byte[] kindOf = kinds;
        long excludedStatus = 0;
        long excludedAfter = 0;
        long returnRows = 0;
        boolean anyUnordered = false;
        for (int k = from; k < to; k++) {
            int r = rowOf == null ? rowBase + k : rowOf[k];
            byte kind = kindOf[category[k] & 0xFF];
            if (kind == EXCLUDED) {
                excludedStatus++;
                continue;
            }
            long t = placedAt[k];
            if (t >= cutoffMicros) {
                excludedAfter++;
                continue;
            }
            long v = value[k];
            int c = customer[k];
            if (kind != ORDER) {
                returnRows++;
                if (kind == RETURN) {
                    total[c] = Math.addExact(total[c], v);
                    if (costTotal != null) {
                        costTotal[c] = Math.addExact(costTotal[c], rowCost[k]);
                    }
                }
                continue;
            }
            if (costTotal != null) {
                costTotal[c] = Math.addExact(costTotal[c], rowCost[k]);
            }
            long tick = tick(t, days);
            if (orders[c] == 0) {
                first[c] = tick;
                last[c] = tick;
                purchases[c] = 1;
                orders[c] = 1;
                total[c] = Math.addExact(total[c], v);
                firstValue[c] = v;
                if (firstRow != null) {
                    firstRow[c] = r;
                }
                continue;
            }
            total[c] = Math.addExact(total[c], v);
            orders[c]++;
            if (dayUnit) {
                if (tick == first[c]) {
                    firstValue[c] = Math.addExact(firstValue[c], v);
                } else if (tick > last[c]) {
                    purchases[c]++;
                    last[c] = tick;
                } else if (tick < first[c]) {
                    purchases[c]++;
                    first[c] = tick;
                    firstValue[c] = v;
                } else if (tick != last[c]) {
                    unordered[c] = true;
                    anyUnordered = true;
                }
            } else {
                purchases[c]++;
                if (tick < first[c] || (tick == first[c] && precedes(r, firstRow[c]))) {
                    first[c] = tick;
                    firstValue[c] = v;
                    firstRow[c] = r;
                }
                if (tick > last[c]) {
                    last[c] = tick;
                }
            }
        }
        counts[0] += excludedStatus;
        counts[1] += excludedAfter;
        counts[2] += returnRows;
        return anyUnordered;
    }

    private long tick(long micros) {
        return tick(micros, days);
    }

    private long tick(long micros, LocalDays days) {
        if (exactOrderTicks) {
            return micros;
        }
        long day = days.epochDayOfMicros(micros);
        return dayClock ? day : days.startOfDayMicros(day);
    }

    /** Whether row {@code r} is a customer's first order rather than row {@code s} placed at the same tick. */
    private boolean precedes(int r, int s) {
        if (tieKeys != null) {
            return tieKeys[r] < tieKeys[s] || (tieKeys[r] == tieKeys[s] && r < s);
        }
        if (batch.hasOrderRanks()) {
            int a = batch.orderRankAt(r);
            int b = batch.orderRankAt(s);
            return a < b || (a == b && r < s);
        }
        return batch.hasOrderIds() ? batch.orderIdAt(r).compareTo(batch.orderIdAt(s)) < 0 : r < s;
    }


    private static long saturatedMicros(Instant t) {
        try {
            return LocalDays.micros(t);
        } catch (ArithmeticException e) {
            return t.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /**
     * Rejects a batch in another currency than the options require, when it has a counted order:
     * the accumulator's rule (the summaries' currency is the options', else the first counted order's).
     */
    private void checkCurrency(long cutoffMicros) {
        Optional<Currency> required = options.currency();
        if (required.isEmpty() || required.get().equals(batch.currency())) {
            return;
        }
        int r = firstCountedRow(cutoffMicros);
        if (r >= 0) {
            String order = batch.hasOrderIds() ? "order " + batch.orderIdAt(r) : "row " + r;
            throw new CurrencyMismatchException(required.get(), batch.currency(), order + " of customer "
                    + batch.customerId(batch.customerIndex(r))
                    + " (set PurchaseHistoryOptions.currency or convert before summarising)");
        }
    }

    private int firstCountedRow(long cutoffMicros) {
        byte[][] category = batch.categoryPages();
        long[][] placedAt = batch.placedAtPages();
        for (int r = 0; r < batch.rowCount(); r++) {
            int p = r >>> OrderBatch.PAGE_BITS;
            int o = r & OrderBatch.PAGE_MASK;
            if (kinds[category[p][o] & 0xFF] != EXCLUDED && placedAt[p][o] < cutoffMicros) {
                return r;
            }
        }
        return -1;
    }

    /**
     * Summarises again, from their rows grouped and sorted by day, the customers whose rows were
     * not in day order ({@link PurchaseUnit#DAY} only).
     */
    private void resummarizeUnordered(long cutoffMicros) {
        int n = batch.customerCount();
        int rows = batch.rowCount();
        // counting sort of the marked customers' counted rows by customer
        int[] start = new int[n + 1];
        for (int r = 0; r < rows; r++) {
            int c = batch.customerIndex(r);
            if (unordered[c] && isCountedOrder(r, cutoffMicros)) {
                start[c + 1]++;
            }
        }
        for (int c = 0; c < n; c++) {
            start[c + 1] += start[c];
        }
        int[] next = Arrays.copyOf(start, n);
        long[] ticks = new long[start[n]];
        long[] values = new long[start[n]];
        long[][] value = batch.valuePages(options.revenueBasis());
        for (int r = 0; r < rows; r++) {
            int c = batch.customerIndex(r);
            if (unordered[c] && isCountedOrder(r, cutoffMicros)) {
                int k = next[c]++;
                ticks[k] = tick(batch.placedAtMicros(r));
                values[k] = value[r >>> OrderBatch.PAGE_BITS][r & OrderBatch.PAGE_MASK];
            }
        }
        for (int c = 0; c < n; c++) {
            if (unordered[c]) {
                summarizeDays(c, ticks, values, start[c], start[c + 1]);
            }
        }
    }

    /** Whether a row is an order (not a return) of a counted status placed before the cut-off. */
    private boolean isCountedOrder(int r, long cutoffMicros) {
        byte cat = batch.categoryPages()[r >>> OrderBatch.PAGE_BITS][r & OrderBatch.PAGE_MASK];
        return kinds[cat & 0xFF] == ORDER && batch.placedAtMicros(r) < cutoffMicros;
    }

    private void summarizeDays(int c, long[] ticks, long[] values, int from, int to) {
        // the pass got the customer's total (returns included) and order count right; only the
        // purchase days need the sorted rows
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
                distinct++;
            }
        }
        first[c] = min;
        last[c] = ticks[to - 1];
        purchases[c] = distinct;
        firstValue[c] = minValue;
    }

    /**
     * Drops the customers without a counted order, in place, keeping identifier order; with
     * {@code withFirstOrders}, also returns each customer's first order identifier.
     */
    private Columns compact(boolean withFirstOrders) {
        int n = batch.customerCount();
        CustomerId[] sorted = batch.sortedCustomers();
        int size = 0;
        for (int c = 0; c < n; c++) {
            if (orders[c] > 0) {
                size++;
            }
        }
        OrderId[] firstOrders = withFirstOrders ? new OrderId[size] : null;
        if (size == n && !withFirstOrders) {
            Columns all = new Columns(sorted, first, last, purchases, orders, total, firstValue, null, n);
            all.cost = cost;
            return all;
        }
        CustomerId[] ids = new CustomerId[size];
        int k = 0;
        for (int c = 0; c < n; c++) {
            if (orders[c] > 0) {
                ids[k] = sorted[c];
                if (firstOrders != null) {
                    firstOrders[k] = batch.orderIdAt(firstRow[c]);
                }
                first[k] = first[c];
                last[k] = last[c];
                purchases[k] = purchases[c];
                orders[k] = orders[c];
                total[k] = total[c];
                firstValue[k] = firstValue[c];
                if (cost != null) {
                    cost[k] = cost[c];
                }
                k++;
            }
        }
        Columns compacted = new Columns(ids, first, last, purchases, orders, total, firstValue, firstOrders, size);
        compacted.cost = cost;
        return compacted;
    }
}
