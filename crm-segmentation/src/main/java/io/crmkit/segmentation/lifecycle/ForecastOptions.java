package io.crmkit.segmentation.lifecycle;

import io.crmkit.core.internal.Checks;
import java.time.LocalDate;

/**
 * The as-of date and the interval level of a next-purchase forecast.
 *
 * <p>Immutable and thread-safe.
 *
 * @param asOf the last day of history, not null
 * @param intervalLevel the probability that the next gap falls in the interval, in (0, 1)
 */
public record ForecastOptions(LocalDate asOf, double intervalLevel) {

    /**
     * Validates the options.
     *
     * @throws NullPointerException if the date is null
     * @throws IllegalArgumentException if the level is outside (0, 1)
     */
    public ForecastOptions {
        Checks.notNull(asOf, "asOf");
        if (!(intervalLevel > 0 && intervalLevel < 1)) {
            throw new IllegalArgumentException("intervalLevel must be in (0, 1): " + intervalLevel);
        }
    }

    /**
     * Returns these options at another date.
     *
     * @param date the as-of date, not null
     * @return new options, never null
     */
    public ForecastOptions at(LocalDate date) {
        return new ForecastOptions(date, intervalLevel);
    }

    /**
     * Returns a one-line description, printed with every result.
     *
     * @return the description, never null
     */
    public String describe() {
        return "next purchase as of " + asOf + " (end of day): log-normal gaps, own mean shrunk to the population"
                + " (empirical Bayes), median date with a " + Math.round(intervalLevel * 1000) / 10.0 + "% interval";
    }

    /**
     * Returns a builder with the required settings; every other setting starts at its default (interval level 0.8).
     *
     * @param asOf see {@link #asOf()}
     * @return a new builder, never null
     */
    public static Builder builder(LocalDate asOf) {
        return new Builder(new ForecastOptions(asOf, 0.8));
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
     * Builds {@link ForecastOptions}: one setter per setting, validated by {@link #build()}.
     *
     * <p>Not thread-safe; use one builder per thread.
     */
    public static final class Builder {
        private LocalDate asOf;
        private double intervalLevel;

        private Builder(ForecastOptions from) {
            this.asOf = from.asOf();
            this.intervalLevel = from.intervalLevel();
        }

        /**
         * Sets {@link ForecastOptions#asOf()}.
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder asOf(LocalDate value) {
            this.asOf = value;
            return this;
        }

        /**
         * Sets {@link ForecastOptions#intervalLevel()}.
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder intervalLevel(double value) {
            this.intervalLevel = value;
            return this;
        }

        /**
         * Returns the options.
         *
         * @return the options, never null
         * @throws IllegalArgumentException if a setting is out of range
         * @throws NullPointerException if a setting is null
         */
        public ForecastOptions build() {
            return new ForecastOptions(asOf, intervalLevel);
        }
    }
}
