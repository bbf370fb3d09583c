package io.crmkit.testkit;

import io.crmkit.core.OrderId;
import io.crmkit.core.order.Order;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.arbitraries.ArbitraryDecorator;

/**
 * A configurable jqwik arbitrary of order histories: lists of the orders of an
 * {@link OrderArbitrary}, whose identifiers are numbered by position ({@code o0000},
 * {@code o0001}...) so that they are distinct and their order is known. Obtained from
 * {@link OrderArbitrary#histories()}.
 *
 * <p>Defaults: 0 to 100 orders, identifiers formatted with {@code "o%04d"} from 0, in generation
 * order (not sorted). Each list is a new, mutable {@code ArrayList}. The lists shrink as jqwik's lists do (fewer orders, then simpler orders).
 *
 * <p>Every configuring method checks its arguments and returns a new arbitrary: an instance is
 * never changed after it is returned, so it is safe to share between threads and properties.
 */
public final class OrderHistoryArbitrary extends ArbitraryDecorator<List<Order>> {

    /** The largest size {@link #ofMaxSize(int)} accepts. */
    public static final int MAX_SIZE = 100_000;

    private final OrderArbitrary orders;
    private int minSize = 0;
    private int maxSize = 100;
    private String idFormat = "o%04d";
    private boolean sorted;

    OrderHistoryArbitrary(OrderArbitrary orders) {
        this.orders = orders;
    }

    private OrderHistoryArbitrary copy() {
        return typedClone();
    }

    /**
     * Returns an arbitrary of histories of at least {@code size} orders.
     *
     * @param size the least number of orders, 0 to the maximal size
     * @return a new arbitrary, never null
     * @throws IllegalArgumentException if the size is negative or above the maximal size
     */
    public OrderHistoryArbitrary ofMinSize(int size) {
        Arguments.range(size, maxSize, 0, MAX_SIZE, "ofMinSize", "size");
        OrderHistoryArbitrary a = copy();
        a.minSize = size;
        return a;
    }

    /**
     * Returns an arbitrary of histories of at most {@code size} orders.
     *
     * @param size the greatest number of orders, the minimal size to {@value #MAX_SIZE}
     * @return a new arbitrary, never null
     * @throws IllegalArgumentException if the size is below the minimal size or above
     *     {@value #MAX_SIZE}
     */
    public OrderHistoryArbitrary ofMaxSize(int size) {
        Arguments.range(minSize, size, 0, MAX_SIZE, "ofMaxSize", "size");
        OrderHistoryArbitrary a = copy();
        a.maxSize = size;
        return a;
    }

    /**
     * Returns an arbitrary of histories of exactly {@code size} orders.
     *
     * @param size the number of orders, 0 to {@value #MAX_SIZE}
     * @return a new arbitrary, never null
     * @throws IllegalArgumentException if the size is out of range
     */
    public OrderHistoryArbitrary ofSize(int size) {
        Arguments.range(size, size, 0, MAX_SIZE, "ofSize", "size");
        OrderHistoryArbitrary a = copy();
        a.minSize = size;
        a.maxSize = size;
        return a;
    }

    /**
     * Returns an arbitrary whose order identifiers are {@code String.format(Locale.ROOT, format, k)}
     * for the k-th order generated (from 0), such as {@code "o%03d"} or {@code "SO-%d"}.
     *
     * @param format a format with one integer conversion that gives distinct valid identifiers, not
     *     null
     * @return a new arbitrary, never null
     * @throws IllegalArgumentException if the format fails, gives the same text for 0 and 1, or
     *     gives an invalid identifier
     */
    public OrderHistoryArbitrary withIdFormat(String format) {
        Arguments.notNull(format, "withIdFormat", "format");
        try {
            String first = String.format(Locale.ROOT, format, 0);
            String second = String.format(Locale.ROOT, format, 1);
            if (first.equals(second)) {
                throw new IllegalArgumentException("withIdFormat: format must give distinct identifiers: '" + format
                        + "' gives '" + first + "' for 0 and 1");
            }
            OrderId.of(first);
        } catch (IllegalFormatException e) {
            throw new IllegalArgumentException("withIdFormat: format must take one integer: '" + format + "'", e);
        }
        OrderHistoryArbitrary a = copy();
        a.idFormat = format;
        return a;
    }

    /**
     * Returns an arbitrary whose histories are sorted by placement time, then by identifier (the
     * identifiers are given before sorting, so they are not in placement order).
     *
     * @return a new arbitrary, never null
     */
    public OrderHistoryArbitrary sortedByPlacement() {
        OrderHistoryArbitrary a = copy();
        a.sorted = true;
        return a;
    }

    @Override
    protected Arbitrary<List<Order>> arbitrary() {
        String format = idFormat;
        boolean sort = sorted;
        return orders.list().ofMinSize(minSize).ofMaxSize(maxSize).map(list -> {
            List<Order> out = new ArrayList<>(list.size());
            for (int k = 0; k < list.size(); k++) {
                Order o = list.get(k);
                out.add(new Order(OrderId.of(String.format(Locale.ROOT, format, k)), o.customerId(), o.placedAt(),
                        o.status(), o.channel(), o.lines(), o.grossAmount(), o.discountAmount(), o.refundedAmount(),
                        o.campaign()));
            }
            if (sort) {
                out.sort(Comparator.comparing(Order::placedAt).thenComparing(Order::id));
            }
            return out;
        });
    }
}
