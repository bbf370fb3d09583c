package io.crmkit.segmentation.cluster;

import io.crmkit.core.CustomerId;
import io.crmkit.segmentation.CustomerColumns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The result of {@link KMeans#cluster}: each customer's cluster, the centroids, the inertia, and
 * the clusters named by ranking their centroids. Clusters are numbered by rank: cluster 0 has the
 * best centroid by the mean of its standardised log features (recency counted negatively), and
 * each name says its rank and whether its centroid is above (more than half a standard deviation),
 * below or near the average on each dimension, e.g. {@code "#1 recent, frequent, high spend"}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Clustering {

    private final CustomerColumns customers;
    private final ClusterOptions options;
    private final KMeans.Features features;
    private final int[] assignment;
    private final double[] centers;
    private final double inertia;
    private final int iterations;
    private final boolean converged;
    private final List<ClusterProfile> profiles;

    private Clustering(CustomerColumns customers, ClusterOptions options, KMeans.Features features, int[] assignment,
            double[] centers, double inertia, int iterations, boolean converged, List<ClusterProfile> profiles) {
        this.customers = customers;
        this.options = options;
        this.features = features;
        this.assignment = assignment;
        this.centers = centers;
        this.inertia = inertia;
        this.iterations = iterations;
        this.converged = converged;
        this.profiles = List.copyOf(profiles);
    }

    static Clustering ranked(CustomerColumns customers, KMeans.Features f, ClusterOptions options, KMeans.Lloyd run) {
        int k = options.k();
        int n = customers.size();
        double[] rawSum = new double[k * KMeans.D];
        long[] size = new long[k];
        for (int i = 0; i < n; i++) {
            int c = run.assignment[i];
            size[c]++;
            for (int j = 0; j < KMeans.D; j++) {
                rawSum[c * KMeans.D + j] += f.raw[i * KMeans.D + j];
            }
        }
        double[] rawMean = new double[k * KMeans.D];
        double[][] z = new double[k][KMeans.D];
        double[] value = new double[k];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < KMeans.D; j++) {
                rawMean[c * KMeans.D + j] = rawSum[c * KMeans.D + j] / size[c];
                double zj = f.sd[j] > 0 ? (rawMean[c * KMeans.D + j] - f.mean[j]) / f.sd[j] : 0;
                z[c][j] = j == 0 ? -zj : zj;
                value[c] += z[c][j] / KMeans.D;
            }
        }
        Integer[] order = IntStream.range(0, k).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(c -> -value[c]).thenComparingInt(c -> c));
        int[] rankOf = new int[k];
        for (int r = 0; r < k; r++) {
            rankOf[order[r]] = r;
        }
        int[] assignment = new int[n];
        for (int i = 0; i < n; i++) {
            assignment[i] = rankOf[run.assignment[i]];
        }
        double[] centers = new double[k * KMeans.D];
        List<ClusterProfile> profiles = new ArrayList<>();
        for (int r = 0; r < k; r++) {
            int c = order[r];
            System.arraycopy(run.centers, c * KMeans.D, centers, r * KMeans.D, KMeans.D);
            profiles.add(new ClusterProfile(r, name(r, z[c]), size[c], Math.expm1(rawMean[c * KMeans.D]),
                    Math.expm1(rawMean[c * KMeans.D + 1]), Math.expm1(rawMean[c * KMeans.D + 2])));
        }
        return new Clustering(customers, options, f, assignment, centers, run.inertia, run.iterations, run.converged,
                profiles);
    }

    private static String name(int rank, double[] z) {
        return "#" + (rank + 1) + " " + level(z[0], "recent", "mid recency", "lapsed") + ", "
                + level(z[1], "frequent", "mid frequency", "infrequent") + ", "
                + level(z[2], "high spend", "mid spend", "low spend");
    }

    private static String level(double z, String high, String mid, String low) {
        return z > 0.5 ? high : z < -0.5 ? low : mid;
    }

    /**
     * Returns the options used.
     *
     * @return the options, never null
     */
    public ClusterOptions options() {
        return options;
    }

    /**
     * Returns the number of customers.
     *
     * @return the count
     */
    public int size() {
        return assignment.length;
    }

    /**
     * Returns the number of clusters.
     *
     * @return k
     */
    public int k() {
        return options.k();
    }

    /**
     * Returns a customer's identifier.
     *
     * @param i the row
     * @return the identifier, never null
     */
    public CustomerId customerId(int i) {
        return customers.customerId(i);
    }

    /**
     * Returns a customer's cluster.
     *
     * @param i the row, {@code 0 <= i < size()}
     * @return the cluster, 0 (best centroid) to {@code k() - 1}
     */
    public int cluster(int i) {
        return assignment[i];
    }

    /**
     * Returns a cluster's centroid in the scaled feature space (log1p recency, frequency, revenue).
     *
     * @param cluster the cluster
     * @return a copy of the three coordinates, never null
     */
    public double[] centroid(int cluster) {
        Objects.checkIndex(cluster, k());
        return Arrays.copyOfRange(centers, cluster * KMeans.D, cluster * KMeans.D + KMeans.D);
    }

    /**
     * Returns every cluster's profile, by rank.
     *
     * @return the profiles, immutable, never null
     */
    public List<ClusterProfile> profiles() {
        return profiles;
    }

    /**
     * Returns the inertia: the sum of squared distances of the customers to their centroid in the
     * scaled feature space.
     *
     * @return the inertia, not negative
     */
    public double inertia() {
        return inertia;
    }

    /**
     * Returns the number of Lloyd iterations of the best restart.
     *
     * @return the count, at least 1
     */
    public int iterations() {
        return iterations;
    }

    /**
     * Returns whether the best restart converged before the iteration limit.
     *
     * @return true on convergence
     */
    public boolean converged() {
        return converged;
    }

    /**
     * Returns the mean silhouette of a seeded sample of customers, computed against the sample
     * (exact when {@code sampleSize >= size()}). A customer alone in its cluster within the sample
     * scores 0, as in scikit-learn.
     *
     * @param sampleSize the sample size, 2 to 20,000
     * @param seed the seed of the sample
     * @return the mean silhouette in [-1, 1], empty when the sample holds fewer than two clusters
     * @throws IllegalArgumentException if {@code sampleSize} is out of range
     */
    public OptionalDouble silhouette(int sampleSize, long seed) {
        if (sampleSize < 2 || sampleSize > 20_000) {
            throw new IllegalArgumentException("sampleSize must be 2 to 20000: " + sampleSize);
        }
        int n = size();
        int m = Math.min(n, sampleSize);
        int[] sample = sample(n, m, seed);
        double[] x = features.scaled;
        int k = k();
        int present = (int) Arrays.stream(sample).map(i -> assignment[i]).distinct().count();
        if (present < 2) {
            return OptionalDouble.empty();
        }
        double total = 0;
        double[] sum = new double[k];
        int[] count = new int[k];
        for (int s = 0; s < m; s++) {
            int i = sample[s];
            Arrays.fill(sum, 0);
            Arrays.fill(count, 0);
            for (int t = 0; t < m; t++) {
                if (t == s) {
                    continue;
                }
                int j = sample[t];
                double d2 = 0;
                for (int d = 0; d < KMeans.D; d++) {
                    double diff = x[i * KMeans.D + d] - x[j * KMeans.D + d];
                    d2 += diff * diff;
                }
                sum[assignment[j]] += Math.sqrt(d2);
                count[assignment[j]]++;
            }
            int own = assignment[i];
            if (count[own] == 0) {
                continue; // alone in its cluster within the sample: silhouette 0
            }
            double a = sum[own] / count[own];
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && count[c] > 0) {
                    b = Math.min(b, sum[c] / count[c]);
                }
            }
            double denominator = Math.max(a, b);
            total += denominator > 0 ? (b - a) / denominator : 0;
        }
        return OptionalDouble.of(total / m);
    }

    private static int[] sample(int n, int m, long seed) {
        if (m == n) {
            return IntStream.range(0, n).toArray();
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        // Floyd's algorithm: m distinct indices in O(m) memory
        java.util.Set<Integer> chosen = new java.util.LinkedHashSet<>();
        for (int j = n - m; j < n; j++) {
            int t = rng.nextInt(j + 1);
            if (!chosen.add(t)) {
                chosen.add(j);
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /**
     * Describes the clustering: options, inertia, iterations and one line per cluster.
     *
     * @return the text, never null
     */
    public String describe() {
        StringBuilder sb = new StringBuilder(options.describe()).append('\n');
        sb.append(String.format(java.util.Locale.ROOT, "inertia %.4f after %d iterations (%s)%n", inertia, iterations,
                converged ? "converged" : "iteration limit reached"));
        for (ClusterProfile p : profiles) {
            sb.append(String.format(java.util.Locale.ROOT,
                    "%s: %d customers, typical recency %.1f days, frequency %.2f, revenue %.2f%n", p.name(),
                    p.customers(), p.recencyDays(), p.frequency(), p.revenue()));
        }
        return sb.toString();
    }

    /**
     * Returns a one-line summary.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "Clustering[k=" + k() + ", customers=" + size() + ", inertia=" + inertia + "]";
    }
}
