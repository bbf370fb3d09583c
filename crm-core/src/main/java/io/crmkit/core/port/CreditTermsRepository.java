package io.crmkit.core.port;

import io.crmkit.core.CustomerId;
import io.crmkit.core.credit.CreditTerms;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The storage port for the credit terms granted to customers (at most one per customer).
 *
 * <p>No nulls; {@link #streamAll()} is ordered by customer identifier and closed by the caller.
 * Implementations must be safe for use by multiple threads.
 */
public interface CreditTermsRepository {

    /**
     * Finds a customer's terms.
     *
     * @param customerId the customer, not null
     * @return the terms, or empty if the customer has none, never null
     */
    Optional<CreditTerms> findByCustomer(CustomerId customerId);

    /**
     * Streams every customer's terms, by customer identifier.
     *
     * @return the terms; to be closed by the caller
     */
    Stream<CreditTerms> streamAll();
}
