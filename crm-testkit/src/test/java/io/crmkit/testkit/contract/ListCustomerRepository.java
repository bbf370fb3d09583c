package io.crmkit.testkit.contract;

import io.crmkit.core.CustomerId;
import io.crmkit.core.TimeRange;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.port.CustomerRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A naive {@link CustomerRepository} over a list that can be told to have one of the bugs a real
 * adapter typically has. Without a bug it passes the contract ({@link ListCustomerRepositoryTest}).
 */
final class ListCustomerRepository implements CustomerRepository {

    /** The bugs this repository can have. */
    enum Bug {
        NONE,
        /** {@code streamAll} ordered by creation time instead of identifier. */
        ALL_BY_CREATION_TIME,
        /** {@code streamCreated} with an inclusive end bound. */
        INCLUSIVE_END,
        /** {@code streamCreated} ordered by creation time only. */
        CREATED_WITHOUT_TIE_BREAK,
        /** {@code count} of distinct creation instants. */
        COUNT_OF_CREATION_INSTANTS
    }

    private final List<Customer> customers;
    private final Bug bug;

    ListCustomerRepository(List<Customer> customers, Bug bug) {
        this.customers = List.copyOf(customers);
        this.bug = bug;
    }

    @Override
    public Optional<Customer> findById(CustomerId id) {
        Objects.requireNonNull(id, "id");
        return customers.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    @Override
    public Stream<Customer> streamAll() {
        return customers.stream().sorted(bug == Bug.ALL_BY_CREATION_TIME
                ? Comparator.comparing(Customer::createdAt)
                : Comparator.comparing(Customer::id)).toList().stream();
    }

    @Override
    public Stream<Customer> streamCreated(TimeRange range) {
        Objects.requireNonNull(range, "range");
        Comparator<Customer> byTime = Comparator.comparing(Customer::createdAt);
        return customers.stream()
                .filter(c -> bug == Bug.INCLUSIVE_END
                        ? !c.createdAt().isBefore(range.start()) && !c.createdAt().isAfter(range.end()) && !range.isEmpty()
                        : range.contains(c.createdAt()))
                .sorted(bug == Bug.CREATED_WITHOUT_TIE_BREAK ? byTime : byTime.thenComparing(Customer::id))
                .toList().stream();
    }

    @Override
    public long count() {
        return bug == Bug.COUNT_OF_CREATION_INSTANTS
                ? customers.stream().map(Customer::createdAt).distinct().count()
                : customers.size();
    }
}
