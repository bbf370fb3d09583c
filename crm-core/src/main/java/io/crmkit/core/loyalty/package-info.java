/**
 * The loyalty model: a {@link io.crmkit.core.loyalty.LoyaltyProgram programme's rules} (earn rate,
 * rounding, expiry, tiers), the {@link io.crmkit.core.loyalty.PointsTransaction points transactions}
 * a host records (earn, redeem, adjust, reverse; expiry is computed), a customer's
 * {@link io.crmkit.core.loyalty.Membership membership} with its tier history, and
 * {@link io.crmkit.core.loyalty.Referral referrals}.
 *
 * <p>Points are whole numbers ({@code long}); a point is worth a value the host states when it books
 * the liability. The ledger that replays orders and transactions into balances, tiers and KPIs is in
 * crm-metrics ({@code io.crmkit.metrics.loyalty}). Conventions as in {@link io.crmkit.core}: records
 * validated in their constructor, no nulls, {@code Optional} for optional fields, immutable and
 * thread-safe.
 */
package io.crmkit.core.loyalty;
