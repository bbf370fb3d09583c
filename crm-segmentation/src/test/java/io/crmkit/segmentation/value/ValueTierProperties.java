package io.crmkit.segmentation.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.segmentation.Columns;
import io.crmkit.segmentation.CustomerColumns;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Value tiers: monotone in value, shares respected, Lorenz curve and Gini in range. */
class ValueTierProperties {

    @Provide
    Arbitrary<CustomerColumns> customers() {
        return Columns.columns(150);
    }

    @Property(tries = 300)
    void abcByRevenueIsMonotoneAndABringsAtLeastTheBound(@ForAll("customers") CustomerColumns c) {
        TierAssignment<AbcClass> abc = ValueTiers.abcByRevenue(c);
        long positive = 0;
        long aRevenue = 0;
        for (int i = 0; i < c.size(); i++) {
            positive += Math.max(0, c.revenueMinor(i));
            if (abc.tier(i) == AbcClass.A) {
                aRevenue += c.revenueMinor(i);
            }
            for (int j = 0; j < c.size(); j++) {
                if (c.revenueMinor(i) > c.revenueMinor(j)) {
                    assertThat(abc.tier(i).ordinal()).isLessThanOrEqualTo(abc.tier(j).ordinal());
                }
            }
            if (c.revenueMinor(i) <= 0) {
                assertThat(abc.tier(i)).isEqualTo(AbcClass.C);
            }
        }
        if (positive > 0) {
            assertThat((double) aRevenue).isGreaterThanOrEqualTo(0.8 * positive);
        }
        assertThat(abc.summary().stream().mapToLong(TierSummary::customers).sum()).isEqualTo(c.size());
    }

    @Property(tries = 300)
    void abcByCustomersTakesTheTopTwentyPercent(@ForAll("customers") CustomerColumns c) {
        TierAssignment<AbcClass> abc = ValueTiers.abcByCustomers(c);
        long positive = 0;
        for (int i = 0; i < c.size(); i++) {
            positive += c.revenueMinor(i) > 0 ? 1 : 0;
        }
        long expectedA = Math.min(positive, (long) Math.ceil(0.2 * c.size() - 1e-9));
        assertThat(abc.customers(AbcClass.A)).isEqualTo(expectedA);
    }

    @Property(tries = 300)
    void usageTiersKeepTiesTogetherAndAreMonotone(@ForAll("customers") CustomerColumns c) {
        TierAssignment<UsageTier> t = ValueTiers.usageTiers(c);
        for (int i = 0; i < c.size(); i++) {
            for (int j = 0; j < c.size(); j++) {
                if (c.frequency(i) == c.frequency(j)) {
                    assertThat(t.tier(i)).isEqualTo(t.tier(j));
                } else if (c.frequency(i) > c.frequency(j)) {
                    assertThat(t.tier(i).ordinal()).isLessThanOrEqualTo(t.tier(j).ordinal());
                }
            }
        }
        if (c.size() > 0) {
            assertThat(t.customers(UsageTier.HEAVY)).isPositive();
        }
    }

    @Property(tries = 300)
    void lorenzCurveIsMonotoneConvexAndGiniInRange(@ForAll("customers") CustomerColumns c) {
        long positive = 0;
        for (int i = 0; i < c.size(); i++) {
            positive += Math.max(0, c.revenueMinor(i));
        }
        if (positive == 0) {
            return;
        }
        LorenzCurve l = LorenzCurve.of(c);
        int n = l.customers();
        assertThat(l.revenueShareOfLowest(0)).isZero();
        assertThat(l.revenueShareOfLowest(n)).isEqualTo(1.0);
        for (int k = 1; k <= n; k++) {
            assertThat(l.revenueShareOfLowest(k)).isGreaterThanOrEqualTo(l.revenueShareOfLowest(k - 1));
            // below the diagonal
            assertThat(l.revenueShareOfLowest(k)).isLessThanOrEqualTo(k / (double) n + 1e-12);
        }
        assertThat(l.gini()).isBetween(0.0, 1.0 - 1.0 / n + 1e-12);
        assertThat(l.revenueShareOfTop(0.2) + l.revenueShareOfBottom(0.8)).isCloseTo(1.0, within(1e-12));
        double[][] points = l.points(11);
        assertThat(points[0][0]).isZero();
        assertThat(points[points.length - 1][1]).isEqualTo(1.0);
    }
}
