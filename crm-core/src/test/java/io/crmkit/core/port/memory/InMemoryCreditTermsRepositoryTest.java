package io.crmkit.core.port.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.credit.CreditTerms;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryCreditTermsRepositoryTest {

    @Test
    void oneTermsPerCustomerLatestWinsStreamedByCustomer() {
        CustomerId a = CustomerId.of("a");
        CustomerId b = CustomerId.of("b");
        InMemoryCreditTermsRepository repo = InMemoryCreditTermsRepository.of(List.of(
                CreditTerms.of(b, Money.of("100", "EUR"), 30),
                CreditTerms.of(a, Money.of("50", "EUR"), 14),
                new CreditTerms(b, Money.of("200", "EUR"), 60, Optional.of("AA"))));
        assertThat(repo.findByCustomer(b).orElseThrow().limit()).isEqualTo(Money.of("200", "EUR"));
        assertThat(repo.findByCustomer(CustomerId.of("c"))).isEmpty();
        try (var s = repo.streamAll()) {
            assertThat(s.map(CreditTerms::customerId)).containsExactly(a, b);
        }
        assertThatThrownBy(() -> CreditTerms.of(a, Money.of("-1", "EUR"), 30)).hasMessageContaining("limit");
        assertThatThrownBy(() -> CreditTerms.of(a, Money.of("1", "EUR"), 4000)).hasMessageContaining("termsDays");
    }
}
