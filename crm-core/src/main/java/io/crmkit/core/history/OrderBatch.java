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

/**
 * Orders held in memory as columns, one row per order: the analogue of a data frame, and the
 * fastest input of {@link PurchaseHistory#summarize(OrderBatch, PurchaseHistoryOptions)}.
 *
 * <p>Per row: the customer as a dense index into the batch's customer dictionary (4 bytes), the
 * placement time in epoch microseconds (8), the gross value and the net value (after discount and
 * refunds) in minor units of the batch's one currency (8 + 8; the net column is shared with the
 * gross one when no row has a deduction), the status category (1) and, optionally, the order
 * identifier (a reference). No object is kept per row. The customer dictionary is sorted by
 * identifier when the batch is built, so customer index order is identifier order, and summaries
 * come out in that order without sorting.
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

    private final Currency currency;
    private final CustomerId[] customers;
    private final int rows;
    private final int[] customer;
    private final long[] placedAt;
    private final long[] gross;
    private final long[] net;
    private final byte[] category;
    private final OrderId[] orderIds;

    private OrderBatch(Builder b, CustomerId[] customers) {
        this.currency = b.currency;
        this.customers = customers;
        this.rows = b.rows;
        this.customer = b.customer;
        this.placedAt = b.placedAt;
        this.gross = b.gross;
        this.net = b.netDiffers ? b.net : b.gross;
        this.category = b.category;
        this.orderIds = b.orderIds;
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
        return customer[row];
    }

    /**
     * Returns when a row's order was placed.
     *
     * @param row the row
     * @return epoch microseconds
     */
    public long placedAtMicros(int row) {
        Objects.checkIndex(row, rows);
        return placedAt[row];
    }

    /**
     * Returns a row's status category.
     *
     * @param row the row
     * @return the category, never null
     */
    public OrderStatusCategory category(int row) {
        Objects.checkIndex(row, rows);
        return CATEGORIES[category[row]];
    }

    /**
     * Returns a row's value before discount and refunds.
     *
     * @param row the row
     * @return minor units of {@link #currency()}, not negative
     */
    public long grossMinor(int row) {
        Objects.checkIndex(row, rows);
        return gross[row];
    }

    /**
     * Returns a row's value after discount and refunds.
     *
     * @param row the row
     * @return minor units of {@link #currency()}, between 0 and {@link #grossMinor(int)}
     */
    public long netMinor(int row) {
        Objects.checkIndex(row, rows);
        return net[row];
    }

    /**
     * Returns a row's order identifier.
     *
     * @param row the row
     * @return the identifier, empty when the batch has none, never null
     */
    public Optional<OrderId> orderId(int row) {
        Objects.checkIndex(row, rows);
        return orderIds == null ? Optional.empty() : Optional.of(orderIds[row]);
    }

    /**
     * Returns the number of rows, customers and the currency (no identifiers).
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "OrderBatch[rows=" + rows + ", customers=" + customers.length + ", currency="
                + currency.getCurrencyCode() + ", orderIds=" + (orderIds != null) + "]";
    }

    // package-private column access for the summariser: no copies, no checks
    int[] customerColumn() {
        return customer;
    }

    long[] placedAtColumn() {
        return placedAt;
    }

    long[] valueColumn(RevenueBasis basis) {
        return basis == RevenueBasis.NET ? net : gross;
    }

    byte[] categoryColumn() {
        return category;
    }

    OrderId[] orderIdColumn() {
        return orderIds;
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
     * <p>A builder builds one batch. Not thread-safe.
     */
    public static final class Builder {
        private final Currency currency;
        private final CustomerIndex index;
        private CustomerId[] customersSeen = new CustomerId[16];
        private CustomerId lastCustomer;
        private int lastHandle;
        private int rows;
        private int[] customer;
        private long[] placedAt;
        private long[] gross;
        private long[] net;
        private byte[] category;
        private OrderId[] orderIds;
        private boolean netDiffers;
        private boolean built;

        private Builder(Currency currency, int expectedRows) {
            this.currency = Checks.notNull(currency, "currency");
            int capacity = Math.max(16, expectedRows);
            this.index = new CustomerIndex(Math.min(capacity, 1 << 20));
            customer = new int[capacity];
            placedAt = new long[capacity];
            gross = new long[capacity];
            net = new long[capacity];
            category = new byte[capacity];
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
            int found = index.getOrAdd(id);
            int handle;
            if (found < 0) {
                handle = -found - 1;
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
         * Adds one order without an order identifier (ties in time are then broken by row order).
         *
         * @param customerHandle the customer, a handle from {@link #customer(CustomerId)}
         * @param placedAtMicros when the order was placed, in epoch microseconds, between
         *     {@link OrderBatch#MIN_MICROS} and {@link OrderBatch#MAX_MICROS}
         * @param status the order's status category, not null
         * @param grossMinor the value before discount and refunds, in minor units, not negative
         * @param netMinor the value after discount and refunds, in minor units, from 0 to
         *     {@code grossMinor}
         * @return this builder
         * @throws IllegalArgumentException if a value breaks its rule, or earlier rows had order
         *     identifiers, naming the row and the value
         */
        public Builder add(int customerHandle, long placedAtMicros, OrderStatusCategory status, long grossMinor,
                long netMinor) {
            return addRow(customerHandle, null, placedAtMicros, status, grossMinor, netMinor);
        }

        /**
         * Adds one order with its identifier; either every row has one or none has.
         *
         * @param customerHandle the customer, a handle from {@link #customer(CustomerId)}
         * @param orderId the order, not null
         * @param placedAtMicros when the order was placed, in epoch microseconds, between
         *     {@link OrderBatch#MIN_MICROS} and {@link OrderBatch#MAX_MICROS}
         * @param status the order's status category, not null
         * @param grossMinor the value before discount and refunds, in minor units, not negative
         * @param netMinor the value after discount and refunds, in minor units, from 0 to
         *     {@code grossMinor}
         * @return this builder
         * @throws IllegalArgumentException if a value breaks its rule, or earlier rows had no order
         *     identifier, naming the row and the value
         */
        public Builder add(int customerHandle, OrderId orderId, long placedAtMicros, OrderStatusCategory status,
                long grossMinor, long netMinor) {
            Checks.notNull(orderId, "orderId");
            return addRow(customerHandle, orderId, placedAtMicros, status, grossMinor, netMinor);
        }

        /**
         * Adds one order with its identifier: its placement time (truncated to the microsecond),
         * status category, gross amount and net revenue.
         *
         * @param order the order, not null
         * @return this builder
         * @throws IllegalArgumentException if the order is in another currency than the batch's or
         *     outside the supported time range, or earlier rows had no identifier, naming the order
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
            return addRow(customer(order.customerId()), order.id(), micros, order.status().category(), grossMinor,
                    netMinor);
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

        private Builder addRow(int customerHandle, OrderId orderId, long placedAtMicros, OrderStatusCategory status,
                long grossMinor, long netMinor) {
            checkNotBuilt();
            if (customerHandle < 0 || customerHandle >= index.size()) {
                throw new IllegalArgumentException(row(orderId) + ": customer handle " + customerHandle
                        + " was not returned by customer(); handles so far are 0 to " + (index.size() - 1));
            }
            if (placedAtMicros < MIN_MICROS || placedAtMicros > MAX_MICROS) {
                throw new IllegalArgumentException(row(orderId) + ": placedAtMicros " + placedAtMicros
                        + " is outside the supported range of years -290000 to 290000");
            }
            Checks.notNull(status, "status");
            if (grossMinor < 0) {
                throw new IllegalArgumentException(row(orderId) + ": grossMinor must not be negative: " + grossMinor);
            }
            if (netMinor < 0 || netMinor > grossMinor) {
                throw new IllegalArgumentException(row(orderId) + ": netMinor must be between 0 and grossMinor "
                        + grossMinor + ": " + netMinor);
            }
            if (rows > 0 && (orderId != null) != (orderIds != null)) {
                throw new IllegalArgumentException(row(orderId) + ": every row must have an order identifier, or"
                        + " none; " + (orderIds != null ? "earlier rows have one" : "earlier rows have none"));
            }
            if (rows == customer.length) {
                grow();
            }
            if (orderId != null && orderIds == null) {
                orderIds = new OrderId[customer.length];
            }
            int r = rows++;
            customer[r] = customerHandle;
            placedAt[r] = placedAtMicros;
            gross[r] = grossMinor;
            net[r] = netMinor;
            netDiffers |= netMinor != grossMinor;
            category[r] = (byte) status.ordinal();
            if (orderId != null) {
                orderIds[r] = orderId;
            }
            return this;
        }

        /** Names the row being added, for error messages. */
        private String row(OrderId orderId) {
            return orderId == null ? "row " + rows : "row " + rows + " (order " + orderId + ")";
        }

        private void grow() {
            int max = Integer.MAX_VALUE - 16;
            if (rows >= max) {
                throw new IllegalStateException("an OrderBatch holds at most " + max + " rows");
            }
            int capacity = (int) Math.min(max, rows + (rows >> 1) + 16L);
            customer = Arrays.copyOf(customer, capacity);
            placedAt = Arrays.copyOf(placedAt, capacity);
            gross = Arrays.copyOf(gross, capacity);
            net = Arrays.copyOf(net, capacity);
            category = Arrays.copyOf(category, capacity);
            if (orderIds != null) {
                orderIds = Arrays.copyOf(orderIds, capacity);
            }
        }

        private void checkNotBuilt() {
            if (built) {
                throw new IllegalStateException("this builder has already built its batch");
            }
        }

        /**
         * Builds the batch: trims the columns and sorts the customer dictionary by identifier
         * (renumbering the rows' customers). The builder cannot be used afterwards.
         *
         * @return the batch, never null
         */
        public OrderBatch build() {
            checkNotBuilt();
            built = true;
            int n = index.size();
            CustomerId[] seen = customersSeen;
            int[] order = CustomerIdSort.ascending(seen, n);
            CustomerId[] sorted = new CustomerId[n];
            int[] rank = new int[n];
            boolean identity = true;
            for (int k = 0; k < n; k++) {
                sorted[k] = seen[order[k]];
                rank[order[k]] = k;
                identity &= order[k] == k;
            }
            if (customer.length != rows) {
                customer = Arrays.copyOf(customer, rows);
                placedAt = Arrays.copyOf(placedAt, rows);
                gross = Arrays.copyOf(gross, rows);
                net = netDiffers ? Arrays.copyOf(net, rows) : null;
                category = Arrays.copyOf(category, rows);
                if (orderIds != null) {
                    orderIds = Arrays.copyOf(orderIds, rows);
                }
            }
            if (!identity) {
                for (int r = 0; r < rows; r++) {
                    customer[r] = rank[customer[r]];
                }
            }
            customersSeen = null;
            lastCustomer = null;
            return new OrderBatch(this, sorted);
        }
    }
}
