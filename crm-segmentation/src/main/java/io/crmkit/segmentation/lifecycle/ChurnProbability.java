package io.crmkit.segmentation.lifecycle;

import io.crmkit.core.internal.Checks;
import io.crmkit.core.history.PeriodUnit;
import io.crmkit.metrics.clv.BtydData;
import io.crmkit.metrics.internal.LogisticRegression;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fits the churn probability on the host's own past: at the training date (by default the as-of
 * date minus the horizon) every customer who had bought is labelled churned when they made no
 * purchase in the horizon after it (which ends by the as-of date, so the labels are known); an
 * L2-penalised logistic regression is fitted on the logit of the transaction model's
 * {@code P(X(T, T + H] = 0 | x, t_x, T)} and the signals of {@link ChurnFeature}, with no
 * hand-set weight. Columns are standardised with the training means and standard deviations.
 * A column that is constant in training is not offered; a column whose coefficient has the sign
 * its {@link ChurnFeature#direction()} forbids is removed (the most offending first) and the fit
 * repeated, so that the fitted model is monotone in the stated directions.
 *
 * <p>Stateless and thread-safe.
 */
public final class ChurnProbability {

    private ChurnProbability() {
    }

    /** The BTYD summary in weeks of every k-th customer who bought by the day, k = ceil(n / limit). */
    static BtydData sample(PurchaseTimelines t, int day, int limit) {
        int[] count = Rhythms.counts(t, day);
        int n = 0;
        for (int c : count) {
            if (c > 0) {
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("nobody bought on or before " + java.time.LocalDate.ofEpochDay(day));
        }
        int step = (n + limit - 1) / limit;
        int m = (n + step - 1) / step;
        int[] x = new int[m];
        double[] tx = new double[m];
        double[] bigT = new double[m];
        int seen = 0;
        int j = 0;
        for (int i = 0; i < t.size(); i++) {
            int c = count[i];
            if (c == 0) {
                continue;
            }
            if (seen++ % step != 0) {
                continue;
            }
            int first = t.days[t.offsets[i]];
            x[j] = t.purchases(t.offsets[i], t.offsets[i] + c) - 1;
            tx[j] = PeriodUnit.WEEKS.fromDays(t.days[t.offsets[i] + c - 1] - first);
            bigT[j] = PeriodUnit.WEEKS.fromDays(day - first);
            j++;
        }
        return BtydData.ofCustomers(x, tx, bigT, PeriodUnit.WEEKS);
    }

    /**
     * Fits the model: the transaction model on the history up to the as-of date, then the
     * regression on the training labels with the model's probabilities computed at the training
     * date (the same population parameters serve training and scoring, so the model feature means
     * the same at both dates; they use nothing after the as-of date).
     *
     * @param timelines the purchase history through the as-of date at least, not null
     * @param engagement complaints and survey scores, {@link EngagementHistory#none()} if none, not null
     * @param options the settings, not null
     * @return the fitted model, never null
     * @throws IllegalArgumentException if nobody bought by the training date, the training labels
     *     are all equal, or the engagement zone differs from the timelines'
     * @throws io.crmkit.metrics.clv.ModelFitException if a transaction model cannot be fitted
     */
    public static ChurnModel fit(PurchaseTimelines timelines, EngagementHistory engagement,
            ChurnModelOptions options) {
        Checks.notNull(timelines, "timelines");
        Checks.notNull(engagement, "engagement");
        Checks.notNull(options, "options");
        engagement.checkZone(timelines);
        ChurnModelOptions.Fitted scoringModel = options.transactions().fit(sample(timelines,
                PurchaseTimelines.toEpochDay(options.asOf()), options.fitSample()));
        return fit(timelines, engagement, options, scoringModel, scoringModel);
    }

    /**
     * Fits the regression with the training features' model probability under one transaction
     * model and the scoring under another (the public fit uses the as-of fit for both).
     */
    static ChurnModel fit(PurchaseTimelines timelines, EngagementHistory engagement, ChurnModelOptions options,
            ChurnModelOptions.Fitted trainModel, ChurnModelOptions.Fitted scoringModel) {
        int trainDay = PurchaseTimelines.toEpochDay(options.trainingDate());
        int horizon = options.horizonDays();
        ChurnFeatures train = ChurnFeatures.of(timelines, engagement, trainDay, options, trainModel.model(),
                options.trainSample());
        int m = train.size();
        boolean[] churned = new boolean[m];
        int churnedCount = 0;
        for (int k = 0; k < m; k++) {
            int i = train.rows[k];
            int next = timelines.offsets[i] + timelines.countUntil(i, trainDay);
            churned[k] = !(next < timelines.offsets[i + 1] && timelines.days[next] <= trainDay + horizon);
            if (churned[k]) {
                churnedCount++;
            }
        }
        if (churnedCount == 0 || churnedCount == m) {
            throw new IllegalArgumentException("the training labels at " + options.trainingDate() + " are all "
                    + (churnedCount == 0 ? "'bought again'" : "'churned'") + " (" + m + " customers): nothing to fit");
        }
        Map<ChurnFeature, String> removed = new LinkedHashMap<>();
        List<ChurnFeature> kept = new ArrayList<>();
        double[] mean = new double[ChurnFeatures.F];
        double[] sd = new double[ChurnFeatures.F];
        double[] low = new double[ChurnFeatures.F];
        double[] high = new double[ChurnFeatures.F];
        for (ChurnFeature f : EnumSet.copyOf(options.features())) {
            double[] col = train.value[f.ordinal()];
            double s = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : col) {
                s += v;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            low[f.ordinal()] = lo;
            high[f.ordinal()] = hi;
            double mu = s / m;
            double ss = 0;
            for (double v : col) {
                ss += (v - mu) * (v - mu);
            }
            mean[f.ordinal()] = mu;
            sd[f.ordinal()] = Math.sqrt(ss / m);
            if (sd[f.ordinal()] <= 1e-12 * Math.max(1, Math.abs(mu))) {
                removed.put(f, "constant in training (" + String.format(Locale.ROOT, "%.4g", mu) + ")");
            } else {
                kept.add(f);
            }
        }
        LogisticRegression.Fit fit;
        while (true) {
            double[][] z = new double[kept.size()][];
            for (int j = 0; j < z.length; j++) {
                ChurnFeature f = kept.get(j);
                double[] col = train.value[f.ordinal()];
                double[] zc = new double[m];
                for (int k = 0; k < m; k++) {
                    zc[k] = (col[k] - mean[f.ordinal()]) / sd[f.ordinal()];
                }
                z[j] = zc;
            }
            fit = LogisticRegression.fit(z, churned, options.ridge());
            if (!fit.converged()) {
                throw new IllegalStateException("the churn regression (ridge " + options.ridge() + ", " + kept.size()
                        + " features, " + m + " training customers at " + options.trainingDate()
                        + ") did not converge in " + fit.iterations() + " Newton iterations; a larger ridge helps");
            }
            int worst = -1;
            double worstValue = 0;
            for (int j = 0; j < kept.size(); j++) {
                double signed = fit.beta()[j + 1] * kept.get(j).direction();
                if (signed < worstValue) {
                    worstValue = signed;
                    worst = j;
                }
            }
            if (worst < 0) {
                break;
            }
            removed.put(kept.get(worst), "coefficient " + String.format(Locale.ROOT, "%.4f", fit.beta()[worst + 1])
                    + " against its direction");
            kept.remove(worst);
        }
        double[] coefficient = new double[ChurnFeatures.F];
        for (int j = 0; j < kept.size(); j++) {
            coefficient[kept.get(j).ordinal()] = fit.beta()[j + 1];
        }
        return new ChurnModel(options, scoringModel, List.copyOf(kept),
                removed, fit.beta()[0], coefficient, mean, sd, low, high, m, churnedCount, fit.iterations());
    }
}
