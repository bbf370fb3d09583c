package io.crmkit.core.port;

import io.crmkit.core.MembershipId;
import io.crmkit.core.loyalty.Membership;

/**
 * The storage port for loyalty memberships, implemented by the host. The event time is
 * {@link Membership#joinedAt()}; the contract is that of {@link CustomerEventRepository}.
 *
 * <p>Implementations must be safe for use by multiple threads.
 */
public interface MembershipRepository extends CustomerEventRepository<Membership, MembershipId> {
}
