package io.crmkit.core.port.memory;

import io.crmkit.core.CustomerId;
import io.crmkit.core.PointsTransactionId;
import io.crmkit.core.TimeRange;
import io.crmkit.core.loyalty.PointsTransaction;
import io.crmkit.core.port.PointsTransactionRepository;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An in-memory {@link PointsTransactionRepository}, for tests and small applications: loyalty points transactions are held in heap memory,
 * indexed by identifier, by {@link PointsTransaction#occurredAt()} and by customer.
 *
 * <p>Saving a record with an identifier already present replaces it. Streams are snapshots taken
 * when the stream is created: later saves do not affect a stream already obtained.
 *
 * <p>Thread-safe: reads and writes may come from any thread (guarded by a read-write lock).
 */
public final class InMemoryPointsTransactionRepository implements PointsTransactionRepository {

    private final EventStore<PointsTransaction, PointsTransactionId> store =
            new EventStore<>(PointsTransaction::id, PointsTransaction::occurredAt, PointsTransaction::customerId);

    /**
     * Creates an empty repository.
     */
    public InMemoryPointsTransactionRepository() {
    }

    /**
     * Creates a repository holding the given records.
     *
     * @param records the records, not null
     * @return the repository, never null
     */
    public static InMemoryPointsTransactionRepository of(Iterable<? extends PointsTransaction> records) {
        InMemoryPointsTransactionRepository repository = new InMemoryPointsTransactionRepository();
        repository.saveAll(records);
        return repository;
    }

    /**
     * Saves a record, replacing any record with the same identifier.
     *
     * @param record the record, not null
     */
    public void save(PointsTransaction record) {
        store.save(record);
    }

    /**
     * Saves records in turn, each replacing any record with the same identifier.
     *
     * @param records the records, not null
     */
    public void saveAll(Iterable<? extends PointsTransaction> records) {
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
    public Optional<PointsTransaction> findById(PointsTransactionId id) {
        return store.findById(id);
    }

    @Override
    public Stream<PointsTransaction> stream(TimeRange range) {
        return store.stream(range);
    }

    @Override
    public Stream<PointsTransaction> streamForCustomer(CustomerId customerId, TimeRange range) {
        return store.streamForCustomer(customerId, range);
    }
}
