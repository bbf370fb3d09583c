package io.crmkit.core.history;

import io.crmkit.core.CurrencyMismatchException;
import io.crmkit.core.CustomerId;
import io.crmkit.core.OrderId;
import io.crmkit.core.internal.LocalDays;
import io.crmkit.core.order.OrderStatusCategory;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.Optional;

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
 * <p>Not thread-safe: one instance per call.
 */
final class BatchSummarizer {

    private final OrderBatch batch;
    private final PurchaseHistoryOptions options;
    private final boolean dayClock;
    private final boolean dayUnit;
    private final boolean exactOrderTicks;
    private final LocalDays days;
    private final boolean[] counted = new boolean[OrderStatusCategory.values().length];

    private long[] first;
    private long[] last;
    private int[] purchases;
    private int[] orders;
    private long[] total;
    private long[] firstValue;
    private int[] firstRow;
    private boolean[] unordered;
    private Instant cutoff;
    private long excludedByStatus;
    private long excludedAfterAsOf;

    BatchSummarizer(OrderBatch batch, PurchaseHistoryOptions options) {
        this.batch = batch;
        this.options = options;
        this.dayClock = options.dayClock();
        this.dayUnit = options.purchaseUnit() == PurchaseUnit.DAY;
        this.exactOrderTicks = !dayClock && !dayUnit;
        this.days = new LocalDays(options.zone());
        for (OrderStatusCategory c : options.countedCategories()) {
            counted[c.ordinal()] = true;
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
        return new PurchaseHistoryStats(rows, rows - excludedByStatus - excludedAfterAsOf, excludedByStatus,
                excludedAfterAsOf);
    }

    /** The summaries' currency: the options', else the batch's when an order was counted. */
    Optional<Currency> currency() {
        return stats().ordersCounted() == 0 ? options.currency() : Optional.of(batch.currency());
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

        int[] customer = batch.customerColumn();
        long[] placedAt = batch.placedAtColumn();
        long[] value = batch.valueColumn(options.revenueBasis());
        byte[] category = batch.categoryColumn();
        OrderId[] orderIds = batch.orderIdColumn();
        boolean[] isCounted = counted;
        int rows = batch.rowCount();
        long excludedStatus = 0;
        long excludedAfter = 0;
        boolean anyUnordered = false;
        for (int r = 0; r < rows; r++) {
            if (!isCounted[category[r]]) {
                excludedStatus++;
                continue;
            }
            long t = placedAt[r];
            if (t >= cutoffMicros) {
                excludedAfter++;
                continue;
            }
            long tick = tick(t);
            long v = value[r];
            int c = customer[r];
            if (orders[c] == 0) {
                first[c] = tick;
                last[c] = tick;
                purchases[c] = 1;
                orders[c] = 1;
                total[c] = v;
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
                    anyUnordered = markUnordered(c);
                }
            } else {
                purchases[c]++;
                if (tick < first[c] || (tick == first[c] && precedes(r, firstRow[c], orderIds))) {
                    first[c] = tick;
                    firstValue[c] = v;
                    firstRow[c] = r;
                }
                if (tick > last[c]) {
                    last[c] = tick;
                }
            }
        }
        excludedByStatus = excludedStatus;
        excludedAfterAsOf = excludedAfter;
        if (anyUnordered) {
            resummarizeUnordered(cutoffMicros);
        }
    }

    private long tick(long micros) {
        if (exactOrderTicks) {
            return micros;
        }
        long day = days.epochDayOfMicros(micros);
        return dayClock ? day : days.startOfDayMicros(day);
    }

    /** Whether row {@code r} is a customer's first order rather than row {@code s} placed at the same tick. */
    private static boolean precedes(int r, int s, OrderId[] orderIds) {
        return orderIds == null ? r < s : orderIds[r].compareTo(orderIds[s]) < 0;
    }

    private boolean markUnordered(int c) {
        if (unordered == null) {
            unordered = new boolean[batch.customerCount()];
        }
        unordered[c] = true;
        return true;
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
            OrderId[] ids = batch.orderIdColumn();
            String order = ids == null ? "row " + r : "order " + ids[r];
            throw new CurrencyMismatchException(required.get(), batch.currency(), order + " of customer "
                    + batch.customerId(batch.customerColumn()[r])
                    + " (set PurchaseHistoryOptions.currency or convert before summarising)");
        }
    }

    private int firstCountedRow(long cutoffMicros) {
        byte[] category = batch.categoryColumn();
        long[] placedAt = batch.placedAtColumn();
        for (int r = 0; r < batch.rowCount(); r++) {
            if (counted[category[r]] && placedAt[r] < cutoffMicros) {
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
        int[] customer = batch.customerColumn();
        long[] placedAt = batch.placedAtColumn();
        long[] value = batch.valueColumn(options.revenueBasis());
        byte[] category = batch.categoryColumn();
        int rows = batch.rowCount();
        // counting sort of the marked customers' counted rows by customer
        int[] start = new int[n + 1];
        for (int r = 0; r < rows; r++) {
            int c = customer[r];
            if (unordered[c] && counted[category[r]] && placedAt[r] < cutoffMicros) {
                start[c + 1]++;
            }
        }
        for (int c = 0; c < n; c++) {
            start[c + 1] += start[c];
        }
        int[] next = Arrays.copyOf(start, n);
        long[] ticks = new long[start[n]];
        long[] values = new long[start[n]];
        for (int r = 0; r < rows; r++) {
            int c = customer[r];
            if (unordered[c] && counted[category[r]] && placedAt[r] < cutoffMicros) {
                int k = next[c]++;
                ticks[k] = tick(placedAt[r]);
                values[k] = value[r];
            }
        }
        for (int c = 0; c < n; c++) {
            if (unordered[c]) {
                summarizeDays(c, ticks, values, start[c], start[c + 1]);
            }
        }
    }

    private void summarizeDays(int c, long[] ticks, long[] values, int from, int to) {
        long min = Long.MAX_VALUE;
        long sum = 0;
        for (int k = from; k < to; k++) {
            min = Math.min(min, ticks[k]);
            sum = Math.addExact(sum, values[k]);
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
        orders[c] = to - from;
        total[c] = sum;
        firstValue[c] = minValue;
    }

    /**
     * Drops the customers without a counted order, in place, keeping identifier order; with
     * {@code withFirstOrders}, also returns each customer's first order identifier.
     */
    private Columns compact(boolean withFirstOrders) {
        int n = batch.customerCount();
        CustomerId[] sorted = batch.sortedCustomers();
        OrderId[] orderIds = batch.orderIdColumn();
        int size = 0;
        for (int c = 0; c < n; c++) {
            if (orders[c] > 0) {
                size++;
            }
        }
        OrderId[] firstOrders = withFirstOrders ? new OrderId[size] : null;
        if (size == n && !withFirstOrders) {
            return new Columns(sorted, first, last, purchases, orders, total, firstValue, null, n);
        }
        CustomerId[] ids = new CustomerId[size];
        int k = 0;
        for (int c = 0; c < n; c++) {
            if (orders[c] > 0) {
                ids[k] = sorted[c];
                if (firstOrders != null) {
                    firstOrders[k] = orderIds[firstRow[c]];
                }
                first[k] = first[c];
                last[k] = last[c];
                purchases[k] = purchases[c];
                orders[k] = orders[c];
                total[k] = total[c];
                firstValue[k] = firstValue[c];
                k++;
            }
        }
        return new Columns(ids, first, last, purchases, orders, total, firstValue, firstOrders, size);
    }
}
