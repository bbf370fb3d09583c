package io.crmkit.testkit.contract;

import io.crmkit.core.TimeRange;
import io.crmkit.core.customer.Customer;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One generated scenario of {@link CustomerRepositoryContract}: the customers to seed the
 * repository with and the creation-time range to query.
 *
 * <p>The customers have distinct identifiers of the form {@code c-17} and creation times in whole
 * milliseconds, several often at the same instant; the range usually has its bounds exactly on
 * creation times.
 *
 * <p>Immutable and thread-safe.
 */
public final class CustomerSeed {

    private final List<Customer> customers;
    private final TimeRange range;

    CustomerSeed(List<Customer> customers, TimeRange range) {
        this.customers = List.copyOf(customers);
        this.range = Objects.requireNonNull(range, "range");
    }

    /**
     * Returns the customers to seed the repository with.
     *
     * @return the customers, in no particular order, possibly empty, never null
     */
    public List<Customer> customers() {
        return customers;
    }

    /**
     * Returns the creation-time range to query.
     *
     * @return the half-open range, never null
     */
    public TimeRange range() {
        return range;
    }

    /**
     * Returns a compact description for failure reports: each customer's identifier and creation
     * time, then the range. Personal data is not included.
     *
     * @return the description, never null
     */
    @Override
    public String toString() {
        return "CustomerSeed[customers=" + customers.stream().map(c -> c.id() + "@" + c.createdAt())
                .collect(Collectors.joining(", ", "[", "]")) + ", range=" + range + "]";
    }
}
