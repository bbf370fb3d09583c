package io.crmkit.segmentation.cluster;

import io.crmkit.core.internal.Checks;
import io.crmkit.segmentation.CustomerColumns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * k-means++ clustering of customers on standardised log-RFM features: {@code log1p} of the
 * recency in days, of the number of purchases and of the revenue (floored at zero), scaled as the
 * {@link ClusterOptions} say. Seeding is Arthur and Vassilvitskii's k-means++ (D² sampling), then
 * Lloyd iterations; an emptied cluster takes the point farthest from its centroid. Clusters are
 * renumbered by rank: 0 is the most valuable ({@link Clustering}).
 *
 * <p>The random choices come from a seeded {@code XO_RO_SHI_RO_128_PP} generator (Apache Commons
 * RNG), so a result is reproducible on every JVM. Time O(n k d) per iteration, memory O(n).
 * Stateless and thread-safe.
 */
public final class KMeans {

    static final int D = 3;

    private KMeans() {
    }

    /**
     * Clusters the customers.
     *
     * @param customers the customers, with at least {@code k} distinct feature points, not null
     * @param options the choices, not null
     * @return the clustering, never null
     * @throws IllegalArgumentException if there are fewer distinct customers (feature points) than
     *     clusters
     */
    public static Clustering cluster(CustomerColumns customers, ClusterOptions options) {
        Checks.notNull(customers, "customers");
        Checks.notNull(options, "options");
        Features features = Features.of(customers, options.scaling());
        return fit(customers, features, options);
    }

    /**
     * Clusters the customers for every {@code k} of a range and reports inertia and silhouette, to
     * choose {@code k}. The silhouette is computed on a seeded sample of {@code silhouetteSample}
     * customers (exact when there are no more customers than that).
     *
     * @param customers the customers, not null
     * @param fromK the smallest k, at least 2
     * @param toK the largest k, at least {@code fromK}
     * @param options the other choices (their k is ignored), not null
     * @param silhouetteSample the sample size, 2 to 20,000
     * @return one evaluation per k, ascending, never null
     * @throws IllegalArgumentException if the range or sample size is invalid, or a k exceeds the
     *     distinct customers
     */
    public static List<KEvaluation> evaluate(CustomerColumns customers, int fromK, int toK, ClusterOptions options,
            int silhouetteSample) {
        Checks.notNull(customers, "customers");
        Checks.notNull(options, "options");
        if (fromK < 2 || toK < fromK) {
            throw new IllegalArgumentException("need 2 <= fromK <= toK: " + fromK + ", " + toK);
        }
        Features features = Features.of(customers, options.scaling());
        List<KEvaluation> out = new ArrayList<>();
        for (int k = fromK; k <= toK; k++) {
            Clustering c = fit(customers, features, options.withK(k));
            out.add(new KEvaluation(k, c.inertia(), c.silhouette(silhouetteSample, options.seed()), c.iterations(),
                    c.converged()));
        }
        return List.copyOf(out);
    }

    private static Clustering fit(CustomerColumns customers, Features features, ClusterOptions options) {
        int n = customers.size();
        int k = options.k();
        if (n < k) {
            throw new IllegalArgumentException("k = " + k + " exceeds the " + n + " customers");
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(options.seed());
        double[] x = features.scaled;
        double threshold = options.tolerance() * features.meanVariance;
        Lloyd best = null;
        for (int restart = 0; restart < options.restarts(); restart++) {
            double[] centers = seed(x, n, k, rng);
            Lloyd run = Lloyd.run(x, n, k, centers, options.maxIterations(), threshold);
            if (best == null || run.inertia < best.inertia) {
                best = run;
            }
        }
        return Clustering.ranked(customers, features, options, best);
    }

    /** k-means++ seeding: the first centre uniformly, each next one with probability D(x)^2. */
    static double[] seed(double[] x, int n, int k, UniformRandomProvider rng) {
        double[] centers = new double[k * D];
        int first = rng.nextInt(n);
        System.arraycopy(x, first * D, centers, 0, D);
        double[] d2 = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            d2[i] = dist2(x, i, centers, 0);
            total += d2[i];
        }
        for (int c = 1; c < k; c++) {
            if (!(total > 0)) {
                throw new IllegalArgumentException("k = " + k + " exceeds the " + c
                        + " distinct feature points of the customers");
            }
            double target = rng.nextDouble() * total;
            int chosen = -1;
            double acc = 0;
            for (int i = 0; i < n; i++) {
                acc += d2[i];
                if (d2[i] > 0) {
                    chosen = i;
                    if (acc > target) {
                        break;
                    }
                }
            }
            System.arraycopy(x, chosen * D, centers, c * D, D);
            total = 0;
            for (int i = 0; i < n; i++) {
                double d = dist2(x, i, centers, c);
                if (d < d2[i]) {
                    d2[i] = d;
                }
                total += d2[i];
            }
        }
        return centers;
    }

    static double dist2(double[] x, int i, double[] centers, int c) {
        double a = x[i * D] - centers[c * D];
        double b = x[i * D + 1] - centers[c * D + 1];
        double e = x[i * D + 2] - centers[c * D + 2];
        return a * a + b * b + e * e;
    }

    /** The feature matrix (row-major, 3 columns) with the statistics used to scale and to name. */
    static final class Features {
        final double[] raw;
        final double[] scaled;
        final double[] mean = new double[D];
        final double[] sd = new double[D];
        final double meanVariance;

        private Features(double[] raw, double[] scaled, double meanVariance) {
            this.raw = raw;
            this.scaled = scaled;
            this.meanVariance = meanVariance;
        }

        static Features of(CustomerColumns customers, Scaling scaling) {
            int n = customers.size();
            double[] raw = new double[n * D];
            for (int i = 0; i < n; i++) {
                raw[i * D] = Math.log1p(customers.recencyDays(i));
                raw[i * D + 1] = Math.log1p(customers.frequency(i));
                raw[i * D + 2] = Math.log1p(Math.max(0, customers.revenue(i)));
            }
            double[] mean = new double[D];
            double[] m2 = new double[D];
            double[] min = new double[D];
            double[] max = new double[D];
            Arrays.fill(min, Double.POSITIVE_INFINITY);
            Arrays.fill(max, Double.NEGATIVE_INFINITY);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < D; j++) {
                    // Welford: stable mean and variance in one pass
                    double v = raw[i * D + j];
                    double delta = v - mean[j];
                    mean[j] += delta / (i + 1);
                    m2[j] += delta * (v - mean[j]);
                    min[j] = Math.min(min[j], v);
                    max[j] = Math.max(max[j], v);
                }
            }
            double[] sd = new double[D];
            for (int j = 0; j < D; j++) {
                sd[j] = n == 0 ? 0 : Math.sqrt(m2[j] / n);
            }
            double[] scaled = raw.clone();
            double[] shift = new double[D];
            double[] factor = {1, 1, 1};
            for (int j = 0; j < D; j++) {
                if (scaling == Scaling.Z_SCORE) {
                    shift[j] = mean[j];
                    factor[j] = sd[j] > 0 ? 1 / sd[j] : 0;
                } else if (scaling == Scaling.MIN_MAX) {
                    shift[j] = min[j];
                    factor[j] = max[j] > min[j] ? 1 / (max[j] - min[j]) : 0;
                }
            }
            double variance = 0;
            for (int j = 0; j < D; j++) {
                variance += sd[j] * sd[j] * factor[j] * factor[j];
            }
            if (scaling == Scaling.NONE) {
                variance = 0;
                for (int j = 0; j < D; j++) {
                    variance += sd[j] * sd[j];
                }
            } else {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < D; j++) {
                        scaled[i * D + j] = (raw[i * D + j] - shift[j]) * factor[j];
                    }
                }
            }
            Features f = new Features(raw, scaled, variance / D);
            System.arraycopy(mean, 0, f.mean, 0, D);
            System.arraycopy(sd, 0, f.sd, 0, D);
            return f;
        }
    }

    /** One run of Lloyd's algorithm from given centres. */
    static final class Lloyd {
        final int[] assignment;
        final double[] centers;
        final double inertia;
        final int iterations;
        final boolean converged;

        private Lloyd(int[] assignment, double[] centers, double inertia, int iterations, boolean converged) {
            this.assignment = assignment;
            this.centers = centers;
            this.inertia = inertia;
            this.iterations = iterations;
            this.converged = converged;
        }

        static Lloyd run(double[] x, int n, int k, double[] centers, int maxIterations, double threshold) {
            int[] assignment = new int[n];
            Arrays.fill(assignment, -1);
            double[] sums = new double[k * D];
            long[] counts = new long[k];
            int iteration = 0;
            boolean converged = false;
            while (iteration < maxIterations) {
                iteration++;
                boolean changed = assign(x, n, k, centers, assignment);
                Arrays.fill(sums, 0);
                Arrays.fill(counts, 0);
                for (int i = 0; i < n; i++) {
                    int c = assignment[i];
                    counts[c]++;
                    sums[c * D] += x[i * D];
                    sums[c * D + 1] += x[i * D + 1];
                    sums[c * D + 2] += x[i * D + 2];
                }
                fillEmpty(x, n, k, centers, assignment, sums, counts);
                double shift = 0;
                for (int c = 0; c < k; c++) {
                    for (int j = 0; j < D; j++) {
                        double v = sums[c * D + j] / counts[c];
                        double d = v - centers[c * D + j];
                        shift += d * d;
                        centers[c * D + j] = v;
                    }
                }
                if (!changed || shift <= threshold) {
                    converged = true;
                    break;
                }
            }
            assign(x, n, k, centers, assignment);
            double inertia = 0;
            for (int i = 0; i < n; i++) {
                inertia += dist2(x, i, centers, assignment[i]);
            }
            return new Lloyd(assignment, centers, inertia, iteration, converged);
        }

        private static boolean assign(double[] x, int n, int k, double[] centers, int[] assignment) {
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                int best = 0;
                double bestD = dist2(x, i, centers, 0);
                for (int c = 1; c < k; c++) {
                    double d = dist2(x, i, centers, c);
                    if (d < bestD) {
                        bestD = d;
                        best = c;
                    }
                }
                if (assignment[i] != best) {
                    assignment[i] = best;
                    changed = true;
                }
            }
            return changed;
        }

        /** Moves the point farthest from its centroid into each empty cluster. */
        private static void fillEmpty(double[] x, int n, int k, double[] centers, int[] assignment, double[] sums,
                long[] counts) {
            for (int c = 0; c < k; c++) {
                if (counts[c] > 0) {
                    continue;
                }
                int far = -1;
                double farD = -1;
                for (int i = 0; i < n; i++) {
                    if (counts[assignment[i]] > 1) {
                        double d = dist2(x, i, centers, assignment[i]);
                        if (d > farD) {
                            farD = d;
                            far = i;
                        }
                    }
                }
                int from = assignment[far];
                counts[from]--;
                for (int j = 0; j < D; j++) {
                    sums[from * D + j] -= x[far * D + j];
                    sums[c * D + j] = x[far * D + j];
                }
                counts[c] = 1;
                assignment[far] = c;
            }
        }
    }
}
