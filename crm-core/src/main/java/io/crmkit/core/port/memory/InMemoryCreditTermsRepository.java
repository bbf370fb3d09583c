package io.crmkit.core.port.memory;

import io.crmkit.core.CustomerId;
import io.crmkit.core.credit.CreditTerms;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.port.CreditTermsRepository;
import java.util.ArrayList;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * An in-memory {@link CreditTermsRepository}, for tests and small applications. Saving terms for a
 * customer replaces that customer's earlier terms. Streams are snapshots.
 *
 * <p>Thread-safe (every method synchronises on the repository).
 */
public final class InMemoryCreditTermsRepository implements CreditTermsRepository {

    private final TreeMap<CustomerId, CreditTerms> byCustomer = new TreeMap<>();

    /**
     * Creates an empty repository.
     */
    public InMemoryCreditTermsRepository() {
    }

    /**
     * Creates a repository holding the given terms.
     *
     * @param terms the terms, not null
     * @return the repository, never null
     */
    public static InMemoryCreditTermsRepository of(Iterable<CreditTerms> terms) {
        InMemoryCreditTermsRepository repository = new InMemoryCreditTermsRepository();
        Checks.notNull(terms, "terms");
        terms.forEach(repository::save);
        return repository;
    }

    /**
     * Saves a customer's terms, replacing earlier ones.
     *
     * @param terms the terms, not null
     */
    public synchronized void save(CreditTerms terms) {
        Checks.notNull(terms, "terms");
        byCustomer.put(terms.customerId(), terms);
    }

    @Override
    public synchronized Optional<CreditTerms> findByCustomer(CustomerId customerId) {
        Checks.notNull(customerId, "customerId");
        return Optional.ofNullable(byCustomer.get(customerId));
    }

    @Override
    public synchronized Stream<CreditTerms> streamAll() {
        return new ArrayList<>(byCustomer.values()).stream();
    }
}
