package io.crmkit.cli.orders;

import io.crmkit.core.history.OrderBatch;

import io.crmkit.core.order.OrderStatusCategory;

import java.time.Instant;

import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link OrderFileReader} read from one file: the orders as one columnar {@link OrderBatch}
 * (rows sharing an {@code order_id} joined into one row), and the counts that show that every data
 * row is accounted for: {@code rowsRead = rowsUsed() + guestRows + rowsInOtherCurrencies() +
 * rowsRejected}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param batch the orders (each row tagged with the file line of its order's first row), not null
 * @param rowsRead the data rows read (the header and blank lines not counted)
 * @param rowsRejected the data rows rejected and reported with their line
 * @param rejectedByKind the rejected rows by reason, only reasons that occurred, not null
 * @param guestRows rows without a customer id: counted, left out of every per-customer result
 * @param returnRows used rows with a negative amount (money paid back)
 * @param otherCurrencies rows in currencies other than the batch's, by currency, when no currency
 *     was chosen (the run cannot go on with several: it says so), not null
 * @param noiseRounded amounts read as the nearby value on the currency's scale (floating-point noise)
 * @param modeRounded amounts rounded with the chosen {@code --amount-rounding} mode
 * @param hasOrderIds whether the file has an {@code order_id} column
 * @param hasCurrencyColumn whether the file has a {@code currency} column
 * @param hasStatusColumn whether the file has a {@code status} column
 * @param statusLabels the status labels of the used rows with their categories, in order of first
 *     appearance, not null
 * @param earliest the placement time of the earliest used row that is not a return, empty when none,
 *     not null
 * @param latest the placement time of the latest used row that is not a return, empty when none, not
 *     null
 */
public record OrderFile(OrderBatch batch, long rowsRead, long rowsRejected, Map<Rejection, Long> rejectedByKind,
        long guestRows, long returnRows, Map<Currency, Long> otherCurrencies, long noiseRounded, long modeRounded,
        boolean hasOrderIds, boolean hasCurrencyColumn, boolean hasStatusColumn,
        Map<String, OrderStatusCategory> statusLabels, Optional<Instant> earliest, Optional<Instant> latest) {

    /** Copies the maps, keeping the reasons in their declared order. */
    public OrderFile {
        EnumMap<Rejection, Long> copy = new EnumMap<>(Rejection.class);
        copy.putAll(rejectedByKind);
        rejectedByKind = Collections.unmodifiableMap(copy);
        otherCurrencies = Collections.unmodifiableMap(new LinkedHashMap<>(otherCurrencies));
        statusLabels = Collections.unmodifiableMap(new LinkedHashMap<>(statusLabels));
    }

    /**
     * Returns the rows used: as an order, a return or a further line of one.
     *
     * @return {@code rowsRead - rowsRejected - guestRows - rowsInOtherCurrencies()}
     */
    public long rowsUsed() {
        return rowsRead - rowsRejected - guestRows - rowsInOtherCurrencies();
    }

    /**
     * Returns these counts with an empty batch of the same currency: for a command that keeps
     * describing its input after it no longer needs the orders (tens of bytes a row).
     *
     * @return the counts without the orders, never null
     */
    public OrderFile withoutOrders() {
        return new OrderFile(OrderBatch.builder(batch.currency()).build(), rowsRead, rowsRejected, rejectedByKind,
                guestRows, returnRows, otherCurrencies, noiseRounded, modeRounded, hasOrderIds, hasCurrencyColumn,
                hasStatusColumn, statusLabels, earliest, latest);
    }

    /**
     * Returns the rows set aside because they are in another currency than the batch's.
     *
     * @return the count
     */
    public long rowsInOtherCurrencies() {
        return otherCurrencies.values().stream().mapToLong(Long::longValue).sum();
    }
}
