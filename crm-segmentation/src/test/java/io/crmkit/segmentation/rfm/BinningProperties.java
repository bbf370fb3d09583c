package io.crmkit.segmentation.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.common.math.Quantiles;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of every binning method: score range, monotonicity, ties, NTILE balance, freezing. */
class BinningProperties {

    @Provide
    Arbitrary<double[]> values() {
        // few distinct values (many ties), whole numbers, or amounts with cents, any sign
        Arbitrary<Double> tied = Arbitraries.integers().between(0, 6).map(Integer::doubleValue);
        Arbitrary<Double> whole = Arbitraries.integers().between(0, 400).map(Integer::doubleValue);
        Arbitrary<Double> cents = Arbitraries.integers().between(-50_000, 200_000).map(c -> c / 100.0);
        // whole numbers too far apart to count (the selection and tally by cuts), and signed zeros
        Arbitrary<Double> wide = Arbitraries.of(-3e9, -1.0, -0.0, 0.0, 1.0, 7.0, 4e9, 9e15);
        Arbitrary<double[]> mixed = Arbitraries.oneOf(tied, whole, cents, wide).list().ofMinSize(0).ofMaxSize(120)
                .map(l -> l.stream().mapToDouble(Double::doubleValue).toArray());
        // a few values an ulp or two apart, fewer than the bins: interpolated cuts that round unevenly
        Arbitrary<double[]> ulps = Combinators.combine(Arbitraries.doubles().between(-1e4, 1e4),
                Arbitraries.integers().between(0, 3).list().ofMinSize(1).ofMaxSize(8)).as((x, steps) -> {
                    double[] a = new double[steps.size()];
                    for (int i = 0; i < a.length; i++) {
                        a[i] = x;
                        for (int s = 0; s < steps.get(i); s++) {
                            a[i] = Math.nextUp(a[i]);
                        }
                    }
                    return a;
                });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, mixed), net.jqwik.api.Tuple.of(1, ulps));
    }

    @Provide
    Arbitrary<Binning> binnings() {
        Arbitrary<Integer> bins = Arbitraries.integers().between(2, 9);
        Arbitrary<Binning> thresholds = Combinators.combine(
                Arbitraries.integers().between(-100, 400).list().ofMinSize(1).ofMaxSize(8),
                Arbitraries.of(Side.class)).as((t, side) -> Binning.thresholds(side,
                        t.stream().sorted().mapToDouble(Integer::doubleValue).toArray()));
        return Arbitraries.oneOf(
                Combinators.combine(bins, Arbitraries.of(QuantileEstimator.class)).as(Binning::quantiles),
                bins.map(Binning::rRfm), bins.map(Binning::ntile), bins.map(Binning::tiedRanks),
                bins.map(Binning::percentRanks), thresholds);
    }

    @Property
    void scoresAreWithinOneToBins(@ForAll("values") double[] values, @ForAll("binnings") Binning binning,
            @ForAll Direction direction) {
        DimensionScores s = RfmScorer.scoreDimension(Dimension.MONETARY, values, binning, direction);
        long total = 0;
        for (int i = 0; i < values.length; i++) {
            assertThat(s.score(i)).isBetween(1, binning.bins());
        }
        for (ScoreBin b : s.scoreBins()) {
            total += b.customers();
        }
        assertThat(total).isEqualTo(values.length);
        assertThat(s.scoreBins()).hasSize(binning.bins());
        if (values.length > 0 || binning instanceof Binning.Thresholds) {
            assertThat(s.cuts()).hasSize(binning.bins() - 1);
        }
    }

    @Property
    void scoreBinsAndCutsDescribeTheScoredCustomers(@ForAll("values") double[] values,
            @ForAll("binnings") Binning binning, @ForAll Direction direction) {
        DimensionScores s = RfmScorer.scoreDimension(Dimension.MONETARY, values, binning, direction);
        for (ScoreBin bin : s.scoreBins()) {
            long count = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < values.length; i++) {
                if (s.score(i) == bin.score()) {
                    count++;
                    lo = Math.min(lo, values[i]);
                    hi = Math.max(hi, values[i]);
                }
            }
            assertThat(bin.customers()).isEqualTo(count);
            assertThat(bin.lowest().isPresent()).isEqualTo(count > 0);
            if (count > 0) {
                assertThat(bin.lowest().getAsDouble()).isEqualTo(lo);
                assertThat(bin.highest().getAsDouble()).isEqualTo(hi);
            }
        }
        if (binning.rankBased()) {
            return;
        }
        // value methods: each score is where the value falls among the reported cuts
        for (int i = 0; i < values.length; i++) {
            int b = 1;
            for (Cut c : s.cuts()) {
                b += c.side() == Side.LOWER ? (values[i] > c.value() ? 1 : 0) : (values[i] >= c.value() ? 1 : 0);
            }
            assertThat(s.score(i)).isEqualTo(direction.score(b, binning.bins()));
        }
    }

    @org.junit.jupiter.api.Test
    void quantileCutsStayAscendingWhenInterpolationRoundsUnevenly() {
        // type-7 cuts of two values an ulp apart for 7 bins: interpolation alone gives
        // ..22, ..23, ..22, ..22, ..22, ..23; a cut never falls below the previous one
        double[] values = {982.3159572696322, 982.3159572696323};
        DimensionScores s = RfmScorer.scoreDimension(Dimension.MONETARY, values, Binning.quantiles(7),
                Direction.HIGHER_IS_BETTER);
        for (int j = 1; j < s.cuts().size(); j++) {
            assertThat(s.cuts().get(j).value()).isGreaterThanOrEqualTo(s.cuts().get(j - 1).value());
        }
        for (Cut c : s.cuts()) {
            assertThat(c.tiedCustomers()).isEqualTo(c.value() == values[0] || c.value() == values[1] ? 1 : 0);
        }
        DimensionScores again = RfmScorer.scoreDimension(Dimension.MONETARY, values, s.frozen(),
                Direction.HIGHER_IS_BETTER);
        assertThat(again.score(0)).isEqualTo(s.score(0));
        assertThat(again.score(1)).isEqualTo(s.score(1));
    }

    @Property
    void valueBinningIsMonotoneAndGivesTiedValuesOneScore(@ForAll("values") double[] values,
            @ForAll("binnings") Binning binning) {
        DimensionScores up = RfmScorer.scoreDimension(Dimension.FREQUENCY, values, binning,
                Direction.HIGHER_IS_BETTER);
        DimensionScores down = RfmScorer.scoreDimension(Dimension.RECENCY, values, binning,
                Direction.LOWER_IS_BETTER);
        for (int i = 0; i < values.length; i++) {
            assertThat(down.score(i)).isEqualTo(binning.bins() + 1 - up.score(i));
            for (int j = 0; j < values.length; j++) {
                if (values[i] < values[j]) {
                    assertThat(up.score(i)).isLessThanOrEqualTo(up.score(j));
                }
                if (values[i] == values[j] && !(binning instanceof Binning.Ntile)) {
                    assertThat(up.score(i)).isEqualTo(up.score(j));
                }
            }
        }
        for (Cut c : up.cuts()) {
            assertThat(c.splitsTie()).isEqualTo(c.splitsTie() && binning instanceof Binning.Ntile);
        }
    }

    @Property
    void ntileGroupSizesDifferByAtMostOne(@ForAll("values") double[] values, @ForAll @IntRange(min = 2, max = 9)
            int bins) {
        DimensionScores s = RfmScorer.scoreDimension(Dimension.MONETARY, values, Binning.ntile(bins),
                Direction.HIGHER_IS_BETTER);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (ScoreBin b : s.scoreBins()) {
            min = Math.min(min, b.customers());
            max = Math.max(max, b.customers());
        }
        assertThat(max - min).isLessThanOrEqualTo(1);
        // larger groups first, as SQL NTILE
        for (int score = 2; score <= bins; score++) {
            assertThat(s.customersWithScore(score)).isLessThanOrEqualTo(s.customersWithScore(score - 1));
        }
    }

    @Property
    void ntileBreaksTiesByRowOrder(@ForAll @Size(min = 2, max = 60) List<@IntRange(min = 0, max = 3) Integer> raw,
            @ForAll @IntRange(min = 2, max = 9) int bins) {
        double[] values = raw.stream().mapToDouble(Integer::doubleValue).toArray();
        DimensionScores s = RfmScorer.scoreDimension(Dimension.FREQUENCY, values, Binning.ntile(bins),
                Direction.HIGHER_IS_BETTER);
        for (int i = 0; i < values.length; i++) {
            for (int j = i + 1; j < values.length; j++) {
                if (values[i] == values[j]) {
                    assertThat(s.score(i)).isLessThanOrEqualTo(s.score(j));
                }
            }
        }
    }

    @Property
    void frozenThresholdsReproduceTheScores(@ForAll("values") double[] values, @ForAll("binnings") Binning binning,
            @ForAll Direction direction) {
        if (values.length == 0) {
            return;
        }
        DimensionScores s = RfmScorer.scoreDimension(Dimension.MONETARY, values, binning, direction);
        DimensionScores again = RfmScorer.scoreDimension(Dimension.MONETARY, values, s.frozen(), direction);
        boolean split = s.cuts().stream().anyMatch(Cut::splitsTie);
        for (int i = 0; i < values.length && !split; i++) {
            assertThat(again.score(i)).isEqualTo(s.score(i));
        }
        for (int j = 0; j < s.cuts().size(); j++) {
            long tied = 0;
            for (double v : values) {
                tied += v == s.cuts().get(j).value() ? 1 : 0;
            }
            assertThat(s.cuts().get(j).tiedCustomers()).isEqualTo(tied);
        }
    }

    @Property
    void typeSevenAgreesWithGuava(@ForAll("values") double[] values, @ForAll @IntRange(min = 0, max = 100) int pct) {
        if (values.length == 0) {
            return;
        }
        double ours = QuantileEstimator.TYPE_7.quantile(values, pct / 100.0);
        double guava = Quantiles.percentiles().index(pct).compute(values.clone());
        assertThat(ours).isCloseTo(guava, within(1e-9 * Math.max(1, Math.abs(guava))));
    }

    @Property
    void everyEstimatorIsMonotoneInPAndWithinTheSample(@ForAll("values") double[] values,
            @ForAll QuantileEstimator estimator) {
        if (values.length == 0) {
            return;
        }
        double min = java.util.Arrays.stream(values).min().orElseThrow();
        double max = java.util.Arrays.stream(values).max().orElseThrow();
        List<Double> q = new ArrayList<>();
        for (int pct = 0; pct <= 100; pct += 5) {
            q.add(estimator.quantile(values, pct / 100.0));
        }
        for (int j = 0; j < q.size(); j++) {
            assertThat(q.get(j)).isBetween(min, max);
            if (j > 0) {
                assertThat(q.get(j)).isGreaterThanOrEqualTo(q.get(j - 1) - 1e-9 * Math.max(1, Math.abs(max)));
            }
        }
    }
}
