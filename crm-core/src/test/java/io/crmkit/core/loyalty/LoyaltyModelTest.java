package io.crmkit.core.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.CustomerId;
import io.crmkit.core.MembershipId;
import io.crmkit.core.PointsTransactionId;
import io.crmkit.core.ReferralId;
import io.crmkit.core.order.OrderStatusCategory;
import io.crmkit.core.order.SalesChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each rule of the loyalty records' constructors, with the message naming the field and value. */
class LoyaltyModelTest {

    private static final CustomerId ANN = CustomerId.of("ann");
    private static final Instant T = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void pointsArePositiveExceptAnAdjustmentWhichIsNonZero() {
        assertThatThrownBy(() -> PointsTransaction.of(PointsTransactionId.of("p1"), ANN, PointsTransactionType.REDEEM,
                T, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("redeem")
                .hasMessageContaining(": 0");
        assertThatThrownBy(() -> PointsTransaction.of(PointsTransactionId.of("p1"), ANN, PointsTransactionType.ADJUST,
                T, 0)).hasMessageContaining("non-zero");
        assertThat(PointsTransaction.of(PointsTransactionId.of("p1"), ANN, PointsTransactionType.ADJUST, T, -3)
                .points()).isEqualTo(-3);
        assertThatThrownBy(() -> PointsTransaction.of(PointsTransactionId.of("p1"), ANN, PointsTransactionType.ADJUST,
                T, Long.MIN_VALUE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tiersAreSortedByThresholdAndCheckedForClashes() {
        TierRules rules = new TierRules(TierBasis.SPEND, Duration.ofDays(365),
                List.of(Tier.of("gold", 500), Tier.of("silver", 200)));
        assertThat(rules.tiers()).extracting(Tier::name).containsExactly("silver", "gold");
        assertThat(rules.level(19_999, 100)).isZero();
        assertThat(rules.level(20_000, 100)).isEqualTo(1);
        assertThat(rules.level(50_000, 100)).isEqualTo(2);
        assertThat(rules.level(-5_000, 100)).isZero();
        assertThat(rules.name(0)).isEqualTo("basic");
        assertThatThrownBy(() -> Tier.of("basic", 10)).hasMessageContaining("basic");
        assertThatThrownBy(() -> Tier.of("silver", 0)).hasMessageContaining("silver").hasMessageContaining(": 0");
        assertThatThrownBy(() -> new TierRules(TierBasis.SPEND, Duration.ofDays(1),
                List.of(Tier.of("a", 5), Tier.of("b", 5)))).hasMessageContaining("threshold 5");
        assertThatThrownBy(() -> new TierRules(TierBasis.SPEND, Duration.ofDays(1),
                List.of(Tier.of("a", 5), Tier.of("a", 6)))).hasMessageContaining("named a");
        assertThatThrownBy(() -> new TierRules(TierBasis.SPEND, Duration.ZERO, List.of()))
                .hasMessageContaining("window");
    }

    @Test
    void programmeDefaultsAndRules() {
        LoyaltyProgram p = LoyaltyProgram.builder().build();
        assertThat(p.pointsPerUnit()).isEqualTo(1);
        assertThat(p.rounding()).isEqualTo(PointsRounding.DOWN);
        assertThat(p.expiry()).isEmpty();
        assertThat(p.expiryMicros()).isEqualTo(Long.MAX_VALUE);
        assertThat(p.earningCategories()).containsExactly(OrderStatusCategory.COMPLETED);
        LoyaltyProgram q = LoyaltyProgram.builder().channelPointsPerUnit(SalesChannel.WEB, 3)
                .expiry(Duration.ofDays(365)).build();
        assertThat(q.pointsPerUnit(SalesChannel.WEB)).isEqualTo(3);
        assertThat(q.pointsPerUnit(SalesChannel.STORE)).isEqualTo(1);
        assertThat(q.expiryMicros()).isEqualTo(365L * 86_400_000_000L);
        assertThatThrownBy(() -> LoyaltyProgram.builder().pointsPerUnit(-1).build()).hasMessageContaining("-1");
        assertThatThrownBy(() -> LoyaltyProgram.builder().earningCategories(Set.of()).build())
                .hasMessageContaining("earningCategories");
        assertThatThrownBy(() -> LoyaltyProgram.builder().expiry(Duration.ofNanos(1)).build())
                .hasMessageContaining("expiry");
        assertThatThrownBy(() -> new LoyaltyProgram(1, List.of(new ChannelRate(SalesChannel.WEB, 1),
                new ChannelRate(SalesChannel.WEB, 2)), PointsRounding.DOWN, Optional.empty(), TierRules.none(),
                Set.of(OrderStatusCategory.COMPLETED))).hasMessageContaining("WEB");
    }

    @Test
    void membershipsAndReferrals() {
        assertThatThrownBy(() -> new Membership(MembershipId.of("m"), ANN, T, Optional.of(T.minusSeconds(1)),
                List.of())).hasMessageContaining("leftAt");
        assertThatThrownBy(() -> new Membership(MembershipId.of("m"), ANN, T, Optional.empty(),
                List.of(new TierChange(T.minusSeconds(1), "gold")))).hasMessageContaining("tier change");
        Membership m = new Membership(MembershipId.of("m"), ANN, T, Optional.of(T.plusSeconds(10)), List.of());
        assertThat(m.isMemberAt(T)).isTrue();
        assertThat(m.isMemberAt(T.plusSeconds(10))).isFalse();
        assertThat(m.isMemberAt(T.minusSeconds(1))).isFalse();
        assertThatThrownBy(() -> Referral.of(ReferralId.of("r"), ANN, ANN, "CODE", T))
                .hasMessageContaining("refer themself");
        assertThatThrownBy(() -> Referral.of(ReferralId.of("r"), ANN, CustomerId.of("bob"), " CODE", T))
                .hasMessageContaining("code");
    }

    @Test
    void aReferralsToStringMasksItsCode() {
        Referral r = Referral.of(ReferralId.of("ref1"), ANN, CustomerId.of("bob"), "ANN10", T);
        assertThat(r.toString()).doesNotContain("ANN10").contains("A***").contains("ref1");
        assertThat(r.code()).isEqualTo("ANN10"); // the accessor still gives the code
    }

    @Test
    void pointsAreRateTimesWholeUnitsOfTheAmount() {
        assertThat(PointsRounding.DOWN.wholeUnits(1099, 100)).isEqualTo(10);
        assertThat(PointsRounding.DOWN.points(1099, 2, 100)).isEqualTo(20);
        assertThat(PointsRounding.HALF_UP.wholeUnits(1050, 100)).isEqualTo(11);
        assertThat(PointsRounding.HALF_UP.wholeUnits(1049, 100)).isEqualTo(10);
        assertThat(PointsRounding.UP.wholeUnits(1001, 100)).isEqualTo(11);
        assertThat(PointsRounding.UP.wholeUnits(1000, 100)).isEqualTo(10);
        assertThat(PointsRounding.UP.wholeUnits(Long.MAX_VALUE, 100)).isEqualTo(Long.MAX_VALUE / 100 + 1);
        assertThatThrownBy(() -> PointsRounding.DOWN.points(Long.MAX_VALUE, 1000, 100))
                .isInstanceOf(ArithmeticException.class);
    }
}
