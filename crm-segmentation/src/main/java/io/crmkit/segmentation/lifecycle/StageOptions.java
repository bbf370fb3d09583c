package io.crmkit.segmentation.lifecycle;

import io.crmkit.core.internal.Checks;
import java.time.LocalDate;

/**
 * The as-of date and thresholds of a lifecycle-stage assignment. Purchases on the as-of date
 * count; later ones do not exist for the assignment. Days since the last purchase are whole
 * calendar days from the last purchase day to the as-of date.
 *
 * <p>Immutable and thread-safe.
 *
 * @param asOf the last day of history, not null
 * @param thresholds the at-risk and churned thresholds, not null
 */
public record StageOptions(LocalDate asOf, StageThresholds thresholds) {

    /**
     * Validates the options.
     *
     * @throws NullPointerException if a component is null
     */
    public StageOptions {
        Checks.notNull(asOf, "asOf");
        Checks.notNull(thresholds, "thresholds");
    }

    /**
     * Returns these options at another date.
     *
     * @param date the as-of date, not null
     * @return new options, never null
     */
    public StageOptions at(LocalDate date) {
        return new StageOptions(date, thresholds);
    }

    /**
     * Returns a one-line description, printed with every result.
     *
     * @return the description, never null
     */
    public String describe() {
        return "as of " + asOf + " (end of day): " + thresholds.describe();
    }

    /**
     * Returns a builder with both settings.
     *
     * @param asOf see {@link #asOf()}
     * @param thresholds see {@link #thresholds()}
     * @return a new builder, never null
     */
    public static Builder builder(LocalDate asOf, StageThresholds thresholds) {
        return new Builder(new StageOptions(asOf, thresholds));
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
     * Builds {@link StageOptions}: one setter per setting, validated by {@link #build()}.
     *
     * <p>Not thread-safe; use one builder per thread.
     */
    public static final class Builder {
        private LocalDate asOf;
        private StageThresholds thresholds;

        private Builder(StageOptions from) {
            this.asOf = from.asOf();
            this.thresholds = from.thresholds();
        }

        /**
         * Sets {@link StageOptions#asOf()}.
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder asOf(LocalDate value) {
            this.asOf = value;
            return this;
        }

        /**
         * Sets {@link StageOptions#thresholds()}.
         *
         * @param value the new value (validated when built)
         * @return this builder
         */
        public Builder thresholds(StageThresholds value) {
            this.thresholds = value;
            return this;
        }

        /**
         * Returns the options.
         *
         * @return the options, never null
         * @throws IllegalArgumentException if a setting is out of range
         * @throws NullPointerException if a setting is null
         */
        public StageOptions build() {
            return new StageOptions(asOf, thresholds);
        }
    }
}
