package io.crmkit.segmentation.lifecycle;

import io.crmkit.core.internal.Checks;
import io.crmkit.metrics.clv.TransactionModel;
import io.crmkit.metrics.internal.Ranking;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Backtests the churn probability at past as-of dates (splits): for each split the model is
 * fitted as {@link ChurnProbability#fit} would at that date (trained at the split minus the
 * horizon, so it sees nothing after the split), scores every customer who bought on or before the
 * split, and is scored against who made no purchase in {@code (split, split + horizon]}. The
 * same figures are computed for three baselines: days since the last purchase, {@code 1 -
 * P(alive)} and the transaction model's own {@code P(no purchase in the horizon)} (model-only),
 * the last two under the transaction model fitted at the split. Everything is reported overall
 * and among the customers active in the last {@code activeDays} days (a purchase in
 * {@code (split - activeDays, split]}).
 * <ul>
 *   <li>AUC: the Mann-Whitney probability that a churned customer ranks above one who bought,
 *       ties counting one half (0.5 when one class is empty).</li>
 *   <li>Brier score: mean squared error of a probability (the churn probability and the
 *       model-only probability; none for the other baselines).</li>
 *   <li>Precision and recall at k: the {@code k = round(topShare x customers)} (at least 1)
 *       highest-ranked customers; a group of tied scores straddling k is credited with its
 *       churned share per remaining place (the expected precision under a random order of the
 *       ties), so a coarse score such as whole days since the last purchase gains nothing from the
 *       timeline order.</li>
 *   <li>Calibration: ten groups of (nearly) equal size by ascending predicted probability, each
 *       with its mean prediction and its observed churn share.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class ChurnBacktest {

    /** The name of the fitted churn probability's ranking. */
    public static final String PROBABILITY = "probability";
    /** The name of the days-since-last-purchase baseline. */
    public static final String RECENCY = "days-since-last-purchase";
    /** The name of the 1 - P(alive) baseline. */
    public static final String P_ALIVE = "p-alive";
    /** The name of the transaction model's own probability. */
    public static final String MODEL_ONLY = "model-only";

    private ChurnBacktest() {
    }

    /**
     * Runs the backtest at every split.
     *
     * @param timelines the full history, through every split plus the horizon, not null
     * @param engagement complaints and survey scores, not null
     * @param options the settings; the as-of date is replaced by each split (an explicit training
     *     date is dropped), not null
     * @param splits the past as-of dates, not empty, none null
     * @param activeDays the days that define "active" for the second population, positive
     * @param topShare the share of customers in the top-k list, in (0, 1]
     * @return the report, never null
     * @throws IllegalArgumentException if a split plus the horizon is after the last purchase day
     *     of the history (the outcome would be unknown), or an argument is out of range
     */
    public static ChurnBacktestReport run(PurchaseTimelines timelines, EngagementHistory engagement,
            ChurnModelOptions options, List<LocalDate> splits, int activeDays, double topShare) {
        Checks.notNull(timelines, "timelines");
        Checks.notNull(engagement, "engagement");
        Checks.notNull(options, "options");
        Checks.notNull(splits, "splits");
        if (splits.isEmpty()) {
            throw new IllegalArgumentException("splits must not be empty");
        }
        if (options.trainingAsOf().isPresent()) {
            throw new IllegalArgumentException("options.trainingAsOf " + options.trainingAsOf().get() + " does not"
                    + " apply to a backtest: each split is trained at the split minus the horizon");
        }
        if (activeDays <= 0) {
            throw new IllegalArgumentException("activeDays must be positive: " + activeDays);
        }
        if (!(topShare > 0 && topShare <= 1)) {
            throw new IllegalArgumentException("topShare must be in (0, 1]: " + topShare);
        }
        LocalDate lastDay = timelines.lastPurchaseDay().orElseThrow(() -> new IllegalArgumentException(
                "the history has no purchase"));
        List<ChurnBacktestReport.Split> out = new ArrayList<>();
        for (LocalDate split : splits) {
            Checks.notNull(split, "split");
            if (split.plusDays(options.horizonDays()).isAfter(lastDay)) {
                throw new IllegalArgumentException("split " + split + " plus the horizon of " + options.horizonDays()
                        + " days ends after the history's last purchase day " + lastDay
                        + ": the outcome is not known");
            }
            out.add(one(timelines, engagement, options.at(split), activeDays, topShare));
        }
        return new ChurnBacktestReport(options.horizonDays(), activeDays, topShare, out);
    }

    private static ChurnBacktestReport.Split one(PurchaseTimelines t, EngagementHistory engagement,
            ChurnModelOptions options, int activeDays, double topShare) {
        ChurnModel model = ChurnProbability.fit(t, engagement, options);
        ChurnScores scores = model.score(t, engagement);
        ChurnFeatures f = scores.features();
        int m = f.size();
        int day = f.day;
        int end = day + options.horizonDays();
        boolean[] churned = new boolean[m];
        boolean[] active = new boolean[m];
        double[] recency = new double[m];
        double[] notAlive = new double[m];
        TransactionModel tm = model.transactionModel();
        ChurnFeatures.LongDoubleMap cache = new ChurnFeatures.LongDoubleMap(1024);
        for (int k = 0; k < m; k++) {
            int i = f.rows[k];
            int c = t.countUntil(i, day);
            int next = t.offsets[i] + c;
            churned[k] = !(next < t.offsets[i + 1] && t.days[next] <= end);
            active[k] = f.since[k] < activeDays;
            recency[k] = f.since[k];
            int first = t.days[t.offsets[i]];
            int txDays = t.days[t.offsets[i] + c - 1] - first;
            int bigTDays = day - first;
            int x = t.purchases(t.offsets[i], t.offsets[i] + c) - 1;
            long key = ((long) x << 42) | ((long) txDays << 21) | bigTDays;
            double alive = cache.get(key);
            if (Double.isNaN(alive)) {
                alive = tm.probabilityAlive(x, tm.unit().fromDays(txDays), tm.unit().fromDays(bigTDays));
                cache.put(key, alive);
            }
            notAlive[k] = 1 - alive;
        }
        double[] p = scores.probabilities();
        double[] p0 = f.modelProbability;
        boolean[] all = new boolean[m];
        Arrays.fill(all, true);
        int[] byP = ascending(p);
        int[] byRecency = ascending(recency);
        int[] byAlive = ascending(notAlive);
        int[] byModel = ascending(p0);
        List<ChurnBacktestReport.Scorecard> overall = new ArrayList<>(4);
        List<ChurnBacktestReport.Scorecard> recent = new ArrayList<>(4);
        for (boolean[] in : List.of(all, active)) {
            List<ChurnBacktestReport.Scorecard> to = in == all ? overall : recent;
            to.add(card(PROBABILITY, p, byP, true, churned, in, topShare));
            to.add(card(RECENCY, recency, byRecency, false, churned, in, topShare));
            to.add(card(P_ALIVE, notAlive, byAlive, false, churned, in, topShare));
            to.add(card(MODEL_ONLY, p0, byModel, true, churned, in, topShare));
        }
        return new ChurnBacktestReport.Split(options.asOf(), model.describe(), overall, recent,
                deciles(p, byP, churned, all), deciles(p, byP, churned, active), deciles(p0, byModel, churned, all));
    }

    /** Indices sorted by ascending key, ties in index order ({@link Ranking#ascending}). */
    static int[] ascending(double[] key) {
        return Ranking.ascending(key);
    }

    static ChurnBacktestReport.Scorecard card(String name, double[] score, boolean probability, boolean[] churned,
            boolean[] in, double topShare) {
        return card(name, score, ascending(score), probability, churned, in, topShare);
    }

    static ChurnBacktestReport.Scorecard card(String name, double[] score, int[] order, boolean probability,
            boolean[] churned, boolean[] in, double topShare) {
        int n = 0;
        int positives = 0;
        double brier = 0;
        for (int k = 0; k < score.length; k++) {
            if (in[k]) {
                n++;
                if (churned[k]) {
                    positives++;
                }
                double e = score[k] - (churned[k] ? 1 : 0);
                brier += e * e;
            }
        }
        // the population in ascending score order, ties in index order
        int[] sorted = new int[n];
        int j = 0;
        for (int k : order) {
            if (in[k]) {
                sorted[j++] = k;
            }
        }
        double auc = auc(score, sorted, churned);
        int top = n == 0 ? 0 : Math.max(1, (int) Math.round(topShare * n));
        // top k: descending score, walking tie groups from the top; the group straddling k is taken
        // at random in expectation: its remaining slots get its churned share each
        double hits = 0;
        int taken = 0;
        int e = n - 1;
        while (taken < top && e >= 0) {
            int s0 = e;
            while (s0 - 1 >= 0 && score[sorted[s0 - 1]] == score[sorted[e]]) {
                s0--;
            }
            int size = e - s0 + 1;
            int groupHits = 0;
            for (int q = s0; q <= e; q++) {
                if (churned[sorted[q]]) {
                    groupHits++;
                }
            }
            int slots = Math.min(size, top - taken);
            hits += slots == size ? groupHits : groupHits * (slots / (double) size);
            taken += slots;
            e = s0 - 1;
        }
        return new ChurnBacktestReport.Scorecard(name, n, positives, auc,
                probability && n > 0 ? java.util.OptionalDouble.of(brier / n) : java.util.OptionalDouble.empty(), top,
                top == 0 ? 0 : hits / (double) top, positives == 0 ? 0 : hits / (double) positives);
    }

    /** Mann-Whitney AUC with mid-ranks for ties ({@link Ranking#auc}); 0.5 without both outcomes. */
    static double auc(double[] s, boolean[] y) {
        return auc(s, ascending(s), y);
    }

    /** As {@link #auc(double[], boolean[])} over the indices in ascending score order. */
    static double auc(double[] s, int[] sorted, boolean[] y) {
        double auc = Ranking.auc(s, sorted, y);
        return Double.isNaN(auc) ? 0.5 : auc;
    }

    static List<ChurnBacktestReport.Decile> deciles(double[] p, boolean[] churned, boolean[] in) {
        return deciles(p, ascending(p), churned, in);
    }

    static List<ChurnBacktestReport.Decile> deciles(double[] p, int[] order, boolean[] churned, boolean[] in) {
        int n = 0;
        for (boolean b : in) {
            if (b) {
                n++;
            }
        }
        int[] sorted = new int[n];
        int j = 0;
        for (int k : order) {
            if (in[k]) {
                sorted[j++] = k;
            }
        }
        List<ChurnBacktestReport.Decile> out = new ArrayList<>(10);
        for (int d = 0; d < 10; d++) {
            int from = (int) ((long) n * d / 10);
            int to = (int) ((long) n * (d + 1) / 10);
            double sum = 0;
            int lost = 0;
            for (int q = from; q < to; q++) {
                sum += p[sorted[q]];
                if (churned[sorted[q]]) {
                    lost++;
                }
            }
            int size = to - from;
            out.add(new ChurnBacktestReport.Decile(d + 1, size, size == 0 ? 0 : sum / size,
                    size == 0 ? 0 : lost / (double) size));
        }
        return out;
    }
}
