package io.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.CustomerId;
import io.crmkit.core.credit.CreditTerms;
import io.crmkit.core.port.CreditTermsRepository;
import io.crmkit.testkit.CrmArbitraries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The contract of {@link CreditTermsRepository}, for a host's repository test to implement:
 * {@code findByCustomer} returns exactly the seeded terms (empty for other customers), and
 * {@code streamAll} returns all of them, by customer identifier, without nulls.
 *
 * @param <R> the repository type under test
 */
public interface CreditTermsRepositoryContract<R extends CreditTermsRepository> {

    /**
     * Creates a repository holding exactly the given terms (one per customer), and nothing else.
     *
     * @param terms the terms, distinct customers, possibly empty, not null
     * @return the repository, never null
     */
    R repositoryWith(List<CreditTerms> terms);

    /**
     * Releases a repository when a try is over. Does nothing by default.
     *
     * @param repository the repository, not null
     */
    default void release(R repository) {
    }

    /**
     * Generates terms with distinct customers, in any currency and with every kind of identifier.
     *
     * @return the arbitrary, never null
     */
    @Provide
    default Arbitrary<List<CreditTerms>> creditTermsSeeds() {
        return CrmArbitraries.creditTerms().list().ofMaxSize(12).map(list -> {
            Map<CustomerId, CreditTerms> byCustomer = new LinkedHashMap<>();
            list.forEach(t -> byCustomer.putIfAbsent(t.customerId(), t));
            return new ArrayList<>(byCustomer.values());
        });
    }

    /**
     * Every seeded customer's terms are found, equal to what was seeded; other customers have none;
     * {@code streamAll} returns all terms by customer identifier.
     *
     * @param seed the terms
     */
    @Property(tries = 30)
    default void findsExactlyTheSeededTermsAndStreamsThemByCustomer(@ForAll("creditTermsSeeds") List<CreditTerms> seed) {
        R repository = repositoryWith(seed);
        try {
            for (CreditTerms t : seed) {
                assertThat(repository.findByCustomer(t.customerId())).as("findByCustomer(%s)", t.customerId())
                        .contains(t);
            }
            CustomerId other = CustomerId.of("no-such-customer-\u00e9");
            if (seed.stream().noneMatch(t -> t.customerId().equals(other))) {
                assertThat(repository.findByCustomer(other)).isEmpty();
            }
            try (Stream<CreditTerms> all = repository.streamAll()) {
                assertThat(all.toList()).containsExactlyElementsOf(seed.stream()
                        .sorted(Comparator.comparing(CreditTerms::customerId)).toList());
            }
        } finally {
            release(repository);
        }
    }
}
