package io.crmkit.segmentation.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link RfmScorer#orderStatisticsForCuts} and {@link RfmScorer#cutsFromOrderStatistics}: an engine
 * that selects the named order statistics itself and bins every value with the returned thresholds
 * gets exactly the scores of {@link RfmScorer#scoreDimension} (crm-spark relies on this).
 */
class DistributedCutsProperties {

    private final BinningProperties shared = new BinningProperties();

    @Provide
    Arbitrary<double[]> values() {
        return shared.values().filter(v -> v.length > 0);
    }

    @Provide
    Arbitrary<Binning> binnings() {
        return shared.binnings().filter(b -> !b.rankBased());
    }

    @Property
    void thresholdsFromSelectedStatisticsScoreAsTheScorer(@ForAll("values") double[] values,
            @ForAll("binnings") Binning binning, @ForAll Direction direction) {
        int n = values.length;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int[] positions = RfmScorer.orderStatisticsForCuts(binning, n);
        double[] statistics = new double[positions.length];
        for (int i = 0; i < positions.length; i++) {
            statistics[i] = sorted[positions[i]];
        }
        Binning.Thresholds cuts = RfmScorer.cutsFromOrderStatistics(binning, n, statistics);
        double[] c = cuts.thresholds().stream().mapToDouble(Double::doubleValue).toArray();
        DimensionScores expected = RfmScorer.scoreDimension(Dimension.MONETARY, values, binning, direction);
        // cuts compare as numbers: an engine may select 0.0 where the scorer selected -0.0 (they
        // are the same order statistic, and bin every value alike)
        double[] e = expected.cuts().stream().mapToDouble(Cut::value).toArray();
        assertThat(c).hasSameSizeAs(e);
        for (int j = 0; j < e.length; j++) {
            assertThat(c[j] + 0.0).as("cut %s", j).isEqualTo(e[j] + 0.0);
        }
        for (int i = 0; i < n; i++) {
            int score = direction.score(cuts.side().bin(values[i], c), binning.bins());
            assertThat(score).as("value %s", values[i]).isEqualTo(expected.score(i));
        }
    }

    @Test
    void handWorkedQuintilesOfTenValues() {
        // type 7 on 1..10: index 1 + 9p, p = 0.2..0.8 -> 2.8, 4.6, 6.4, 8.2: positions 1..8 (0-based)
        Binning quintiles = Binning.quantiles(5);
        assertThat(RfmScorer.orderStatisticsForCuts(quintiles, 10)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        Binning.Thresholds t = RfmScorer.cutsFromOrderStatistics(quintiles, 10,
                new double[] {2, 3, 4, 5, 6, 7, 8, 9});
        assertThat(t.thresholds()).containsExactly(2.8, 4.6, 6.4, 8.2);
        assertThat(t.side()).isEqualTo(Side.LOWER);
        // the R rfm package adds 1 and puts a value on a cut above it
        Binning.Thresholds r = RfmScorer.cutsFromOrderStatistics(Binning.rRfm(5), 10,
                new double[] {2, 3, 4, 5, 6, 7, 8, 9});
        assertThat(r.thresholds()).containsExactly(3.8, 5.6, 7.4, 9.2);
        assertThat(r.side()).isEqualTo(Side.UPPER);
    }

    @Test
    void rankBasedBinningsAndBadStatisticsAreRefused() {
        assertThatThrownBy(() -> RfmScorer.orderStatisticsForCuts(Binning.ntile(5), 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rank-based");
        assertThatThrownBy(() -> RfmScorer.orderStatisticsForCuts(Binning.quantiles(5), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n must be at least 1: 0");
        assertThatThrownBy(() -> RfmScorer.cutsFromOrderStatistics(Binning.quantiles(5), 10, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one value per position (8): 1");
        assertThatThrownBy(() -> RfmScorer.cutsFromOrderStatistics(Binning.quantiles(2), 3,
                new double[] {Double.NaN})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("statistics[0] must be finite: NaN");
    }
}
