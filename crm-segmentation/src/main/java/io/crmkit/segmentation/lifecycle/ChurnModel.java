package io.crmkit.segmentation.lifecycle;

import io.crmkit.core.internal.Checks;
import io.crmkit.metrics.clv.Estimate;
import io.crmkit.metrics.clv.TransactionModel;
import io.crmkit.metrics.internal.LogisticRegression;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A fitted churn probability (see {@link ChurnProbability#fit}): the transaction model, the features kept with their coefficients (per standard deviation of
 * the training column), the features removed and why, and the training figures. Scores
 * customers at its as-of date with {@link #score}.
 *
 * <p>The probability is {@code sigma(b0 + sum_j beta_j (f_j - mean_j) / sd_j)}; the base
 * {@code sigma(b0)} is the probability of a customer at every kept feature's training mean.
 *
 * <p>Immutable and thread-safe.
 */
public final class ChurnModel {

    private final ChurnModelOptions options;
    private final ChurnModelOptions.Fitted scoringModel;
    private final List<ChurnFeature> kept;
    private final Map<ChurnFeature, String> removed;
    final double intercept;
    final double[] coefficient;
    final double[] mean;
    final double[] sd;
    /** Each feature's smallest and largest value among the training customers. */
    final double[] low;
    final double[] high;
    private final int trainingCustomers;
    private final int trainingChurned;
    private final int iterations;

    ChurnModel(ChurnModelOptions options, ChurnModelOptions.Fitted scoringModel, List<ChurnFeature> kept, Map<ChurnFeature, String> removed,
            double intercept, double[] coefficient, double[] mean, double[] sd, double[] low, double[] high,
            int trainingCustomers, int trainingChurned, int iterations) {
        this.options = options;
        this.scoringModel = scoringModel;
        this.kept = List.copyOf(kept);
        this.removed = Collections.unmodifiableMap(new EnumMap<>(removed.isEmpty()
                ? new EnumMap<ChurnFeature, String>(ChurnFeature.class) : removed));
        this.intercept = intercept;
        this.coefficient = coefficient;
        this.mean = mean;
        this.sd = sd;
        this.low = low;
        this.high = high;
        this.trainingCustomers = trainingCustomers;
        this.trainingChurned = trainingChurned;
        this.iterations = iterations;
    }

    /**
     * Returns the settings.
     *
     * @return the options, never null
     */
    public ChurnModelOptions options() {
        return options;
    }

    /**
     * Returns the transaction model, fitted on the history up to the as-of date; its
     * probabilities are the model feature at the training date and at the as-of date. So the
     * training features' model probability uses parameters fitted on data that include the
     * training label window (the horizon after the training date): a deliberate look-ahead in the
     * four population parameters only (each customer's own history is cut at the training date).
     * Reason: fitted at the training date instead, the model feature means something else in
     * training than in scoring, and on young bases the fit is unstable (CDNOW 13 weeks after
     * acquisition: {@code s = 6.8e6}); measured in ADR 0041, the worst decile gap got worse
     * (CDNOW 0.16 instead of 0.12 at worst, simulations 0.054 instead of 0.046).
     *
     * @return the model, never null
     */
    public TransactionModel transactionModel() {
        return scoringModel.model();
    }

    /**
     * Returns the features kept, in {@link ChurnFeature} order.
     *
     * @return the features, never null
     */
    public List<ChurnFeature> features() {
        return kept;
    }

    /**
     * Returns each removed feature with the reason.
     *
     * @return the removed features, never null
     */
    public Map<ChurnFeature, String> removed() {
        return removed;
    }

    /**
     * Returns a kept feature's coefficient per training standard deviation.
     *
     * @param feature the feature, not null
     * @return the coefficient, 0 for a feature not kept
     */
    public double coefficient(ChurnFeature feature) {
        return coefficient[Checks.notNull(feature, "feature").ordinal()];
    }

    /**
     * Returns the range of a kept feature's values among the training customers: the fitted
     * relation was seen only there, so a customer scored outside it is scored by extrapolation
     * (see {@link ChurnScores#outsideTrainingRange()}).
     *
     * @param feature the feature, not null
     * @return the smallest and largest training value, empty for a feature not kept
     */
    public Optional<Range> trainingRange(ChurnFeature feature) {
        int j = Checks.notNull(feature, "feature").ordinal();
        return kept.contains(feature) ? Optional.of(new Range(low[j], high[j])) : Optional.empty();
    }

    /**
     * The smallest and largest value of a feature among the training customers.
     *
     * @param low the smallest value
     * @param high the largest value, not below {@code low}
     */
    public record Range(double low, double high) {

        /**
         * Validates the bounds.
         *
         * @throws IllegalArgumentException if {@code high < low} or a bound is NaN
         */
        public Range {
            if (!(low <= high)) {
                throw new IllegalArgumentException("range low " + low + " must not be above high " + high);
            }
        }

        /**
         * Tells whether a value lies outside the range.
         *
         * @param value the value
         * @return true when below {@code low} or above {@code high}
         */
        public boolean outside(double value) {
            return value < low || value > high;
        }
    }

    /**
     * Returns the base probability: that of a customer at every kept feature's training mean.
     *
     * @return the probability in (0, 1)
     */
    public double base() {
        return LogisticRegression.sigmoid(intercept);
    }

    /**
     * Returns the number of customers the regression was trained on.
     *
     * @return the count
     */
    public int trainingCustomers() {
        return trainingCustomers;
    }

    /**
     * Returns the share of training customers who churned.
     *
     * @return the share in [0, 1]
     */
    public double trainingChurnRate() {
        return trainingChurned / (double) trainingCustomers;
    }

    /**
     * Scores every customer who bought on or before the as-of date. The transaction model's
     * probabilities are evaluated once per distinct history; the distinct histories, and the
     * customers' features and scores, are computed in parallel on the common fork-join pool from
     * 50,000 of them on (the scores do not depend on it).
     *
     * @param timelines the purchase history (later days are ignored), not null
     * @param engagement complaints and scores, not null
     * @return the scores, never null
     */
    public ChurnScores score(PurchaseTimelines timelines, EngagementHistory engagement) {
        Checks.notNull(timelines, "timelines");
        Checks.notNull(engagement, "engagement");
        engagement.checkZone(timelines);
        int day = PurchaseTimelines.toEpochDay(options.asOf());
        ChurnFeatures f = ChurnFeatures.of(timelines, engagement, day, options, scoringModel.model());
        int m = f.size();
        double[] p = new double[m];
        ChurnFeatures.forEachRange(m, (lo, hi) -> {
            for (int k = lo; k < hi; k++) {
                p[k] = LogisticRegression.sigmoid(logit(f, k));
            }
        });
        return new ChurnScores(this, timelines, f, p);
    }

    double term(ChurnFeatures f, ChurnFeature c, int k) {
        int j = c.ordinal();
        return coefficient[j] == 0 ? 0 : coefficient[j] * (f.value[j][k] - mean[j]) / sd[j];
    }

    double logit(ChurnFeatures f, int k) {
        double eta = intercept;
        for (ChurnFeature c : kept) {
            eta += term(f, c, k);
        }
        return eta;
    }

    /**
     * Returns a one-line description: the settings, the fitted models and coefficients, the
     * removed features and the training figures.
     *
     * @return the description, never null
     */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(options.describe());
        parts.add("trained on " + trainingCustomers + " customers, " + String.format(Locale.ROOT, "%.4f",
                trainingChurnRate()) + " churned, regression converged in " + iterations + " Newton iterations");
        parts.add("transaction model " + model(scoringModel) + ", fitted on the history to the as-of date and used"
                + " at both dates: the training features' model probability uses parameters fitted on data that"
                + " include the training label window (chosen because a fit at the training date was unstable and"
                + " worse calibrated; see ADR 0041)");
        List<String> c = new ArrayList<>();
        c.add(String.format(Locale.ROOT, "intercept %.4f (base %.4f)", intercept, base()));
        for (ChurnFeature k : kept) {
            c.add(String.format(Locale.ROOT, "%s %.4f per sd %.4g", k.label(), coefficient[k.ordinal()],
                    sd[k.ordinal()]));
        }
        parts.add("coefficients: " + String.join(", ", c));
        if (!removed.isEmpty()) {
            List<String> r = new ArrayList<>();
            removed.forEach((k, why) -> r.add(k.label() + " (" + why + ")"));
            parts.add("removed: " + String.join(", ", r));
        }
        return String.join("; ", parts);
    }

    private static String model(ChurnModelOptions.Fitted fitted) {
        StringBuilder sb = new StringBuilder(fitted.model().name()).append('(');
        List<String> ps = new ArrayList<>();
        for (Estimate e : fitted.model().parameters()) {
            ps.add(e.name() + "=" + String.format(Locale.ROOT, "%.4g", e.value()));
        }
        sb.append(String.join(", ", ps)).append(')');
        fitted.note().ifPresent(n -> sb.append(" [").append(n).append(']'));
        return sb.toString();
    }

    @Override
    public String toString() {
        return "ChurnModel[as of " + options.asOf() + ", " + options.horizonDays() + " days, " + kept.size()
                + " features]";
    }
}
