package io.crmkit.testkit.contract;

import io.crmkit.core.service.ServiceCase;
import io.crmkit.core.port.memory.InMemoryServiceCaseRepository;
import java.util.List;

/** Runs the ServiceCase repository contract against crm-core's in-memory adapter. */
class InMemoryServiceCaseRepositoryTest implements ServiceCaseRepositoryContract<InMemoryServiceCaseRepository> {

    @Override
    public InMemoryServiceCaseRepository repositoryWith(List<ServiceCase> records) {
        return InMemoryServiceCaseRepository.of(records);
    }
}
