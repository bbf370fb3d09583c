package io.crmkit.segmentation.lifecycle;

import io.crmkit.core.internal.Checks;
import java.time.LocalDate;

/**
 * How well the churn warning and the next-purchase forecast made at a split date did over the
 * following horizon, against plain baselines (see {@link LifecycleBacktest}). Shares are in
 * {@code [0, 1]}; a measure without its denominator (an empty list, nobody lost) is 0.
 *
 * <p>Immutable and thread-safe.
 *
 * @param split the last day of history the predictions saw, not null
 * @param horizonDays the days after the split in which a return counts, positive
 * @param eligible customers with a purchase on or before the split, not negative
 * @param lost eligible customers without a purchase in the horizon, not negative
 * @param warning the warning list's outcome, not null
 * @param recencyBaseline the same number of customers with the most days since their last purchase, not null
 * @param forecasted repeat customers with a forecast who returned in the horizon, not negative
 * @param forecastMaeDays mean absolute error in days of the expected next purchase day against the
 *     first day of return, over {@code forecasted}
 * @param baselineMaeDays the same for the last purchase day plus the customer's own mean gap
 */
public record BacktestReport(LocalDate split, int horizonDays, int eligible, int lost, ListOutcome warning,
        ListOutcome recencyBaseline, int forecasted, double forecastMaeDays, double baselineMaeDays) {

    /**
     * Validates the report.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if a number is out of range
     */
    public BacktestReport {
        Checks.notNull(split, "split");
        Checks.notNull(warning, "warning");
        Checks.notNull(recencyBaseline, "recencyBaseline");
        Checks.finite(forecastMaeDays, "forecastMaeDays");
        Checks.finite(baselineMaeDays, "baselineMaeDays");
        if (horizonDays <= 0 || eligible < 0 || lost < 0 || lost > eligible || forecasted < 0) {
            throw new IllegalArgumentException("counts out of range: horizonDays " + horizonDays + ", eligible "
                    + eligible + ", lost " + lost + ", forecasted " + forecasted);
        }
    }

    /**
     * Returns the share of eligible customers who were lost: the precision of a random list.
     *
     * @return the share
     */
    public double baseRate() {
        return eligible == 0 ? 0 : lost / (double) eligible;
    }

    /**
     * The outcome of one list of customers predicted to be lost.
     *
     * @param size customers on the list, not negative
     * @param hits listed customers who were lost, not negative, at most {@code size}
     * @param precision hits over size
     * @param recall hits over every lost customer
     * @param lift precision over the base rate
     */
    public record ListOutcome(int size, int hits, double precision, double recall, double lift) {

        /**
         * Validates the outcome.
         *
         * @throws IllegalArgumentException if a number is out of range
         */
        public ListOutcome {
            if (size < 0 || hits < 0 || hits > size) {
                throw new IllegalArgumentException("hits " + hits + " out of range for size " + size);
            }
            Checks.finite(precision, "precision");
            Checks.finite(recall, "recall");
            Checks.finite(lift, "lift");
        }

        static ListOutcome of(int size, int hits, int lost, int eligible) {
            double precision = size == 0 ? 0 : hits / (double) size;
            double base = eligible == 0 ? 0 : lost / (double) eligible;
            return new ListOutcome(size, hits, precision, lost == 0 ? 0 : hits / (double) lost,
                    base == 0 ? 0 : precision / base);
        }
    }
}
