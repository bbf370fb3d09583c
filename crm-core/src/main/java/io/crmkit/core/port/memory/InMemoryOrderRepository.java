package io.crmkit.core.port.memory;

import io.crmkit.core.CustomerId;
import io.crmkit.core.OrderId;
import io.crmkit.core.TimeRange;
import io.crmkit.core.order.Order;
import io.crmkit.core.port.OrderRepository;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An in-memory {@link OrderRepository}, for tests and small applications: orders are held in heap memory,
 * indexed by identifier, by {@link Order#placedAt()} and by customer.
 *
 * <p>Saving a record with an identifier already present replaces it. Streams are snapshots taken
 * when the stream is created: later saves do not affect a stream already obtained.
 *
 * <p>Thread-safe: reads and writes may come from any thread (guarded by a read-write lock).
 */
public final class InMemoryOrderRepository implements OrderRepository {

    private final EventStore<Order, OrderId> store =
            new EventStore<>(Order::id, Order::placedAt, Order::customerId);

    /**
     * Creates an empty repository.
     */
    public InMemoryOrderRepository() {
    }

    /**
     * Creates a repository holding the given records.
     *
     * @param records the records, not null
     * @return the repository, never null
     */
    public static InMemoryOrderRepository of(Iterable<? extends Order> records) {
        InMemoryOrderRepository repository = new InMemoryOrderRepository();
        repository.saveAll(records);
        return repository;
    }

    /**
     * Saves a record, replacing any record with the same identifier.
     *
     * @param record the record, not null
     */
    public void save(Order record) {
        store.save(record);
    }

    /**
     * Saves records in turn, each replacing any record with the same identifier.
     *
     * @param records the records, not null
     */
    public void saveAll(Iterable<? extends Order> records) {
        store.saveAll(records);
    }

    /**
     * Returns the number of records held.
     *
     * @return the count
     */
    public int size() {
        return store.size();
    }

    @Override
    public Optional<Order> findById(OrderId id) {
        return store.findById(id);
    }

    @Override
    public Stream<Order> stream(TimeRange range) {
        return store.stream(range);
    }

    @Override
    public Stream<Order> streamForCustomer(CustomerId customerId, TimeRange range) {
        return store.streamForCustomer(customerId, range);
    }
}
