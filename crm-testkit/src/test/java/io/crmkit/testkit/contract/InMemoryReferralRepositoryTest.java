package io.crmkit.testkit.contract;

import io.crmkit.core.loyalty.Referral;
import io.crmkit.core.port.memory.InMemoryReferralRepository;
import java.util.List;

/** Runs the Referral repository contract against crm-core's in-memory adapter. */
class InMemoryReferralRepositoryTest implements ReferralRepositoryContract<InMemoryReferralRepository> {

    @Override
    public InMemoryReferralRepository repositoryWith(List<Referral> records) {
        return InMemoryReferralRepository.of(records);
    }
}
