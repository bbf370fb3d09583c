package io.crmkit.segmentation.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.segmentation.Columns;
import io.crmkit.segmentation.CustomerColumns;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The value tiers against their javadoc definitions, written out plainly (a sort and a loop), on
 * small revenues from few values, so that cumulative shares and positions land exactly on the
 * bounds often: the boundary case (strictly before the bound) is what decides those customers.
 */
class ValueTiersReferenceProperties {

    /** Shares whose products with small counts and totals are often whole numbers. */
    @Provide
    Arbitrary<double[]> shares() {
        Arbitrary<Double> share = Arbitraries.of(0.1, 0.2, 0.25, 0.3, 0.5, 0.75, 0.8, 1.0);
        return Combinators.combine(share, share).as((x, y) -> new double[] {x, y});
    }

    @Provide
    Arbitrary<CustomerColumns> customers() {
        Arbitrary<Columns.Row> row = Combinators.combine(Arbitraries.integers().between(1, 4),
                Arbitraries.of(-100L, 0L, 100L, 100L, 200L, 300L, 400L, 1_000L))
                .as((f, r) -> new Columns.Row(0, f, 0, r));
        return row.list().ofMinSize(0).ofMaxSize(20).map(Columns::of);
    }

    /** Row indexes ranked by a value, descending, ties by row (customer id). */
    private static List<Integer> ranked(long[] value) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < value.length; i++) {
            rows.add(i);
        }
        rows.sort(Comparator.<Integer>comparingLong(i -> -value[i]).thenComparingInt(i -> i));
        return rows;
    }

    @Property(tries = 300)
    void abcByRevenueFollowsItsDefinition(@ForAll("customers") CustomerColumns c, @ForAll("shares") double[] s) {
        double aBound = Math.min(s[0], s[1]);
        double bBound = Math.max(s[0], s[1]);
        int n = c.size();
        long[] positive = new long[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            positive[i] = Math.max(0, c.revenueMinor(i));
            total += positive[i];
        }
        AbcClass[] expected = new AbcClass[n];
        long before = 0;
        for (int i : ranked(positive)) {
            expected[i] = positive[i] <= 0 ? AbcClass.C
                    : before < aBound * total ? AbcClass.A : before < bBound * total ? AbcClass.B : AbcClass.C;
            before += positive[i];
        }
        TierAssignment<AbcClass> abc = ValueTiers.abcByRevenue(c, aBound, bBound);
        check(abc, expected, c);
    }

    @Property(tries = 300)
    void abcByCustomersFollowsItsDefinition(@ForAll("customers") CustomerColumns c, @ForAll("shares") double[] s) {
        double aShare = s[0];
        double bShare = Math.min(s[1], 1 - aShare);
        int n = c.size();
        long[] revenue = c.revenueMinorColumn();
        AbcClass[] expected = new AbcClass[n];
        int p = 0;
        for (int i : ranked(revenue)) {
            expected[i] = revenue[i] <= 0 ? AbcClass.C
                    : p < aShare * n ? AbcClass.A : p < (aShare + bShare) * n ? AbcClass.B : AbcClass.C;
            p++;
        }
        check(ValueTiers.abcByCustomers(c, aShare, bShare), expected, c);
    }

    @Property(tries = 300)
    void usageTiersFollowTheirDefinition(@ForAll("customers") CustomerColumns columns, @ForAll("shares") double[] s,
            @ForAll TierMeasure measure) {
        double heavy = s[0];
        double medium = Math.min(s[1], 1 - heavy);
        int n = columns.size();
        // a margin that ranks customers differently from their revenue (any sign)
        long[] margin = new long[n];
        for (int i = 0; i < n; i++) {
            margin[i] = columns.revenueMinor(i) / 3 - 500L * columns.frequency(i);
        }
        CustomerColumns c = columns.withMargin(margin, "a third of the revenue less 5.00 a purchase");
        long[] value = new long[n];
        for (int i = 0; i < n; i++) {
            value[i] = switch (measure) {
                case FREQUENCY -> c.frequency(i);
                case REVENUE -> c.revenueMinor(i);
                case MARGIN -> c.marginMinor(i);
            };
        }
        UsageTier[] expected = new UsageTier[n];
        for (int i = 0; i < n; i++) {
            int better = 0;
            for (int j = 0; j < n; j++) {
                better += value[j] > value[i] ? 1 : 0;
            }
            expected[i] = better < heavy * n ? UsageTier.HEAVY
                    : better < (heavy + medium) * n ? UsageTier.MEDIUM : UsageTier.LIGHT;
        }
        check(ValueTiers.usageTiers(c, measure, heavy, medium), expected, c);
    }

    private static <T extends Enum<T>> void check(TierAssignment<T> got, T[] expected, CustomerColumns c) {
        int n = c.size();
        assertThat(got.size()).isEqualTo(n);
        long total = c.totalRevenueMinor();
        for (int i = 0; i < n; i++) {
            assertThat(got.tier(i)).as("customer %d", i).isEqualTo(expected[i]);
            assertThat(got.customerId(i)).isEqualTo(c.customerId(i));
        }
        for (TierSummary row : got.summary()) {
            long count = 0;
            long revenue = 0;
            for (int i = 0; i < n; i++) {
                if (expected[i].name().equals(row.tier())) {
                    count++;
                    revenue += c.revenueMinor(i);
                }
            }
            assertThat(row.customers()).isEqualTo(count);
            assertThat(row.customerShare()).isCloseTo(n == 0 ? 0 : count / (double) n, within(1e-12));
            assertThat(row.revenue()).isCloseTo(revenue / c.minorPerMajor(), within(1e-9));
            if (total == 0) {
                assertThat(row.revenueShare()).isEmpty();
            } else {
                assertThat(row.revenueShare().getAsDouble()).isCloseTo(revenue / (double) total, within(1e-12));
            }
            assertThat(got.toString()).contains(", " + row.tier() + "=" + count);
        }
    }
}
