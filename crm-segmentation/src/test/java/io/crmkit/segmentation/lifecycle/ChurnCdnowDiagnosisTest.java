package io.crmkit.segmentation.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.metrics.clv.TransactionModel;
import io.crmkit.metrics.internal.LogisticRegression;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Why the churn probability misses issue 15's two CDNOW targets (worst decile gap at most 0.05,
 * and beating the model-only probability among the customers active in the last 90 days), at the
 * splits of {@link ChurnCdnowTest} with the 26-week horizon. Each test pins one measured cause, so
 * that a change which removes it fails here and the explanation in ADR 0041 is revisited.
 *
 * <p>CDNOW is one cohort acquired in the first quarter of 1997; the training date (split minus 26
 * weeks: 1997-04-01, 1997-05-02, 1997-06-16) always falls in or just after that quarter, while
 * the split scores the same customers 26 weeks older and over a different stretch of the calendar.
 */
class ChurnCdnowDiagnosisTest {

    static final int HORIZON = 182;
    static PurchaseTimelines cdnow;
    static List<Split> splits;

    @BeforeAll
    static void load() throws Exception {
        CdnowBacktestTest.load();
        cdnow = CdnowBacktestTest.cdnow;
        splits = ChurnCdnowTest.SPLITS.stream().map(Split::at).toList();
    }

    /** Who made no purchase in the horizon after the features' day. */
    static boolean[] churned(ChurnFeatures f) {
        boolean[] y = new boolean[f.size()];
        for (int k = 0; k < y.length; k++) {
            int i = f.rows[k];
            int next = cdnow.offsets[i] + cdnow.countUntil(i, f.day);
            y[k] = !(next < cdnow.offsets[i + 1] && cdnow.days[next] <= f.day + HORIZON);
        }
        return y;
    }

    static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }

    static double share(boolean[] y) {
        int c = 0;
        for (boolean b : y) {
            c += b ? 1 : 0;
        }
        return c / (double) y.length;
    }

    static double worstGap(double[] p, boolean[] y) {
        return worstGap(p, ChurnBacktest.ascending(p), y);
    }

    static double worstGap(double[] p, int[] order, boolean[] y) {
        boolean[] all = new boolean[p.length];
        Arrays.fill(all, true);
        return ChurnBacktest.deciles(p, order, y, all).stream()
                .mapToDouble(d -> Math.abs(d.meanPredicted() - d.observed())).max().orElseThrow();
    }

    static double auc(double[] s, boolean[] y) {
        return ChurnBacktest.auc(s, y);
    }

    /**
     * One split: the options, the as-of transaction model, the split's features and outcomes, and
     * the shipped scores.
     */
    record Split(LocalDate date, ChurnModelOptions options, ChurnModelOptions.Fitted asOfModel,
            ChurnFeatures features, boolean[] churned, ChurnScores shipped) {

        static Split at(LocalDate date) {
            ChurnModelOptions o = ChurnModelOptions.builder(date, HORIZON).build();
            int day = PurchaseTimelines.toEpochDay(date);
            ChurnModelOptions.Fitted fitted = o.transactions().fit(ChurnProbability.sample(cdnow, day, o.fitSample()));
            ChurnFeatures f = ChurnFeatures.of(cdnow, EngagementHistory.none(), day, o, fitted.model());
            ChurnScores shipped = ChurnProbability.fit(cdnow, EngagementHistory.none(), o, fitted, fitted)
                    .score(cdnow, EngagementHistory.none());
            return new Split(date, o, fitted, f, ChurnCdnowDiagnosisTest.churned(f), shipped);
        }

        ChurnFeatures at(int day, TransactionModel model) {
            return ChurnFeatures.of(cdnow, EngagementHistory.none(), day, options, model);
        }

        int trainingDay() {
            return PurchaseTimelines.toEpochDay(options.trainingDate());
        }
    }

    /**
     * Cause of the 1997-09-30 and 1997-10-31 gaps: the transaction model's parameters are fitted
     * on the history to the split, which contains the training label window, so at the training
     * date the model-only probability is in-sample and calibrated (mean minus observed -0.007 and
     * +0.006), and the regression learns to trust it (Platt slope on its logit alone 0.87 and
     * 1.00; a calibration step fitted there, Platt or isotonic, would be near the identity). At the split it is a forecast, and CDNOW's repeat purchases stay flat
     * from October to March (236, 261, 234, 196, 190, 270 purchase days a month after 351 falling
     * to 230 from April to September) where Pareto/NBD's drop-out predicts a further decline:
     * 1,177 purchase days expected in the horizon against 1,387 made, 1,166 against 1,320; the
     * model-only mean is 0.804 against 0.749 observed (+0.055), 0.806 against 0.752 (+0.054).
     * Nothing the fit sees shows this error. At 1997-12-15 the forecast's level is right (1,231
     * against 1,178; bias +0.027 at the training date, +0.019 at the split).
     */
    @Test
    void modelOnlyIsInSampleAtTheTrainingDateButForecastsTooFewPurchasesAfterTheFirstTwoSplits() {
        for (int s = 0; s < splits.size(); s++) {
            Split sp = splits.get(s);
            TransactionModel tm = sp.asOfModel().model();
            ChurnFeatures train = sp.at(sp.trainingDay(), tm);
            double trainBias = mean(train.modelProbability) - share(churned(train));
            double splitBias = mean(sp.features().modelProbability) - share(sp.churned());
            double expected = 0;
            long made = 0;
            ChurnFeatures f = sp.features();
            for (int k = 0; k < f.size(); k++) {
                int i = f.rows[k];
                int c = cdnow.countUntil(i, f.day);
                int first = cdnow.days[cdnow.offsets[i]];
                int x = cdnow.purchases(cdnow.offsets[i], cdnow.offsets[i] + c) - 1;
                expected += tm.conditionalExpectedTransactions(x,
                        tm.unit().fromDays(cdnow.days[cdnow.offsets[i] + c - 1] - first), tm.unit().fromDays(f.day - first),
                        tm.unit().fromDays(HORIZON));
                for (int j = cdnow.offsets[i] + c; j < cdnow.offsets[i + 1] && cdnow.days[j] <= f.day + HORIZON; j++) {
                    made += cdnow.purchases(j, j + 1);
                }
            }
            System.out.printf(Locale.ROOT, "%s model-only bias at training %+.3f, at the split %+.3f; purchases expected %.0f,"
                    + " made %d%n", sp.date(), trainBias, splitBias, expected, made);
            if (s < 2) {
                assertThat(Math.abs(trainBias)).as("%s in-sample at the training date", sp.date()).isLessThan(0.01);
                assertThat(splitBias).as("%s over-predicted at the split", sp.date()).isGreaterThan(0.04);
                assertThat(expected).as("%s purchases expected", sp.date()).isLessThan(0.9 * made);
            } else {
                assertThat(expected / made).as("%s purchases expected / made", sp.date()).isBetween(0.9, 1.1);
            }
        }
    }

    /**
     * The alternative without that look-ahead, the transaction model fitted on the history to the
     * training date for the training features, is no cure: the young cohort's model is biased
     * differently at every training date (model-only mean minus observed at the training date
     * +0.033, +0.078, +0.147) and not like the as-of model at the split (+0.055, +0.054, +0.019),
     * so the recalibration learned there over-corrects at 1997-12-15: worst decile gap 0.034 /
     * 0.068 / 0.163 against 0.063 / 0.119 / 0.083 (ADR 0041 kept the as-of fit for this reason).
     */
    @Test
    void fittingTheTransactionModelAtTheTrainingDateMovesTheErrorToTheLastSplit() {
        double[] trainBias = new double[3];
        double[] gap = new double[3];
        for (int s = 0; s < 3; s += 2) { // the middle split, measured 0.078 and 0.068, left out: its fit alone takes seconds
            Split sp = splits.get(s);
            ChurnModelOptions.Fitted atTraining = sp.options().transactions().fit(
                    ChurnProbability.sample(cdnow, sp.trainingDay(), sp.options().fitSample()));
            ChurnFeatures train = sp.at(sp.trainingDay(), atTraining.model());
            trainBias[s] = mean(train.modelProbability) - share(churned(train));
            ChurnModel m = ChurnProbability.fit(cdnow, EngagementHistory.none(), sp.options(), atTraining, sp.asOfModel());
            gap[s] = worstGap(m.score(cdnow, EngagementHistory.none()).probabilities(), sp.churned());
        }
        System.out.printf(Locale.ROOT, "training-date fit: bias at training %s, worst decile gap %s%n",
                Arrays.toString(trainBias), Arrays.toString(gap));
        assertThat(trainBias[2]).isGreaterThan(trainBias[0] + 0.05);
        assertThat(gap[0]).isLessThan(0.05);
        assertThat(gap[2]).isGreaterThan(0.1);
    }

    /**
     * Even the split's own outcomes do not bring every worst decile to 0.05: a logistic
     * regression (ridge 1, no sign constraint) on every non-constant feature, fitted in-sample on
     * the outcomes it is then judged on, reaches 0.039 / 0.058 / 0.052. The rest is binomial
     * noise: drawing outcomes from the shipped probabilities themselves (a perfectly calibrated
     * world), the worst of ten deciles of 236 customers is at most 0.05 in 68 / 74 / 67 % of 2,000
     * draws, so about a third of the time at all three splits.
     */
    @Test
    void evenTheSplitsOwnOutcomesDoNotMeetTheDecileTargetAtEverySplit() {
        double worstOverSplits = 0;
        for (Split sp : splits) {
            ChurnFeatures f = sp.features();
            int m = f.size();
            List<double[]> columns = new ArrayList<>();
            for (ChurnFeature c : ChurnFeature.values()) {
                double[] col = f.value[c.ordinal()];
                double mu = mean(col);
                double ss = 0;
                for (double v : col) {
                    ss += (v - mu) * (v - mu);
                }
                double sd = Math.sqrt(ss / m);
                if (sd > 1e-9) {
                    double[] z = new double[m];
                    for (int k = 0; k < m; k++) {
                        z[k] = (col[k] - mu) / sd;
                    }
                    columns.add(z);
                }
            }
            LogisticRegression.Fit fit = LogisticRegression.fit(columns.toArray(double[][]::new), sp.churned(), 1);
            assertThat(fit.converged()).isTrue();
            double[] p = new double[m];
            for (int k = 0; k < m; k++) {
                double eta = fit.beta()[0];
                for (int j = 0; j < columns.size(); j++) {
                    eta += fit.beta()[j + 1] * columns.get(j)[k];
                }
                p[k] = LogisticRegression.sigmoid(eta);
            }
            double oracle = worstGap(p, sp.churned());
            worstOverSplits = Math.max(worstOverSplits, oracle);
            // a calibrated world: outcomes drawn from the shipped probabilities
            double[] shipped = sp.shipped().probabilities();
            int[] order = ChurnBacktest.ascending(shipped);
            SplittableRandom random = new SplittableRandom(15);
            int draws = 2000;
            int met = 0;
            boolean[] y = new boolean[m];
            for (int d = 0; d < draws; d++) {
                for (int k = 0; k < m; k++) {
                    y[k] = random.nextDouble() < shipped[k];
                }
                if (worstGap(shipped, order, y) <= 0.05) {
                    met++;
                }
            }
            System.out.printf(Locale.ROOT, "%s in-sample oracle worst decile gap %.3f (%d features); calibrated draws meeting"
                    + " 0.05: %.3f%n", sp.date(), oracle, columns.size(), met / (double) draws);
            assertThat(met / (double) draws).as("%s calibrated draws meeting 0.05", sp.date()).isBetween(0.5, 0.85);
        }
        assertThat(worstOverSplits).isGreaterThan(0.05);
    }

    /**
     * Among the customers active in the last 90 days (about 400 a split), the model-only
     * probability is the best single ranking (AUC 0.734 / 0.733 / 0.693; the best signal alone,
     * frequency, 0.708 / 0.715 / 0.697) and the shipped probability's deficit against it (-0.004 /
     * -0.002 / -0.006) is within two standard deviations of a paired bootstrap (0.007 / 0.005 /
     * 0.008). A logistic regression fitted in-sample on those active customers' own outcomes, with
     * every signal and the number of purchase days in the last 90 days added, gains only 0.018 /
     * 0.012 / 0.019 over model-only: an optimistic ceiling of the order of the noise, so "beats
     * model-only among the active" cannot be decided on this sample.
     */
    @Test
    void amongTheActiveTheGapToModelOnlyIsWithinTheNoiseAndTheCeilingIsSmall() {
        for (Split sp : splits) {
            ChurnFeatures f = sp.features();
            double[] shipped = sp.shipped().probabilities();
            int[] active = java.util.stream.IntStream.range(0, f.size()).filter(k -> f.since[k] < 90).toArray();
            int n = active.length;
            double[] p = new double[n];
            double[] p0 = new double[n];
            boolean[] y = new boolean[n];
            for (int a = 0; a < n; a++) {
                p[a] = shipped[active[a]];
                p0[a] = f.modelProbability[active[a]];
                y[a] = sp.churned()[active[a]];
            }
            double diff = auc(p, y) - auc(p0, y);
            SplittableRandom random = new SplittableRandom(15);
            double s1 = 0;
            double s2 = 0;
            int reps = 1000;
            double[] bp = new double[n];
            double[] b0 = new double[n];
            boolean[] by = new boolean[n];
            for (int r = 0; r < reps; r++) {
                for (int a = 0; a < n; a++) {
                    int u = random.nextInt(n);
                    bp[a] = p[u];
                    b0[a] = p0[u];
                    by[a] = y[u];
                }
                double d = auc(bp, by) - auc(b0, by);
                s1 += d;
                s2 += d * d;
            }
            double sd = Math.sqrt(s2 / reps - (s1 / reps) * (s1 / reps));
            // the ceiling: every signal plus the purchase days in the last 90 days, fitted in-sample on the active
            List<double[]> columns = new ArrayList<>();
            for (ChurnFeature c : ChurnFeature.values()) {
                double[] col = new double[n];
                for (int a = 0; a < n; a++) {
                    col[a] = f.value[c.ordinal()][active[a]];
                }
                columns.add(col);
            }
            double[] recent = new double[n];
            for (int a = 0; a < n; a++) {
                recent[a] = Math.log1p(f.recent[active[a]]);
            }
            columns.add(recent);
            List<double[]> z = new ArrayList<>();
            for (double[] col : columns) {
                double mu = mean(col);
                double ss = 0;
                for (double v : col) {
                    ss += (v - mu) * (v - mu);
                }
                double s = Math.sqrt(ss / n);
                if (s > 1e-9) {
                    double[] zc = new double[n];
                    for (int a = 0; a < n; a++) {
                        zc[a] = (col[a] - mu) / s;
                    }
                    z.add(zc);
                }
            }
            LogisticRegression.Fit fit = LogisticRegression.fit(z.toArray(double[][]::new), y, 1);
            double[] eta = new double[n];
            for (int a = 0; a < n; a++) {
                eta[a] = fit.beta()[0];
                for (int j = 0; j < z.size(); j++) {
                    eta[a] += fit.beta()[j + 1] * z.get(j)[a];
                }
            }
            double ceiling = auc(eta, y) - auc(p0, y);
            System.out.printf(Locale.ROOT, "%s active %d: shipped - model-only %+.4f (bootstrap sd %.4f); in-sample ceiling"
                    + " %+.4f%n", sp.date(), n, diff, sd, ceiling);
            assertThat(Math.abs(diff)).as("%s active difference", sp.date()).isLessThan(2 * sd);
            assertThat(ceiling).as("%s in-sample ceiling", sp.date()).isLessThan(0.025);
        }
    }

    /**
     * The scored base lies outside what the regression saw: every customer's age at every split
     * is beyond the oldest training customer's (the training date is in the acquisition
     * quarter), and at the first two splits about two thirds of the model probability's logits
     * are above the training maximum (nobody could be long lapsed 13 weeks after acquisition).
     * {@link ChurnScores#outsideTrainingRange()} reports it; on the continuously acquired
     * simulation of {@link ChurnSimulationTest} the shares stay below a quarter.
     */
    @Test
    void theScoredBaseLiesOutsideTheTrainingRange() {
        for (Split sp : splits) {
            var outside = sp.shipped().outsideTrainingRange();
            System.out.println(sp.date() + " outside the training range: " + outside);
            assertThat(outside.get(ChurnFeature.AGE)).as("%s age", sp.date()).isEqualTo(1.0);
            if (!sp.date().equals(ChurnCdnowTest.SPLITS.get(2))) {
                assertThat(outside.get(ChurnFeature.MODEL)).as("%s model", sp.date()).isGreaterThan(0.6);
            }
        }
    }
}
