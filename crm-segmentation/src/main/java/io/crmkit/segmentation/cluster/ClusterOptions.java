package io.crmkit.segmentation.cluster;

import io.crmkit.core.internal.Checks;

/**
 * The explicit choices of a k-means++ clustering: the number of clusters, the random seed, the
 * scaling of the features, the iteration limit and tolerance, and the number of restarts (the
 * best inertia wins).
 *
 * <p>Immutable and thread-safe.
 *
 * @param k the number of clusters, 2 to 100
 * @param seed the seed of the random choices (k-means++ seeding, silhouette samples)
 * @param scaling the feature scaling, not null
 * @param maxIterations the most Lloyd iterations per restart, at least 1
 * @param tolerance convergence when the squared centroid shift is at most this share of the
 *     features' mean variance, not negative
 * @param restarts how many seedings to try, at least 1
 */
public record ClusterOptions(int k, long seed, Scaling scaling, int maxIterations, double tolerance, int restarts) {

    /**
     * Validates the options.
     *
     * @throws IllegalArgumentException if a number is out of range
     * @throws NullPointerException if {@code scaling} is null
     */
    public ClusterOptions {
        if (k < 2 || k > 100) {
            throw new IllegalArgumentException("k must be 2 to 100: " + k);
        }
        Checks.notNull(scaling, "scaling");
        if (maxIterations < 1 || restarts < 1 || !(tolerance >= 0 && Double.isFinite(tolerance))) {
            throw new IllegalArgumentException("maxIterations and restarts must be at least 1 and tolerance finite"
                    + " and not negative: " + maxIterations + ", " + restarts + ", " + tolerance);
        }
    }

    /**
     * Returns options with z-score scaling, at most 300 iterations, tolerance 1e-6 and one restart
     * (as scikit-learn's defaults for k-means++).
     *
     * @param k the number of clusters, 2 to 100
     * @param seed the seed
     * @return the options, never null
     */
    public static ClusterOptions of(int k, long seed) {
        return new ClusterOptions(k, seed, Scaling.Z_SCORE, 300, 1e-6, 1);
    }

    /**
     * Returns these options with another number of clusters.
     *
     * @param value the number of clusters
     * @return the options, never null
     */
    public ClusterOptions withK(int value) {
        return new ClusterOptions(value, seed, scaling, maxIterations, tolerance, restarts);
    }

    /**
     * Describes the options on one line.
     *
     * @return the text, never null
     */
    public String describe() {
        return "k-means++ on log1p(recency days), log1p(frequency), log1p(max(0, revenue)); k = " + k + ", seed = "
                + seed + ", scaling = " + scaling + ", max iterations = " + maxIterations + ", tolerance = "
                + tolerance + ", restarts = " + restarts;
    }
}
