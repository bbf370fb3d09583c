package io.crmkit.segmentation.lifecycle;

import io.crmkit.core.internal.Checks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.InverseErfc;

/**
 * Forecasts each repeat customer's next purchase day from their own rhythm, shrunk towards the
 * population's when they have few gaps: the rice seller who knows when each household's rice runs
 * out.
 *
 * <p>Model: the log of each gap (in days) between a customer's purchase days is normal with the
 * customer's own mean and a common within-customer variance {@code s2}; customer means are normal
 * around the population mean {@code mu} with variance {@code t2} (a normal-normal hierarchy whose
 * three parameters are estimated by moments from every repeat customer's gaps on or before the
 * as-of date). A customer with {@code n} gaps of mean log {@code m} gets the posterior mean
 * {@code w m + (1 - w) mu}, {@code w = n t2 / (n t2 + s2)}, and the predictive log-normal gap
 * (log variance {@code s2 + w s2 / n}). Since the customer has not bought again by the as-of
 * date, the gap is conditioned on exceeding the days already elapsed: the expected day is the
 * conditional median, the interval the conditional central {@code intervalLevel} range, so no
 * expected day lies on or before the as-of date. When no customer has two gaps, within and between variation cannot be
 * told apart: {@code s2} is then the total variance and {@code t2} zero (full pooling).
 *
 * <p>Stateless and thread-safe.
 */
public final class NextPurchase {

    private NextPurchase() {
    }

    /** Largest gap a forecast states, in days (about 27,000 years), so that dates stay valid. */
    private static final double MAX_GAP = 1e7;

    /** P(G > days) for a log-normal gap with the log-scale centre and deviation. */
    static double survival(double days, double centre, double sd) {
        if (days <= 0) {
            return 1;
        }
        if (sd == 0) {
            return Math.log(days) < centre ? 1 : 0;
        }
        return 0.5 * Erfc.value((Math.log(days) - centre) / (sd * Math.sqrt(2)));
    }

    /** The p-quantile of G given G > elapsed, from the survival at elapsed; capped at {@link #MAX_GAP}. */
    static double conditionalQuantile(double p, double survivalElapsed, double centre, double sd, int elapsed) {
        double target = (1 - p) * survivalElapsed;
        if (sd == 0 || !(target > 0)) {
            // a point mass, or a gap already far beyond the distribution's tail: the next day
            return Math.min(MAX_GAP, Math.max(Math.exp(centre), elapsed + 1.0));
        }
        double z = Math.sqrt(2) * InverseErfc.value(2 * target);
        return Math.min(MAX_GAP, Math.exp(centre + sd * z));
    }

    /**
     * Forecasts every repeat customer's next purchase.
     *
     * @param timelines the customers' purchase days, not null
     * @param options the as-of date and interval level, not null
     * @return the forecasts, never null (empty when nobody has two purchase days)
     */
    public static NextPurchaseReport forecast(PurchaseTimelines timelines, ForecastOptions options) {
        Checks.notNull(timelines, "timelines");
        Checks.notNull(options, "options");
        int asOf = PurchaseTimelines.toEpochDay(options.asOf());
        int n = timelines.size();
        int[] count = Rhythms.counts(timelines, asOf);
        int[] off = timelines.offsets;
        int[] days = timelines.days;
        // per-customer mean log gap and within sum of squares, one log per gap
        double[] mean = new double[n];
        double[] logs = new double[16];
        double sumLog = 0;
        long gapsAll = 0;
        double withinSquares = 0;
        long withinDegrees = 0;
        int customers = 0;
        for (int i = 0; i < n; i++) {
            int gaps = count[i] - 1;
            if (gaps < 1) {
                continue;
            }
            if (logs.length < gaps) {
                logs = new double[Math.max(gaps, 2 * logs.length)];
            }
            int from = off[i];
            double s = 0;
            for (int j = 0; j < gaps; j++) {
                logs[j] = Math.log(days[from + j + 1] - days[from + j]);
                s += logs[j];
            }
            double m = s / gaps;
            mean[i] = m;
            for (int j = 0; j < gaps; j++) {
                double d = logs[j] - m;
                withinSquares += d * d;
            }
            withinDegrees += gaps - 1;
            sumLog += s;
            gapsAll += gaps;
            customers++;
        }
        int[] forecastOfRow = new int[n];
        Arrays.fill(forecastOfRow, -1);
        if (customers == 0) {
            return new NextPurchaseReport(timelines, options, List.of(), forecastOfRow, 0, 0, 0);
        }
        double mu = sumLog / gapsAll;
        // squares around the population mean: within squares plus each customer's n (m - mu)^2
        double sumSquaresAll = withinSquares;
        for (int i = 0; i < n; i++) {
            int gaps = count[i] - 1;
            if (gaps >= 1) {
                double d = mean[i] - mu;
                sumSquaresAll += gaps * d * d;
            }
        }
        double s2;
        double t2;
        if (withinDegrees == 0) {
            s2 = sumSquaresAll / gapsAll;
            t2 = 0;
        } else {
            s2 = withinSquares / withinDegrees;
            // moments of the customer means: Var(m) = t2 + E[s2 / n]
            double meanOfMeans = 0;
            double expectedNoise = 0;
            for (int i = 0; i < n; i++) {
                int gaps = count[i] - 1;
                if (gaps >= 1) {
                    meanOfMeans += mean[i];
                    expectedNoise += s2 / gaps;
                }
            }
            meanOfMeans /= customers;
            expectedNoise /= customers;
            double variance = 0;
            for (int i = 0; i < n; i++) {
                if (count[i] >= 2) {
                    double d = mean[i] - meanOfMeans;
                    variance += d * d;
                }
            }
            variance = customers > 1 ? variance / (customers - 1) : 0;
            t2 = Math.max(0, variance - expectedNoise);
        }
        double tail = (1 - options.intervalLevel()) / 2;
        List<PurchaseForecast> forecasts = new ArrayList<>(customers);
        for (int i = 0; i < n; i++) {
            int gaps = count[i] - 1;
            if (gaps < 1) {
                continue;
            }
            double denominator = gaps * t2 + s2;
            double w = denominator == 0 ? 1 : gaps * t2 / denominator;
            double centre = w * mean[i] + (1 - w) * mu;
            double sd = Math.sqrt(s2 + w * s2 / gaps);
            int last = days[off[i] + gaps];
            int elapsed = asOf - last;
            // the next gap is longer than the days already elapsed: quantiles of the predictive
            // log-normal conditional on G > elapsed, computed on the survival scale
            double survivalElapsed = survival(elapsed, centre, sd);
            double median = conditionalQuantile(0.5, survivalElapsed, centre, sd, elapsed);
            long expected = Math.max(elapsed + 1L, Math.max(1, Math.round(median)));
            // interval ends rounded outwards, ignoring floating-point noise below a nanoday
            long low = Math.min(expected, Math.max(elapsed + 1L, Math.max(1,
                    (long) Math.floor(conditionalQuantile(tail, survivalElapsed, centre, sd, elapsed) + 1e-9))));
            long high = Math.max(expected, (long) Math.ceil(
                    conditionalQuantile(1 - tail, survivalElapsed, centre, sd, elapsed) - 1e-9));
            forecastOfRow[i] = forecasts.size();
            forecasts.add(new PurchaseForecast(timelines.customerId(i), LocalDate.ofEpochDay(last), gaps, w,
                    Math.max(1, median), LocalDate.ofEpochDay(last + expected), LocalDate.ofEpochDay(last + low),
                    LocalDate.ofEpochDay(last + high)));
        }
        return new NextPurchaseReport(timelines, options, forecasts, forecastOfRow, mu, s2, t2);
    }
}
