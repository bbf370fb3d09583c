package io.crmkit.segmentation.lifecycle;

import io.crmkit.core.internal.Checks;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Backtests the churn warning and the next-purchase forecast on a history split at a date: the
 * predictions see only the purchases on or before the split; the outcome is whether (and when)
 * each customer bought again within the horizon after it.
 * <ul>
 *   <li>Warning: the list is every customer at or above the chosen level; a hit is a listed
 *       customer who did not buy within the horizon. The baseline is the same number of
 *       customers with the most days since their last purchase (ties by customer identifier).</li>
 *   <li>Forecast: over the repeat customers who bought again within the horizon, the mean absolute
 *       error in days between the expected next purchase day and the first day they bought again;
 *       the baseline predicts the last purchase day plus the customer's own mean gap.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class LifecycleBacktest {

    private LifecycleBacktest() {
    }

    /**
     * Runs the backtest.
     *
     * @param timelines the full history, through the horizon at least, not null
     * @param engagement complaints and scores, not null
     * @param warnings the warning options; their as-of date is replaced by the split, not null
     * @param listLevel the lowest level on the warning list, not {@link RiskLevel#NONE}, not null
     * @param forecast the forecast options; their as-of date is replaced by the split, not null
     * @param split the last day the predictions see, not null
     * @param horizonDays the days after the split in which a return counts, positive
     * @return the report, never null
     * @throws IllegalArgumentException if the level is none or the horizon not positive
     */
    public static BacktestReport run(PurchaseTimelines timelines, EngagementHistory engagement,
            WarningOptions warnings, RiskLevel listLevel, ForecastOptions forecast, LocalDate split,
            int horizonDays) {
        Checks.notNull(timelines, "timelines");
        Checks.notNull(warnings, "warnings");
        Checks.notNull(listLevel, "listLevel");
        Checks.notNull(forecast, "forecast");
        Checks.notNull(split, "split");
        if (listLevel == RiskLevel.NONE) {
            throw new IllegalArgumentException("listLevel must be above NONE: every customer would be listed");
        }
        if (horizonDays <= 0) {
            throw new IllegalArgumentException("horizonDays must be positive: " + horizonDays);
        }
        int splitDay = PurchaseTimelines.toEpochDay(split);
        int end = Math.addExact(splitDay, horizonDays);
        int n = timelines.size();
        int[] off = timelines.offsets;
        int[] days = timelines.days;
        int[] count = Rhythms.counts(timelines, splitDay);
        boolean[] lost = new boolean[n];
        int[] returnDay = new int[n];
        int eligible = 0;
        int lostCount = 0;
        for (int i = 0; i < n; i++) {
            if (count[i] == 0) {
                continue;
            }
            eligible++;
            int next = off[i] + count[i];
            if (next < off[i + 1] && days[next] <= end) {
                returnDay[i] = days[next];
            } else {
                lost[i] = true;
                lostCount++;
            }
        }
        ChurnRiskReport report = ChurnWarning.score(timelines, engagement, warnings.at(split));
        int listed = 0;
        int hits = 0;
        for (ChurnRisk w : report.atLeast(listLevel)) {
            listed++;
            if (lost[timelines.indexOf(w.customerId()).getAsInt()]) {
                hits++;
            }
        }
        // baseline: the same number of customers with the longest time since their last purchase
        long[] keyed = new long[eligible];
        int e = 0;
        for (int i = 0; i < n; i++) {
            if (count[i] > 0) {
                int since = splitDay - days[off[i] + count[i] - 1];
                keyed[e++] = ((long) (Integer.MAX_VALUE - since) << 32) | i;
            }
        }
        Arrays.sort(keyed);
        int baselineHits = 0;
        for (int k = 0; k < listed; k++) {
            if (lost[(int) keyed[k]]) {
                baselineHits++;
            }
        }
        NextPurchaseReport forecasts = NextPurchase.forecast(timelines, forecast.at(split));
        int forecasted = 0;
        double error = 0;
        double baselineError = 0;
        for (PurchaseForecast f : forecasts.forecasts()) {
            int i = timelines.indexOf(f.customerId()).getAsInt();
            if (lost[i]) {
                continue;
            }
            forecasted++;
            error += Math.abs(returnDay[i] - f.expectedDate().toEpochDay());
            int first = days[off[i]];
            int last = days[off[i] + count[i] - 1];
            double meanGap = (last - first) / (double) (count[i] - 1);
            baselineError += Math.abs(returnDay[i] - (last + Math.round(meanGap)));
        }
        return new BacktestReport(split, horizonDays, eligible, lostCount,
                BacktestReport.ListOutcome.of(listed, hits, lostCount, eligible),
                BacktestReport.ListOutcome.of(listed, baselineHits, lostCount, eligible), forecasted,
                forecasted == 0 ? 0 : error / forecasted, forecasted == 0 ? 0 : baselineError / forecasted);
    }
}
