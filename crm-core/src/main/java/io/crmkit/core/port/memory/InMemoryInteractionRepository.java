package io.crmkit.core.port.memory;

import io.crmkit.core.CustomerId;
import io.crmkit.core.InteractionId;
import io.crmkit.core.TimeRange;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.port.InteractionRepository;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An in-memory {@link InteractionRepository}, for tests and small applications: interactions are held in heap memory,
 * indexed by identifier, by {@link Interaction#occurredAt()} and by customer.
 *
 * <p>Saving a record with an identifier already present replaces it. Streams are snapshots taken
 * when the stream is created: later saves do not affect a stream already obtained.
 *
 * <p>Thread-safe: reads and writes may come from any thread (guarded by a read-write lock).
 */
public final class InMemoryInteractionRepository implements InteractionRepository {

    private final EventStore<Interaction, InteractionId> store =
            new EventStore<>(Interaction::id, Interaction::occurredAt, Interaction::customerId);

    /**
     * Creates an empty repository.
     */
    public InMemoryInteractionRepository() {
    }

    /**
     * Creates a repository holding the given records.
     *
     * @param records the records, not null
     * @return the repository, never null
     */
    public static InMemoryInteractionRepository of(Iterable<? extends Interaction> records) {
        InMemoryInteractionRepository repository = new InMemoryInteractionRepository();
        repository.saveAll(records);
        return repository;
    }

    /**
     * Saves a record, replacing any record with the same identifier.
     *
     * @param record the record, not null
     */
    public void save(Interaction record) {
        store.save(record);
    }

    /**
     * Saves records in turn, each replacing any record with the same identifier.
     *
     * @param records the records, not null
     */
    public void saveAll(Iterable<? extends Interaction> records) {
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
    public Optional<Interaction> findById(InteractionId id) {
        return store.findById(id);
    }

    @Override
    public Stream<Interaction> stream(TimeRange range) {
        return store.stream(range);
    }

    @Override
    public Stream<Interaction> streamForCustomer(CustomerId customerId, TimeRange range) {
        return store.streamForCustomer(customerId, range);
    }
}
