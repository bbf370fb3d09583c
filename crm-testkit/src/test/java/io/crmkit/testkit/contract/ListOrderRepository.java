package io.crmkit.testkit.contract;

import io.crmkit.core.CustomerId;
import io.crmkit.core.OrderId;
import io.crmkit.core.TimeRange;
import io.crmkit.core.order.Order;
import io.crmkit.core.order.OrderStatusCategory;
import io.crmkit.core.port.OrderRepository;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A naive {@link OrderRepository} over a list that can be told to have one of the bugs a real
 * adapter typically has, to show that the contract catches each of them. Without a bug it passes
 * the contract ({@link ListOrderRepositoryTest}).
 */
final class ListOrderRepository implements OrderRepository {

    /** The bugs this repository can have. */
    enum Bug {
        NONE,
        /** {@code end <= t} treated as inside: an inclusive end bound. */
        INCLUSIVE_END,
        /** {@code t == start} treated as outside: an exclusive start bound. */
        EXCLUSIVE_START,
        /** Ordered by time only, records at one instant in insertion order. */
        TIME_ORDER_ONLY,
        /** Customer matched by prefix, as with {@code LIKE 'cust-1%'}. */
        PREFIX_CUSTOMER_MATCH,
        /** Identifiers compared ignoring case, as in a case-insensitive collation. */
        CASE_INSENSITIVE_IDS,
        /** Void orders left out of streams. */
        DROPS_VOID_ORDERS,
        /** Times stored in whole seconds. */
        SECOND_PRECISION,
        /** Range converted to epoch milliseconds, which overflows for {@code TimeRange.all()}. */
        EPOCH_MILLIS_RANGE,
        /** {@code null} instead of an empty Optional. */
        NULL_FOR_UNKNOWN_ID,
        /** A record at the start of the range returned twice (a bad join). */
        DUPLICATE_AT_START,
        /** Null arguments silently accepted. */
        ACCEPTS_NULL,
        /** One cursor shared by all streams. */
        SHARED_CURSOR
    }

    private final List<Order> orders;
    private final Bug bug;
    private Iterator<Order> sharedCursor;

    ListOrderRepository(List<Order> orders, Bug bug) {
        this.bug = bug;
        this.orders = bug == Bug.SECOND_PRECISION
                ? orders.stream().map(o -> new Order(o.id(), o.customerId(), o.placedAt().truncatedTo(ChronoUnit.SECONDS),
                        o.status(), o.channel(), o.lines(), o.grossAmount(), o.discountAmount(), o.refundedAmount(),
                        o.campaign())).toList()
                : List.copyOf(orders);
    }

    @Override
    public Optional<Order> findById(OrderId id) {
        if (bug != Bug.ACCEPTS_NULL) {
            Objects.requireNonNull(id, "id");
        }
        Optional<Order> found = orders.stream()
                .filter(o -> bug == Bug.CASE_INSENSITIVE_IDS
                        ? o.id().value().toLowerCase(Locale.ROOT).equals(String.valueOf(id).toLowerCase(Locale.ROOT))
                        : o.id().equals(id))
                .findFirst();
        return bug == Bug.NULL_FOR_UNKNOWN_ID && found.isEmpty() ? null : found;
    }

    @Override
    public Stream<Order> stream(TimeRange range) {
        return select(range, null);
    }

    @Override
    public Stream<Order> streamForCustomer(CustomerId customerId, TimeRange range) {
        if (bug != Bug.ACCEPTS_NULL) {
            Objects.requireNonNull(customerId, "customerId");
        }
        return select(range, customerId);
    }

    private Stream<Order> select(TimeRange range, CustomerId customer) {
        if (bug == Bug.ACCEPTS_NULL && range == null) {
            return Stream.empty();
        }
        Objects.requireNonNull(range, "range");
        if (bug == Bug.EPOCH_MILLIS_RANGE) {
            range.start().toEpochMilli();
            range.end().toEpochMilli();
        }
        List<Order> out = new ArrayList<>();
        for (Order o : orders) {
            if (inRange(range, o.placedAt()) && (customer == null || sameCustomer(o.customerId(), customer))
                    && !(bug == Bug.DROPS_VOID_ORDERS && o.status().category() == OrderStatusCategory.VOID)) {
                out.add(o);
                if (bug == Bug.DUPLICATE_AT_START && o.placedAt().equals(range.start())) {
                    out.add(o);
                }
            }
        }
        Comparator<Order> order = Comparator.comparing(Order::placedAt);
        out.sort(bug == Bug.TIME_ORDER_ONLY ? order : order.thenComparing(Order::id));
        if (bug == Bug.SHARED_CURSOR) {
            sharedCursor = out.iterator();
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new Iterator<Order>() {
                @Override
                public boolean hasNext() {
                    return sharedCursor.hasNext();
                }

                @Override
                public Order next() {
                    return sharedCursor.next();
                }
            }, 0), false);
        }
        return out.stream();
    }

    private boolean inRange(TimeRange range, Instant t) {
        return switch (bug) {
            case INCLUSIVE_END -> !t.isBefore(range.start()) && !t.isAfter(range.end()) && !range.isEmpty();
            case EXCLUSIVE_START -> t.isAfter(range.start()) && t.isBefore(range.end());
            default -> range.contains(t);
        };
    }

    private boolean sameCustomer(CustomerId stored, CustomerId asked) {
        return bug == Bug.PREFIX_CUSTOMER_MATCH ? stored.value().startsWith(asked.value()) : stored.equals(asked);
    }
}
