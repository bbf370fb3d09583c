package io.crmkit.core.port;

import io.crmkit.core.CustomerId;
import io.crmkit.core.TimeRange;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The read contract shared by the repositories of time-stamped customer records (orders,
 * interactions, service cases, survey responses). Each sub-interface names the instant that
 * places its records in time (the <em>event time</em>).
 *
 * <p>Contract, checked by the crm-testkit contract tests:
 * <ul>
 *   <li>No method accepts or returns null; a missing record is an empty {@code Optional}.</li>
 *   <li>Ranges are half-open: a record belongs to {@code [start, end)} when
 *       {@code start <= eventTime < end}.</li>
 *   <li>Streams are ordered by event time ascending, then by identifier ascending, so that the
 *       order is total and repeatable.</li>
 *   <li>Streams may hold resources (a database cursor, a connection): the caller must close them,
 *       with try-with-resources. They are lazy: an implementation over a database should stream
 *       from the server, not load the range into memory.</li>
 *   <li>Storage failures surface as unchecked exceptions (for example
 *       {@link java.io.UncheckedIOException} or the host's own), from the call or from the stream's
 *       terminal operation; never as a silently truncated stream.</li>
 *   <li>No persistence type (entity, row, cursor) appears in the interface.</li>
 * </ul>
 *
 * <p>Implementations must be safe for use by multiple threads.
 *
 * @param <T> the record type
 * @param <I> the identifier type
 */
public interface CustomerEventRepository<T, I> {

    /**
     * Finds a record by identifier.
     *
     * @param id the identifier, not null
     * @return the record, or empty if there is none, never null
     */
    Optional<T> findById(I id);

    /**
     * Streams the records whose event time lies in the range, in event-time order.
     *
     * @param range the half-open range, not null
     * @return the records, ordered by event time then identifier; to be closed by the caller
     */
    Stream<T> stream(TimeRange range);

    /**
     * Streams one customer's records whose event time lies in the range, in event-time order.
     *
     * @param customerId the customer, not null
     * @param range the half-open range, not null
     * @return the records, ordered by event time then identifier; to be closed by the caller
     */
    Stream<T> streamForCustomer(CustomerId customerId, TimeRange range);
}
