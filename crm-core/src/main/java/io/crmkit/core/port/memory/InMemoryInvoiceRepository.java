package io.crmkit.core.port.memory;

import io.crmkit.core.CustomerId;
import io.crmkit.core.credit.Invoice;
import io.crmkit.core.credit.InvoiceId;
import io.crmkit.core.port.InvoiceRepository;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An in-memory {@link InvoiceRepository}, for tests and small applications: records are held in heap
 * memory, indexed by identifier, by {@link Invoice#issued()} and by customer.
 *
 * <p>Saving a record with an identifier already present replaces it. Streams are snapshots taken
 * when the stream is created.
 *
 * <p>Thread-safe: reads and writes may come from any thread (guarded by a read-write lock).
 */
public final class InMemoryInvoiceRepository implements InvoiceRepository {

    private final LedgerStore<Invoice, InvoiceId> store =
            new LedgerStore<>(Invoice::id, Invoice::issued, Invoice::customerId);

    /**
     * Creates an empty repository.
     */
    public InMemoryInvoiceRepository() {
    }

    /**
     * Creates a repository holding the given records.
     *
     * @param records the records, not null
     * @return the repository, never null
     */
    public static InMemoryInvoiceRepository of(Iterable<? extends Invoice> records) {
        InMemoryInvoiceRepository repository = new InMemoryInvoiceRepository();
        repository.saveAll(records);
        return repository;
    }

    /**
     * Saves a record, replacing any record with the same identifier.
     *
     * @param record the record, not null
     */
    public void save(Invoice record) {
        store.save(record);
    }

    /**
     * Saves records in turn, each replacing any record with the same identifier.
     *
     * @param records the records, not null
     */
    public void saveAll(Iterable<? extends Invoice> records) {
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
    public Optional<Invoice> findById(InvoiceId id) {
        return store.findById(id);
    }

    @Override
    public Stream<Invoice> streamThrough(LocalDate lastDay) {
        return store.streamThrough(lastDay);
    }

    @Override
    public Stream<Invoice> streamForCustomer(CustomerId customerId, LocalDate lastDay) {
        return store.streamForCustomer(customerId, lastDay);
    }
}
