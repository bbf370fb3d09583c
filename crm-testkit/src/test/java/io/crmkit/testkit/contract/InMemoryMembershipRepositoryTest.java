package io.crmkit.testkit.contract;

import io.crmkit.core.loyalty.Membership;
import io.crmkit.core.port.memory.InMemoryMembershipRepository;
import java.util.List;

/** Runs the Membership repository contract against crm-core's in-memory adapter. */
class InMemoryMembershipRepositoryTest implements MembershipRepositoryContract<InMemoryMembershipRepository> {

    @Override
    public InMemoryMembershipRepository repositoryWith(List<Membership> records) {
        return InMemoryMembershipRepository.of(records);
    }
}
