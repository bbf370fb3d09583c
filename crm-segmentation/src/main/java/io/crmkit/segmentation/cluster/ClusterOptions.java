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

    /**
     * Returns a builder with the required settings; every other setting starts at the value {@link #of(int, long)} gives it.
     *
     * @param k see {@link #k()}
     * @param seed see {@link #seed()}
     * @return a new builder, never null
     */
    public static Builder builder(int k, long seed) {
        return new Builder(of(k, seed));
    }

    /**
     * Returns a builder holding these options, to change some of them.
     *
     * @return a new builder, never null
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Builds {@link ClusterOptions}: one setter per setting, validated by {@link #build()}.
     *
     * <p>Not thread-safe; use one builder per thread.
     */
    public static final class Builder {
        private int k;
        private long seed;
        private Scaling scaling;
        private int maxIterations;
        private double tolerance;
        private int restarts;

        private Builder(ClusterOptions from) {
            this.k = from.k();
            this.seed = from.seed();
            this.scaling = from.scaling();
            this.maxIterations = from.maxIterations();
            this.tolerance = from.tolerance();
            this.restarts = from.restarts();
        }

        /**
         * Sets {@link ClusterOptions#k()}.
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder k(int value) {
            this.k = value;
            return this;
        }

        /**
         * Sets {@link ClusterOptions#seed()}.
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * Sets {@link ClusterOptions#scaling()}.
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder scaling(Scaling value) {
            this.scaling = value;
            return this;
        }

        /**
         * Sets {@link ClusterOptions#maxIterations()}.
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder maxIterations(int value) {
            this.maxIterations = value;
            return this;
        }

        /**
         * Sets {@link ClusterOptions#tolerance()}.
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder tolerance(double value) {
            this.tolerance = value;
            return this;
        }

        /**
         * Sets {@link ClusterOptions#restarts()}.
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder restarts(int value) {
            this.restarts = value;
            return this;
        }

        /**
         * Returns the options.
         *
         * @return the options, never null
         * @throws IllegalArgumentException if a setting is out of range
         * @throws NullPointerException if a setting is null
         */
        public ClusterOptions build() {
            return new ClusterOptions(k, seed, scaling, maxIterations, tolerance, restarts);
        }
    }
}
