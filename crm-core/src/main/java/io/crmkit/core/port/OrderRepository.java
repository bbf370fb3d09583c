package io.crmkit.core.port;

import io.crmkit.core.OrderId;
import io.crmkit.core.order.Order;

/**
 * The storage port for orders, implemented by the host over its own database. The event time is
 * {@link Order#placedAt()}; the contract is that of {@link CustomerEventRepository}.
 *
 * <p>Streams return orders of every status category: analytics choose which categories count.
 * {@link io.crmkit.core.history.PurchaseHistory} summarises straight from
 * {@link #stream(io.crmkit.core.TimeRange)}.
 *
 * <p>Implementations must be safe for use by multiple threads.
 */
public interface OrderRepository extends CustomerEventRepository<Order, OrderId> {
}
