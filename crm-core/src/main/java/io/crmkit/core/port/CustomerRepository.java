package io.crmkit.core.port;

import io.crmkit.core.CustomerId;
import io.crmkit.core.TimeRange;
import io.crmkit.core.customer.Customer;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The storage port for customers, implemented by the host over its own database.
 *
 * <p>Contract, checked by the crm-testkit contract tests: no method accepts or returns null (a
 * null argument raises {@link NullPointerException}); identifiers match as exact, case-sensitive
 * text; ranges are half-open and {@link TimeRange#all()} works; streams are ordered as stated on each method, lazy, and must be closed by
 * the caller (try-with-resources); storage failures surface as unchecked exceptions, never as a
 * truncated stream; no persistence type appears in the interface.
 *
 * <p>Implementations must be safe for use by multiple threads.
 */
public interface CustomerRepository {

    /**
     * Finds a customer by identifier.
     *
     * @param id the identifier, not null
     * @return the customer, or empty if there is none, never null
     */
    Optional<Customer> findById(CustomerId id);

    /**
     * Streams every customer, ordered by identifier ascending.
     *
     * @return the customers; to be closed by the caller
     */
    Stream<Customer> streamAll();

    /**
     * Streams the customers whose record was created in the range, ordered by
     * {@link Customer#createdAt()} then identifier.
     *
     * @param range the half-open range, not null
     * @return the customers; to be closed by the caller
     */
    Stream<Customer> streamCreated(TimeRange range);

    /**
     * Returns the number of customers.
     *
     * @return the count, not negative
     */
    long count();
}
