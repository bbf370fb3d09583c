package io.crmkit.examples.cli.orders;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.OrderId;
import io.crmkit.core.history.PurchaseHistoryAccumulator;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.core.history.PurchaseSummaries;
import io.crmkit.core.history.PurchaseUnit;
import io.crmkit.core.order.Order;
import io.crmkit.core.order.OrderStatus;
import io.crmkit.core.order.OrderStatusCategory;
import io.crmkit.core.order.SalesChannel;
import java.time.Instant;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * The orders read from a file, held as compact columns: one entry per order (not per row), with
 * customer and order identifiers dictionary-encoded.
 *
 * <p>Per order: the customer index (4 bytes), the placement time in epoch microseconds (8), the
 * amount in minor units (8), the currency and status indexes (1 + 1) and the physical line of the
 * order's first row (4), plus the order identifier in a {@linkplain StringDictionary dictionary}
 * (its UTF-8 bytes and about 25 bytes) when the file has an {@code order_id} column. Per customer:
 * the identifier's bytes, about 25 bytes, and the time of the customer's latest order (8). No object
 * is kept per row or per order.
 *
 * <p>{@link #summarize} feeds the orders to a {@link PurchaseHistoryAccumulator} in an order that
 * meets its input rule: in file order (the orders' first lines) when the purchase unit is
 * {@link PurchaseUnit#ORDER}, or when every customer's orders appear in time order in the file (as
 * in a time-sorted export); otherwise customer by customer, each customer's orders sorted by day,
 * using about 4 bytes per order of scratch.
 *
 * <p>Filled by {@link OrderCsvReader}; not thread-safe.
 */
public final class OrderTable {

    /** Currencies and status labels are stored as one byte per order. */
    private static final int MAX_DISTINCT = 255;

    private final StringDictionary customers = new StringDictionary();
    private final StringDictionary orderIds;
    private final IntColumn customer = new IntColumn();
    private final LongColumn placedAt = new LongColumn();
    private final LongColumn amount = new LongColumn();
    private final ByteColumn currency = new ByteColumn();
    private final ByteColumn status = new ByteColumn();
    private final IntColumn firstLine = new IntColumn();
    private LongColumn customerLatest = new LongColumn();
    private final List<Currency> currencies = new ArrayList<>();
    private final List<OrderStatus> statuses = new ArrayList<>();
    private boolean timeOrderedPerCustomer = true;
    private long latest = Long.MIN_VALUE;
    private long earliest = Long.MAX_VALUE;
    // the previous row's identifiers: lines of one order usually follow each other
    private String lastOrderText;
    private int lastOrder = -1;
    private String lastCustomerText;
    private int lastCustomer = -1;

    OrderTable(boolean hasOrderIds) {
        this.orderIds = hasOrderIds ? new StringDictionary() : null;
    }

    /**
     * Returns the number of orders.
     *
     * @return the count
     */
    public int orderCount() {
        return customer.size();
    }

    /**
     * Returns the number of distinct customers with at least one order.
     *
     * @return the count
     */
    public int customerCount() {
        return customers.size();
    }

    /**
     * Returns whether orders are identified by an {@code order_id} column (otherwise each row is
     * one order).
     *
     * @return true when rows sharing an order identifier are lines of one order
     */
    public boolean hasOrderIds() {
        return orderIds != null;
    }

    /**
     * Returns the placement time of the earliest order, whatever its status.
     *
     * @return the instant, or empty when there is no order, never null
     */
    public Optional<Instant> earliestPlacedAt() {
        return earliest == Long.MAX_VALUE ? Optional.empty() : Optional.of(TimestampParser.instant(earliest));
    }

    /**
     * Returns the placement time of the latest order, whatever its status.
     *
     * @return the instant, or empty when there is no order, never null
     */
    public Optional<Instant> latestPlacedAt() {
        return latest == Long.MIN_VALUE ? Optional.empty() : Optional.of(TimestampParser.instant(latest));
    }

    /**
     * Returns the distinct currencies of the orders, in order of first appearance.
     *
     * @return an unmodifiable list, never null
     */
    public List<Currency> currencies() {
        return Collections.unmodifiableList(currencies);
    }

    /**
     * Returns the number of orders in a currency.
     *
     * @param c the currency, not null
     * @return the count
     */
    public int orderCount(Currency c) {
        int k = currencies.indexOf(c);
        int count = 0;
        for (int o = 0; o < orderCount() && k >= 0; o++) {
            count += currency.get(o) == k ? 1 : 0;
        }
        return count;
    }

    /**
     * Returns the status labels of the orders with their categories, in order of first appearance.
     *
     * @return an unmodifiable map, never null
     */
    public Map<String, OrderStatusCategory> statusLabels() {
        Map<String, OrderStatusCategory> m = new LinkedHashMap<>();
        statuses.forEach(s -> m.put(s.label(), s.category()));
        return Collections.unmodifiableMap(m);
    }

    OrderStatus statusAt(int index) {
        return statuses.get(index);
    }

    int currencyIndex(Currency c) {
        int k = currencies.indexOf(c);
        if (k < 0) {
            if (currencies.size() == MAX_DISTINCT) {
                throw new InvalidInputException("more than " + MAX_DISTINCT + " currencies in one input");
            }
            currencies.add(c);
            k = currencies.size() - 1;
        }
        return k;
    }

    int statusIndex(OrderStatus s) {
        int k = statuses.indexOf(s);
        if (k < 0) {
            if (statuses.size() == MAX_DISTINCT) {
                throw new InvalidInputException("more than " + MAX_DISTINCT + " distinct status labels in one"
                        + " input");
            }
            statuses.add(s);
            k = statuses.size() - 1;
        }
        return k;
    }

    /**
     * Ends the input: drops what only reading needs (the identifiers' hash tables, the customers'
     * latest order times), about a third of the table. No row can be added afterwards.
     */
    void endOfInput() {
        customers.freeze();
        if (orderIds != null) {
            orderIds.freeze();
        }
        customerLatest = null;
    }

    /**
     * Adds one row: a new order, or a line of an order seen before, whose amount is added to it.
     *
     * @throws RowRejectedException if an identifier is not acceptable, or the row disagrees with the
     *     order's first line, or the order's total would overflow
     */
    void addLine(String customerText, String orderText, long micros, long amountMinor, int currencyIndex,
            int statusIndex, int line) throws RowRejectedException {
        boolean newOrderId = false;
        if (orderIds != null) {
            int o = orderText.equals(lastOrderText) ? lastOrder : orderIds.find(orderText);
            if (o >= 0) {
                lastOrderText = orderText;
                lastOrder = o;
                addToOrder(o, customerIndex(customerText), micros, amountMinor, currencyIndex, statusIndex);
                return;
            }
            checkIdentifier(orderText, "order_id");
            newOrderId = true;
        }
        int c = customerIndex(customerText);
        if (c < 0) {
            checkIdentifier(customerText, "customer_id");
            c = customers.addFound();
            lastCustomerText = customerText;
            lastCustomer = c;
            customerLatest.add(micros);
        } else if (micros < customerLatest.get(c)) {
            timeOrderedPerCustomer = false;
        } else {
            customerLatest.set(c, micros);
        }
        if (newOrderId) {
            lastOrder = orderIds.addFound();
            lastOrderText = orderText;
        }
        customer.add(c);
        placedAt.add(micros);
        amount.add(amountMinor);
        currency.add(currencyIndex);
        status.add(statusIndex);
        firstLine.add(line);
        latest = Math.max(latest, micros);
        earliest = Math.min(earliest, micros);
    }

    /** Returns the customer's index, or -1 when new (the dictionary then holds it as the last found). */
    private int customerIndex(String customerText) {
        if (customerText.equals(lastCustomerText)) {
            return lastCustomer;
        }
        int c = customers.find(customerText);
        if (c >= 0) {
            lastCustomerText = customerText;
            lastCustomer = c;
        }
        return c;
    }

    private void addToOrder(int o, int c, long micros, long amountMinor, int currencyIndex, int statusIndex)
            throws RowRejectedException {
        String field = c != customer.get(o) ? "customer_id"
                : micros != placedAt.get(o) ? "timestamp"
                : currencyIndex != currency.get(o) ? "currency"
                : statusIndex != status.get(o) ? "status"
                : null;
        if (field != null) {
            throw conflictingLine(field, firstLine.get(o));
        }
        long sum = amount.get(o) + amountMinor;
        if (sum < 0) {
            throw totalTooLarge();
        }
        amount.set(o, sum);
    }

    static void checkIdentifier(String text, String column) throws RowRejectedException {
        if (!isValidIdentifier(text, column)) {
            throw invalidIdentifier(column);
        }
    }

    /** Whether the text is a valid customer identifier ({@code column} customer_id) or order identifier. */
    static boolean isValidIdentifier(String text, String column) {
        try {
            if (column.equals("customer_id")) {
                CustomerId.of(text);
            } else {
                OrderId.of(text);
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The rejection of a row whose identifier in the column is not valid. */
    static RowRejectedException invalidIdentifier(String column) {
        return new RowRejectedException(Rejection.BAD_IDENTIFIER, column + " is not a valid identifier (1 to 256"
                + " characters, no control characters, no leading or trailing spaces)");
    }

    /** The rejection of a row that disagrees with its order's first line on the field. */
    static RowRejectedException conflictingLine(String field, long firstLine) {
        return new RowRejectedException(Rejection.CONFLICTING_LINE, field + " differs from line " + firstLine
                + ", the first line of the same order");
    }

    /** The rejection of a row whose amount would take its order's total past the largest amount. */
    static RowRejectedException totalTooLarge() {
        return new RowRejectedException(Rejection.BAD_AMOUNT, "the order's total amount is too large");
    }

    /**
     * Summarises the orders into per-customer purchase histories: feeds every order to a
     * {@link PurchaseHistoryAccumulator} in an order that meets its input rule for the options'
     * purchase unit (see the class description).
     *
     * @param options the definitions, not null
     * @param progress receives the number of orders fed so far, every few thousand orders, not null
     * @return the summaries, never null
     * @throws io.crmkit.core.CurrencyMismatchException if counted orders are in another currency
     *     than the options' (or in several, when the options name none)
     * @throws ArithmeticException if a customer's total overflows
     */
    public PurchaseSummaries summarize(PurchaseHistoryOptions options, LongConsumer progress) {
        PurchaseHistoryAccumulator acc = new PurchaseHistoryAccumulator(options, customerCount());
        if (options.purchaseUnit() == PurchaseUnit.ORDER || timeOrderedPerCustomer) {
            feedInFileOrder(acc, progress);
        } else {
            feedByCustomerAndDay(acc, options.zone().getRules(), progress);
        }
        return acc.toSummaries();
    }

    private void feedInFileOrder(PurchaseHistoryAccumulator acc, LongConsumer progress) {
        CustomerId[] ids = new CustomerId[customerCount()];
        int n = orderCount();
        for (int o = 0; o < n; o++) {
            int c = customer.get(o);
            CustomerId id = ids[c];
            if (id == null) {
                id = CustomerId.of(customers.get(c));
                ids[c] = id;
            }
            feed(acc, o, id);
            if (((o + 1) & 0x3FFF) == 0) {
                progress.accept(o + 1);
            }
        }
    }

    private void feedByCustomerAndDay(PurchaseHistoryAccumulator acc, ZoneRules rules, LongConsumer progress) {
        int[] start = new int[customerCount() + 1];
        int[] byCustomer = groupByCustomer(start);
        int largest = 0;
        for (int c = 0; c < customerCount(); c++) {
            largest = Math.max(largest, start[c + 1] - start[c]);
        }
        long[] keys = new long[largest];
        long fed = 0;
        for (int c = 0; c < customerCount(); c++) {
            int from = start[c];
            int to = start[c + 1];
            sortByDay(byCustomer, from, to, keys, rules);
            CustomerId id = CustomerId.of(customers.get(c));
            for (int k = from; k < to; k++) {
                feed(acc, byCustomer[k], id);
                if ((++fed & 0x3FFF) == 0) {
                    progress.accept(fed);
                }
            }
        }
    }

    /**
     * Groups the order indexes by customer (a counting sort): returns them customer after
     * customer, each group in file order, and fills {@code start} so that customer {@code c}'s
     * orders are at {@code [start[c], start[c + 1])}.
     */
    private int[] groupByCustomer(int[] start) {
        int n = orderCount();
        int customerCount = customerCount();
        for (int o = 0; o < n; o++) {
            start[customer.get(o) + 1]++;
        }
        for (int c = 0; c < customerCount; c++) {
            start[c + 1] += start[c];
        }
        int[] byCustomer = new int[n];
        int[] next = Arrays.copyOf(start, customerCount);
        for (int o = 0; o < n; o++) {
            byCustomer[next[customer.get(o)]++] = o;
        }
        return byCustomer;
    }

    /** Sorts a customer's orders by calendar day in the zone; same-day orders keep file order. */
    private void sortByDay(int[] orders, int from, int to, long[] keys, ZoneRules rules) {
        int g = to - from;
        boolean fixedOffset = rules.isFixedOffset();
        for (int k = 0; k < g; k++) {
            int o = orders[from + k];
            long micros = placedAt.get(o);
            long second = Math.floorDiv(micros, 1_000_000L);
            int offset = rules.getOffset(fixedOffset ? Instant.EPOCH : Instant.ofEpochSecond(second))
                    .getTotalSeconds();
            long day = Math.floorDiv(second + offset, 86_400L);
            keys[k] = (day << 32) | (o & 0xFFFF_FFFFL);
        }
        Arrays.sort(keys, 0, g);
        for (int k = 0; k < g; k++) {
            orders[from + k] = (int) keys[k];
        }
    }

    /**
     * Returns the orders in an order that keeps each customer's orders in time order, as the
     * order KPIs and the calibration/holdout split require: file order when the file already
     * satisfies it (checked while reading), otherwise grouped by customer and sorted by time
     * (ties keep file order). Orders are built one at a time while iterating; the permutation
     * (4 bytes per order, only when the file is not in order) is computed once per call.
     *
     * @return the orders, iterable any number of times, never null
     */
    public Iterable<Order> inCustomerTimeOrder() {
        int n = orderCount();
        int[] permutation = timeOrderedPerCustomer ? null : customerTimePermutation();
        Money[] zeros = currencies.stream().map(Money::zero).toArray(Money[]::new);
        CustomerId[] ids = new CustomerId[customerCount()];
        return () -> new java.util.Iterator<>() {
            private int k;

            @Override
            public boolean hasNext() {
                return k < n;
            }

            @Override
            public Order next() {
                if (k >= n) {
                    throw new java.util.NoSuchElementException();
                }
                int o = permutation == null ? k : permutation[k];
                k++;
                int c = customer.get(o);
                CustomerId id = ids[c];
                if (id == null) {
                    id = CustomerId.of(customers.get(c));
                    ids[c] = id;
                }
                return order(o, id, zeros);
            }
        };
    }

    /** Order indexes grouped by customer, each group sorted by time, ties in file order. */
    private int[] customerTimePermutation() {
        int[] start = new int[customerCount() + 1];
        int[] byCustomer = groupByCustomer(start);
        for (int c = 0; c < customerCount(); c++) {
            sortByTime(byCustomer, start[c], start[c + 1]);
        }
        return byCustomer;
    }

    /** Sorts a customer's order indexes by time; within a group indexes ascend, so ties keep file order. */
    private void sortByTime(int[] orders, int from, int to) {
        if (to - from <= 32) {
            for (int i = from + 1; i < to; i++) {
                int o = orders[i];
                long t = placedAt.get(o);
                int j = i - 1;
                while (j >= from && placedAt.get(orders[j]) > t) {
                    orders[j + 1] = orders[j];
                    j--;
                }
                orders[j + 1] = o;
            }
            return;
        }
        Integer[] boxed = new Integer[to - from];
        for (int i = from; i < to; i++) {
            boxed[i - from] = orders[i];
        }
        Arrays.sort(boxed, java.util.Comparator.<Integer>comparingLong(placedAt::get).thenComparingInt(x -> x));
        for (int i = from; i < to; i++) {
            orders[i] = boxed[i - from];
        }
    }

    /** Feeds one order by its parts: no {@link Order} (and no amount arithmetic) is built. */
    private void feed(PurchaseHistoryAccumulator acc, int o, CustomerId id) {
        OrderId orderId = orderId(o);
        acc.accept(id, orderId, TimestampParser.instant(placedAt.get(o)), statuses.get(status.get(o)).category(),
                amount.get(o), currencies.get(currency.get(o)));
    }

    private Order order(int o, CustomerId id, Money[] zeros) {
        int cur = currency.get(o);
        Money zero = zeros[cur];
        OrderId orderId = orderId(o);
        return new Order(orderId, id, TimestampParser.instant(placedAt.get(o)), statuses.get(status.get(o)),
                SalesChannel.UNKNOWN, List.of(), Money.ofMinor(amount.get(o), zero.currency()), zero, zero,
                Optional.empty());
    }

    /** The order's identifier: its order_id, or its line number when the file has no order_id column. */
    private OrderId orderId(int o) {
        return orderIds != null ? OrderId.of(orderIds.get(o)) : OrderId.of(lineId(firstLine.get(o)));
    }

    /** The identifier of a one-row order: its line number, zero-padded so that text order is file order. */
    private static String lineId(int line) {
        String digits = Integer.toString(line);
        return "line-" + "0000000000".substring(digits.length()) + digits;
    }
}
