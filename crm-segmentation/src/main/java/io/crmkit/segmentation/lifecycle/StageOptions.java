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
}
