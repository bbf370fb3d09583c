package io.crmkit.testkit.contract;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.port.memory.InMemoryCustomerRepository;
import java.util.List;

/** Runs the Customer repository contract against crm-core's in-memory adapter. */
class InMemoryCustomerRepositoryTest implements CustomerRepositoryContract<InMemoryCustomerRepository> {

    @Override
    public InMemoryCustomerRepository repositoryWith(List<Customer> records) {
        return InMemoryCustomerRepository.of(records);
    }
}
