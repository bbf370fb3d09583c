package io.crmkit.segmentation.lifecycle;

import io.crmkit.core.internal.Checks;

/**
 * How a customer's purchase rhythm, the typical number of days between two purchase days, is
 * estimated at an as-of date: the median of the customer's own gaps when they have at least
 * {@code minimumGaps}, otherwise the {@code populationQuantile} (R type 7) of all customers' gaps
 * on or before the as-of date, otherwise (nobody has a gap) {@code fallbackDays}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param minimumGaps the gaps a customer needs for their own median to count, at least 1
 * @param populationQuantile the quantile of the pooled gaps used otherwise, in {@code [0, 1]}
 * @param fallbackDays the rhythm when nobody has a gap, in days, finite and positive
 */
public record RhythmOptions(int minimumGaps, double populationQuantile, double fallbackDays) {

    /**
     * Validates the options.
     *
     * @throws IllegalArgumentException naming the component and its value when out of range
     */
    public RhythmOptions {
        if (minimumGaps < 1) {
            throw new IllegalArgumentException("minimumGaps must be at least 1: " + minimumGaps);
        }
        if (!(populationQuantile >= 0 && populationQuantile <= 1)) {
            throw new IllegalArgumentException("populationQuantile must be in [0, 1]: " + populationQuantile);
        }
        Checks.finite(fallbackDays, "fallbackDays");
        if (fallbackDays <= 0) {
            throw new IllegalArgumentException("fallbackDays must be positive: " + fallbackDays);
        }
    }

    /**
     * Returns the defaults: own median from 2 gaps, the population median, a 30-day fallback.
     *
     * @return the options, never null
     */
    public static RhythmOptions defaults() {
        return new RhythmOptions(2, 0.5, 30);
    }

    /**
     * Returns a one-line description.
     *
     * @return the description, never null
     */
    public String describe() {
        return "rhythm = own median gap with >= " + minimumGaps + " gaps, else population q" + populationQuantile
                + " of gaps, else " + fallbackDays + " days";
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
     * Builds {@link RhythmOptions}: one setter per setting, validated by {@link #build()}.
     *
     * <p>Not thread-safe; use one builder per thread.
     */
    public static final class Builder {
        private int minimumGaps;
        private double populationQuantile;
        private double fallbackDays;

        private Builder(RhythmOptions from) {
            this.minimumGaps = from.minimumGaps();
            this.populationQuantile = from.populationQuantile();
            this.fallbackDays = from.fallbackDays();
        }

        /**
         * Sets {@link RhythmOptions#minimumGaps()}.
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder minimumGaps(int value) {
            this.minimumGaps = value;
            return this;
        }

        /**
         * Sets {@link RhythmOptions#populationQuantile()}.
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder populationQuantile(double value) {
            this.populationQuantile = value;
            return this;
        }

        /**
         * Sets {@link RhythmOptions#fallbackDays()}.
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder fallbackDays(double value) {
            this.fallbackDays = value;
            return this;
        }

        /**
         * Returns the options.
         *
         * @return the options, never null
         * @throws IllegalArgumentException if a setting is out of range
         * @throws NullPointerException if a setting is null
         */
        public RhythmOptions build() {
            return new RhythmOptions(minimumGaps, populationQuantile, fallbackDays);
        }
    }
}
