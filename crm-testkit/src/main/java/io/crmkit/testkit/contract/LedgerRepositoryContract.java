package io.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.port.LedgerRepository;
import io.crmkit.testkit.CreditHistory;
import io.crmkit.testkit.CrmArbitraries;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The contract of {@link LedgerRepository} (invoices, payments), for a host's repository test to
 * implement through {@link InvoiceRepositoryContract} or {@link PaymentRepositoryContract}: no
 * nulls, {@code findById} finds exactly what was seeded, streams return exactly the records dated on
 * or before the day (of the customer), by date then identifier, every status included, the same
 * when asked again.
 *
 * <p>Seeds are {@linkplain CrmArbitraries#creditHistories(java.util.Currency) credit histories} in
 * EUR, JPY and BHD: a few customers, ids {@code inv-N} / {@code pay-N}, several records per day.
 *
 * @param <T> the record type
 * @param <I> the identifier type
 * @param <R> the repository type under test
 */
public interface LedgerRepositoryContract<T, I extends Comparable<? super I>, R extends LedgerRepository<T, I>> {

    /**
     * Creates a repository holding exactly the given records, and nothing else.
     *
     * @param records the records, distinct identifiers, possibly empty, not null
     * @return the repository, never null
     */
    R repositoryWith(List<T> records);

    /**
     * Releases a repository when a try is over. Does nothing by default.
     *
     * @param repository the repository, not null
     */
    default void release(R repository) {
    }

    /**
     * Returns the records of this kind in a history. Supplied by the sub-interfaces.
     *
     * @param history the history, not null
     * @return the records, never null
     */
    List<T> recordsOf(CreditHistory history);

    /**
     * Returns a record's identifier. Supplied by the sub-interfaces.
     *
     * @param record the record, not null
     * @return the identifier, never null
     */
    I idOf(T record);

    /**
     * Returns a record's day. Supplied by the sub-interfaces.
     *
     * @param record the record, not null
     * @return the day, never null
     */
    LocalDate dayOf(T record);

    /**
     * Returns a record's customer. Supplied by the sub-interfaces.
     *
     * @param record the record, not null
     * @return the customer, never null
     */
    CustomerId customerOf(T record);

    /**
     * Returns the identifier with the given text. Supplied by the sub-interfaces.
     *
     * @param text the text, not null
     * @return the identifier, never null
     */
    I id(String text);

    /** A seed: the records and a day and customer to ask about. */
    record LedgerSeed<T>(List<T> records, LocalDate day, CustomerId customer) {
    }

    /**
     * Generates the seeds.
     *
     * @return the arbitrary, never null
     */
    @Provide
    default Arbitrary<LedgerSeed<T>> ledgerSeeds() {
        Arbitrary<CreditHistory> histories = Arbitraries.of("EUR", "JPY", "BHD").map(Money::currency)
                .flatMap(CrmArbitraries::creditHistories);
        return Combinators.combine(histories, Arbitraries.integers().between(-5, 300), Arbitraries.integers().between(1, 5))
                .as((h, day, customer) -> new LedgerSeed<>(recordsOf(h), LocalDate.of(2024, 1, 1).plusDays(day),
                        CustomerId.of("c" + customer)));
    }

    private void withRepository(List<T> records, Consumer<R> check) {
        R repository = repositoryWith(records);
        try {
            check.accept(repository);
        } finally {
            release(repository);
        }
    }

    private List<T> expected(List<T> records, LocalDate day, CustomerId customer) {
        return records.stream().filter(r -> !dayOf(r).isAfter(day))
                .filter(r -> customer == null || customerOf(r).equals(customer))
                .sorted(Comparator.comparing(this::dayOf).thenComparing(this::idOf))
                .toList();
    }

    private static <T> List<T> drain(Stream<T> stream) {
        try (Stream<T> s = stream) {
            return s.toList();
        }
    }

    /**
     * {@code findById} returns every seeded record, and empty for identifiers not seeded.
     *
     * @param seed the generated scenario
     */
    @Property(tries = 25)
    default void findByIdReturnsExactlyTheSeededRecords(@ForAll("ledgerSeeds") LedgerSeed<T> seed) {
        withRepository(seed.records(), repository -> {
            for (T record : seed.records()) {
                assertThat(repository.findById(idOf(record))).as("findById(%s)", idOf(record)).contains(record);
            }
            for (String unknown : List.of("no-such-id", "inv-999", "pay-999", "INV-0", "inv-0 x")) {
                if (seed.records().stream().noneMatch(r -> idOf(r).toString().equals(unknown))) {
                    assertThat(repository.findById(id(unknown))).as("findById(%s)", unknown).isEmpty();
                }
            }
        });
    }

    /**
     * {@code streamThrough(day)} returns exactly the records dated on or before the day, by date
     * then identifier, the same when asked again.
     *
     * @param seed the generated scenario
     */
    @Property(tries = 40)
    default void streamThroughReturnsTheRecordsOnOrBeforeTheDayInOrder(@ForAll("ledgerSeeds") LedgerSeed<T> seed) {
        List<T> expected = expected(seed.records(), seed.day(), null);
        withRepository(seed.records(), repository -> {
            List<T> actual = drain(repository.streamThrough(seed.day()));
            assertThat(actual).as("streamThrough(%s)", seed.day()).containsExactlyElementsOf(expected);
            assertThat(drain(repository.streamThrough(seed.day()))).containsExactlyElementsOf(actual);
        });
    }

    /**
     * {@code streamForCustomer(customer, day)} returns exactly that customer's records dated on or
     * before the day, by date then identifier; none for a customer without records.
     *
     * @param seed the generated scenario
     */
    @Property(tries = 40)
    default void streamForCustomerReturnsOnlyThatCustomersRecords(@ForAll("ledgerSeeds") LedgerSeed<T> seed) {
        List<T> expected = expected(seed.records(), seed.day(), seed.customer());
        withRepository(seed.records(), repository -> {
            assertThat(drain(repository.streamForCustomer(seed.customer(), seed.day())))
                    .as("streamForCustomer(%s, %s)", seed.customer(), seed.day())
                    .containsExactlyElementsOf(expected);
            assertThat(drain(repository.streamForCustomer(CustomerId.of("nobody"), seed.day()))).isEmpty();
        });
    }
}
