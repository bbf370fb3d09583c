package io.crmkit.core.port.memory;

import io.crmkit.core.CustomerId;
import io.crmkit.core.ServiceCaseId;
import io.crmkit.core.TimeRange;
import io.crmkit.core.service.ServiceCase;
import io.crmkit.core.port.ServiceCaseRepository;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An in-memory {@link ServiceCaseRepository}, for tests and small applications: service cases are held in heap memory,
 * indexed by identifier, by {@link ServiceCase#openedAt()} and by customer.
 *
 * <p>Saving a record with an identifier already present replaces it. Streams are snapshots taken
 * when the stream is created: later saves do not affect a stream already obtained.
 *
 * <p>Thread-safe: reads and writes may come from any thread (guarded by a read-write lock).
 */
public final class InMemoryServiceCaseRepository implements ServiceCaseRepository {

    private final EventStore<ServiceCase, ServiceCaseId> store =
            new EventStore<>(ServiceCase::id, ServiceCase::openedAt, ServiceCase::customerId);

    /**
     * Creates an empty repository.
     */
    public InMemoryServiceCaseRepository() {
    }

    /**
     * Creates a repository holding the given records.
     *
     * @param records the records, not null
     * @return the repository, never null
     */
    public static InMemoryServiceCaseRepository of(Iterable<? extends ServiceCase> records) {
        InMemoryServiceCaseRepository repository = new InMemoryServiceCaseRepository();
        repository.saveAll(records);
        return repository;
    }

    /**
     * Saves a record, replacing any record with the same identifier.
     *
     * @param record the record, not null
     */
    public void save(ServiceCase record) {
        store.save(record);
    }

    /**
     * Saves records in turn, each replacing any record with the same identifier.
     *
     * @param records the records, not null
     */
    public void saveAll(Iterable<? extends ServiceCase> records) {
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
    public Optional<ServiceCase> findById(ServiceCaseId id) {
        return store.findById(id);
    }

    @Override
    public Stream<ServiceCase> stream(TimeRange range) {
        return store.stream(range);
    }

    @Override
    public Stream<ServiceCase> streamForCustomer(CustomerId customerId, TimeRange range) {
        return store.streamForCustomer(customerId, range);
    }
}
