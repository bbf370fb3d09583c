package io.crmkit.segmentation.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.segmentation.Columns;
import io.crmkit.segmentation.CustomerColumns;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The edges of k-means and of its result: the silhouette of a sample (a subset of the customers,
 * as documented), the ranges of the arguments with their messages, the iteration limit, the
 * tolerance as a share of the features' mean variance, and restarts keeping the best inertia.
 */
class ClusteringEdgesTest {

    /** Two groups of four: recent frequent big spenders and lapsed one-timers, all distinct. */
    private static CustomerColumns eight() {
        return Columns.of(List.of(new Columns.Row(2, 20, 0, 500_000), new Columns.Row(3, 25, 0, 450_000),
                new Columns.Row(4, 18, 0, 600_000), new Columns.Row(5, 30, 0, 550_000),
                new Columns.Row(300, 1, 0, 1_000), new Columns.Row(350, 2, 0, 1_500),
                new Columns.Row(400, 1, 0, 800), new Columns.Row(500, 1, 1, 1_200)));
    }

    /** Random customers of wide spread, for restarts and tolerances that change the outcome. */
    private static CustomerColumns scattered(int n, long seed) {
        Random random = new Random(seed);
        List<Columns.Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Columns.Row(random.nextInt(2_000), 1 + random.nextInt(60), 0,
                    (long) Math.exp(random.nextDouble() * 16)));
        }
        return Columns.of(rows);
    }

    /** The scikit-learn silhouette of the customers in {@code members}, computed from its definition. */
    private static OptionalDouble silhouette(double[][] x, Clustering c, List<Integer> members) {
        if (members.stream().map(c::cluster).distinct().count() < 2) {
            return OptionalDouble.empty();
        }
        double total = 0;
        for (int i : members) {
            double[] sum = new double[c.k()];
            int[] count = new int[c.k()];
            for (int j : members) {
                if (j != i) {
                    double d2 = 0;
                    for (int d = 0; d < 3; d++) {
                        d2 += (x[i][d] - x[j][d]) * (x[i][d] - x[j][d]);
                    }
                    sum[c.cluster(j)] += Math.sqrt(d2);
                    count[c.cluster(j)]++;
                }
            }
            int own = c.cluster(i);
            if (count[own] == 0) {
                continue;
            }
            double a = sum[own] / count[own];
            double b = Double.POSITIVE_INFINITY;
            for (int other = 0; other < c.k(); other++) {
                if (other != own && count[other] > 0) {
                    b = Math.min(b, sum[other] / count[other]);
                }
            }
            total += (b - a) / Math.max(a, b);
        }
        return OptionalDouble.of(total / members.size());
    }

    @Test
    void aSampledSilhouetteIsTheSilhouetteOfSomeSubsetOfThatSize() {
        CustomerColumns customers = eight();
        Clustering c = KMeans.cluster(customers, ClusterOptions.of(2, 1));
        double[][] x = KMeansProperties.features(customers, Scaling.Z_SCORE);
        int n = customers.size();
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        double exact = silhouette(x, c, all).getAsDouble();
        assertThat(c.silhouette(n, 3).getAsDouble()).isCloseTo(exact, within(1e-9));
        assertThat(c.silhouette(20_000, 3).getAsDouble()).isCloseTo(exact, within(1e-9));
        for (int m : new int[] {3, 5, n - 1}) {
            // the silhouettes of every subset of m customers
            List<Double> candidates = new ArrayList<>();
            for (int mask = 0; mask < 1 << n; mask++) {
                if (Integer.bitCount(mask) == m) {
                    List<Integer> members = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        if ((mask & 1 << i) != 0) {
                            members.add(i);
                        }
                    }
                    silhouette(x, c, members).ifPresent(candidates::add);
                }
            }
            Set<Double> seen = new HashSet<>();
            for (long seed = 0; seed < 30; seed++) {
                OptionalDouble s = c.silhouette(m, seed);
                assertThat(c.silhouette(m, seed)).as("same seed, same sample").isEqualTo(s);
                if (s.isPresent()) {
                    double v = s.getAsDouble();
                    assertThat(candidates).as("m = %d, seed %d: %s", m, seed, v)
                            .anyMatch(w -> Math.abs(w - v) <= 1e-9);
                    seen.add(Math.rint(v * 1e9) / 1e9);
                }
            }
            // the seed chooses the sample: not always the same customers
            assertThat(seen).as("m = %d", m).hasSizeGreaterThan(1);
        }
    }

    @Test
    void theSampleSizeIsTwoToTwentyThousand() {
        Clustering c = KMeans.cluster(eight(), ClusterOptions.of(2, 1));
        assertThat(c.silhouette(2, 1)).isNotNull();
        assertThat(c.silhouette(20_000, 1)).isPresent();
        assertThatThrownBy(() -> c.silhouette(1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sampleSize must be 2 to 20000: 1");
        assertThatThrownBy(() -> c.silhouette(20_001, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sampleSize must be 2 to 20000: 20001");
    }

    @Test
    void theIterationLimitIsReportedAsNotConverged() {
        Clustering c = KMeans.cluster(eight(), new ClusterOptions(2, 1, Scaling.Z_SCORE, 1, 0, 1));
        // one pass moves the seeded centres (customers) to their clusters' means: not converged
        assertThat(c.iterations()).isEqualTo(1);
        assertThat(c.converged()).isFalse();
        assertThat(c.describe()).contains("after 1 iterations (iteration limit reached)");
        Clustering enough = KMeans.cluster(eight(), new ClusterOptions(2, 1, Scaling.Z_SCORE, 300, 0, 1));
        assertThat(enough.converged()).isTrue();
        assertThat(enough.describe()).contains("(converged)");
    }

    @Test
    void asManyClustersAsCustomersPutsEachAlone() {
        CustomerColumns three = Columns.of(List.of(new Columns.Row(1, 9, 0, 90_000), new Columns.Row(40, 3, 0, 5_000),
                new Columns.Row(900, 1, 0, 100)));
        Clustering c = KMeans.cluster(three, ClusterOptions.of(3, 5));
        assertThat(c.inertia()).isZero();
        assertThat(c.profiles()).extracting(ClusterProfile::customers).containsExactly(1L, 1L, 1L);
        // ranked by value: the recent big spender first, the lapsed one last
        assertThat(c.cluster(0)).isZero();
        assertThat(c.cluster(2)).isEqualTo(2);
        CustomerColumns two = Columns.of(List.of(new Columns.Row(1, 9, 0, 90_000), new Columns.Row(40, 3, 0, 5_000)));
        assertThatThrownBy(() -> KMeans.cluster(two, ClusterOptions.of(3, 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("k = 3 exceeds the 2 customers");
    }

    @Test
    void evaluateTakesARangeFromTwoUpAndASingleK() {
        CustomerColumns c = eight();
        List<KEvaluation> one = KMeans.evaluate(c, 3, 3, ClusterOptions.of(2, 1), 100);
        assertThat(one).extracting(KEvaluation::k).containsExactly(3);
        Clustering direct = KMeans.cluster(c, ClusterOptions.of(3, 1));
        assertThat(one.get(0).inertia()).isEqualTo(direct.inertia());
        assertThat(one.get(0).iterations()).isEqualTo(direct.iterations());
        assertThat(one.get(0).converged()).isEqualTo(direct.converged());
        assertThat(one.get(0).silhouette()).isEqualTo(direct.silhouette(100, 1));
        assertThat(KMeans.evaluate(c, 2, 2, ClusterOptions.of(5, 1), 100)).extracting(KEvaluation::k)
                .containsExactly(2);
        assertThatThrownBy(() -> KMeans.evaluate(c, 1, 3, ClusterOptions.of(2, 1), 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("need 2 <= fromK <= toK: 1, 3");
        assertThatThrownBy(() -> KMeans.evaluate(c, 4, 3, ClusterOptions.of(2, 1), 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("need 2 <= fromK <= toK: 4, 3");
    }

    /** The mean over the three features of their population variance, after scaling. */
    private static double meanVariance(double[][] x) {
        double total = 0;
        for (int j = 0; j < 3; j++) {
            double mean = 0;
            for (double[] r : x) {
                mean += r[j] / x.length;
            }
            for (double[] r : x) {
                total += (r[j] - mean) * (r[j] - mean) / x.length;
            }
        }
        return total / 3;
    }

    @Test
    void restartsKeepTheFirstBestOfTheSeedingsAndTheToleranceIsAShareOfTheMeanVariance() {
        boolean restartsMattered = false;
        Set<Integer> iterationCounts = new HashSet<>();
        for (long seed = 0; seed < 12; seed++) {
            CustomerColumns customers = scattered(60, seed);
            for (Scaling scaling : Scaling.values()) {
                double[][] rows = KMeansProperties.features(customers, scaling);
                double variance = meanVariance(rows);
                int n = rows.length;
                double[] x = new double[n * KMeans.D];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(rows[i], 0, x, i * KMeans.D, KMeans.D);
                }
                for (double tolerance : new double[] {0, 1e-3, 1e-2, 0.1}) {
                    ClusterOptions options = new ClusterOptions(4, seed, scaling, 300, tolerance, 3);
                    // the seedings one generator draws in sequence, each followed by Lloyd's iterations
                    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
                    List<KMeans.Lloyd> runs = new ArrayList<>();
                    for (int r = 0; r < 3; r++) {
                        runs.add(KMeans.Lloyd.run(x, n, 4, KMeans.seed(x, n, 4, rng), 300, tolerance * variance));
                    }
                    KMeans.Lloyd best = runs.get(0);
                    for (KMeans.Lloyd run : runs) {
                        if (run.inertia < best.inertia) {
                            best = run;
                        }
                        restartsMattered |= run.inertia != runs.get(0).inertia;
                    }
                    Clustering c = KMeans.cluster(customers, options);
                    String what = "seed " + seed + ", " + scaling + ", tolerance " + tolerance;
                    assertThat(c.inertia()).as(what).isCloseTo(best.inertia, within(1e-9 * (1 + best.inertia)));
                    assertThat(c.iterations()).as(what).isEqualTo(best.iterations);
                    assertThat(c.converged()).as(what).isEqualTo(best.converged);
                    iterationCounts.add(c.iterations());
                }
            }
        }
        assertThat(restartsMattered).as("some restart found another inertia").isTrue();
        assertThat(iterationCounts).as("the tolerances changed the iteration counts").hasSizeGreaterThan(2);
    }
}
