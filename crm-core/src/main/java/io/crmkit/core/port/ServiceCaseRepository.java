package io.crmkit.core.port;

import io.crmkit.core.ServiceCaseId;
import io.crmkit.core.service.ServiceCase;

/**
 * The storage port for service cases, implemented by the host. The event time is
 * {@link ServiceCase#openedAt()}; the contract is that of {@link CustomerEventRepository}. A case
 * is returned in its current state (latest status and times).
 *
 * <p>Implementations must be safe for use by multiple threads.
 */
public interface ServiceCaseRepository extends CustomerEventRepository<ServiceCase, ServiceCaseId> {
}
