package io.crmkit.metrics.clv;

/**
 * Settings of a maximum-likelihood fit. Parameters are optimised on the log scale (so they stay
 * positive) by BFGS with analytic gradients where the model has them, falling back to Nelder-Mead
 * when BFGS fails from a start.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxStarts how many deterministic starting points to try at most, at least 1
 * @param confirmations stop once this many starts reach the same optimum, between 1 and
 *     {@code maxStarts}
 * @param l2Penalty the coefficient {@code lambda} of the penalty {@code lambda * sum(theta_i^2)}
 *     subtracted from the log-likelihood (as in the {@code lifetimes} library's
 *     {@code penalizer_coef}), on the natural parameters; 0 for plain maximum likelihood
 * @param gradientTolerance convergence when every component of the gradient of the mean
 *     log-likelihood per customer with respect to the log parameters is below this, positive
 * @param maxIterations the iteration budget per start, at least 1
 * @param boundaryTolerance for the BTYD models with drop-out (BG/NBD, MBG/NBD, Pareto/NBD): the
 *     fit ends at the {@linkplain FitStatus#BOUNDARY boundary} when its log-likelihood exceeds the
 *     nested {@linkplain NbdModel NBD}'s (no drop-out) by at most this many log-likelihood units
 *     (in total over customers), that is when drop-out is not visible in the data; not negative
 */
public record FitOptions(int maxStarts, int confirmations, double l2Penalty, double gradientTolerance,
        int maxIterations, double boundaryTolerance) {

    /**
     * The default {@link #boundaryTolerance()}: {@value} log-likelihood units, half the 95 %
     * quantile of chi-squared with one degree of freedom, so that drop-out counts as visible when a
     * likelihood-ratio test against the NBD rejects "no drop-out" at the 5 % level (conservative,
     * since the null lies on the edge of the parameter space).
     */
    public static final double DEFAULT_BOUNDARY_TOLERANCE = 1.92;

    /**
     * Validates the options.
     *
     * @throws IllegalArgumentException if a value is out of range
     */
    public FitOptions {
        if (maxStarts < 1) {
            throw new IllegalArgumentException("maxStarts must be at least 1: " + maxStarts);
        }
        if (confirmations < 1 || confirmations > maxStarts) {
            throw new IllegalArgumentException("confirmations must be between 1 and maxStarts (" + maxStarts + "): "
                    + confirmations);
        }
        if (!(l2Penalty >= 0) || Double.isInfinite(l2Penalty)) {
            throw new IllegalArgumentException("l2Penalty must be finite and not negative: " + l2Penalty);
        }
        if (!(gradientTolerance > 0) || Double.isInfinite(gradientTolerance)) {
            throw new IllegalArgumentException("gradientTolerance must be positive and finite: " + gradientTolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1: " + maxIterations);
        }
        if (!(boundaryTolerance >= 0) || Double.isInfinite(boundaryTolerance)) {
            throw new IllegalArgumentException("boundaryTolerance must be finite and not negative: "
                    + boundaryTolerance);
        }
    }

    /**
     * Creates options with the {@linkplain #DEFAULT_BOUNDARY_TOLERANCE default boundary tolerance}.
     *
     * @param maxStarts see the record
     * @param confirmations see the record
     * @param l2Penalty see the record
     * @param gradientTolerance see the record
     * @param maxIterations see the record
     */
    public FitOptions(int maxStarts, int confirmations, double l2Penalty, double gradientTolerance,
            int maxIterations) {
        this(maxStarts, confirmations, l2Penalty, gradientTolerance, maxIterations, DEFAULT_BOUNDARY_TOLERANCE);
    }

    /**
     * Returns the defaults: up to 3 starts, stop when 2 agree, no penalty, gradient tolerance
     * 1e-8, 1,000 iterations, boundary tolerance 1.92 log-likelihood units.
     *
     * @return the defaults, never null
     */
    public static FitOptions defaults() {
        return new FitOptions(3, 2, 0, 1e-8, 1000);
    }

    /**
     * Returns a copy with another L2 penalty.
     *
     * @param lambda the penalty coefficient, not negative
     * @return the new options, never null
     */
    public FitOptions withL2Penalty(double lambda) {
        return new FitOptions(maxStarts, confirmations, lambda, gradientTolerance, maxIterations, boundaryTolerance);
    }

    /**
     * Returns a copy with another boundary tolerance.
     *
     * @param tolerance log-likelihood units, not negative
     * @return the new options, never null
     */
    public FitOptions withBoundaryTolerance(double tolerance) {
        return new FitOptions(maxStarts, confirmations, l2Penalty, gradientTolerance, maxIterations, tolerance);
    }

    /**
     * Returns a copy with another number of starts; confirmations are capped at it.
     *
     * @param starts the maximum number of starts, at least 1
     * @param confirm how many agreeing starts end the search, between 1 and {@code starts}
     * @return the new options, never null
     */
    public FitOptions withStarts(int starts, int confirm) {
        return new FitOptions(starts, confirm, l2Penalty, gradientTolerance, maxIterations, boundaryTolerance);
    }

    /**
     * Describes the settings in words, for reports and logs.
     *
     * @return one line, never null
     */
    public String describe() {
        return "maximum likelihood (BFGS on log parameters, Nelder-Mead fallback): up to " + maxStarts
                + " starts, stop when " + confirmations + " agree; L2 penalty " + l2Penalty + "; gradient tolerance "
                + gradientTolerance + "; " + maxIterations + " iterations per start; boundary when within "
                + boundaryTolerance + " log-likelihood units of the NBD without drop-out";
    }

    /**
     * Returns a builder; every setting starts at its {@linkplain #defaults() default}.
     *
     * @return a new builder, never null
     */
    public static Builder builder() {
        return new Builder(defaults());
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
     * Builds {@link FitOptions}: one setter per setting, validated by {@link #build()}.
     *
     * <p>Not thread-safe; use one builder per thread.
     */
    public static final class Builder {
        private int maxStarts;
        private int confirmations;
        private double l2Penalty;
        private double gradientTolerance;
        private int maxIterations;
        private double boundaryTolerance;

        private Builder(FitOptions from) {
            this.maxStarts = from.maxStarts();
            this.confirmations = from.confirmations();
            this.l2Penalty = from.l2Penalty();
            this.gradientTolerance = from.gradientTolerance();
            this.maxIterations = from.maxIterations();
            this.boundaryTolerance = from.boundaryTolerance();
        }

        /**
         * Sets {@link FitOptions#maxStarts()}.
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder maxStarts(int value) {
            this.maxStarts = value;
            return this;
        }

        /**
         * Sets {@link FitOptions#confirmations()}.
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder confirmations(int value) {
            this.confirmations = value;
            return this;
        }

        /**
         * Sets {@link FitOptions#l2Penalty()}.
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder l2Penalty(double value) {
            this.l2Penalty = value;
            return this;
        }

        /**
         * Sets {@link FitOptions#gradientTolerance()}.
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder gradientTolerance(double value) {
            this.gradientTolerance = value;
            return this;
        }

        /**
         * Sets {@link FitOptions#maxIterations()}.
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder maxIterations(int value) {
            this.maxIterations = value;
            return this;
        }

        /**
         * Sets {@link FitOptions#boundaryTolerance()}.
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder boundaryTolerance(double value) {
            this.boundaryTolerance = value;
            return this;
        }

        /**
         * Returns the options.
         *
         * @return the options, never null
         * @throws IllegalArgumentException if a setting is out of range
         * @throws NullPointerException if a setting is null
         */
        public FitOptions build() {
            return new FitOptions(maxStarts, confirmations, l2Penalty, gradientTolerance, maxIterations, boundaryTolerance);
        }
    }
}
