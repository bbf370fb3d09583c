package io.crmkit.testkit.contract;

import static io.crmkit.testkit.contract.StreamChecks.closeTwice;
import static io.crmkit.testkit.contract.StreamChecks.drain;
import static io.crmkit.testkit.contract.StreamChecks.notNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.CustomerId;
import io.crmkit.core.TimeRange;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.port.CustomerRepository;
import io.crmkit.testkit.CrmArbitraries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The contract of {@link CustomerRepository}, as jqwik properties that a host's repository test
 * inherits by implementing this interface (jqwik's contract-test pattern).
 *
 * <p>Usage, in the host's test sources:
 * <pre>{@code
 * class JdbcCustomerRepositoryTest implements CustomerRepositoryContract<JdbcCustomerRepository> {
 *     @Override
 *     public JdbcCustomerRepository repositoryWith(List<Customer> customers) {
 *         database.truncateCustomers();
 *         database.insert(customers);
 *         return new JdbcCustomerRepository(database.dataSource());
 *     }
 * }
 * }</pre>
 *
 * <p>Each property seeds a new repository with generated customers (see {@link CustomerSeed})
 * and checks every clause of the port's contract:
 * <ul>
 *   <li>{@code findById} returns what was seeded, and empty for identifiers that were not,
 *       including near misses (other letter case, one character more or less); never null.</li>
 *   <li>{@code streamAll} returns every customer exactly once, ordered by identifier.</li>
 *   <li>{@code streamCreated(range)} returns exactly the customers with
 *       {@code start <= createdAt < end} (one created exactly at {@code start} included, one at
 *       {@code end} excluded), ordered by creation time then identifier; an empty range yields
 *       nothing, {@link TimeRange#all()} everything.</li>
 *   <li>{@code count} is the number of customers.</li>
 *   <li>No stream contains null; streams can be closed early and twice, with close handlers
 *       run once; several streams can be open at once; several threads can read at once.</li>
 *   <li>Null arguments are rejected with {@link NullPointerException}.</li>
 * </ul>
 *
 * <p>Seeds hold at most 16 customers with identifiers of the form {@code c-17} and creation times
 * in whole milliseconds (every other instant of a customer is truncated to milliseconds too);
 * the other fields have the full variety of {@link CrmArbitraries#customers()} (unless
 * {@link #customerTemplates()} is overridden). Each property runs at most 50 tries.
 *
 * <p>Implementations of this interface are test classes; jqwik creates one instance per
 * property.
 *
 * @param <R> the repository type under test
 */
public interface CustomerRepositoryContract<R extends CustomerRepository> {

    /**
     * Creates a repository holding exactly the given customers, and nothing else. Called once
     * per try; a database-backed test clears its tables (or creates a new schema) and inserts
     * the customers.
     *
     * @param customers the customers, with distinct identifiers, possibly empty, not null
     * @return the repository under test, never null
     */
    R repositoryWith(List<Customer> customers);

    /**
     * Releases a repository created by {@link #repositoryWith(List)} when a try is over, whether
     * it passed or failed. Does nothing by default; override to close connections or drop a
     * schema.
     *
     * @param repository the repository, not null
     */
    default void release(R repository) {
    }

    /**
     * Returns the sample customers that seeds are made of (their identifiers and creation times
     * are replaced). By default {@link CrmArbitraries#customers()}; override to narrow it to what
     * a storage supports, at the cost of checking less.
     *
     * @return the arbitrary, never null
     */
    default Arbitrary<Customer> customerTemplates() {
        return CrmArbitraries.customers();
    }

    /**
     * Generates the seeds of the properties.
     *
     * @return the arbitrary, never null
     */
    @Provide
    default Arbitrary<CustomerSeed> customerSeeds() {
        return Combinators.combine(customerTemplates().list().ofMaxSize(Seeds.MAX_RECORDS), Seeds.idNumbers(),
                        Seeds.offsets().list().ofSize(Seeds.MAX_RECORDS), Seeds.baseInstants(), Seeds.rangeChoices())
                .as((templates, ids, offsets, base, rangeChoice) -> {
                    List<Customer> customers = new ArrayList<>();
                    for (int k = 0; k < templates.size(); k++) {
                        customers.add(Seeds.placeCustomer(templates.get(k), CustomerId.of("c-" + ids.get(k)),
                                base.plus(offsets.get(k))));
                    }
                    List<Instant> times = customers.stream().map(Customer::createdAt).toList();
                    return new CustomerSeed(customers, Seeds.range(rangeChoice, times, base));
                });
    }

    //-----------------------------------------------------------------------
    // findById and count

    /**
     * {@code findById} returns every seeded customer, equal to what was seeded.
     *
     * @param seed the generated scenario
     */
    @Property(tries = 25)
    default void findByIdReturnsEverySeededCustomer(@ForAll("customerSeeds") CustomerSeed seed) {
        withRepository(seed.customers(), repository -> {
            for (Customer customer : seed.customers()) {
                assertThat(repository.findById(customer.id()))
                        .as("findById(%s) must return the seeded customer, never null", customer.id())
                        .isNotNull()
                        .contains(customer);
            }
        });
    }

    /**
     * {@code findById} returns empty for identifiers that were not seeded, including near misses
     * of seeded ones.
     *
     * @param seed the generated scenario
     */
    @Property(tries = 25)
    default void findByIdIsEmptyForIdentifiersNotSeeded(@ForAll("customerSeeds") CustomerSeed seed) {
        List<String> seeded = seed.customers().stream().map(c -> c.id().value()).toList();
        withRepository(seed.customers(), repository -> {
            for (CustomerId id : Seeds.unknownIds(seeded, "c", CustomerId::of)) {
                assertThat(repository.findById(id))
                        .as("findById(%s) must be empty: no customer with exactly this identifier was seeded", id)
                        .isNotNull()
                        .isEmpty();
            }
        });
    }

    /**
     * {@code count} is the number of seeded customers.
     *
     * @param seed the generated scenario
     */
    @Property(tries = 20)
    default void countIsTheNumberOfCustomers(@ForAll("customerSeeds") CustomerSeed seed) {
        withRepository(seed.customers(), repository ->
                assertThat(repository.count()).as("count()").isEqualTo(seed.customers().size()));
    }

    //-----------------------------------------------------------------------
    // streams

    /**
     * {@code streamAll} returns every seeded customer once, ordered by identifier, without nulls.
     *
     * @param seed the generated scenario
     */
    @Property(tries = 30)
    default void streamAllReturnsEveryCustomerOrderedByIdentifier(@ForAll("customerSeeds") CustomerSeed seed) {
        List<Customer> expected = seed.customers().stream().sorted(Comparator.comparing(Customer::id)).toList();
        withRepository(seed.customers(), repository -> {
            List<Customer> actual = drain(repository.streamAll(), "streamAll()");
            assertThat(actual).as("streamAll() must not contain null").doesNotContainNull();
            assertThat(actual.stream().map(Customer::id).toList()).as("streamAll() must not return a customer twice")
                    .doesNotHaveDuplicates();
            assertThat(actual).as("streamAll() must be ordered by identifier")
                    .isSortedAccordingTo(Comparator.comparing(Customer::id));
            assertThat(actual).as("streamAll() must return every seeded customer").containsExactlyElementsOf(expected);
        });
    }

    /**
     * {@code streamCreated(range)} returns exactly the customers created in the half-open range,
     * ordered by creation time then identifier, without nulls or duplicates, and in the same order
     * when asked again.
     *
     * @param seed the generated scenario
     */
    @Property(tries = 50)
    default void streamCreatedReturnsExactlyTheCustomersCreatedInTheRange(@ForAll("customerSeeds") CustomerSeed seed) {
        withRepository(seed.customers(), repository -> {
            String call = "streamCreated(" + seed.range() + ")";
            List<Customer> actual = drain(repository.streamCreated(seed.range()), call);
            checkCreated(actual, expected(seed.customers(), seed.range()), call);
            assertThat(drain(repository.streamCreated(seed.range()), call))
                    .as("a second %s must return the same customers in the same order", call)
                    .containsExactlyElementsOf(actual);
        });
    }

    /**
     * A range with its bounds on creation times includes the customers created exactly at its
     * start and excludes those created exactly at its end; a range whose bounds coincide holds
     * nothing.
     *
     * @param seed the generated scenario
     * @param i picks the time of one bound among the creation times
     * @param j picks the time of the other bound
     */
    @Property(tries = 40)
    default void rangesIncludeCustomersCreatedAtTheirStartAndExcludeThoseAtTheirEnd(
            @ForAll("customerSeeds") CustomerSeed seed, @ForAll @IntRange(max = 1000) int i,
            @ForAll @IntRange(max = 1000) int j) {
        List<Instant> times = new ArrayList<>(new TreeSet<>(seed.customers().stream().map(Customer::createdAt).toList()));
        Assume.that(!times.isEmpty());
        Instant a = times.get(i % times.size());
        Instant b = times.get(j % times.size());
        TimeRange range = a.isAfter(b) ? TimeRange.of(b, a) : TimeRange.of(a, b);
        List<Customer> atStart = seed.customers().stream().filter(c -> c.createdAt().equals(range.start())).toList();
        List<Customer> atEnd = seed.customers().stream().filter(c -> c.createdAt().equals(range.end())).toList();
        withRepository(seed.customers(), repository -> {
            String call = "streamCreated(" + range + ")";
            List<Customer> actual = drain(repository.streamCreated(range), call);
            if (!range.isEmpty()) {
                assertThat(actual).as("%s must include the customers created exactly at its start", call)
                        .containsAll(atStart);
            }
            assertThat(actual).as("%s must exclude the customers created exactly at its end", call)
                    .doesNotContainAnyElementsOf(atEnd);
            checkCreated(actual, expected(seed.customers(), range), call);
        });
    }

    /**
     * An empty range yields nothing, and {@link TimeRange#all()} every customer in creation order.
     *
     * @param seed the generated scenario
     */
    @Property(tries = 20)
    default void emptyRangesYieldNothingAndAllTimeYieldsEveryone(@ForAll("customerSeeds") CustomerSeed seed) {
        withRepository(seed.customers(), repository -> {
            for (Customer customer : seed.customers()) {
                TimeRange empty = TimeRange.of(customer.createdAt(), customer.createdAt());
                assertThat(drain(repository.streamCreated(empty), "streamCreated(" + empty + ")"))
                        .as("streamCreated(%s) must be empty: an empty range holds no instant", empty)
                        .isEmpty();
            }
            checkCreated(drain(repository.streamCreated(TimeRange.all()), "streamCreated(TimeRange.all())"),
                    expected(seed.customers(), TimeRange.all()), "streamCreated(TimeRange.all())");
        });
    }

    /**
     * Streams can be closed before they are consumed or half-way, and closing twice is harmless:
     * no exception, the caller's close handlers run exactly once, and the repository still
     * returns every customer afterwards.
     *
     * @param seed the generated scenario
     */
    @Property(tries = 10)
    default void streamsCanBeClosedEarlyAndTwice(@ForAll("customerSeeds") CustomerSeed seed) {
        withRepository(seed.customers(), repository -> {
            closeTwice(repository.streamAll(), true, "streamAll()");
            closeTwice(repository.streamCreated(seed.range()), false, "streamCreated(" + seed.range() + ")");
            closeTwice(repository.streamCreated(TimeRange.all()), true, "streamCreated(TimeRange.all())");
            assertThat(drain(repository.streamAll(), "streamAll()"))
                    .as("after streams were closed early, streamAll() must still return every customer")
                    .hasSameSizeAs(seed.customers());
        });
    }

    /**
     * Several streams of one repository can be open at the same time and be consumed in
     * alternation.
     *
     * @param seed the generated scenario
     */
    @Property(tries = 15)
    default void streamsMayBeOpenAtTheSameTime(@ForAll("customerSeeds") CustomerSeed seed) {
        withRepository(seed.customers(), repository -> {
            List<Customer> all = new ArrayList<>();
            List<Customer> created = new ArrayList<>();
            try (Stream<Customer> s1 = notNull(repository.streamAll(), "streamAll()");
                    Stream<Customer> s2 = notNull(repository.streamCreated(seed.range()), "streamCreated")) {
                Iterator<Customer> i1 = s1.iterator();
                Iterator<Customer> i2 = s2.iterator();
                while (i1.hasNext() || i2.hasNext()) {
                    if (i2.hasNext()) {
                        created.add(i2.next());
                    }
                    if (i1.hasNext()) {
                        all.add(i1.next());
                    }
                }
            }
            assertThat(all).as("streamAll() consumed alongside another open stream")
                    .containsExactlyElementsOf(seed.customers().stream().sorted(Comparator.comparing(Customer::id))
                            .toList());
            assertThat(created).as("streamCreated(%s) consumed alongside another open stream", seed.range())
                    .containsExactlyElementsOf(expected(seed.customers(), seed.range()));
        });
    }

    /**
     * Four threads reading at once ({@code streamAll}, {@code findById} and {@code count}) all see
     * every customer.
     *
     * @param seed the generated scenario
     */
    @Property(tries = 5)
    default void concurrentReadersSeeEveryCustomer(@ForAll("customerSeeds") CustomerSeed seed) {
        List<Customer> expected = seed.customers().stream().sorted(Comparator.comparing(Customer::id)).toList();
        withRepository(seed.customers(), repository -> StreamChecks.readConcurrently(expected, k -> () -> {
            if (k % 2 == 1) {
                assertThat(repository.count()).as("count() read concurrently").isEqualTo(expected.size());
                return expected.stream().map(c -> repository.findById(c.id()).orElse(null)).collect(Collectors.toList());
            }
            return drain(repository.streamAll(), "streamAll()");
        }, "customers"));
    }

    //-----------------------------------------------------------------------
    // examples

    /**
     * An empty repository finds nothing, streams nothing and counts zero.
     */
    @Example
    default void emptyRepositoryHoldsNothing() {
        withRepository(List.of(), repository -> {
            assertThat(repository.findById(CustomerId.of("c-1"))).as("findById on an empty repository")
                    .isNotNull().isEmpty();
            assertThat(drain(repository.streamAll(), "streamAll()")).as("streamAll() on an empty repository").isEmpty();
            assertThat(drain(repository.streamCreated(TimeRange.all()), "streamCreated"))
                    .as("streamCreated(TimeRange.all()) on an empty repository").isEmpty();
            assertThat(repository.count()).as("count() of an empty repository").isZero();
        });
    }

    /**
     * Every method with a parameter rejects null with a {@link NullPointerException}, from the
     * call or at the latest from the stream's terminal operation.
     */
    @Example
    default void nullArgumentsAreRejected() {
        withRepository(List.of(), repository -> {
            assertThatThrownBy(() -> repository.findById(null)).as("findById(null)")
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> drain(repository.streamCreated(null), "streamCreated(null)"))
                    .as("streamCreated(null)")
                    .isInstanceOf(NullPointerException.class);
        });
    }

    //-----------------------------------------------------------------------
    // helpers (private: not part of the contract's API)

    private void withRepository(List<Customer> customers, Consumer<R> check) {
        R repository = Objects.requireNonNull(repositoryWith(customers), "repositoryWith returned null");
        try {
            check.accept(repository);
        } finally {
            release(repository);
        }
    }

    private static List<Customer> expected(List<Customer> customers, TimeRange range) {
        return customers.stream()
                .filter(c -> range.contains(c.createdAt()))
                .sorted(creationOrder())
                .toList();
    }

    private static Comparator<Customer> creationOrder() {
        return Comparator.comparing(Customer::createdAt).thenComparing(Customer::id);
    }

    private static void checkCreated(List<Customer> actual, List<Customer> expected, String call) {
        assertThat(actual).as("%s must not contain null", call).doesNotContainNull();
        assertThat(actual.stream().map(Customer::id).toList()).as("%s must not return a customer twice", call)
                .doesNotHaveDuplicates();
        assertThat(actual).as("%s must be ordered by creation time, then identifier", call)
                .isSortedAccordingTo(creationOrder());
        assertThat(actual).as("%s must return exactly the customers with start <= createdAt < end", call)
                .containsExactlyElementsOf(expected);
    }
}
