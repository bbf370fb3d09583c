package io.crmkit.segmentation.rfm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Selection and ranking equal their definitions, with or without ties, integral or not. */
class OrderStatisticsProperties {

    @Provide
    Arbitrary<double[]> columns() {
        Arbitrary<Double> few = Arbitraries.integers().between(0, 3).map(Integer::doubleValue);
        Arbitrary<Double> wide = Arbitraries.integers().between(-1_000_000_000, 1_000_000_000).map(Integer::doubleValue);
        Arbitrary<Double> fractional = Arbitraries.doubles().between(-1e6, 1e6);
        Arbitrary<Double> tiedFractions = Arbitraries.of(0.5, 1.25, 1.25, 7.75);
        // the ends of the double range and signed zeros, for the bucket keys' unsigned arithmetic
        Arbitrary<Double> extremes = Arbitraries.of(-Double.MAX_VALUE, Double.MAX_VALUE, Double.MIN_VALUE,
                -Double.MIN_VALUE, 0.0, -0.0, 1e300, -1e-300, Double.MIN_NORMAL);
        // skewed amounts: most values crowd a few buckets, a long tail spreads the others
        Arbitrary<Double> skewed = Arbitraries.doubles().between(-3, 12).map(x -> Math.rint(Math.exp(x) * 100) / 100);
        return Arbitraries.oneOf(few, wide, fractional, tiedFractions, extremes, skewed).list().ofMinSize(1)
                .ofMaxSize(2_000).map(l -> l.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Provide
    Arbitrary<double[]> selectable() {
        // also: one fractional value held by most of a column of thousands, a bucket far too big to sort
        Arbitrary<double[]> crowded = Combinators.combine(Arbitraries.doubles().between(0, 1e4).list().ofMaxSize(500),
                Arbitraries.integers().between(1_000, 20_000)).as((tail, ties) -> {
                    double[] a = new double[tail.size() + ties];
                    java.util.Arrays.fill(a, 19.99);
                    for (int i = 0; i < tail.size(); i++) {
                        a[i * (a.length / tail.size())] = tail.get(i);
                    }
                    return a;
                });
        return Arbitraries.frequencyOf(Tuple.of(4, columns()), Tuple.of(1, crowded));
    }

    @Property(tries = 300)
    void selectionEqualsSorting(@ForAll("selectable") double[] values,
            @ForAll List<@net.jqwik.api.constraints.DoubleRange(min = 0, max = 1) Double> fractions) {
        int n = values.length;
        int[] positions = fractions.stream().mapToInt(f -> (int) Math.min(n - 1, Math.floor(f * n))).distinct()
                .sorted().toArray();
        double[] copy = values.clone();
        double[] stats = OrderStatistics.select(values, positions);
        assertThat(values).containsExactly(copy);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        for (int p = 0; p < positions.length; p++) {
            assertThat(stats[p]).isEqualTo(sorted[positions[p]]);
        }
    }

    @Property(tries = 300)
    void ranksEqualTheirDefinition(@ForAll("columns") double[] values) {
        int n = values.length;
        int[] ranks = Ranks.minRanks(values);
        for (int i = 0; i < n; i++) {
            int smaller = 0;
            for (double v : values) {
                smaller += v < values[i] ? 1 : 0;
            }
            assertThat(ranks[i]).isEqualTo(smaller);
        }
    }

    @Property(tries = 300)
    void ntileBucketsFollowTheStableRank(@ForAll("columns") double[] values,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 2, max = 9) int k) {
        // position in ascending value order, equal values (as numbers: -0.0 ties 0.0) in row order
        int n = values.length;
        byte[] bin = new byte[n];
        Binner.ntileBins(values, k, bin);
        for (int i = 0; i < n; i++) {
            int position = 0;
            for (int j = 0; j < n; j++) {
                position += values[j] < values[i] || (values[j] == values[i] && j < i) ? 1 : 0;
            }
            assertThat(bin[i]).as("row %d of %d, value %s", i, n, values[i])
                    .isEqualTo((byte) Binner.ntileBin(position, n, k));
        }
    }
}
