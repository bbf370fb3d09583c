package io.crmkit.testkit.contract;

import io.crmkit.core.customer.Customer;
import java.util.List;

/** The bug-free list repository passes the contract, so the sensitivity test's failures come from the bugs. */
class ListCustomerRepositoryTest implements CustomerRepositoryContract<ListCustomerRepository> {

    @Override
    public ListCustomerRepository repositoryWith(List<Customer> customers) {
        return new ListCustomerRepository(customers, ListCustomerRepository.Bug.NONE);
    }
}
