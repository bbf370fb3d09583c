package io.crmkit.segmentation.lifecycle;

import io.crmkit.core.CustomerId;
import io.crmkit.core.internal.Checks;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Next-purchase forecasts of every repeat customer (two purchase days or more on or before the
 * as-of date), in row order, with the population's gap distribution they were shrunk towards.
 *
 * <p>Immutable and thread-safe.
 */
public final class NextPurchaseReport {

    private final PurchaseTimelines timelines;
    private final ForecastOptions options;
    private final List<PurchaseForecast> forecasts;
    private final int[] forecastOfRow;
    private final double logMean;
    private final double withinVariance;
    private final double betweenVariance;

    NextPurchaseReport(PurchaseTimelines timelines, ForecastOptions options, List<PurchaseForecast> forecasts,
            int[] forecastOfRow, double logMean, double withinVariance, double betweenVariance) {
        this.timelines = timelines;
        this.options = options;
        this.forecasts = List.copyOf(forecasts);
        this.forecastOfRow = forecastOfRow;
        this.logMean = logMean;
        this.withinVariance = withinVariance;
        this.betweenVariance = betweenVariance;
    }

    /**
     * Returns the options of the forecast.
     *
     * @return the options, never null
     */
    public ForecastOptions options() {
        return options;
    }

    /**
     * Returns every forecast, in row order (ascending customer identifier).
     *
     * @return the forecasts, never null
     */
    public List<PurchaseForecast> forecasts() {
        return forecasts;
    }

    /**
     * Returns a customer's forecast.
     *
     * @param id the customer, not null
     * @return the forecast, empty if the customer is unknown or not a repeat customer
     */
    public Optional<PurchaseForecast> forecastOf(CustomerId id) {
        OptionalInt i = timelines.indexOf(id);
        if (i.isEmpty() || forecastOfRow[i.getAsInt()] < 0) {
            return Optional.empty();
        }
        return Optional.of(forecasts.get(forecastOfRow[i.getAsInt()]));
    }

    /**
     * Returns the customers expected to buy within a window of days, both ends included, without
     * any consent check (see {@link DueList} for the list to contact), ordered by expected day, then
     * customer identifier.
     *
     * @param from the first day, not null
     * @param to the last day, not before {@code from}, not null
     * @return the forecasts, never null
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    public List<PurchaseForecast> expectedBetween(LocalDate from, LocalDate to) {
        Checks.notNull(from, "from");
        Checks.notNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " must not be before from " + from);
        }
        return forecasts.stream().filter(f -> !f.expectedDate().isBefore(from) && !f.expectedDate().isAfter(to))
                .sorted(java.util.Comparator.comparing(PurchaseForecast::expectedDate)).toList();
    }

    /**
     * Returns the population mean of the natural log of gaps in days.
     *
     * @return the mean, finite
     */
    public double logMean() {
        return logMean;
    }

    /**
     * Returns the within-customer variance of log gaps.
     *
     * @return the variance, finite and not negative
     */
    public double withinVariance() {
        return withinVariance;
    }

    /**
     * Returns the between-customer variance of mean log gaps.
     *
     * @return the variance, finite and not negative
     */
    public double betweenVariance() {
        return betweenVariance;
    }

    /**
     * Returns the definitions: what a purchase is and how the forecast is made.
     *
     * @return the description, never null
     */
    public String definitions() {
        return timelines.options().describe() + "; " + options.describe();
    }

    @Override
    public String toString() {
        return "NextPurchaseReport[" + forecasts.size() + " forecasts, as of " + options.asOf() + "]";
    }
}
