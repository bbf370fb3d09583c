package io.crmkit.cli.orders;

import io.crmkit.core.order.OrderStatus;
import java.time.Instant;
import java.util.Currency;

/**
 * Receives the usable rows of an order file one at a time, in file order, from
 * {@link OrderCsvReader#stream}: nothing is kept in memory by the reader, so that a file of any size
 * can be processed (as {@code crmkit load} sends the rows to a database).
 *
 * <p>The reader checks every row as it does for {@link OrderCsvReader#read}, except what depends
 * on the other rows of the same order (which the consumer must check, and report through
 * {@link StreamedInput}): whether the row agrees with its order's first line, whether the order's
 * total fits, and, when the file has an {@code order_id} column, whether the customer identifier
 * of a row that is not its order's first line is valid (a row of an existing order with an
 * invalid one disagrees with its first line).
 */
public interface OrderRowConsumer {

    /**
     * Called once, after the header and before any row.
     *
     * @param hasOrderIds whether the file has an {@code order_id} column
     */
    default void begin(boolean hasOrderIds) {
    }

    /**
     * Receives a row that passed the reader's checks.
     *
     * @param line the physical line where the row starts (the header is line 1)
     * @param orderId the order identifier, a valid {@link io.crmkit.core.OrderId} text; null when
     *     the file has no {@code order_id} column (each row is then one order)
     * @param customerId the customer identifier; null when it is not a valid
     *     {@link io.crmkit.core.CustomerId} text (only when {@code orderId} is not null: the row
     *     must then be rejected with {@link StreamedInput#rejectInvalidCustomerId} unless it belongs to an order
     *     created by an earlier line, with which it then conflicts)
     * @param placedAt when the order was placed, not null
     * @param amountMinor the row's amount in the currency's minor units, not negative
     * @param currency the row's currency, not null
     * @param status the row's status, not null
     */
    void accept(int line, String orderId, String customerId, Instant placedAt, long amountMinor, Currency currency,
            OrderStatus status);
}
