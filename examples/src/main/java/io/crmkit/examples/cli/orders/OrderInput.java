package io.crmkit.examples.cli.orders;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What {@link OrderCsvReader} read from one file: the orders, and the counts that show nothing was
 * lost ({@code rowsRead = rowsUsed() + rowsRejected}).
 *
 * @param orders the orders, not null
 * @param rowsRead the data rows read (the header and blank lines not counted)
 * @param rowsRejected the data rows rejected and reported
 * @param rejectedByKind the rejected rows by reason, only reasons that occurred, not null
 * @param hasCurrencyColumn whether the file has a {@code currency} column
 * @param hasStatusColumn whether the file has a {@code status} column
 */
public record OrderInput(OrderTable orders, long rowsRead, long rowsRejected, Map<Rejection, Long> rejectedByKind,
        boolean hasCurrencyColumn, boolean hasStatusColumn) {

    /**
     * Copies the map, keeping the reasons in their declared order.
     */
    public OrderInput {
        EnumMap<Rejection, Long> copy = new EnumMap<>(Rejection.class);
        copy.putAll(rejectedByKind);
        rejectedByKind = Collections.unmodifiableMap(copy);
    }

    /**
     * Returns the number of data rows used (as an order or a line of one).
     *
     * @return {@code rowsRead - rowsRejected}
     */
    public long rowsUsed() {
        return rowsRead - rowsRejected;
    }
}
