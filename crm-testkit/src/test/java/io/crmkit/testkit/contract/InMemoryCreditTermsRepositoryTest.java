package io.crmkit.testkit.contract;

import io.crmkit.core.credit.CreditTerms;
import io.crmkit.core.port.memory.InMemoryCreditTermsRepository;
import java.util.List;

class InMemoryCreditTermsRepositoryTest implements CreditTermsRepositoryContract<InMemoryCreditTermsRepository> {

    @Override
    public InMemoryCreditTermsRepository repositoryWith(List<CreditTerms> terms) {
        return InMemoryCreditTermsRepository.of(terms);
    }
}
