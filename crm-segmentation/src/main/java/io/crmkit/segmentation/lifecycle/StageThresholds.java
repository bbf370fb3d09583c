package io.crmkit.segmentation.lifecycle;

import io.crmkit.core.internal.Checks;

/**
 * When a customer becomes at risk and when churned, in days since their last purchase: either the
 * same for everybody ({@link Fixed}) or relative to each customer's own purchase rhythm
 * ({@link Relative}). A customer is at risk when the days since the last purchase exceed the
 * at-risk threshold, churned when they exceed the churned one.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface StageThresholds permits StageThresholds.Fixed, StageThresholds.Relative {

    /**
     * Returns a one-line description.
     *
     * @return the description, never null
     */
    String describe();

    /**
     * The same thresholds for every customer.
     *
     * @param atRiskAfterDays at risk beyond this many days, positive
     * @param churnedAfterDays churned beyond this many days, greater than {@code atRiskAfterDays}
     */
    record Fixed(int atRiskAfterDays, int churnedAfterDays) implements StageThresholds {

        /**
         * Validates the thresholds.
         *
         * @throws IllegalArgumentException naming the values when out of order or not positive
         */
        public Fixed {
            if (atRiskAfterDays <= 0) {
                throw new IllegalArgumentException("atRiskAfterDays must be positive: " + atRiskAfterDays);
            }
            if (churnedAfterDays <= atRiskAfterDays) {
                throw new IllegalArgumentException("churnedAfterDays (" + churnedAfterDays
                        + ") must be greater than atRiskAfterDays (" + atRiskAfterDays + ")");
            }
        }

        @Override
        public String describe() {
            return "at risk after " + atRiskAfterDays + " days, churned after " + churnedAfterDays + " days";
        }
    }

    /**
     * Thresholds as multiples of each customer's purchase rhythm.
     *
     * @param atRiskFactor at risk beyond this many rhythms, finite and positive
     * @param churnedFactor churned beyond this many rhythms, greater than {@code atRiskFactor}
     * @param rhythm how the rhythm is estimated, not null
     */
    record Relative(double atRiskFactor, double churnedFactor, RhythmOptions rhythm) implements StageThresholds {

        /**
         * Validates the thresholds.
         *
         * @throws IllegalArgumentException naming the values when out of order or not positive
         */
        public Relative {
            Checks.finite(atRiskFactor, "atRiskFactor");
            Checks.finite(churnedFactor, "churnedFactor");
            Checks.notNull(rhythm, "rhythm");
            if (atRiskFactor <= 0) {
                throw new IllegalArgumentException("atRiskFactor must be positive: " + atRiskFactor);
            }
            if (churnedFactor <= atRiskFactor) {
                throw new IllegalArgumentException("churnedFactor (" + churnedFactor
                        + ") must be greater than atRiskFactor (" + atRiskFactor + ")");
            }
        }

        @Override
        public String describe() {
            return "at risk after " + atRiskFactor + " x rhythm, churned after " + churnedFactor + " x rhythm ("
                    + rhythm.describe() + ")";
        }
    }
}
