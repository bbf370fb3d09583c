package io.crmkit.core.port.memory;

import io.crmkit.core.CustomerId;
import io.crmkit.core.MembershipId;
import io.crmkit.core.TimeRange;
import io.crmkit.core.loyalty.Membership;
import io.crmkit.core.port.MembershipRepository;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An in-memory {@link MembershipRepository}, for tests and small applications: loyalty memberships are held in heap memory,
 * indexed by identifier, by {@link Membership#joinedAt()} and by customer.
 *
 * <p>Saving a record with an identifier already present replaces it. Streams are snapshots taken
 * when the stream is created: later saves do not affect a stream already obtained.
 *
 * <p>Thread-safe: reads and writes may come from any thread (guarded by a read-write lock).
 */
public final class InMemoryMembershipRepository implements MembershipRepository {

    private final EventStore<Membership, MembershipId> store =
            new EventStore<>(Membership::id, Membership::joinedAt, Membership::customerId);

    /**
     * Creates an empty repository.
     */
    public InMemoryMembershipRepository() {
    }

    /**
     * Creates a repository holding the given records.
     *
     * @param records the records, not null
     * @return the repository, never null
     */
    public static InMemoryMembershipRepository of(Iterable<? extends Membership> records) {
        InMemoryMembershipRepository repository = new InMemoryMembershipRepository();
        repository.saveAll(records);
        return repository;
    }

    /**
     * Saves a record, replacing any record with the same identifier.
     *
     * @param record the record, not null
     */
    public void save(Membership record) {
        store.save(record);
    }

    /**
     * Saves records in turn, each replacing any record with the same identifier.
     *
     * @param records the records, not null
     */
    public void saveAll(Iterable<? extends Membership> records) {
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
    public Optional<Membership> findById(MembershipId id) {
        return store.findById(id);
    }

    @Override
    public Stream<Membership> stream(TimeRange range) {
        return store.stream(range);
    }

    @Override
    public Stream<Membership> streamForCustomer(CustomerId customerId, TimeRange range) {
        return store.streamForCustomer(customerId, range);
    }
}
