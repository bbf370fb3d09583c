package io.crmkit.testkit.contract;

import io.crmkit.core.loyalty.PointsTransaction;
import io.crmkit.core.port.memory.InMemoryPointsTransactionRepository;
import java.util.List;

/** Runs the PointsTransaction repository contract against crm-core's in-memory adapter. */
class InMemoryPointsTransactionRepositoryTest implements PointsTransactionRepositoryContract<InMemoryPointsTransactionRepository> {

    @Override
    public InMemoryPointsTransactionRepository repositoryWith(List<PointsTransaction> records) {
        return InMemoryPointsTransactionRepository.of(records);
    }
}
