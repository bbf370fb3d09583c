package io.crmkit.segmentation.rfm;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.CustomerId;
import io.crmkit.segmentation.CustomerColumns;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * From {@link RfmScorer#PARALLEL_MIN_CUSTOMERS} customers the three dimensions are scored side by
 * side: every score, cut and warning must be the one each dimension gets when scored alone.
 */
class ParallelScoringTest {

    private static CustomerColumns customers(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<CustomerId> ids = new ArrayList<>(n);
        double[] recency = new double[n];
        int[] frequency = new int[n];
        int[] orders = new int[n];
        long[] revenue = new long[n];
        for (int i = 0; i < n; i++) {
            ids.add(CustomerId.of(String.format("c%07d", i)));
            recency[i] = random.nextInt(730);
            frequency[i] = 1 + (int) Math.floor(-Math.log(1 - random.nextDouble()) * 4);
            orders[i] = frequency[i];
            revenue[i] = random.nextLong(100, 200_000);
        }
        return CustomerColumns.of(Currency.getInstance("USD"), ids, recency, frequency, orders, revenue, "generated");
    }

    @Test
    void sideBySideScoresAreEachDimensionScoredAlone() {
        int n = RfmScorer.PARALLEL_MIN_CUSTOMERS + 4_321;
        CustomerColumns c = customers(n, 11);
        for (RfmOptions options : List.of(RfmOptions.defaults(), RfmOptions.builder().binning(Binning.ntile(5))
                .build(), RfmOptions.builder().binning(Binning.tiedRanks(4)).build())) {
            RfmResult result = RfmScorer.score(c, options);
            double[] frequency = new double[n];
            double[] monetary = new double[n];
            for (int i = 0; i < n; i++) {
                frequency[i] = c.frequency(i);
                monetary[i] = c.revenue(i);
            }
            DimensionScores r = RfmScorer.scoreDimension(Dimension.RECENCY, c.recencyDaysColumn(), options.recency(),
                    options.recencyDirection());
            DimensionScores f = RfmScorer.scoreDimension(Dimension.FREQUENCY, frequency, options.frequency(),
                    options.frequencyDirection());
            DimensionScores m = RfmScorer.scoreDimension(Dimension.MONETARY, monetary, options.monetary(),
                    options.monetaryDirection());
            for (int i = 0; i < n; i++) {
                assertThat(result.r(i)).isEqualTo(r.score(i));
                assertThat(result.f(i)).isEqualTo(f.score(i));
                assertThat(result.m(i)).isEqualTo(m.score(i));
            }
            assertThat(result.dimension(Dimension.RECENCY).cuts()).isEqualTo(r.cuts());
            assertThat(result.dimension(Dimension.FREQUENCY).cuts()).isEqualTo(f.cuts());
            assertThat(result.dimension(Dimension.MONETARY).cuts()).isEqualTo(m.cuts());
            assertThat(result.describe()).isEqualTo(RfmScorer.score(c, options).describe());
        }
    }
}
