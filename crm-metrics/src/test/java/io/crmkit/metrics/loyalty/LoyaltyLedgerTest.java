package io.crmkit.metrics.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.CustomerId;
import io.crmkit.core.MembershipId;
import io.crmkit.core.Money;
import io.crmkit.core.OrderId;
import io.crmkit.core.PointsTransactionId;
import io.crmkit.core.ReferralId;
import io.crmkit.core.history.OrderBatch;
import io.crmkit.core.loyalty.LoyaltyProgram;
import io.crmkit.core.loyalty.Membership;
import io.crmkit.core.loyalty.PointsRounding;
import io.crmkit.core.loyalty.PointsTransaction;
import io.crmkit.core.loyalty.PointsTransactionType;
import io.crmkit.core.loyalty.Referral;
import io.crmkit.core.loyalty.Tier;
import io.crmkit.core.loyalty.TierBasis;
import io.crmkit.core.loyalty.TierChange;
import io.crmkit.core.loyalty.TierRules;
import io.crmkit.core.order.Order;
import io.crmkit.core.order.OrderStatusCategory;
import io.crmkit.core.order.SalesChannel;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Hand-worked cases, one per rule of {@link LoyaltyLedger}. */
class LoyaltyLedgerTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final CustomerId ANN = CustomerId.of("ann");
    private static final CustomerId BOB = CustomerId.of("bob");

    private final List<Object[]> rows = new ArrayList<>();
    private final List<PointsTransaction> txs = new ArrayList<>();

    private static Instant at(String date) {
        return Instant.parse(date.length() == 10 ? date + "T00:00:00Z" : date);
    }

    private static long micros(Instant t) {
        return LedgerOptions.micros(t);
    }

    private void order(CustomerId c, String date, long netMinor) {
        rows.add(new Object[] {c, at(date), netMinor, OrderStatusCategory.COMPLETED});
    }

    private void tx(CustomerId c, String id, PointsTransactionType type, String date, long points) {
        txs.add(PointsTransaction.of(PointsTransactionId.of(id), c, type, at(date), points));
    }

    private OrderBatch batch() {
        OrderBatch.Builder b = OrderBatch.builder(USD);
        for (Object[] r : rows) {
            long net = (long) r[2];
            b.add(b.customer((CustomerId) r[0]), micros((Instant) r[1]), (OrderStatusCategory) r[3],
                    Math.max(0, net), net);
        }
        return b.build();
    }

    private MemberPoints run(LoyaltyProgram program, String asOf, CustomerId who) {
        LedgerStatement s = statement(program, asOf);
        return s.member(who).orElseThrow();
    }

    private LedgerStatement statement(LoyaltyProgram program, String asOf) {
        LedgerStatement s = LoyaltyLedger.compute(batch(), txs, program, LedgerOptions.asOf(at(asOf)));
        // the accumulator path gives the same
        LedgerStatement acc = LoyaltyLedger.create(program, USD).acceptAll(batch()).acceptAllTransactions(txs)
                .statement(LedgerOptions.asOf(at(asOf)));
        assertThat(acc.memberCount()).isEqualTo(s.memberCount());
        for (int i = 0; i < s.memberCount(); i++) {
            assertThat(acc.member(i)).isEqualTo(s.member(i));
        }
        assertThat(acc.shortfalls()).isEqualTo(s.shortfalls());
        return s;
    }

    @Test
    void earnsNTimesTheWholeUnitsOfEachOrdersNetAmount() {
        order(ANN, "2025-01-01", 1099); // 10.99: 10 whole units at 2 points per unit = 20 (a partial unit earns nothing)
        order(ANN, "2025-01-02", 1099);
        LoyaltyProgram p = LoyaltyProgram.builder().pointsPerUnit(2).build();
        assertThat(run(p, "2025-02-01", ANN).earned()).isEqualTo(40); // per order, not 42 on the total 21.98
        assertThat(PointsRounding.HALF_UP.points(1050, 1, 100)).isEqualTo(11);
        assertThat(PointsRounding.HALF_UP.points(1049, 1, 100)).isEqualTo(10);
        assertThat(PointsRounding.HALF_UP.points(1050, 2, 100)).isEqualTo(22); // 11 units x 2
        assertThat(PointsRounding.UP.points(1001, 1, 100)).isEqualTo(11);
        assertThat(PointsRounding.UP.points(1001, 3, 100)).isEqualTo(33);
        assertThat(PointsRounding.DOWN.points(1099, 2, 100)).isEqualTo(20); // not 21 (= floor of 21.98)
        assertThat(PointsRounding.DOWN.points(50, 3, 100)).isZero(); // 0.50 at 3 per unit: no whole unit
    }

    @Test
    void returnsSplitIntoSmallRowsTakeBackThePointsOfTheirCumulativeAmount() {
        order(ANN, "2025-01-01", 1000); // 10.00 earns 10
        for (int k = 0; k < 10; k++) {
            order(ANN, "2025-01-0" + (k < 8 ? 2 + k : 9) + "T0" + k + ":00:00Z", -99); // ten returns of 0.99
        }
        MemberPoints m = run(LoyaltyProgram.builder().build(), "2025-02-01", ANN);
        // 9.90 returned in all: floor(9.90) = 9 points taken back, not 10 x floor(0.99) = 0
        assertThat(m.earned()).isEqualTo(10);
        assertThat(m.reversed()).isEqualTo(9);
        assertThat(m.balance()).isEqualTo(1);
        // after the first two returns (1.98 in all) one point is gone
        assertThat(run(LoyaltyProgram.builder().build(), "2025-01-03T01:00:00Z", ANN).reversed()).isEqualTo(1);
    }

    @Test
    void aPartialReturnTakesBackTheWholeUnitsOfItsAmountAtTheRate() {
        order(ANN, "2025-01-01", 2550); // 25.50 at 2 per unit: 25 units, 50 points
        order(ANN, "2025-01-05", -1075); // 10.75 returned: 10 units, 20 points
        order(ANN, "2025-01-06", -1075); // 21.50 in all: 21 units, 22 more points
        LoyaltyProgram p = LoyaltyProgram.builder().pointsPerUnit(2).build();
        assertThat(run(p, "2025-01-05", ANN).reversed()).isEqualTo(20);
        MemberPoints m = run(p, "2025-02-01", ANN);
        assertThat(m.reversed()).isEqualTo(42);
        assertThat(m.balance()).isEqualTo(8);
    }

    @Test
    void aFullReturnTakesBackExactlyWhatItsOrderEarned() {
        order(ANN, "2025-01-01", 9950); // earns 99
        order(ANN, "2025-01-05", -9950); // takes back 99
        MemberPoints m = run(LoyaltyProgram.builder().build(), "2025-02-01", ANN);
        assertThat(m.earned()).isEqualTo(99);
        assertThat(m.reversed()).isEqualTo(99);
        assertThat(m.balance()).isZero();
        assertThat(m.reverseShortfall()).isZero();
    }

    @Test
    void aPointEarnedExactlyOneExpiryPeriodAgoHasExpired() {
        order(ANN, "2025-01-01T10:00:00Z", 10000); // 100 points
        LoyaltyProgram p = LoyaltyProgram.builder().expiry(Duration.ofDays(365)).build();
        MemberPoints justBefore = run(p, "2026-01-01T09:59:59.999999Z", ANN);
        assertThat(justBefore.balance()).isEqualTo(100);
        assertThat(justBefore.expired()).isZero();
        MemberPoints exactly = run(p, "2026-01-01T10:00:00Z", ANN);
        assertThat(exactly.balance()).isZero();
        assertThat(exactly.expired()).isEqualTo(100);
    }

    @Test
    void redemptionsTakeTheOldestPointsSoTheNewerOnesExpireLater() {
        order(ANN, "2025-01-01", 10000); // 100, expires 2026-01-01
        order(ANN, "2025-04-11", 5000); // 50, expires 2026-04-11
        tx(ANN, "r1", PointsTransactionType.REDEEM, "2025-07-20", 120); // 100 of the first lot, 20 of the second
        LoyaltyProgram p = LoyaltyProgram.builder().expiry(Duration.ofDays(365)).build();
        MemberPoints afterFirst = run(p, "2026-01-01", ANN);
        assertThat(afterFirst.expired()).isZero(); // the first lot was spent, nothing of it left to expire
        assertThat(afterFirst.balance()).isEqualTo(30);
        MemberPoints afterSecond = run(p, "2026-04-11", ANN);
        assertThat(afterSecond.expired()).isEqualTo(30);
        assertThat(afterSecond.balance()).isZero();
        assertThat(afterSecond.redeemed()).isEqualTo(120);
    }

    @Test
    void anOverRedemptionIsAppliedUpToTheBalanceAndReported() {
        order(ANN, "2025-01-01", 1000); // 10
        tx(ANN, "r1", PointsTransactionType.REDEEM, "2025-01-02", 15);
        LedgerStatement s = statement(LoyaltyProgram.builder().build(), "2025-02-01");
        MemberPoints m = s.member(ANN).orElseThrow();
        assertThat(m.balance()).isZero();
        assertThat(m.redeemed()).isEqualTo(10);
        assertThat(m.redeemShortfall()).isEqualTo(5);
        assertThat(s.shortfalls()).containsExactly(new Shortfall(ANN, Shortfall.Kind.REDEEM, at("2025-01-02"),
                Optional.of(PointsTransactionId.of("r1")), 15, 10));
    }

    @Test
    void aReturnTakesTheNewestPointsAndReportsWhatWasAlreadySpent() {
        order(ANN, "2025-01-01", 5000); // 50, lot A
        order(ANN, "2025-02-01", 10000); // 100, lot B
        tx(ANN, "r1", PointsTransactionType.REDEEM, "2025-02-02", 120); // A 50, B 70 -> B 30 left
        order(ANN, "2025-02-03", -10000); // takes back 100: 30 left, 70 short
        LedgerStatement s = statement(LoyaltyProgram.builder().build(), "2025-03-01");
        MemberPoints m = s.member(ANN).orElseThrow();
        assertThat(m.reversed()).isEqualTo(30);
        assertThat(m.reverseShortfall()).isEqualTo(70);
        assertThat(m.balance()).isZero();
        assertThat(s.shortfalls()).containsExactly(new Shortfall(ANN, Shortfall.Kind.REVERSE, at("2025-02-03"),
                Optional.empty(), 100, 30));
    }

    @Test
    void aReversalTakesTheNewestPointsSoTheOldOnesStillExpireOnTime() {
        order(ANN, "2025-01-01", 5000); // 50, expires 2026-01-01
        order(ANN, "2025-06-01", 8000); // 80
        tx(ANN, "v1", PointsTransactionType.REVERSE, "2025-06-02", 80);
        MemberPoints m = run(LoyaltyProgram.builder().expiry(Duration.ofDays(365)).build(), "2026-01-01", ANN);
        assertThat(m.expired()).isEqualTo(50);
        assertThat(m.balance()).isZero();
        assertThat(m.reversed()).isEqualTo(80);
    }

    @Test
    void atOneInstantCreditsComeBeforeDebits() {
        tx(ANN, "z-earn", PointsTransactionType.EARN, "2025-01-01", 40);
        tx(ANN, "a-redeem", PointsTransactionType.REDEEM, "2025-01-01", 40);
        MemberPoints m = run(LoyaltyProgram.builder().build(), "2025-01-01", ANN);
        assertThat(m.redeemed()).isEqualTo(40);
        assertThat(m.redeemShortfall()).isZero();
    }

    @Test
    void adjustmentsCreditAndDebitAndRecordedExpiriesAreRefused() {
        tx(ANN, "a1", PointsTransactionType.ADJUST, "2025-01-01", 30);
        tx(ANN, "a2", PointsTransactionType.ADJUST, "2025-01-02", -10);
        MemberPoints m = run(LoyaltyProgram.builder().build(), "2025-01-03", ANN);
        assertThat(m.earned()).isEqualTo(30);
        assertThat(m.reversed()).isEqualTo(10);
        assertThat(m.balance()).isEqualTo(20);
        txs.add(PointsTransaction.of(PointsTransactionId.of("e1"), ANN, PointsTransactionType.EXPIRE, at("2025-01-04"),
                5));
        assertThatThrownBy(() -> LoyaltyLedger.compute(batch(), txs, LoyaltyProgram.builder().build(),
                LedgerOptions.asOf(at("2025-02-01")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("e1").hasMessageContaining("expiry");
    }

    @Test
    void eventsAfterTheAsOfInstantAreLeftOutAndCounted() {
        order(ANN, "2025-01-01", 1000);
        order(ANN, "2025-01-01T00:00:00.000001Z", 1000);
        LedgerStatement s = statement(LoyaltyProgram.builder().build(), "2025-01-01");
        assertThat(s.member(ANN).orElseThrow().earned()).isEqualTo(10);
        assertThat(s.eventsAfterAsOf()).isEqualTo(1);
    }

    @Test
    void ordersOfANonEarningStatusEarnNothing() {
        rows.add(new Object[] {ANN, at("2025-01-01"), 5000L, OrderStatusCategory.VOID});
        rows.add(new Object[] {ANN, at("2025-01-02"), 5000L, OrderStatusCategory.OPEN});
        order(ANN, "2025-01-03", 1000);
        LedgerStatement s = statement(LoyaltyProgram.builder().build(), "2025-02-01");
        assertThat(s.member(ANN).orElseThrow().earned()).isEqualTo(10);
        assertThat(s.ordersExcludedByStatus()).isEqualTo(2);
    }

    @Test
    void ordersEarnTheirChannelsRate() {
        LoyaltyProgram p = LoyaltyProgram.builder().pointsPerUnit(1).channelPointsPerUnit(SalesChannel.WEB, 3)
                .build();
        Order online = Order.builder(OrderId.of("o1"), ANN, at("2025-01-01"), USD).channel(SalesChannel.WEB)
                .grossAmount(Money.of("10.00", "USD")).build();
        Order store = Order.builder(OrderId.of("o2"), ANN, at("2025-01-02"), USD).channel(SalesChannel.STORE)
                .grossAmount(Money.of("10.00", "USD")).refundedAmount(Money.of("4.00", "USD")).build();
        LedgerStatement s = LoyaltyLedger.create(p, USD).accept(online).accept(store)
                .statement(LedgerOptions.asOf(at("2025-02-01")));
        assertThat(s.member(ANN).orElseThrow().earned()).isEqualTo(30 + 6); // refunded in place: earns on 6.00
    }

    @Test
    void tiersUpgradeAndDowngradeOnTheDayTheRollingWindowCrossesAThreshold() {
        order(ANN, "2025-01-10", 15000);
        order(ANN, "2025-03-01", 6000); // 210 in the window: silver
        order(ANN, "2025-06-01", 30000); // 510: gold
        // 2026-01-10: the 150 leaves (the window (t - 365d, t] no longer holds 2025-01-10): 360, silver
        // 2026-03-01: the 60 leaves: 300, still silver; 2026-06-01: nothing left, basic
        LoyaltyProgram p = LoyaltyProgram.builder().tiers(new TierRules(TierBasis.SPEND, Duration.ofDays(365),
                List.of(Tier.of("gold", 500), Tier.of("silver", 200)))).build();
        MemberPoints m = run(p, "2026-07-01", ANN);
        assertThat(m.tierHistory()).containsExactly(new TierChange(at("2025-03-01"), "silver"),
                new TierChange(at("2025-06-01"), "gold"), new TierChange(at("2026-01-10"), "silver"),
                new TierChange(at("2026-06-01"), "basic"));
        assertThat(m.tier()).isEqualTo("basic");
        assertThat(m.tierSince()).contains(at("2026-06-01"));
        MemberPoints midway = run(p, "2026-01-09T23:59:59Z", ANN);
        assertThat(midway.tier()).isEqualTo("gold");
        assertThat(midway.qualifying()).isEqualTo(51000);
        assertThat(run(p, "2026-01-10", ANN).tier()).isEqualTo("silver");
    }

    @Test
    void thresholdsAreInclusive() {
        order(ANN, "2025-01-10", 20000); // exactly 200.00
        order(BOB, "2025-01-10", 19999); // 199.99
        LoyaltyProgram p = LoyaltyProgram.builder().tiers(new TierRules(TierBasis.SPEND, Duration.ofDays(365),
                List.of(Tier.of("silver", 200)))).build();
        assertThat(run(p, "2025-02-01", ANN).tier()).isEqualTo("silver");
        assertThat(run(p, "2025-02-01", BOB).tier()).isEqualTo("basic");
        assertThat(run(p, "2025-02-01", BOB).tierHistory()).isEmpty();
    }

    @Test
    void aReturnLowersTheQualifyingSpend() {
        order(ANN, "2025-01-10", 25000);
        order(ANN, "2025-02-10", -10000);
        LoyaltyProgram p = LoyaltyProgram.builder().tiers(new TierRules(TierBasis.SPEND, Duration.ofDays(365),
                List.of(Tier.of("silver", 200)))).build();
        MemberPoints m = run(p, "2025-03-01", ANN);
        assertThat(m.tierHistory()).containsExactly(new TierChange(at("2025-01-10"), "silver"),
                new TierChange(at("2025-02-10"), "basic"));
    }

    @Test
    void pointsBasisQualifiesOnPointsCredited() {
        order(ANN, "2025-01-10", 10000); // 100 points
        tx(ANN, "bonus", PointsTransactionType.EARN, "2025-01-11", 400);
        LoyaltyProgram p = LoyaltyProgram.builder().tiers(new TierRules(TierBasis.POINTS, Duration.ofDays(30),
                List.of(Tier.of("gold", 500)))).build();
        MemberPoints m = run(p, "2025-03-01", ANN);
        assertThat(m.tierHistory()).containsExactly(new TierChange(at("2025-01-11"), "gold"),
                new TierChange(at("2025-02-09"), "basic"));
    }

    @Test
    void pointsBasisSubtractsThePointsAReturnTookBack() {
        order(ANN, "2025-01-10", 50000); // 500 points: gold
        order(ANN, "2025-01-20", -50000); // all returned: the 500 points are taken back
        order(BOB, "2025-01-10", 50000);
        tx(BOB, "v1", PointsTransactionType.REVERSE, "2025-01-20", 100); // 400 left in the window
        LoyaltyProgram p = LoyaltyProgram.builder().tiers(new TierRules(TierBasis.POINTS, Duration.ofDays(365),
                List.of(Tier.of("gold", 500), Tier.of("silver", 200)))).build();
        MemberPoints ann = run(p, "2025-03-01", ANN);
        assertThat(ann.qualifying()).isZero();
        assertThat(ann.tier()).isEqualTo("basic");
        assertThat(ann.tierHistory()).containsExactly(new TierChange(at("2025-01-10"), "gold"),
                new TierChange(at("2025-01-20"), "basic"));
        MemberPoints bob = run(p, "2025-03-01", BOB);
        assertThat(bob.qualifying()).isEqualTo(400);
        assertThat(bob.tier()).isEqualTo("silver");
    }

    @Test
    void aReturnOrReversalBeyondTheBalanceSubtractsOnlyWhatItTookBack() {
        order(ANN, "2025-01-10", 30000); // 300 points
        tx(ANN, "r1", PointsTransactionType.REDEEM, "2025-01-11", 250); // 50 left
        order(ANN, "2025-01-12", -30000); // asks 300, takes back 50
        LoyaltyProgram p = LoyaltyProgram.builder().tiers(new TierRules(TierBasis.POINTS, Duration.ofDays(365),
                List.of(Tier.of("silver", 200)))).build();
        MemberPoints m = run(p, "2025-03-01", ANN);
        assertThat(m.reversed()).isEqualTo(50);
        assertThat(m.reverseShortfall()).isEqualTo(250);
        assertThat(m.qualifying()).isEqualTo(250);
        assertThat(m.tier()).isEqualTo("silver");
    }

    @Test
    void totalsBeyondTheRangeOfALongFailInsteadOfWrapping() {
        tx(ANN, "r1", PointsTransactionType.REDEEM, "2025-01-01", 9_000_000_000_000_000_000L);
        tx(ANN, "r2", PointsTransactionType.REDEEM, "2025-01-02", 9_000_000_000_000_000_000L);
        assertThatThrownBy(() -> LoyaltyLedger.compute(batch(), txs, LoyaltyProgram.builder().build(),
                LedgerOptions.asOf(at("2025-02-01")))).isInstanceOf(ArithmeticException.class);
        txs.clear();
        tx(ANN, "e1", PointsTransactionType.EARN, "2025-01-01", 5_000_000_000_000_000_000L);
        tx(ANN, "e2", PointsTransactionType.EARN, "2025-01-02", 5_000_000_000_000_000_000L);
        assertThatThrownBy(() -> LoyaltyLedger.create(LoyaltyProgram.builder().build(), USD)
                .acceptAllTransactions(txs).statement(LedgerOptions.asOf(at("2025-02-01"))))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void anUnbalancedLineNeverNamesTheCustomer() {
        CustomerId person = CustomerId.of("ann.smith@example.com");
        assertThatThrownBy(() -> new MemberPoints(person, 0, 10, 0, 0, 0, 0, 0, 0, "basic", Optional.empty(),
                List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not balance")
                .message().doesNotContain("ann.smith");
        assertThatThrownBy(() -> new MemberPoints(person, Long.MAX_VALUE, 0, Long.MAX_VALUE, 0, 0, 0, 0, 0, "basic",
                Optional.empty(), List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void kpisFromAHandWorkedLedger() {
        order(ANN, "2025-01-01", 10000); // 100
        tx(ANN, "r1", PointsTransactionType.REDEEM, "2025-03-01", 40);
        order(BOB, "2025-06-01", 5000); // 50, bob referred by ann on 2025-05-01
        CustomerId cy = CustomerId.of("cy");
        rows.add(new Object[] {cy, at("2025-07-01"), 5000L, OrderStatusCategory.VOID}); // not a buyer
        LoyaltyProgram p = LoyaltyProgram.builder().expiry(Duration.ofDays(365)).build();
        LedgerStatement s = statement(p, "2026-02-01"); // ann's 60 expired on 2026-01-01
        List<Referral> referrals = List.of(
                Referral.of(ReferralId.of("ref1"), ANN, BOB, "ANN10", at("2025-05-01")),
                Referral.of(ReferralId.of("ref2"), cy, BOB, "CY10", at("2025-05-02")),
                Referral.of(ReferralId.of("ref3"), ANN, cy, "ANN10", at("2026-03-01"))); // after the as-of date
        List<Membership> memberships = List.of(Membership.of(MembershipId.of("m1"), ANN, at("2024-12-01")));
        LoyaltyKpis k = LoyaltyKpis.compute(s, batch(), Optional.of(memberships), referrals, new BigDecimal("0.01"));
        assertThat(k.members()).isEqualTo(1);
        assertThat(k.membersFromMemberships()).isTrue();
        assertThat(k.enrolmentRate()).hasValue(0.5); // ann of ann and bob; cy's void order does not make a buyer
        assertThat(k.outstandingPoints()).isEqualTo(50);
        assertThat(k.liability()).isEqualTo(Money.of("0.50", "USD"));
        assertThat(k.redemptionRate()).hasValue(40.0 / 150);
        assertThat(k.breakageRate()).hasValue(60.0 / 150);
        assertThat(k.periodExpired()).isEqualTo(60);
        assertThat(k.periodEarned()).isEqualTo(50); // (2025-02-01, 2026-02-01]
        assertThat(k.periodRedeemed()).isEqualTo(40);
        assertThat(k.activeMembers()).isEqualTo(1); // ann; bob was active but is no member
        assertThat(k.referrals()).isEqualTo(2);
        assertThat(k.duplicateReferrals()).isEqualTo(1);
        assertThat(k.referralsAfterAsOf()).isEqualTo(1);
        assertThat(k.referredCustomers()).isEqualTo(1);
        assertThat(k.referredConverted()).isEqualTo(1);
        assertThat(k.referredConversionRate()).hasValue(1.0);
        assertThat(k.referredValue()).isEqualTo(Money.of("50.00", "USD"));
        assertThat(k.referralRate()).hasValue(1.0);

        LoyaltyKpis noMemberships = LoyaltyKpis.compute(s, batch(), Optional.empty(), List.of(), BigDecimal.ONE);
        assertThat(noMemberships.members()).isEqualTo(3); // every ledger line: ann, bob, cy
        assertThat(noMemberships.activeMembers()).isEqualTo(2);
        assertThat(noMemberships.enrolmentRate()).isEmpty();
        LoyaltyKpis emptyFile = LoyaltyKpis.compute(s, batch(), Optional.of(List.of()), List.of(), BigDecimal.ONE);
        assertThat(emptyFile.membersFromMemberships()).isTrue();
        assertThat(emptyFile.members()).isZero(); // memberships given, none open: no members, no fallback
        assertThat(emptyFile.activeMembers()).isZero();
        assertThat(emptyFile.enrolmentRate()).hasValue(0.0);
    }

    @Test
    void periodFlowsCountEventsInTheHalfOpenPeriodEndingAtTheAsOfInstant() {
        order(ANN, "2025-01-01", 10000); // 100: exactly at the period's start, outside (as-of - 365d, as-of]
        order(ANN, "2025-01-01T00:00:00.000001Z", 2000); // 20: just inside
        tx(ANN, "r1", PointsTransactionType.REDEEM, "2025-01-01", 30); // at the start: outside
        tx(ANN, "r2", PointsTransactionType.REDEEM, "2026-01-01", 5); // at the as-of instant: inside
        LedgerStatement s = statement(LoyaltyProgram.builder().build(), "2026-01-01T00:00:00Z");
        assertThat(s.periodEarned(0)).isEqualTo(20);
        assertThat(s.periodRedeemed(0)).isEqualTo(5);
        MemberPoints m = s.member(ANN).orElseThrow();
        assertThat(m.earned()).isEqualTo(120);
        assertThat(m.redeemed()).isEqualTo(35);
    }
}
