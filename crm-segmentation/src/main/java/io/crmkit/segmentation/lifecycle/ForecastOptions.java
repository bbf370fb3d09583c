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
}
