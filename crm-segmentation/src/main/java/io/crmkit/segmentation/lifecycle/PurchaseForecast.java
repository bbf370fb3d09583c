package io.crmkit.segmentation.lifecycle;

import io.crmkit.core.CustomerId;
import io.crmkit.core.internal.Checks;
import java.time.LocalDate;

/**
 * One repeat customer's next-purchase forecast: the gap to the next purchase day, as the median of
 * its predictive distribution, added to the last purchase day, with an interval.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the customer, not null
 * @param lastPurchase the last purchase day on or before the as-of date, not null
 * @param gaps the customer's gaps between purchase days, at least 1
 * @param ownWeight the weight of the customer's own gaps against the population's, in [0, 1]
 * @param expectedGapDays the predicted gap in days: the predictive median given no purchase by the as-of date, finite, at least 1
 * @param expectedDate the expected next purchase day, after the last one, not null
 * @param earliest the interval's first day, not after the expected day, not null
 * @param latest the interval's last day, not before the expected day, not null
 */
public record PurchaseForecast(CustomerId customerId, LocalDate lastPurchase, int gaps, double ownWeight,
        double expectedGapDays, LocalDate expectedDate, LocalDate earliest, LocalDate latest) {

    /**
     * Validates the forecast.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if a value is out of range or the days out of order
     */
    public PurchaseForecast {
        Checks.notNull(customerId, "customerId");
        Checks.notNull(lastPurchase, "lastPurchase");
        Checks.notNull(expectedDate, "expectedDate");
        Checks.notNull(earliest, "earliest");
        Checks.notNull(latest, "latest");
        Checks.finite(expectedGapDays, "expectedGapDays");
        if (gaps < 1) {
            throw new IllegalArgumentException("gaps must be at least 1: " + gaps);
        }
        if (!(ownWeight >= 0 && ownWeight <= 1)) {
            throw new IllegalArgumentException("ownWeight must be in [0, 1]: " + ownWeight);
        }
        if (expectedGapDays < 1) {
            throw new IllegalArgumentException("expectedGapDays must be at least 1: " + expectedGapDays);
        }
        if (!expectedDate.isAfter(lastPurchase) || earliest.isAfter(expectedDate) || latest.isBefore(expectedDate)) {
            throw new IllegalArgumentException("days out of order: last " + lastPurchase + ", earliest " + earliest
                    + ", expected " + expectedDate + ", latest " + latest);
        }
    }
}
