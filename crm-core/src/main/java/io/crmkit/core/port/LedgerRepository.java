package io.crmkit.core.port;

import io.crmkit.core.CustomerId;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The read contract shared by the repositories of dated receivables records (invoices by issue
 * date, payments by payment date). Receivables are kept by calendar day, not by instant, so the
 * ranges here are "on or before a day".
 *
 * <p>Contract, checked by the crm-testkit contract tests:
 * <ul>
 *   <li>No method accepts or returns null; a missing record is an empty {@code Optional}.</li>
 *   <li>{@code streamThrough(day)} returns the records dated on or before {@code day}, every status
 *       included (void invoices and credit notes too: analytics decide what counts).</li>
 *   <li>Streams are ordered by date ascending, then by identifier ascending.</li>
 *   <li>Streams may hold resources: the caller closes them (try-with-resources).</li>
 *   <li>Storage failures surface as unchecked exceptions, never as a truncated stream.</li>
 * </ul>
 *
 * <p>Implementations must be safe for use by multiple threads.
 *
 * @param <T> the record type
 * @param <I> the identifier type
 */
public interface LedgerRepository<T, I> {

    /**
     * Finds a record by identifier.
     *
     * @param id the identifier, not null
     * @return the record, or empty if there is none, never null
     */
    Optional<T> findById(I id);

    /**
     * Streams the records dated on or before a day, by date then identifier.
     *
     * @param lastDay the last day included, not null
     * @return the records; to be closed by the caller
     */
    Stream<T> streamThrough(LocalDate lastDay);

    /**
     * Streams one customer's records dated on or before a day, by date then identifier.
     *
     * @param customerId the customer, not null
     * @param lastDay the last day included, not null
     * @return the records; to be closed by the caller
     */
    Stream<T> streamForCustomer(CustomerId customerId, LocalDate lastDay);
}
