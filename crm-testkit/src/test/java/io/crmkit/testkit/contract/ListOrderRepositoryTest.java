package io.crmkit.testkit.contract;

import io.crmkit.core.order.Order;
import java.util.List;

/** The bug-free list repository passes the contract, so the sensitivity test's failures come from the bugs. */
class ListOrderRepositoryTest implements OrderRepositoryContract<ListOrderRepository> {

    @Override
    public ListOrderRepository repositoryWith(List<Order> orders) {
        return new ListOrderRepository(orders, ListOrderRepository.Bug.NONE);
    }
}
