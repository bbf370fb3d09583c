package io.crmkit.testkit.contract;

import io.crmkit.core.order.Order;
import io.crmkit.core.port.memory.InMemoryOrderRepository;
import java.util.List;

/** Runs the Order repository contract against crm-core's in-memory adapter. */
class InMemoryOrderRepositoryTest implements OrderRepositoryContract<InMemoryOrderRepository> {

    @Override
    public InMemoryOrderRepository repositoryWith(List<Order> records) {
        return InMemoryOrderRepository.of(records);
    }
}
