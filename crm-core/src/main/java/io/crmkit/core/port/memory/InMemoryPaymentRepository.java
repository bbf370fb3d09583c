package io.crmkit.core.port.memory;

import io.crmkit.core.CustomerId;
import io.crmkit.core.credit.Payment;
import io.crmkit.core.credit.PaymentId;
import io.crmkit.core.port.PaymentRepository;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An in-memory {@link PaymentRepository}, for tests and small applications: records are held in heap
 * memory, indexed by identifier, by {@link Payment#paidOn()} and by customer.
 *
 * <p>Saving a record with an identifier already present replaces it. Streams are snapshots taken
 * when the stream is created.
 *
 * <p>Thread-safe: reads and writes may come from any thread (guarded by a read-write lock).
 */
public final class InMemoryPaymentRepository implements PaymentRepository {

    private final LedgerStore<Payment, PaymentId> store =
            new LedgerStore<>(Payment::id, Payment::paidOn, Payment::customerId);

    /**
     * Creates an empty repository.
     */
    public InMemoryPaymentRepository() {
    }

    /**
     * Creates a repository holding the given records.
     *
     * @param records the records, not null
     * @return the repository, never null
     */
    public static InMemoryPaymentRepository of(Iterable<? extends Payment> records) {
        InMemoryPaymentRepository repository = new InMemoryPaymentRepository();
        repository.saveAll(records);
        return repository;
    }

    /**
     * Saves a record, replacing any record with the same identifier.
     *
     * @param record the record, not null
     */
    public void save(Payment record) {
        store.save(record);
    }

    /**
     * Saves records in turn, each replacing any record with the same identifier.
     *
     * @param records the records, not null
     */
    public void saveAll(Iterable<? extends Payment> records) {
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
    public Optional<Payment> findById(PaymentId id) {
        return store.findById(id);
    }

    @Override
    public Stream<Payment> streamThrough(LocalDate lastDay) {
        return store.streamThrough(lastDay);
    }

    @Override
    public Stream<Payment> streamForCustomer(CustomerId customerId, LocalDate lastDay) {
        return store.streamForCustomer(customerId, lastDay);
    }
}
