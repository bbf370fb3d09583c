package io.crmkit.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which columns of a Spark {@code Dataset<Row>} hold crmkit's order fields, with the names of the
 * {@code crmkit} command's {@code --column NAME=HEADER}: {@code customer_id}, {@code order_id},
 * {@code timestamp}, {@code amount} and {@code status}.
 *
 * <p>Column types: the customer identifier any type (cast to a string); the order identifier any
 * type, optional (it breaks ties between a customer's orders placed at the same microsecond; without
 * it the input's row order does, as in the single-machine library); the timestamp a
 * {@code timestamp} column, or a {@code long} of epoch microseconds; the amount a number in major
 * currency units with at most the currency's decimals (a negative amount is a return, as in an order
 * file); the status optional, a status category ({@code open}, {@code completed}, {@code void}, any
 * case; null or absent means completed). One currency per run: it is taken from the
 * {@link io.crmkit.core.history.PurchaseHistoryOptions#currency() options}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the customer identifier column, not blank
 * @param orderId the order identifier column, if the data has one; not null
 * @param timestamp the placement time column, not blank
 * @param amount the amount column, not blank
 * @param status the status category column, if the data has one; not null
 */
public record OrderColumns(String customerId, Optional<String> orderId, String timestamp, String amount,
        Optional<String> status) {

    /**
     * Validates the names.
     *
     * @throws IllegalArgumentException if a name is blank
     */
    public OrderColumns {
        customerId = name(customerId, "customerId");
        Args.optional(orderId, "orderId");
        orderId.ifPresent(n -> name(n, "orderId"));
        timestamp = name(timestamp, "timestamp");
        amount = name(amount, "amount");
        Args.optional(status, "status");
        status.ifPresent(n -> name(n, "status"));
    }

    /**
     * Returns the columns of an order file read by the {@code crmkit} command: {@code customer_id},
     * {@code timestamp}, {@code amount}, without order identifier and status.
     *
     * @return the columns, never null
     */
    public static OrderColumns defaults() {
        return new OrderColumns("customer_id", Optional.empty(), "timestamp", "amount", Optional.empty());
    }

    /**
     * Returns these columns with the mapping of {@code crmkit}'s {@code --column NAME=HEADER}
     * applied: each entry names crmkit's field ({@code customer_id}, {@code order_id},
     * {@code timestamp}, {@code amount}, {@code status}) and the data set's column that holds it.
     *
     * @param mapping field name to column name, not null
     * @return the new columns, never null
     * @throws IllegalArgumentException if a field name is unknown (the {@code currency} column is not
     *     supported: one currency per run) or a column name is blank
     */
    public OrderColumns withMapping(Map<String, String> mapping) {
        Args.notNull(mapping, "mapping");
        Map<String, String> m = new LinkedHashMap<>(mapping);
        OrderColumns c = this;
        for (Map.Entry<String, String> e : m.entrySet()) {
            String column = e.getValue();
            c = switch (String.valueOf(e.getKey())) {
                case "customer_id" -> new OrderColumns(column, c.orderId, c.timestamp, c.amount, c.status);
                case "order_id" -> new OrderColumns(c.customerId, Optional.ofNullable(column), c.timestamp, c.amount,
                        c.status);
                case "timestamp" -> new OrderColumns(c.customerId, c.orderId, column, c.amount, c.status);
                case "amount" -> new OrderColumns(c.customerId, c.orderId, c.timestamp, column, c.status);
                case "status" -> new OrderColumns(c.customerId, c.orderId, c.timestamp, c.amount,
                        Optional.ofNullable(column));
                default -> throw new IllegalArgumentException("unknown order field in the column mapping: '"
                        + e.getKey() + "' (known: customer_id, order_id, timestamp, amount, status; crm-spark takes"
                        + " one currency per run from the options)");
            };
        }
        return c;
    }

    /**
     * Returns these columns with an order identifier column.
     *
     * @param column the column, not blank
     * @return the new columns, never null
     */
    public OrderColumns withOrderId(String column) {
        return new OrderColumns(customerId, Optional.of(column), timestamp, amount, status);
    }

    /**
     * Returns these columns with a status category column.
     *
     * @param column the column, not blank
     * @return the new columns, never null
     */
    public OrderColumns withStatus(String column) {
        return new OrderColumns(customerId, orderId, timestamp, amount, Optional.of(column));
    }

    private static String name(String value, String what) {
        Args.notNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " column name must not be blank");
        }
        return value;
    }
}
