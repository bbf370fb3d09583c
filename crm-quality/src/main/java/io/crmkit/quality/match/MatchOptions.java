package io.crmkit.quality.match;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The settings of {@link DuplicateFinder}. Build with {@link #builder()}; every value has a stated
 * default:
 *
 * <ul>
 *   <li>{@code threshold} 0.9: the least match probability of a reported duplicate;</li>
 *   <li>{@code priorProbability} 0.0001: the prior probability that a candidate pair is a match,
 *       which turns the weight into a probability ({@code p = 1 / (1 + 2^-(w + log2(prior/(1-prior))))});</li>
 *   <li>{@code maxBlockSize} 100: a blocking key shared by more records is skipped (its pairs are
 *       not compared through it) and counted in {@link BlockingStats}, so that a common name or a
 *       placeholder phone cannot make a quadratic block;</li>
 *   <li>{@code maxClusterSize} 20 and {@code clusterLinkScore} equal to the threshold unless set: the
 *       chaining guard: two groups join only if the joined cluster has at most {@code maxClusterSize}
 *       records and every pair across them scores at least {@code clusterLinkScore} and is no
 *       household, so by default every pair inside a cluster would itself be reported as a duplicate;</li>
 *   <li>{@code defaultRegion} {@code ZZ}: the region of phone numbers written without a country
 *       code; {@code ZZ} (none) leaves such numbers unread rather than guessing a country;</li>
 *   <li>{@code parallel} true: normalise and score on the common fork-join pool;</li>
 *   <li>the m and u probabilities of each {@link Agreement}, its defaults unless overridden.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class MatchOptions {

    private final double threshold;
    private final double priorProbability;
    private final int maxBlockSize;
    private final int maxClusterSize;
    private final double clusterLinkScore;
    private final boolean linkScoreFollowsThreshold;
    private final String defaultRegion;
    private final boolean parallel;
    private final Map<Agreement, double[]> mu;

    private MatchOptions(Builder b) {
        this.threshold = b.threshold;
        this.priorProbability = b.priorProbability;
        this.maxBlockSize = b.maxBlockSize;
        this.maxClusterSize = b.maxClusterSize;
        this.clusterLinkScore = b.clusterLinkScore;
        this.linkScoreFollowsThreshold = b.linkScoreFollowsThreshold;
        this.defaultRegion = b.defaultRegion;
        this.parallel = b.parallel;
        EnumMap<Agreement, double[]> m = new EnumMap<>(Agreement.class);
        b.mu.forEach((k, v) -> m.put(k, v.clone()));
        this.mu = m;
    }

    /**
     * Returns the defaults.
     *
     * @return the default options, never null
     */
    public static MatchOptions defaults() {
        return builder().build();
    }

    /**
     * Starts a builder holding the defaults.
     *
     * @return a new builder, never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding these options.
     *
     * @return a new builder, never null
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.threshold = threshold;
        b.priorProbability = priorProbability;
        b.maxBlockSize = maxBlockSize;
        b.maxClusterSize = maxClusterSize;
        b.clusterLinkScore = clusterLinkScore;
        b.linkScoreFollowsThreshold = linkScoreFollowsThreshold;
        b.defaultRegion = defaultRegion;
        b.parallel = parallel;
        mu.forEach((k, v) -> b.mu.put(k, v.clone()));
        return b;
    }

    /**
     * Returns the least match probability of a reported duplicate.
     *
     * @return the threshold, in (0, 1)
     */
    public double threshold() {
        return threshold;
    }

    /**
     * Returns the prior match probability of a candidate pair.
     *
     * @return the prior, in (0, 1)
     */
    public double priorProbability() {
        return priorProbability;
    }

    /**
     * Returns the largest block compared.
     *
     * @return the size, at least 2
     */
    public int maxBlockSize() {
        return maxBlockSize;
    }

    /**
     * Returns the largest cluster formed.
     *
     * @return the size, at least 2
     */
    public int maxClusterSize() {
        return maxClusterSize;
    }

    /**
     * Returns the least score of every pair inside a cluster: the threshold unless set with
     * {@link Builder#clusterLinkScore(double)}.
     *
     * @return the score, in [0, 1]
     */
    public double clusterLinkScore() {
        return linkScoreFollowsThreshold ? threshold : clusterLinkScore;
    }

    /**
     * Returns the region of national phone numbers.
     *
     * @return the region code, {@code ZZ} for none, never null
     */
    public String defaultRegion() {
        return defaultRegion;
    }

    /**
     * Returns whether work runs on the common fork-join pool.
     *
     * @return whether parallel
     */
    public boolean parallel() {
        return parallel;
    }

    /**
     * Returns the m probability of a level.
     *
     * @param a the level, not null
     * @return m, in (0, 1)
     */
    public double m(Agreement a) {
        return mu.get(a)[0];
    }

    /**
     * Returns the u probability of a level.
     *
     * @param a the level, not null
     * @return u, in (0, 1)
     */
    public double u(Agreement a) {
        return mu.get(a)[1];
    }

    /**
     * Returns the weight of a level, {@code log2(m / u)} bits.
     *
     * @param a the level, not null
     * @return the weight, finite
     */
    public double weight(Agreement a) {
        return Math.log(m(a) / u(a)) / Math.log(2);
    }

    /**
     * Returns the settings as one line, for definitions and logs.
     *
     * @return the description, never null
     */
    public String describe() {
        return String.format(Locale.ROOT, "threshold %.4f, prior %.6f, max block %d, max cluster %d,"
                + " cluster link score %.2f, default region %s", threshold, priorProbability, maxBlockSize,
                maxClusterSize, clusterLinkScore(), defaultRegion);
    }

    @Override
    public String toString() {
        return "MatchOptions[" + describe() + "]";
    }

    /** Builds {@link MatchOptions}. Not thread-safe. */
    public static final class Builder {
        private double threshold = 0.9;
        private double priorProbability = 0.0001;
        private int maxBlockSize = 100;
        private int maxClusterSize = 20;
        private double clusterLinkScore = 0.9;
        private boolean linkScoreFollowsThreshold = true;
        private String defaultRegion = "ZZ";
        private boolean parallel = true;
        private final EnumMap<Agreement, double[]> mu = new EnumMap<>(Agreement.class);

        private Builder() {
            for (Agreement a : Agreement.values()) {
                mu.put(a, new double[] {a.defaultM(), a.defaultU()});
            }
        }

        private static double open01(double v, String name) {
            if (!(v > 0 && v < 1)) {
                throw new IllegalArgumentException(name + " must be in (0, 1): " + v);
            }
            return v;
        }

        /**
         * Sets the least match probability of a reported duplicate.
         *
         * @param value in (0, 1)
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder threshold(double value) {
            threshold = open01(value, "threshold");
            return this;
        }

        /**
         * Sets the prior match probability of a candidate pair.
         *
         * @param value in (0, 1)
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder priorProbability(double value) {
            priorProbability = open01(value, "priorProbability");
            return this;
        }

        /**
         * Sets the largest block compared.
         *
         * @param value at least 2
         * @return this builder
         * @throws IllegalArgumentException if less than 2
         */
        public Builder maxBlockSize(int value) {
            if (value < 2) {
                throw new IllegalArgumentException("maxBlockSize must be at least 2: " + value);
            }
            maxBlockSize = value;
            return this;
        }

        /**
         * Sets the largest cluster formed.
         *
         * @param value at least 2
         * @return this builder
         * @throws IllegalArgumentException if less than 2
         */
        public Builder maxClusterSize(int value) {
            if (value < 2) {
                throw new IllegalArgumentException("maxClusterSize must be at least 2: " + value);
            }
            maxClusterSize = value;
            return this;
        }

        /**
         * Sets the least score of every pair inside a cluster; unless set, it is the threshold.
         *
         * @param value in [0, 1]
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder clusterLinkScore(double value) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("clusterLinkScore must be in [0, 1]: " + value);
            }
            clusterLinkScore = value;
            linkScoreFollowsThreshold = false;
            return this;
        }

        /**
         * Sets the region of phone numbers written without a country code.
         *
         * @param value an ISO 3166-1 alpha-2 region such as {@code US}, or {@code ZZ} for none
         * @return this builder
         * @throws IllegalArgumentException if the region has no numbering plan
         */
        public Builder defaultRegion(String value) {
            defaultRegion = new io.crmkit.quality.normalize.PhoneNormalizer(value).defaultRegion();
            return this;
        }

        /**
         * Sets whether work runs on the common fork-join pool.
         *
         * @param value whether parallel
         * @return this builder
         */
        public Builder parallel(boolean value) {
            parallel = value;
            return this;
        }

        /**
         * Overrides the m and u probabilities of a level.
         *
         * @param level the level, not null
         * @param m the probability among matches, in (0, 1)
         * @param u the probability among non-matches, in (0, 1)
         * @return this builder
         * @throws IllegalArgumentException if a probability is out of range
         */
        public Builder weight(Agreement level, double m, double u) {
            Objects.requireNonNull(level, "level");
            mu.put(level, new double[] {open01(m, "m of " + level), open01(u, "u of " + level)});
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options, never null
         */
        public MatchOptions build() {
            return new MatchOptions(this);
        }
    }
}
