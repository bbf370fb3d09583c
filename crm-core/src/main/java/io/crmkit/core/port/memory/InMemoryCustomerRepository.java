package io.crmkit.core.port.memory;

import io.crmkit.core.CustomerId;
import io.crmkit.core.TimeRange;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.port.CustomerRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

/**
 * An in-memory {@link CustomerRepository}, for tests and small applications: customers are held in
 * heap memory, sorted by identifier.
 *
 * <p>Saving a customer with an identifier already present replaces it. Streams are snapshots taken
 * when the stream is created.
 *
 * <p>Thread-safe: reads and writes may come from any thread (guarded by a read-write lock).
 */
public final class InMemoryCustomerRepository implements CustomerRepository {

    private final NavigableMap<CustomerId, Customer> byId = new TreeMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    /**
     * Creates an empty repository.
     */
    public InMemoryCustomerRepository() {
    }

    /**
     * Creates a repository holding the given customers.
     *
     * @param customers the customers, not null
     * @return the repository, never null
     */
    public static InMemoryCustomerRepository of(Iterable<Customer> customers) {
        InMemoryCustomerRepository repository = new InMemoryCustomerRepository();
        repository.saveAll(customers);
        return repository;
    }

    /**
     * Saves a customer, replacing any customer with the same identifier.
     *
     * @param customer the customer, not null
     */
    public void save(Customer customer) {
        Checks.notNull(customer, "customer");
        lock.writeLock().lock();
        try {
            byId.put(customer.id(), customer);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Saves customers in turn.
     *
     * @param customers the customers, not null
     */
    public void saveAll(Iterable<Customer> customers) {
        Checks.notNull(customers, "customers").forEach(this::save);
    }

    @Override
    public Optional<Customer> findById(CustomerId id) {
        Checks.notNull(id, "id");
        lock.readLock().lock();
        try {
            return Optional.ofNullable(byId.get(id));
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public Stream<Customer> streamAll() {
        return snapshot().stream();
    }

    @Override
    public Stream<Customer> streamCreated(TimeRange range) {
        Checks.notNull(range, "range");
        List<Customer> matching = new ArrayList<>();
        for (Customer c : snapshot()) {
            if (range.contains(c.createdAt())) {
                matching.add(c);
            }
        }
        matching.sort(Comparator.comparing(Customer::createdAt).thenComparing(Customer::id));
        return matching.stream();
    }

    private List<Customer> snapshot() {
        lock.readLock().lock();
        try {
            return new ArrayList<>(byId.values());
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public long count() {
        lock.readLock().lock();
        try {
            return byId.size();
        } finally {
            lock.readLock().unlock();
        }
    }
}
