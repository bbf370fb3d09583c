package io.crmkit.metrics.clv;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How well a transaction model fitted on the calibration period predicts the holdout: per-customer
 * errors (MAE, RMSE, bias = mean of expected minus actual), totals, actual vs expected by
 * calibration frequency (0 to 6 and 7+), and cumulative and incremental repeat-transaction
 * tracking per period of the model's unit from the cohort's first purchase day.
 *
 * <p>Immutable and thread-safe.
 *
 * @param model the model name, not null
 * @param customers the number of calibration customers, positive
 * @param actualTotal the holdout transactions of all calibration customers
 * @param expectedTotal the model's expectation of that total
 * @param mae the mean absolute error per customer
 * @param rmse the root mean squared error per customer
 * @param bias the mean of expected minus actual per customer
 * @param byFrequency the comparison by calibration frequency, not null
 * @param tracking cumulative and incremental tracking per period, not null
 */
public record HoldoutScorecard(String model, int customers, double actualTotal, double expectedTotal, double mae,
        double rmse, double bias, List<FrequencyBin> byFrequency, List<TrackingPeriod> tracking) {

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if a reference component is null
     */
    public HoldoutScorecard {
        Objects.requireNonNull(model, "model");
        byFrequency = List.copyOf(Objects.requireNonNull(byFrequency, "byFrequency"));
        tracking = List.copyOf(Objects.requireNonNull(tracking, "tracking"));
    }

    /**
     * Customers with the same calibration frequency: their mean actual and expected holdout
     * transactions.
     *
     * @param label {@code "0"} to {@code "6"} or {@code "7+"}, not null
     * @param customers the number of customers in the bin, not negative
     * @param actualMean the mean actual holdout transactions (0 for an empty bin)
     * @param expectedMean the mean expected holdout transactions (0 for an empty bin)
     */
    public record FrequencyBin(String label, int customers, double actualMean, double expectedMean) {
        /**
         * Validates the label.
         *
         * @throws NullPointerException if the label is null
         */
        public FrequencyBin {
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * One tracking period.
     *
     * @param period the period number, from 1
     * @param cumulativeActual actual repeat transactions up to the end of the period
     * @param cumulativeExpected expected repeat transactions up to the end of the period
     * @param incrementalActual actual repeat transactions in the period
     * @param incrementalExpected expected repeat transactions in the period
     */
    public record TrackingPeriod(int period, double cumulativeActual, double cumulativeExpected,
            double incrementalActual, double incrementalExpected) {
    }

    /**
     * Scores a model on a split: {@link #evaluate(TransactionModel, HoldoutCounts)} of the split's
     * {@linkplain HoldoutCounts#of(CalibrationHoldout) counts}.
     *
     * @param model a model fitted on {@code split.data()}, not null
     * @param split the calibration/holdout split, not null
     * @return the scorecard, never null
     */
    public static HoldoutScorecard evaluate(TransactionModel model, CalibrationHoldout split) {
        Objects.requireNonNull(model, "model");
        return evaluate(model, HoldoutCounts.of(Objects.requireNonNull(split, "split")));
    }

    /**
     * Scores a model on the counts of a split (for example counted in a cluster): the same
     * scorecard, to the bit, as {@link #evaluate(TransactionModel, CalibrationHoldout)} on the split
     * of the same customers, since both sum over the counts' entries in their sorted order.
     *
     * @param model a model fitted on {@code counts.data()}, not null
     * @param counts the counts of a calibration/holdout split, not null
     * @return the scorecard, never null
     * @throws IllegalArgumentException if the counts have no customer
     */
    public static HoldoutScorecard evaluate(TransactionModel model, HoldoutCounts counts) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(counts, "counts");
        BtydData data = counts.data();
        // one expectation per entry (computed once per pattern)
        double[] expected = model.conditionalExpectedTransactions(data,
                Horizon.of(counts.holdoutLength(), counts.unit()));
        long n = counts.customers();
        double sumA = 0;
        double sumE = 0;
        double abs = 0;
        double sq = 0;
        long[] count = new long[8];
        double[] binA = new double[8];
        double[] binE = new double[8];
        for (int k = 0; k < counts.entryCount(); k++) {
            long c = counts.customers(k);
            int a = counts.actual(k);
            double err = expected[k] - a;
            sumA += (double) c * a;
            sumE += c * expected[k];
            abs += c * Math.abs(err);
            sq += c * err * err;
            int bin = Math.min(7, counts.x(k));
            count[bin] += c;
            binA[bin] += (double) c * a;
            binE[bin] += c * expected[k];
        }
        List<FrequencyBin> bins = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            bins.add(new FrequencyBin(k == 7 ? "7+" : String.valueOf(k), Math.toIntExact(count[k]),
                    count[k] == 0 ? 0 : binA[k] / count[k], count[k] == 0 ? 0 : binE[k] / count[k]));
        }
        double[] cumA = counts.cumulativeRepeatTransactions();
        double[] cumE = expectedCumulative(model, counts.customersByBirth(), cumA.length, counts.unit());
        List<TrackingPeriod> tracking = new ArrayList<>();
        for (int k = 0; k < cumA.length; k++) {
            tracking.add(new TrackingPeriod(k + 1, cumA[k], cumE[k], k == 0 ? cumA[0] : cumA[k] - cumA[k - 1],
                    k == 0 ? cumE[0] : cumE[k] - cumE[k - 1]));
        }
        return new HoldoutScorecard(model.name(), Math.toIntExact(n), sumA, sumE, abs / n, Math.sqrt(sq / n),
                (sumE - sumA) / n, bins, tracking);
    }

    /**
     * Returns the expected cumulative repeat transactions of a cohort at the end of each period:
     * the sum over customers born before the end of the period of {@code E[X(end - birth)]}.
     *
     * @param model the model, not null
     * @param births each customer's first purchase, as time from the cohort's first purchase
     *     day, in {@code unit}, not null
     * @param periods the number of periods, not negative
     * @param unit the unit of births and periods, not null
     * @return the cumulative expectations, never null
     */
    public static double[] expectedCumulative(TransactionModel model, double[] births, int periods,
            io.crmkit.core.history.PeriodUnit unit) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(births, "births");
        Objects.requireNonNull(unit, "unit");
        // group equal births: cohorts are acquired on a limited number of days
        java.util.TreeMap<Double, Long> groups = new java.util.TreeMap<>();
        for (double b : births) {
            groups.merge(b, 1L, Long::sum);
        }
        return expectedCumulative(model, groups, periods, unit);
    }

    /** The cumulative expectations of customers grouped by birth, in ascending order of birth. */
    private static double[] expectedCumulative(TransactionModel model, java.util.TreeMap<Double, Long> groups,
            int periods, io.crmkit.core.history.PeriodUnit unit) {
        double[] r = new double[periods];
        for (int k = 0; k < periods; k++) {
            double end = k + 1;
            double sum = 0;
            for (var g : groups.entrySet()) {
                if (g.getKey() < end) {
                    sum += g.getValue() * model.expectedTransactions(Horizon.of(end - g.getKey(), unit));
                }
            }
            r[k] = sum;
        }
        return r;
    }
}
