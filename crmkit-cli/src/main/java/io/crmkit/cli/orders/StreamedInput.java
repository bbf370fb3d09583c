package io.crmkit.cli.orders;

import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;

/**
 * The counts of an order file read by {@link OrderCsvReader#stream}, which show that nothing was
 * lost ({@code rowsRead = rowsUsed() + rowsRejected()}), and the rejection of rows that only the
 * consumer of the rows can judge (rows of one order that disagree), reported to the reader's
 * {@link ReadListener} with the same reasons as {@link OrderCsvReader#read} gives.
 *
 * <p>Not thread-safe.
 */
public final class StreamedInput {

    private final ReadListener listener;
    private final long rowsRead;
    private final long[] rejectedByKind;
    private final boolean hasOrderIds;

    StreamedInput(ReadListener listener, long rowsRead, long[] rejectedByKind, boolean hasOrderIds) {
        this.listener = listener;
        this.rowsRead = rowsRead;
        this.rejectedByKind = rejectedByKind.clone();
        this.hasOrderIds = hasOrderIds;
    }

    /**
     * Returns the data rows read (the header and blank lines not counted).
     *
     * @return the count
     */
    public long rowsRead() {
        return rowsRead;
    }

    /**
     * Returns the data rows rejected and reported, by the reader and through this object.
     *
     * @return the count
     */
    public long rowsRejected() {
        long n = 0;
        for (long k : rejectedByKind) {
            n += k;
        }
        return n;
    }

    /**
     * Returns the number of data rows used (as an order or a line of one).
     *
     * @return {@code rowsRead - rowsRejected}
     */
    public long rowsUsed() {
        return rowsRead - rowsRejected();
    }

    /**
     * Returns the rejected rows by reason, only reasons that occurred, in their declared order.
     *
     * @return an unmodifiable map, never null
     */
    public Map<Rejection, Long> rejectedByKind() {
        Map<Rejection, Long> m = new EnumMap<>(Rejection.class);
        for (Rejection r : Rejection.values()) {
            if (rejectedByKind[r.ordinal()] > 0) {
                m.put(r, rejectedByKind[r.ordinal()]);
            }
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * Returns whether the file has an {@code order_id} column.
     *
     * @return true when rows sharing an order identifier are lines of one order
     */
    public boolean hasOrderIds() {
        return hasOrderIds;
    }

    /**
     * Rejects a row whose customer identifier is not valid, and which is its order's first row.
     *
     * @param line the row's line
     */
    public void rejectInvalidCustomerId(long line) {
        reject(line, OrderFileReader.invalidIdentifier("customer_id"));
    }

    /**
     * Rejects a row that disagrees with its order's first line.
     *
     * @param line the row's line
     * @param firstLine the line of the order's first line
     * @param field the first field that differs: {@code customer_id}, {@code timestamp},
     *     {@code currency} or {@code status}, not null
     */
    public void rejectConflictingLine(long line, long firstLine, String field) {
        reject(line, OrderFileReader.conflictingLine(field, firstLine));
    }

    /**
     * Rejects a row whose amount would take its order's total past the largest amount.
     *
     * @param line the row's line
     * @param currency the rows' currency, not null
     */
    public void rejectTotalTooLarge(long line, Currency currency) {
        reject(line, OrderFileReader.totalTooLarge(currency));
    }

    private void reject(long line, RowRejectedException e) {
        rejectedByKind[e.kind().ordinal()]++;
        listener.rejected(line, e.kind(), e.getMessage());
    }
}
