package io.crmkit.core.port;

import io.crmkit.core.ReferralId;
import io.crmkit.core.loyalty.Referral;

/**
 * The storage port for referrals (the customer of a referral is the referred customer), implemented by the host. The event time is
 * {@link Referral#referredAt()}; the contract is that of {@link CustomerEventRepository}.
 *
 * <p>Implementations must be safe for use by multiple threads.
 */
public interface ReferralRepository extends CustomerEventRepository<Referral, ReferralId> {
}
