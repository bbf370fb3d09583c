package io.crmkit.core.port.memory;

import io.crmkit.core.CustomerId;
import io.crmkit.core.ReferralId;
import io.crmkit.core.TimeRange;
import io.crmkit.core.loyalty.Referral;
import io.crmkit.core.port.ReferralRepository;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An in-memory {@link ReferralRepository}, for tests and small applications: referrals (the customer of a referral is the referred customer) are held in heap memory,
 * indexed by identifier, by {@link Referral#referredAt()} and by customer.
 *
 * <p>Saving a record with an identifier already present replaces it. Streams are snapshots taken
 * when the stream is created: later saves do not affect a stream already obtained.
 *
 * <p>Thread-safe: reads and writes may come from any thread (guarded by a read-write lock).
 */
public final class InMemoryReferralRepository implements ReferralRepository {

    private final EventStore<Referral, ReferralId> store =
            new EventStore<>(Referral::id, Referral::referredAt, Referral::referred);

    /**
     * Creates an empty repository.
     */
    public InMemoryReferralRepository() {
    }

    /**
     * Creates a repository holding the given records.
     *
     * @param records the records, not null
     * @return the repository, never null
     */
    public static InMemoryReferralRepository of(Iterable<? extends Referral> records) {
        InMemoryReferralRepository repository = new InMemoryReferralRepository();
        repository.saveAll(records);
        return repository;
    }

    /**
     * Saves a record, replacing any record with the same identifier.
     *
     * @param record the record, not null
     */
    public void save(Referral record) {
        store.save(record);
    }

    /**
     * Saves records in turn, each replacing any record with the same identifier.
     *
     * @param records the records, not null
     */
    public void saveAll(Iterable<? extends Referral> records) {
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
    public Optional<Referral> findById(ReferralId id) {
        return store.findById(id);
    }

    @Override
    public Stream<Referral> stream(TimeRange range) {
        return store.stream(range);
    }

    @Override
    public Stream<Referral> streamForCustomer(CustomerId customerId, TimeRange range) {
        return store.streamForCustomer(customerId, range);
    }
}
