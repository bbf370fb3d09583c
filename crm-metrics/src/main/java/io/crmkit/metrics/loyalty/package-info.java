/**
 * Loyalty programme analytics: the {@linkplain io.crmkit.metrics.loyalty.LoyaltyLedger points
 * ledger} (earn from orders, returns, FIFO redemption and expiry, over-redemptions reported as
 * {@linkplain io.crmkit.metrics.loyalty.Shortfall shortfalls}), tiers over a rolling window with
 * their history, and the {@linkplain io.crmkit.metrics.loyalty.LoyaltyKpis loyalty KPIs}
 * (active members, enrolment, earn and burn, redemption rate, breakage, outstanding points and
 * their liability, referrals). The rules are stated on {@link io.crmkit.metrics.loyalty.LoyaltyLedger}
 * and in ADR 0050.
 */
package io.crmkit.metrics.loyalty;
