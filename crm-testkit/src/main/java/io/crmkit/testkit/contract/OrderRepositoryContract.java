package io.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.OrderId;
import io.crmkit.core.TimeRange;
import io.crmkit.core.order.Order;
import io.crmkit.core.order.OrderStatus;
import io.crmkit.core.order.OrderStatusCategory;
import io.crmkit.core.port.OrderRepository;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import net.jqwik.api.Example;

/**
 * The contract of {@link OrderRepository}, for a host's repository test to implement (jqwik's
 * contract-test pattern). The event time is {@link Order#placedAt()}.
 *
 * <p>Usage, in the host's test sources:
 * <pre>{@code
 * class JdbcOrderRepositoryTest implements OrderRepositoryContract<JdbcOrderRepository> {
 *     @Override
 *     public JdbcOrderRepository repositoryWith(List<Order> orders) {
 *         database.truncateOrders();
 *         database.insert(orders);
 *         return new JdbcOrderRepository(database.dataSource());
 *     }
 * }
 * }</pre>
 *
 * <p>Besides the clauses of {@link CustomerEventRepositoryContract}, it checks that streams
 * return orders of every status category (open, completed and void): analytics choose which
 * categories count, not the repository.
 *
 * @param <R> the repository type under test
 */
public interface OrderRepositoryContract<R extends OrderRepository>
        extends CustomerEventRepositoryContract<Order, OrderId, R> {

    /**
     * Creates a repository holding exactly the given orders, and nothing else. Called once per
     * try; a database-backed test clears its tables (or creates a new schema) and inserts the
     * orders, lines included.
     *
     * @param orders the orders, with distinct identifiers, possibly empty, not null
     * @return the repository under test, never null
     */
    @Override
    R repositoryWith(List<Order> orders);

    /**
     * Returns {@link CustomerEventKind#orders()}.
     *
     * @return the kind of orders, never null
     */
    @Override
    default CustomerEventKind<Order, OrderId> kind() {
        return CustomerEventKind.orders();
    }

    /**
     * Streams return orders of every status category, void ones included.
     */
    @Example
    default void streamsReturnOrdersOfEveryStatusCategory() {
        Instant at = Instant.parse("2024-03-01T10:15:30.123Z");
        CustomerId customer = CustomerId.of("cust-1");
        List<Order> orders = Stream.of(OrderStatusCategory.values())
                .map(category -> Order.builder(OrderId.of("ord-" + category.ordinal()), customer, at,
                                Money.currency("EUR"))
                        .status(OrderStatus.of("status-" + category.name().toLowerCase(Locale.ROOT), category))
                        .grossAmount(Money.of("19.99", "EUR"))
                        .build())
                .toList();
        R repository = repositoryWith(orders);
        try {
            try (Stream<Order> all = repository.stream(TimeRange.all())) {
                assertThat(all.map(o -> o.status().category()))
                        .as("stream(TimeRange.all()) must return orders of every status category")
                        .containsExactly(OrderStatusCategory.values());
            }
            try (Stream<Order> mine = repository.streamForCustomer(customer, TimeRange.of(at, at.plusMillis(1)))) {
                assertThat(mine.map(o -> o.status().category()))
                        .as("streamForCustomer must return orders of every status category")
                        .containsExactly(OrderStatusCategory.values());
            }
        } finally {
            release(repository);
        }
    }
}
