package io.crmkit.segmentation.lifecycle;

import io.crmkit.core.internal.Checks;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The outcome of {@link ChurnBacktest}: per split, the scorecards of the churn probability and
 * its baselines, overall and among the recently active, and the decile calibration tables.
 *
 * <p>Immutable and thread-safe.
 *
 * @param horizonDays the horizon in days, positive
 * @param activeDays the days that define "active", positive
 * @param topShare the share of customers in the top-k lists, in (0, 1]
 * @param splits one result per split, in the order given, not null
 */
public record ChurnBacktestReport(int horizonDays, int activeDays, double topShare, List<Split> splits) {

    /**
     * Validates the report.
     *
     * @throws NullPointerException if the splits are null
     */
    public ChurnBacktestReport {
        splits = List.copyOf(Checks.notNull(splits, "splits"));
    }

    /**
     * One split's result.
     *
     * @param split the as-of date the predictions saw, not null
     * @param model the fitted model's description, not null
     * @param overall the scorecards over every customer who had bought, probability first, not null
     * @param active the scorecards over the customers active in the last {@code activeDays}, not null
     * @param calibration the churn probability's deciles over every customer, not null
     * @param activeCalibration the churn probability's deciles over the active customers, not null
     * @param modelCalibration the model-only probability's deciles over every customer, not null
     */
    public record Split(LocalDate split, String model, List<Scorecard> overall, List<Scorecard> active,
            List<Decile> calibration, List<Decile> activeCalibration, List<Decile> modelCalibration) {

        /**
         * Validates the split.
         *
         * @throws NullPointerException if a component is null
         */
        public Split {
            Checks.notNull(split, "split");
            Checks.notNull(model, "model");
            overall = List.copyOf(Checks.notNull(overall, "overall"));
            active = List.copyOf(Checks.notNull(active, "active"));
            calibration = List.copyOf(Checks.notNull(calibration, "calibration"));
            activeCalibration = List.copyOf(Checks.notNull(activeCalibration, "activeCalibration"));
            modelCalibration = List.copyOf(Checks.notNull(modelCalibration, "modelCalibration"));
        }

        /**
         * Returns the named overall scorecard.
         *
         * @param ranking the ranking's name, such as {@link ChurnBacktest#PROBABILITY}, not null
         * @return the scorecard, empty if unknown
         */
        public Optional<Scorecard> overall(String ranking) {
            return overall.stream().filter(s -> s.ranking().equals(ranking)).findFirst();
        }

        /**
         * Returns the named scorecard among the active customers.
         *
         * @param ranking the ranking's name, not null
         * @return the scorecard, empty if unknown
         */
        public Optional<Scorecard> active(String ranking) {
            return active.stream().filter(s -> s.ranking().equals(ranking)).findFirst();
        }

        /**
         * Returns the largest {@code |mean predicted - observed|} over the churn probability's
         * overall deciles.
         *
         * @return the gap in [0, 1]
         */
        public double worstDecileGap() {
            return calibration.stream().mapToDouble(d -> Math.abs(d.meanPredicted() - d.observed())).max().orElse(0);
        }
    }

    /**
     * One ranking's figures over one population.
     *
     * @param ranking the ranking's name, not null
     * @param customers customers in the population, not negative
     * @param churned of them without a purchase in the horizon, not negative
     * @param auc the area under the ROC curve, in [0, 1]
     * @param brier the Brier score of a probability, empty for a score that is not one
     * @param k the length of the top list
     * @param precisionAtK churned share of the top list
     * @param recallAtK share of the churned on the top list
     */
    public record Scorecard(String ranking, int customers, int churned, double auc, OptionalDouble brier, int k,
            double precisionAtK, double recallAtK) {

        /**
         * Validates the scorecard.
         *
         * @throws IllegalArgumentException if a figure is out of range
         */
        public Scorecard {
            Checks.notNull(ranking, "ranking");
            Checks.notNull(brier, "brier");
            if (customers < 0 || churned < 0 || churned > customers || k < 0 || k > customers) {
                throw new IllegalArgumentException("counts out of range: customers " + customers + ", churned "
                        + churned + ", k " + k);
            }
            Checks.finite(auc, "auc");
            Checks.finite(precisionAtK, "precisionAtK");
            Checks.finite(recallAtK, "recallAtK");
        }
    }

    /**
     * One calibration group.
     *
     * @param decile 1 (lowest predictions) to 10
     * @param customers customers in the group
     * @param meanPredicted their mean predicted probability
     * @param observed their observed churn share
     */
    public record Decile(int decile, int customers, double meanPredicted, double observed) {

        /**
         * Validates the group.
         *
         * @throws IllegalArgumentException if a figure is out of range
         */
        public Decile {
            if (decile < 1 || decile > 10 || customers < 0) {
                throw new IllegalArgumentException("decile " + decile + " or customers " + customers + " out of range");
            }
            Checks.finite(meanPredicted, "meanPredicted");
            Checks.finite(observed, "observed");
        }
    }
}
