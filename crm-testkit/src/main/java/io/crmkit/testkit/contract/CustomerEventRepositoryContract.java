package io.crmkit.testkit.contract;

import static io.crmkit.testkit.contract.StreamChecks.closeTwice;
import static io.crmkit.testkit.contract.StreamChecks.drain;
import static io.crmkit.testkit.contract.StreamChecks.notNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.CustomerId;
import io.crmkit.core.TimeRange;
import io.crmkit.core.port.CustomerEventRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The contract of {@link CustomerEventRepository}, as jqwik properties that a repository test
 * inherits: the shared logic of {@link OrderRepositoryContract}, {@link InteractionRepositoryContract},
 * {@link ServiceCaseRepositoryContract}, {@link SurveyResponseRepositoryContract},
 * {@link PointsTransactionRepositoryContract}, {@link MembershipRepositoryContract} and
 * {@link ReferralRepositoryContract}. Implement
 * one of those, not this interface.
 *
 * <p>Each property seeds a new repository through {@link #repositoryWith(List)} with generated
 * records (see {@link EventSeed}) and checks every clause of the port's contract:
 * <ul>
 *   <li>{@code findById} returns what was seeded, and empty for identifiers that were not,
 *       including near misses (other letter case, one character more or less); never null.</li>
 *   <li>{@code stream(range)} returns exactly the records with {@code start <= event time < end}:
 *       a record exactly at {@code start} is included, one exactly at {@code end} excluded; ordered
 *       by event time, then identifier; no null, no duplicate; the same order every time.</li>
 *   <li>{@code streamForCustomer} likewise, restricted to the customer (exactly: {@code cust-1}
 *       is not {@code cust-10} nor {@code CUST-1}).</li>
 *   <li>An empty range yields nothing; {@link TimeRange#all()} yields everything.</li>
 *   <li>Streams can be closed before they are consumed, and twice; close handlers run once;
 *       several streams can be open at once; several threads can read at once.</li>
 *   <li>Null arguments are rejected with {@link NullPointerException}.</li>
 * </ul>
 *
 * <p>Seeds hold at most 16 records, in whole milliseconds between 2000 and 2050, with
 * identifiers of lower-case ASCII letters, digits and {@code -}, so that a database adapter can
 * store them unchanged; the other fields have the full variety of
 * {@link io.crmkit.testkit.CrmArbitraries} (unless {@link #recordTemplates()} is overridden). Each
 * property runs at most 50 tries, so that the contract stays quick against a real database.
 *
 * <p>Implementations of this interface are test classes; jqwik creates one instance per
 * property.
 *
 * @param <T> the record type
 * @param <I> the identifier type
 * @param <R> the repository type under test
 */
public interface CustomerEventRepositoryContract<T, I extends Comparable<? super I>,
        R extends CustomerEventRepository<T, I>> {

    /**
     * Creates a repository holding exactly the given records, and nothing else. Called once per
     * try; a database-backed test clears its tables (or creates a new schema) and inserts the
     * records.
     *
     * @param records the records, with distinct identifiers, possibly empty, not null
     * @return the repository under test, never null
     */
    R repositoryWith(List<T> records);

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
     * Returns the kind of records the repository holds. Supplied by the sub-interfaces; an
     * implementer does not override it.
     *
     * @return the kind, never null
     */
    CustomerEventKind<T, I> kind();

    /**
     * Returns the sample records that seeds are made of (their identifiers, customers and event
     * times are replaced). By default the full variety of {@link io.crmkit.testkit.CrmArbitraries};
     * override to narrow it to what a storage supports, at the cost of checking less.
     *
     * @return the arbitrary, never null
     */
    default Arbitrary<T> recordTemplates() {
        return kind().templates();
    }

    /**
     * Generates the seeds of the properties.
     *
     * @return the arbitrary, never null
     */
    @Provide
    default Arbitrary<EventSeed<T>> customerEventSeeds() {
        CustomerEventKind<T, I> kind = kind();
        return Combinators.combine(recordTemplates().list().ofMaxSize(Seeds.MAX_RECORDS), Seeds.idNumbers(),
                        Seeds.offsets().list().ofSize(Seeds.MAX_RECORDS), Seeds.customerIndexes(), Seeds.baseInstants(),
                        Seeds.rangeChoices(), Arbitraries.integers().between(0, 11))
                .as((templates, ids, offsets, owners, base, rangeChoice, customerChoice) -> {
                    List<T> records = new ArrayList<>();
                    for (int k = 0; k < templates.size(); k++) {
                        records.add(kind.place(templates.get(k), kind.id(kind.idPrefix() + "-" + ids.get(k)),
                                Seeds.CUSTOMERS.get(owners.get(k)), base.plus(offsets.get(k))));
                    }
                    List<Instant> times = records.stream().map(kind::eventTime).toList();
                    CustomerId customer = customerChoice < 8
                            ? Seeds.CUSTOMERS.get(customerChoice % Seeds.CUSTOMERS.size())
                            : Seeds.OTHER_CUSTOMERS.get(customerChoice - 8);
                    return new EventSeed<>(records, Seeds.range(rangeChoice, times, base), customer,
                            r -> kind.idOf(r) + "/" + kind.customerOf(r) + "@" + kind.eventTime(r));
                });
    }

    //-----------------------------------------------------------------------
    // findById

    /**
     * {@code findById} returns every seeded record, equal to what was seeded.
     *
     * @param seed the generated scenario
     */
    @Property(tries = 25)
    default void findByIdReturnsEverySeededRecord(@ForAll("customerEventSeeds") EventSeed<T> seed) {
        withRepository(seed.records(), repository -> {
            for (T record : seed.records()) {
                I id = kind().idOf(record);
                assertThat(repository.findById(id))
                        .as("findById(%s) must return the seeded %s, never null", id, kind().name())
                        .isNotNull()
                        .contains(record);
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
    default void findByIdIsEmptyForIdentifiersNotSeeded(@ForAll("customerEventSeeds") EventSeed<T> seed) {
        List<String> seeded = seed.records().stream().map(r -> kind().idOf(r).toString()).toList();
        List<I> unknown = Seeds.unknownIds(seeded, kind().idPrefix(), kind()::id);
        withRepository(seed.records(), repository -> {
            for (I id : unknown) {
                assertThat(repository.findById(id))
                        .as("findById(%s) must be empty: no %s with exactly this identifier was seeded", id,
                                kind().name())
                        .isNotNull()
                        .isEmpty();
            }
        });
    }

    //-----------------------------------------------------------------------
    // streams

    /**
     * {@code stream(range)} returns exactly the seeded records whose event time lies in the
     * half-open range, ordered by event time then identifier, without nulls or duplicates, and in
     * the same order when asked again.
     *
     * @param seed the generated scenario
     */
    @Property(tries = 50)
    default void streamReturnsExactlyTheRecordsInTheRangeInEventOrder(@ForAll("customerEventSeeds") EventSeed<T> seed) {
        List<T> expected = expected(seed.records(), seed.range(), null);
        withRepository(seed.records(), repository -> {
            String call = "stream(" + seed.range() + ")";
            List<T> actual = drain(repository.stream(seed.range()), call);
            checkStream(actual, expected, call);
            assertThat(drain(repository.stream(seed.range()), call))
                    .as("a second %s must return the same records in the same order", call)
                    .containsExactlyElementsOf(actual);
        });
    }

    /**
     * A range with its bounds on record times includes the records exactly at its start and
     * excludes those exactly at its end, in {@code stream} and {@code streamForCustomer}; a range
     * whose bounds coincide holds nothing.
     *
     * @param seed the generated scenario
     * @param i picks the time of one bound among the record times
     * @param j picks the time of the other bound
     */
    @Property(tries = 40)
    default void rangesIncludeRecordsAtTheirStartAndExcludeRecordsAtTheirEnd(
            @ForAll("customerEventSeeds") EventSeed<T> seed, @ForAll @IntRange(max = 1000) int i,
            @ForAll @IntRange(max = 1000) int j) {
        List<Instant> times = new ArrayList<>(new TreeSet<>(seed.records().stream().map(kind()::eventTime).toList()));
        Assume.that(!times.isEmpty());
        Instant a = times.get(i % times.size());
        Instant b = times.get(j % times.size());
        TimeRange range = a.isAfter(b) ? TimeRange.of(b, a) : TimeRange.of(a, b);
        List<T> atStart = seed.records().stream().filter(r -> kind().eventTime(r).equals(range.start())).toList();
        List<T> atEnd = seed.records().stream().filter(r -> kind().eventTime(r).equals(range.end())).toList();
        withRepository(seed.records(), repository -> {
            String call = "stream(" + range + ")";
            List<T> actual = drain(repository.stream(range), call);
            if (!range.isEmpty()) {
                assertThat(actual).as("%s must include the records exactly at its start", call).containsAll(atStart);
            }
            assertThat(actual).as("%s must exclude the records exactly at its end", call)
                    .doesNotContainAnyElementsOf(atEnd);
            checkStream(actual, expected(seed.records(), range, null), call);
            for (CustomerId customer : customersOf(seed.records())) {
                String perCustomer = "streamForCustomer(" + customer + ", " + range + ")";
                checkStream(drain(repository.streamForCustomer(customer, range), perCustomer),
                        expected(seed.records(), range, customer), perCustomer);
            }
        });
    }

    /**
     * {@code streamForCustomer(customer, range)} returns exactly that customer's seeded records in
     * the range, ordered by event time then identifier, without nulls or duplicates; nothing for a
     * customer without records.
     *
     * @param seed the generated scenario
     */
    @Property(tries = 50)
    default void streamForCustomerReturnsExactlyThatCustomersRecordsInTheRange(
            @ForAll("customerEventSeeds") EventSeed<T> seed) {
        List<T> expected = expected(seed.records(), seed.range(), seed.customer());
        withRepository(seed.records(), repository -> {
            String call = "streamForCustomer(" + seed.customer() + ", " + seed.range() + ")";
            checkStream(drain(repository.streamForCustomer(seed.customer(), seed.range()), call), expected, call);
        });
    }

    /**
     * An empty range ({@code start == end}) yields nothing, even at an instant where records lie.
     *
     * @param seed the generated scenario
     */
    @Property(tries = 20)
    default void emptyRangesYieldNothing(@ForAll("customerEventSeeds") EventSeed<T> seed) {
        withRepository(seed.records(), repository -> {
            for (T record : seed.records()) {
                TimeRange empty = TimeRange.of(kind().eventTime(record), kind().eventTime(record));
                assertThat(drain(repository.stream(empty), "stream(" + empty + ")"))
                        .as("stream(%s) must be empty: an empty range holds no instant", empty)
                        .isEmpty();
                CustomerId customer = kind().customerOf(record);
                assertThat(drain(repository.streamForCustomer(customer, empty), "streamForCustomer"))
                        .as("streamForCustomer(%s, %s) must be empty: an empty range holds no instant", customer, empty)
                        .isEmpty();
            }
        });
    }

    /**
     * {@link TimeRange#all()} yields every record, in {@code stream} and per customer in
     * {@code streamForCustomer}.
     *
     * @param seed the generated scenario
     */
    @Property(tries = 25)
    default void allTimeYieldsEveryRecordInEventOrder(@ForAll("customerEventSeeds") EventSeed<T> seed) {
        withRepository(seed.records(), repository -> {
            String call = "stream(TimeRange.all())";
            checkStream(drain(repository.stream(TimeRange.all()), call), expected(seed.records(), TimeRange.all(), null),
                    call);
            Set<CustomerId> customers = new LinkedHashSet<>(Seeds.CUSTOMERS);
            customers.add(seed.customer());
            for (CustomerId customer : customers) {
                String perCustomer = "streamForCustomer(" + customer + ", TimeRange.all())";
                checkStream(drain(repository.streamForCustomer(customer, TimeRange.all()), perCustomer),
                        expected(seed.records(), TimeRange.all(), customer), perCustomer);
            }
        });
    }

    /**
     * Streams can be closed before they are consumed or half-way, and closing twice is harmless:
     * no exception, the caller's close handlers run exactly once, and the repository still
     * returns every record afterwards.
     *
     * @param seed the generated scenario
     */
    @Property(tries = 10)
    default void streamsCanBeClosedEarlyAndTwice(@ForAll("customerEventSeeds") EventSeed<T> seed) {
        withRepository(seed.records(), repository -> {
            closeTwice(repository.stream(TimeRange.all()), true, "stream(TimeRange.all())");
            closeTwice(repository.stream(seed.range()), false, "stream(" + seed.range() + ")");
            closeTwice(repository.streamForCustomer(seed.customer(), TimeRange.all()), true,
                    "streamForCustomer(" + seed.customer() + ", TimeRange.all())");
            assertThat(drain(repository.stream(TimeRange.all()), "stream(TimeRange.all())"))
                    .as("after streams were closed early, stream(TimeRange.all()) must still return every record")
                    .containsExactlyElementsOf(expected(seed.records(), TimeRange.all(), null));
        });
    }

    /**
     * Several streams of one repository can be open at the same time and be consumed in
     * alternation (an adapter must not share one cursor or connection between them).
     *
     * @param seed the generated scenario
     */
    @Property(tries = 15)
    default void streamsMayBeOpenAtTheSameTime(@ForAll("customerEventSeeds") EventSeed<T> seed) {
        withRepository(seed.records(), repository -> {
            List<T> all = new ArrayList<>();
            List<T> mine = new ArrayList<>();
            List<T> inRange = new ArrayList<>();
            try (Stream<T> s1 = notNull(repository.stream(TimeRange.all()), "stream");
                    Stream<T> s2 = notNull(repository.streamForCustomer(seed.customer(), TimeRange.all()),
                            "streamForCustomer");
                    Stream<T> s3 = notNull(repository.stream(seed.range()), "stream")) {
                Iterator<T> i1 = s1.iterator();
                Iterator<T> i2 = s2.iterator();
                Iterator<T> i3 = s3.iterator();
                while (i1.hasNext() || i2.hasNext() || i3.hasNext()) {
                    if (i2.hasNext()) {
                        mine.add(i2.next());
                    }
                    if (i1.hasNext()) {
                        all.add(i1.next());
                    }
                    if (i3.hasNext()) {
                        inRange.add(i3.next());
                    }
                }
            }
            assertThat(all).as("stream(TimeRange.all()) consumed alongside other open streams")
                    .containsExactlyElementsOf(expected(seed.records(), TimeRange.all(), null));
            assertThat(mine).as("streamForCustomer(%s, TimeRange.all()) consumed alongside other open streams",
                            seed.customer())
                    .containsExactlyElementsOf(expected(seed.records(), TimeRange.all(), seed.customer()));
            assertThat(inRange).as("stream(%s) consumed alongside other open streams", seed.range())
                    .containsExactlyElementsOf(expected(seed.records(), seed.range(), null));
        });
    }

    /**
     * Four threads reading at once (streams and {@code findById}) all see every record.
     *
     * @param seed the generated scenario
     */
    @Property(tries = 5)
    default void concurrentReadersSeeEveryRecord(@ForAll("customerEventSeeds") EventSeed<T> seed) {
        List<T> expected = expected(seed.records(), TimeRange.all(), null);
        withRepository(seed.records(), repository -> StreamChecks.readConcurrently(expected, k -> () -> k % 2 == 1
                ? expected.stream().map(r -> repository.findById(kind().idOf(r)).orElse(null)).collect(Collectors.toList())
                : drain(repository.stream(TimeRange.all()), "stream(TimeRange.all())"), "records"));
    }

    //-----------------------------------------------------------------------
    // examples

    /**
     * An empty repository finds nothing and streams nothing.
     */
    @Example
    default void emptyRepositoryHoldsNothing() {
        withRepository(List.of(), repository -> {
            assertThat(repository.findById(kind().id(kind().idPrefix() + "-1")))
                    .as("findById on an empty repository").isNotNull().isEmpty();
            assertThat(drain(repository.stream(TimeRange.all()), "stream"))
                    .as("stream(TimeRange.all()) on an empty repository").isEmpty();
            assertThat(drain(repository.streamForCustomer(Seeds.CUSTOMERS.get(0), TimeRange.all()), "streamForCustomer"))
                    .as("streamForCustomer on an empty repository").isEmpty();
        });
    }

    /**
     * Every method rejects null arguments with a {@link NullPointerException}, from the call or
     * at the latest from the stream's terminal operation.
     */
    @Example
    default void nullArgumentsAreRejected() {
        withRepository(List.of(), repository -> {
            assertThatThrownBy(() -> repository.findById(null)).as("findById(null)")
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> drain(repository.stream(null), "stream(null)")).as("stream(null)")
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> drain(repository.streamForCustomer(null, TimeRange.all()), "streamForCustomer"))
                    .as("streamForCustomer(null, range)")
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> drain(repository.streamForCustomer(Seeds.CUSTOMERS.get(0), null),
                            "streamForCustomer"))
                    .as("streamForCustomer(customer, null)")
                    .isInstanceOf(NullPointerException.class);
        });
    }

    //-----------------------------------------------------------------------
    // helpers (private: not part of the contract's API)

    private void withRepository(List<T> records, Consumer<R> check) {
        R repository = Objects.requireNonNull(repositoryWith(records), "repositoryWith returned null");
        try {
            check.accept(repository);
        } finally {
            release(repository);
        }
    }

    private List<T> expected(List<T> records, TimeRange range, CustomerId customer) {
        return records.stream()
                .filter(r -> range.contains(kind().eventTime(r)))
                .filter(r -> customer == null || kind().customerOf(r).equals(customer))
                .sorted(kind().eventOrder())
                .toList();
    }

    private Set<CustomerId> customersOf(List<T> records) {
        return records.stream().map(kind()::customerOf).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private void checkStream(List<T> actual, List<T> expected, String call) {
        assertThat(actual).as("%s must not contain null", call).doesNotContainNull();
        assertThat(actual.stream().map(kind()::idOf).toList()).as("%s must not return a record twice", call)
                .doesNotHaveDuplicates();
        assertThat(actual).as("%s must be ordered by event time, then identifier", call)
                .isSortedAccordingTo(kind().eventOrder());
        assertThat(actual).as("%s must return exactly the seeded records with start <= event time < end", call)
                .containsExactlyElementsOf(expected);
    }
}
