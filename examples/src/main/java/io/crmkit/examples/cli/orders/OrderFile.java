package io.crmkit.examples.cli.orders;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.OrderId;
import io.crmkit.core.history.OrderBatch;
import io.crmkit.core.order.Order;
import io.crmkit.core.order.OrderStatus;
import io.crmkit.core.order.OrderStatusCategory;
import io.crmkit.core.order.SalesChannel;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
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
     * Returns the rows set aside because they are in another currency than the batch's.
     *
     * @return the count
     */
    public long rowsInOtherCurrencies() {
        return otherCurrencies.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Returns the batch's orders as {@link Order} objects, customer by customer (in identifier
     * order), each customer's orders in time order with ties broken as the batch breaks them: the
     * input of the analytics that do not read batches yet (order KPIs, cohorts, the CLV
     * calibration split, purchase timelines). Returns are left out: an {@code Order} cannot hold
     * money paid back. Each order's identifier is made from its tie-break position
     * ({@code order-0000000042}) or, without an {@code order_id} column, from its line
     * ({@code line-0000000042}), so that identifier order is tie order; its status is the category's
     * standard label. Orders are built one at a time while iterating, in
     * {@link OrderBatch#rowsByCustomerAndTime()} order (4 bytes per row, computed once per call).
     *
     * @return the orders, iterable any number of times, never null
     */
    public Iterable<Order> ordersInCustomerTimeOrder() {
        OrderBatch b = batch;
        int n = b.rowCount();
        int[] rows = b.rowsByCustomerAndTime();
        Money zero = Money.zero(b.currency());
        return () -> new Iterator<>() {
            private int k = skipReturns(0);
            private CustomerId id;
            private int idIndex = -1;

            private int skipReturns(int from) {
                int at = from;
                while (at < n && b.isReturn(rows[at])) {
                    at++;
                }
                return at;
            }

            @Override
            public boolean hasNext() {
                return k < n;
            }

            @Override
            public Order next() {
                if (k >= n) {
                    throw new NoSuchElementException();
                }
                int r = rows[k];
                k = skipReturns(k + 1);
                int c = b.customerIndex(r);
                if (c != idIndex) {
                    id = b.customerId(c);
                    idIndex = c;
                }
                String orderId = b.orderRank(r).isPresent() ? "order-" + padded(b.orderRank(r).getAsInt())
                        : "line-" + padded(b.sourceTag(r).orElse(r));
                return new Order(OrderId.of(orderId), id, TimestampParser.instant(b.placedAtMicros(r)),
                        status(b.category(r)), SalesChannel.UNKNOWN, List.of(),
                        Money.ofMinor(b.grossMinor(r), b.currency()), zero, zero, Optional.empty());
            }
        };
    }

    private static OrderStatus status(OrderStatusCategory category) {
        return switch (category) {
            case COMPLETED -> OrderStatus.COMPLETED;
            case OPEN -> OrderStatus.OPEN;
            case VOID -> OrderStatus.CANCELLED;
        };
    }

    /** Zero-padded to ten digits, so that text order is number order. */
    private static String padded(int value) {
        String digits = Integer.toString(value);
        return "0000000000".substring(Math.min(10, digits.length())) + digits;
    }
}
