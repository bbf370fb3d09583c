package io.crmkit.metrics.loyalty;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.history.OrderBatch;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.loyalty.Membership;
import io.crmkit.core.loyalty.Referral;
import io.crmkit.core.order.OrderStatusCategory;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The loyalty KPIs of a {@link LedgerStatement}, as of its instant; flows over its period
 * {@code (asOf - period, asOf]}. Ratios with a zero denominator are empty, never NaN.
 *
 * <ul>
 *   <li>{@code members}: customers with a membership open at the as-of instant when memberships are
 *       given (even none: then there are no members), else every customer with a ledger line
 *       ({@code membersFromMemberships} says which).</li>
 *   <li>{@code activeMembers}: members (of that same population) who earned or redeemed points in the
 *       period, so never more than {@code members}.</li>
 *   <li>{@code enrolmentRate}: buyers (customers with an order of an earning status category, not a
 *       return, at or before the as-of instant) who are members / buyers; empty without
 *       memberships.</li>
 *   <li>{@code periodEarned}, {@code periodRedeemed}, {@code periodExpired}: earn, burn and
 *       expiry in the period, in points.</li>
 *   <li>{@code redemptionRate}: points redeemed / points earned, to date; {@code breakageRate}:
 *       points expired / points earned, to date (realised breakage).</li>
 *   <li>{@code outstandingPoints} and {@code liability}: the balances, and their value at the
 *       stated value per point.</li>
 *   <li>Referrals (those at or before the as-of instant): a referred customer is credited once, to
 *       the earliest referral (ties by referral identifier); later ones are counted in
 *       {@code duplicateReferrals}; referrals after the as-of instant are left out and counted in
 *       {@code referralsAfterAsOf}. {@code referralRate}: referred customers / members.
 *       {@code referredConverted}: referred customers with an earning order (not a return) at or
 *       after their referral and at or before the as-of instant; {@code referredConversionRate}
 *       its share; {@code referredValue}: those customers' net spend (returns subtracted) in the same
 *       span.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param members the members
 * @param membersFromMemberships whether members were counted from memberships
 * @param activeMembers active members in the period
 * @param enrolmentRate buyers who are members / buyers, not null
 * @param periodEarned points earned in the period
 * @param periodRedeemed points redeemed in the period
 * @param periodExpired points expired in the period
 * @param redemptionRate redeemed / earned to date, not null
 * @param breakageRate expired / earned to date, not null
 * @param outstandingPoints the sum of the balances
 * @param valuePerPoint the stated value of a point, in currency units, not null
 * @param liability the outstanding points' value, not null
 * @param referrals referrals counted (at or before the as-of instant)
 * @param duplicateReferrals referrals of customers referred before, not credited
 * @param referralsAfterAsOf referrals after the as-of instant, left out
 * @param referredCustomers distinct referred customers
 * @param referralRate referred customers / members, not null
 * @param referredConverted referred customers who bought after the referral
 * @param referredConversionRate converted / referred customers, not null
 * @param referredValue net spend of referred customers after their referral, not null
 */
public record LoyaltyKpis(long members, boolean membersFromMemberships, long activeMembers,
        OptionalDouble enrolmentRate, long periodEarned, long periodRedeemed, long periodExpired,
        OptionalDouble redemptionRate, OptionalDouble breakageRate, long outstandingPoints, BigDecimal valuePerPoint,
        Money liability, long referrals, long duplicateReferrals, long referralsAfterAsOf, long referredCustomers,
        OptionalDouble referralRate,
        long referredConverted, OptionalDouble referredConversionRate, Money referredValue) {

    /**
     * Validates the KPIs.
     *
     * @throws NullPointerException if a component is null
     */
    public LoyaltyKpis {
        Checks.notNull(enrolmentRate, "enrolmentRate");
        Checks.notNull(redemptionRate, "redemptionRate");
        Checks.notNull(breakageRate, "breakageRate");
        Checks.notNull(valuePerPoint, "valuePerPoint");
        Checks.notNull(liability, "liability");
        Checks.notNull(referralRate, "referralRate");
        Checks.notNull(referredConversionRate, "referredConversionRate");
        Checks.notNull(referredValue, "referredValue");
    }

    /**
     * Computes the KPIs.
     *
     * @param statement the ledger's statement, not null
     * @param orders the orders the statement was computed from (for buyers and referred customers'
     *     purchases), in the statement's currency, not null
     * @param memberships the memberships when the host keeps them (possibly none: then nobody is a
     *     member), or empty when it does not (then every ledger line is a member), not null
     * @param referrals the referrals, possibly empty, not null
     * @param valuePerPoint what one point is worth in currency units, not negative, not null
     * @return the KPIs, never null
     * @throws IllegalArgumentException if the orders are in another currency or the value is negative
     */
    public static LoyaltyKpis compute(LedgerStatement statement, OrderBatch orders,
            Optional<? extends Collection<Membership>> memberships, Collection<Referral> referrals,
            BigDecimal valuePerPoint) {
        Checks.notNull(statement, "statement");
        Checks.notNull(orders, "orders");
        Checks.notNull(memberships, "memberships");
        Checks.notNull(referrals, "referrals");
        Checks.notNull(valuePerPoint, "valuePerPoint");
        if (!orders.currency().equals(statement.currency())) {
            throw new IllegalArgumentException("the orders are in " + orders.currency() + ", the statement in "
                    + statement.currency());
        }
        long asOf = statement.options().asOfMicros();
        java.time.Instant asOfInstant = statement.options().asOf();
        boolean[] earns = new boolean[OrderStatusCategory.values().length];
        statement.program().earningCategories().forEach(c -> earns[c.ordinal()] = true);

        Set<CustomerId> memberIds = new HashSet<>();
        for (Membership m : memberships.isPresent() ? memberships.get() : List.<Membership>of()) {
            if (m.isMemberAt(asOfInstant)) {
                memberIds.add(m.customerId());
            }
        }
        boolean fromMemberships = memberships.isPresent();
        long members = fromMemberships ? memberIds.size() : statement.memberCount();

        int customers = orders.customerCount();
        boolean[] bought = new boolean[customers];
        long[] referredAt = new long[customers];
        Arrays.fill(referredAt, Long.MAX_VALUE);

        long referralsAfter = referrals.stream().filter(r -> LedgerOptions.micros(r.referredAt()) > asOf).count();
        List<Referral> counted = referrals.stream()
                .filter(r -> LedgerOptions.micros(r.referredAt()) <= asOf)
                .sorted(Comparator.comparing(Referral::referredAt).thenComparing(Referral::id))
                .toList();
        Set<CustomerId> referred = new HashSet<>();
        long duplicates = 0;
        for (Referral r : counted) {
            if (!referred.add(r.referred())) {
                duplicates++;
                continue;
            }
            int c = orders.indexOf(r.referred());
            if (c >= 0) {
                referredAt[c] = LedgerOptions.micros(r.referredAt());
            }
        }
        boolean[] converted = new boolean[customers];
        long referredValue = 0;
        for (int row = 0, n = orders.rowCount(); row < n; row++) {
            long t = orders.placedAtMicros(row);
            if (t > asOf) {
                continue;
            }
            int c = orders.customerIndex(row);
            boolean earning = earns[orders.category(row).ordinal()];
            if (earning && !orders.isReturn(row)) {
                bought[c] = true;
            }
            if (t >= referredAt[c] && earning) {
                long net = orders.netMinor(row);
                referredValue = Math.addExact(referredValue, net);
                if (!orders.isReturn(row)) {
                    converted[c] = true;
                }
            }
        }
        long buyers = 0;
        long buyerMembers = 0;
        long convertedCount = 0;
        for (int c = 0; c < customers; c++) {
            if (bought[c]) {
                buyers++;
                if (memberIds.contains(orders.customerId(c))) {
                    buyerMembers++;
                }
            }
            if (converted[c]) {
                convertedCount++;
            }
        }
        long active = 0;
        long periodEarned = 0;
        long periodRedeemed = 0;
        long periodExpired = 0;
        for (int i = 0; i < statement.memberCount(); i++) {
            boolean member = !fromMemberships || memberIds.contains(statement.customerId(i));
            if (member && (statement.periodEarned(i) > 0 || statement.periodRedeemed(i) > 0)) {
                active++;
            }
            periodEarned = Math.addExact(periodEarned, statement.periodEarned(i));
            periodRedeemed = Math.addExact(periodRedeemed, statement.periodRedeemed(i));
            periodExpired = Math.addExact(periodExpired, statement.periodExpired(i));
        }
        long earned = statement.total(LedgerStatement.EARNED);
        return new LoyaltyKpis(members, fromMemberships, active,
                fromMemberships ? ratio(buyerMembers, buyers) : OptionalDouble.empty(), periodEarned, periodRedeemed,
                periodExpired, ratio(statement.total(LedgerStatement.REDEEMED), earned),
                ratio(statement.total(LedgerStatement.EXPIRED), earned), statement.outstandingPoints(), valuePerPoint,
                statement.liability(valuePerPoint), counted.size(), duplicates, referralsAfter, referred.size(),
                ratio(referred.size(), members), convertedCount, ratio(convertedCount, referred.size()),
                Money.ofMinor(referredValue, orders.currency()));
    }

    private static OptionalDouble ratio(long numerator, long denominator) {
        return denominator == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) numerator / denominator);
    }
}
