package io.crmkit.segmentation.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.segmentation.Columns;
import io.crmkit.segmentation.CustomerColumns;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * k-means against its definition, with the features computed here from the documented scaling
 * (log1p of recency, frequency and positive revenue; then z-scores with the population standard
 * deviation, min-max, or none; a constant feature scales to 0): every customer is in a cluster
 * with a nearest centroid, the inertia is the sum of squared distances to the own centroid, and a
 * run that converged with tolerance 0 has every centroid at the mean of its customers.
 */
class KMeansProperties {

    @Provide
    Arbitrary<List<Columns.Row>> rows() {
        return Columns.rows().list().ofMinSize(5).ofMaxSize(40);
    }

    static double[][] features(CustomerColumns c, Scaling scaling) {
        int n = c.size();
        double[][] raw = new double[n][];
        for (int i = 0; i < n; i++) {
            raw[i] = new double[] {Math.log1p(c.recencyDays(i)), Math.log1p(c.frequency(i)),
                Math.log1p(Math.max(0, c.revenue(i)))};
        }
        double[][] out = new double[n][3];
        for (int j = 0; j < 3; j++) {
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] r : raw) {
                sum += r[j];
                min = Math.min(min, r[j]);
                max = Math.max(max, r[j]);
            }
            double mean = sum / n;
            double ss = 0;
            for (double[] r : raw) {
                ss += (r[j] - mean) * (r[j] - mean);
            }
            double sd = Math.sqrt(ss / n);
            for (int i = 0; i < n; i++) {
                out[i][j] = switch (scaling) {
                    case Z_SCORE -> sd > 1e-12 ? (raw[i][j] - mean) / sd : 0;
                    case MIN_MAX -> max > min ? (raw[i][j] - min) / (max - min) : 0;
                    case NONE -> raw[i][j];
                };
            }
        }
        return out;
    }

    private static double dist2(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < 3; j++) {
            s += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return s;
    }

    @Property(tries = 150)
    void customersSitWithANearestCentroidAtTheirMean(@ForAll("rows") List<Columns.Row> rows,
            @ForAll @IntRange(min = 2, max = 4) int k, @ForAll Scaling scaling, @ForAll long seed) {
        CustomerColumns c = Columns.of(rows);
        Clustering result = KMeans.cluster(c, new ClusterOptions(k, seed, scaling, 300, 0, 1));
        double[][] x = features(c, scaling);
        int n = c.size();
        assertThat(result.size()).isEqualTo(n);
        assertThat(result.k()).isEqualTo(k);
        assertThat(result.options().scaling()).isEqualTo(scaling);
        double inertia = 0;
        double[][] sum = new double[k][3];
        int[] count = new int[k];
        for (int i = 0; i < n; i++) {
            assertThat(result.customerId(i)).isEqualTo(c.customerId(i));
            int own = result.cluster(i);
            double d = dist2(x[i], result.centroid(own));
            for (int other = 0; other < k; other++) {
                assertThat(d).as("customer %d, cluster %d vs %d", i, own, other)
                        .isLessThanOrEqualTo(dist2(x[i], result.centroid(other)) + 1e-9);
            }
            inertia += d;
            count[own]++;
            for (int j = 0; j < 3; j++) {
                sum[own][j] += x[i][j];
            }
        }
        assertThat(result.inertia()).isCloseTo(inertia, within(1e-9 * (1 + inertia)));
        assertThat(result.iterations()).isBetween(1, 300);
        if (result.converged()) {
            for (int r = 0; r < k; r++) {
                if (count[r] > 0) {
                    for (int j = 0; j < 3; j++) {
                        assertThat(result.centroid(r)[j]).as("cluster %d, feature %d", r, j)
                                .isCloseTo(sum[r][j] / count[r], within(1e-9));
                    }
                }
            }
        }
        // profiles: the members' mean of log1p per feature, back through expm1; named by its z-score
        double[][] raw = features(c, Scaling.NONE);
        double[] mean = new double[3];
        double[] sd = new double[3];
        for (int j = 0; j < 3; j++) {
            for (double[] r : raw) {
                mean[j] += r[j] / n;
            }
            for (double[] r : raw) {
                sd[j] += (r[j] - mean[j]) * (r[j] - mean[j]) / n;
            }
            sd[j] = Math.sqrt(sd[j]);
        }
        int total = 0;
        for (ClusterProfile p : result.profiles()) {
            int r = p.cluster();
            total += p.customers();
            assertThat(p.customers()).isEqualTo(count[r]);
            if (count[r] == 0) {
                continue;
            }
            double[] rawMean = new double[3];
            for (int i = 0; i < n; i++) {
                if (result.cluster(i) == r) {
                    for (int j = 0; j < 3; j++) {
                        rawMean[j] += raw[i][j] / count[r];
                    }
                }
            }
            assertThat(p.recencyDays()).isCloseTo(Math.expm1(rawMean[0]), within(1e-9 * (1 + p.recencyDays())));
            assertThat(p.frequency()).isCloseTo(Math.expm1(rawMean[1]), within(1e-9 * (1 + p.frequency())));
            assertThat(p.revenue()).isCloseTo(Math.expm1(rawMean[2]), within(1e-9 * (1 + p.revenue())));
            double[] z = new double[3];
            for (int j = 0; j < 3; j++) {
                z[j] = sd[j] > 1e-12 ? (rawMean[j] - mean[j]) / sd[j] : 0;
            }
            z[0] = -z[0];
            boolean clear = true;
            for (double v : z) {
                clear &= Math.abs(Math.abs(v) - 0.5) > 1e-9;
            }
            if (clear) {
                assertThat(p.name()).isEqualTo("#" + (r + 1) + " " + level(z[0], "recent", "mid recency", "lapsed")
                        + ", " + level(z[1], "frequent", "mid frequency", "infrequent") + ", "
                        + level(z[2], "high spend", "mid spend", "low spend"));
            }
        }
        assertThat(total).isEqualTo(n);
    }

    private static String level(double z, String high, String mid, String low) {
        return z > 0.5 ? high : z < -0.5 ? low : mid;
    }

    @Property(tries = 50)
    void aConstantFeatureDoesNotSeparateCustomers(@ForAll @IntRange(min = 4, max = 30) int n,
            @ForAll Scaling scaling) {
        // every customer the same except revenue: the clusters follow revenue alone
        List<Columns.Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Columns.Row(10, 2, 0, i < n / 2 ? 1_000 : 900_000));
        }
        CustomerColumns c = Columns.of(rows);
        Clustering result = KMeans.cluster(c, new ClusterOptions(2, 1, scaling, 100, 0, 1));
        for (int i = 0; i < n; i++) {
            assertThat(result.cluster(i)).isEqualTo(i < n / 2 ? 1 : 0);
        }
        assertThat(result.inertia()).isCloseTo(0, within(1e-9));
        assertThat(result.converged()).isTrue();
    }
}
