package io.crmkit.testkit;

import io.crmkit.core.CustomerId;
import io.crmkit.core.customer.Acquisition;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerStatus;
import io.crmkit.core.customer.PartyKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.arbitraries.ArbitraryDecorator;

/**
 * A configurable jqwik arbitrary of valid {@link Customer}s, in the style of jqwik's own
 * arbitraries: start from {@link Customers} and narrow it down, for example
 * {@code Customers.persons().fromIdPool(20).createdBetween(from, to)}.
 *
 * <p>Defaults (each replaced by the matching method), the distribution of
 * {@link CrmArbitraries#customers()}: any identifier of {@link CrmArbitraries#customerIds()};
 * three persons to one organization; created at any of {@link CrmArbitraries#instants()}; mostly
 * {@link CustomerStatus#ACTIVE}; names, profiles, contact points, tags, attributes and consent
 * as described there.
 *
 * <p>When the creation time is configured, the acquisition keeps its distance before the
 * creation and {@code updatedAt} its distance after it (both clipped to
 * {@link CrmArbitraries#EARLIEST_INSTANT} and {@link CrmArbitraries#LATEST_INSTANT}). Every
 * bound is inclusive; every generated customer is valid (built by the {@link Customer}
 * constructor) and respects every configured bound. For a list of customers with distinct
 * identifiers use jqwik's {@code list().uniqueElements(Customer::id)} with a pool at least as
 * large as the list.
 *
 * <p>Every configuring method checks its arguments (an exception naming the method, the
 * argument and the value) and returns a new arbitrary: an instance is never changed after it is
 * returned, so it is safe to share between threads and properties.
 */
public final class CustomerArbitrary extends ArbitraryDecorator<Customer> {

    private List<CustomerId> ids;
    private PartyKind kind;
    private Instant from;
    private Instant to;
    private Duration precision = Duration.ofSeconds(1);
    private List<CustomerStatus> statuses;

    CustomerArbitrary() {
    }

    private CustomerArbitrary copy() {
        return typedClone();
    }

    /**
     * Returns an arbitrary whose customers are persons only.
     *
     * @return a new arbitrary, never null
     */
    public CustomerArbitrary persons() {
        CustomerArbitrary a = copy();
        a.kind = PartyKind.PERSON;
        return a;
    }

    /**
     * Returns an arbitrary whose customers are organizations only.
     *
     * @return a new arbitrary, never null
     */
    public CustomerArbitrary organizations() {
        CustomerArbitrary a = copy();
        a.kind = PartyKind.ORGANIZATION;
        return a;
    }

    /**
     * Returns an arbitrary whose identifiers are drawn from {@code c0} to {@code c<size-1>}, the
     * pool {@link OrderArbitrary#fromCustomerPool(int)} uses, so that generated customers and
     * orders refer to each other.
     *
     * @param size the number of identifiers, 1 to 1,000,000
     * @return a new arbitrary, never null
     * @throws IllegalArgumentException if the size is out of range
     */
    public CustomerArbitrary fromIdPool(int size) {
        CustomerArbitrary a = copy();
        a.ids = Arguments.pool(size, "fromIdPool");
        return a;
    }

    /**
     * Returns an arbitrary whose identifiers are drawn from the given ones (duplicates count once;
     * shrinking towards the first).
     *
     * @param values the identifiers, at least one, none null
     * @return a new arbitrary, never null
     * @throws IllegalArgumentException if there is no identifier or one is null
     */
    public CustomerArbitrary withIds(CustomerId... values) {
        Arguments.notNull(values, "withIds", "ids");
        return withIds(Arrays.asList(values));
    }

    /**
     * Returns an arbitrary whose identifiers are drawn from the given ones (duplicates count once;
     * shrinking towards the first in iteration order).
     *
     * @param values the identifiers, at least one, none null
     * @return a new arbitrary, never null
     * @throws IllegalArgumentException if there is no identifier or one is null
     */
    public CustomerArbitrary withIds(Collection<CustomerId> values) {
        CustomerArbitrary a = copy();
        a.ids = Arguments.nonEmpty(values, "withIds", "ids");
        return a;
    }

    /**
     * Returns an arbitrary whose customers were created from {@code from} to {@code to}, both
     * inclusive, at {@code from} plus a whole multiple of the precision (one second unless
     * {@link #createdAtPrecision(Duration)} says otherwise).
     *
     * @param from the earliest creation, not before {@link CrmArbitraries#EARLIEST_INSTANT}, not null
     * @param to the latest creation, not before {@code from}, not after
     *     {@link CrmArbitraries#LATEST_INSTANT}, not null
     * @return a new arbitrary, never null
     * @throws IllegalArgumentException if {@code from} is after {@code to} or a bound is outside the
     *     generated years
     */
    public CustomerArbitrary createdBetween(Instant from, Instant to) {
        Arguments.window(from, to, "createdBetween");
        if (from.isBefore(CrmArbitraries.EARLIEST_INSTANT) || to.isAfter(CrmArbitraries.LATEST_INSTANT)) {
            throw new IllegalArgumentException("createdBetween: from " + from + " and to " + to + " must lie between "
                    + CrmArbitraries.EARLIEST_INSTANT + " and " + CrmArbitraries.LATEST_INSTANT);
        }
        Arguments.steps(from, to, precision, "createdBetween");
        CustomerArbitrary a = copy();
        a.from = from;
        a.to = to;
        return a;
    }

    /**
     * Returns an arbitrary whose creation times are {@code from} plus whole multiples of the step;
     * takes effect with {@link #createdBetween(Instant, Instant)}. The default is one second.
     *
     * @param step the step, positive, not null
     * @return a new arbitrary, never null
     * @throws IllegalArgumentException if the step is not positive
     */
    public CustomerArbitrary createdAtPrecision(Duration step) {
        Arguments.steps(from == null ? Instant.EPOCH : from, to == null ? Instant.EPOCH : to, step,
                "createdAtPrecision");
        CustomerArbitrary a = copy();
        a.precision = step;
        return a;
    }

    /**
     * Returns an arbitrary whose customers have one of the given statuses, each as likely.
     *
     * @param values the statuses, at least one, none null
     * @return a new arbitrary, never null
     * @throws IllegalArgumentException if there is no status or one is null
     */
    public CustomerArbitrary withStatuses(CustomerStatus... values) {
        Arguments.notNull(values, "withStatuses", "statuses");
        CustomerArbitrary a = copy();
        a.statuses = Arguments.nonEmpty(Arrays.asList(values), "withStatuses", "statuses");
        return a;
    }

    @Override
    protected Arbitrary<Customer> arbitrary() {
        Arbitrary<Customer> base = CrmArbitraries.customers();
        if (kind != null) {
            PartyKind k = kind;
            base = base.filter(c -> c.kind() == k);
        }
        if (ids == null && from == null && statuses == null) {
            return base;
        }
        Arbitrary<Optional<CustomerId>> idArb = ids == null ? Arbitraries.just(Optional.empty())
                : Arbitraries.of(ids).map(Optional::of);
        Arbitrary<Optional<Instant>> createdArb = from == null ? Arbitraries.just(Optional.empty())
                : Windows.instants(from, to, precision).map(Optional::of);
        Arbitrary<Optional<CustomerStatus>> statusArb = statuses == null ? Arbitraries.just(Optional.empty())
                : Arbitraries.of(statuses).map(Optional::of);
        return Combinators.combine(base, idArb, createdArb, statusArb).as((c, id, created, status) -> {
            Instant at = created.orElse(c.createdAt());
            Optional<Acquisition> acquisition = c.acquisition().map(q -> new Acquisition(q.channel(), q.campaign(),
                    CrmArbitraries.earlier(at, Duration.between(q.acquiredAt(), c.createdAt()))));
            Instant updated = CrmArbitraries.later(at, Duration.between(c.createdAt(), c.updatedAt()));
            return new Customer(id.orElse(c.id()), c.kind(), c.name(), c.person(), c.company(), c.contactPoints(),
                    c.roles(), c.lifecycleStage(), status.orElse(c.status()), acquisition, c.owner(), c.tags(),
                    c.attributes(), c.consent(), at, updated);
        });
    }
}
