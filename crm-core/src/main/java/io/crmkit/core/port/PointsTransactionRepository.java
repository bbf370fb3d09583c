package io.crmkit.core.port;

import io.crmkit.core.PointsTransactionId;
import io.crmkit.core.loyalty.PointsTransaction;

/**
 * The storage port for loyalty points transactions, implemented by the host. The event time is
 * {@link PointsTransaction#occurredAt()}; the contract is that of {@link CustomerEventRepository}.
 *
 * <p>Implementations must be safe for use by multiple threads.
 */
public interface PointsTransactionRepository extends CustomerEventRepository<PointsTransaction, PointsTransactionId> {
}
