package io.crmkit.segmentation.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * k-means++ seeding against its definition (Arthur and Vassilvitskii): the first centre is a point
 * drawn uniformly, each next one a point drawn with probability proportional to its squared
 * distance to the nearest centre chosen so far. Checked on 20,000 seeded draws: each centre is one
 * of the points, and how often each point is drawn as the c-th centre is within five standard
 * deviations of the sum of its probabilities over the draws (deterministic: the seeds are fixed).
 */
class SeedingTest {

    private static final double[] POINTS = {0, 1, 3, 10, 11};

    @Test
    void centresAreDrawnInProportionToTheSquaredDistanceToTheNearestChosenOne() {
        int n = POINTS.length;
        int k = 3;
        double[] x = new double[n * KMeans.D];
        for (int i = 0; i < n; i++) {
            // a point off the axes, so that every coordinate takes part
            x[i * KMeans.D] = POINTS[i];
            x[i * KMeans.D + 1] = -2 * POINTS[i];
            x[i * KMeans.D + 2] = 0.5 * POINTS[i];
        }
        int draws = 20_000;
        double[][] expected = new double[k][n];
        double[][] variance = new double[k][n];
        long[][] observed = new long[k][n];
        for (int s = 0; s < draws; s++) {
            double[] centers = KMeans.seed(x, n, k, RandomSource.XO_RO_SHI_RO_128_PP.create(s));
            assertThat(centers).hasSize(k * KMeans.D);
            int[] chosen = new int[k];
            for (int c = 0; c < k; c++) {
                chosen[c] = pointAt(x, n, centers, c);
                observed[c][chosen[c]]++;
                double[] p = new double[n];
                double total = 0;
                for (int j = 0; j < n; j++) {
                    double nearest = c == 0 ? 1 : Double.POSITIVE_INFINITY;
                    for (int e = 0; e < c; e++) {
                        nearest = Math.min(nearest, dist2(x, j, chosen[e]));
                    }
                    p[j] = nearest;
                    total += nearest;
                }
                for (int j = 0; j < n; j++) {
                    expected[c][j] += p[j] / total;
                    variance[c][j] += p[j] / total * (1 - p[j] / total);
                }
            }
            assertThat(chosen[1]).isNotEqualTo(chosen[0]);
            assertThat(chosen[2]).isNotIn(chosen[0], chosen[1]);
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < n; j++) {
                assertThat((double) observed[c][j]).as("centre %d is point %d", c, j)
                        .isCloseTo(expected[c][j], org.assertj.core.data.Offset.offset(
                                5 * Math.sqrt(variance[c][j]) + 1e-9));
            }
        }
        // the first centre is uniform: each point about a fifth of the draws
        assertThat(expected[0][0]).isCloseTo(draws / 5.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    /** The index of the point a centre sits on; fails when it is not one of the points. */
    private static int pointAt(double[] x, int n, double[] centers, int c) {
        for (int i = 0; i < n; i++) {
            if (x[i * KMeans.D] == centers[c * KMeans.D] && x[i * KMeans.D + 1] == centers[c * KMeans.D + 1]
                    && x[i * KMeans.D + 2] == centers[c * KMeans.D + 2]) {
                return i;
            }
        }
        throw new AssertionError("centre " + c + " is not one of the points");
    }

    private static double dist2(double[] x, int i, int j) {
        double s = 0;
        for (int d = 0; d < KMeans.D; d++) {
            double diff = x[i * KMeans.D + d] - x[j * KMeans.D + d];
            s += diff * diff;
        }
        return s;
    }
}
