package io.crmkit.testkit.contract;

import io.crmkit.core.CustomerId;
import io.crmkit.core.TimeRange;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One generated scenario of {@link CustomerEventRepositoryContract}: the records to seed the
 * repository with, the range and the customer to query.
 *
 * <p>The records have distinct identifiers of the form {@code ord-17}, belong to a few customers
 * whose identifiers are prefixes of each other ({@code cust-1}, {@code cust-10}), and lie in whole
 * milliseconds, several often at the same instant. The range usually has its bounds exactly on
 * record times; the customer usually owns some of the records, but sometimes none.
 *
 * <p>Immutable and thread-safe when the records are.
 *
 * @param <T> the record type
 */
public final class EventSeed<T> {

    private final List<T> records;
    private final TimeRange range;
    private final CustomerId customer;
    private final Function<T, String> describer;

    EventSeed(List<T> records, TimeRange range, CustomerId customer, Function<T, String> describer) {
        this.records = List.copyOf(records);
        this.range = Objects.requireNonNull(range, "range");
        this.customer = Objects.requireNonNull(customer, "customer");
        this.describer = Objects.requireNonNull(describer, "describer");
    }

    /**
     * Returns the records to seed the repository with.
     *
     * @return the records, in no particular order, possibly empty, never null
     */
    public List<T> records() {
        return records;
    }

    /**
     * Returns the range to query.
     *
     * @return the half-open range, never null
     */
    public TimeRange range() {
        return range;
    }

    /**
     * Returns the customer to query.
     *
     * @return the customer, never null
     */
    public CustomerId customer() {
        return customer;
    }

    /**
     * Returns a compact description for failure reports: each record's identifier, customer and
     * event time, then the range and the customer.
     *
     * @return the description, never null
     */
    @Override
    public String toString() {
        return "EventSeed[records=" + records.stream().map(describer).collect(Collectors.joining(", ", "[", "]"))
                + ", range=" + range + ", customer=" + customer + "]";
    }
}
