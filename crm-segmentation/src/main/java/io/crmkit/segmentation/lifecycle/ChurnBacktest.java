package io.crmkit.segmentation.lifecycle;

import io.crmkit.core.internal.Checks;
import io.crmkit.metrics.clv.TransactionModel;
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
 *       highest-ranked customers, ties in timeline order.</li>
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
        Map<Long, Double> cache = new HashMap<>();
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
            long key = ((long) (c - 1) << 42) | ((long) txDays << 21) | bigTDays;
            Double alive = cache.get(key);
            if (alive == null) {
                alive = tm.probabilityAlive(c - 1, tm.unit().fromDays(txDays), tm.unit().fromDays(bigTDays));
                cache.put(key, alive);
            }
            notAlive[k] = 1 - alive;
        }
        double[] p = scores.probabilities();
        double[] p0 = f.modelProbability;
        boolean[] all = new boolean[m];
        Arrays.fill(all, true);
        List<ChurnBacktestReport.Scorecard> overall = List.of(card(PROBABILITY, p, true, churned, all, topShare),
                card(RECENCY, recency, false, churned, all, topShare), card(P_ALIVE, notAlive, false, churned, all,
                        topShare), card(MODEL_ONLY, p0, true, churned, all, topShare));
        List<ChurnBacktestReport.Scorecard> recent = List.of(card(PROBABILITY, p, true, churned, active, topShare),
                card(RECENCY, recency, false, churned, active, topShare), card(P_ALIVE, notAlive, false, churned,
                        active, topShare), card(MODEL_ONLY, p0, true, churned, active, topShare));
        return new ChurnBacktestReport.Split(options.asOf(), model.describe(), overall, recent,
                deciles(p, churned, all), deciles(p, churned, active), deciles(p0, churned, all));
    }

    static ChurnBacktestReport.Scorecard card(String name, double[] score, boolean probability, boolean[] churned,
            boolean[] in, double topShare) {
        int n = 0;
        int positives = 0;
        for (int k = 0; k < score.length; k++) {
            if (in[k]) {
                n++;
                if (churned[k]) {
                    positives++;
                }
            }
        }
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        int j = 0;
        double brier = 0;
        for (int k = 0; k < score.length; k++) {
            if (in[k]) {
                s[j] = score[k];
                y[j] = churned[k];
                double e = score[k] - (churned[k] ? 1 : 0);
                brier += e * e;
                j++;
            }
        }
        double auc = auc(s, y, positives);
        int top = Math.max(1, (int) Math.round(topShare * n));
        if (n == 0) {
            top = 0;
        }
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(s[b], s[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int hits = 0;
        for (int k = 0; k < top; k++) {
            if (y[order[k]]) {
                hits++;
            }
        }
        return new ChurnBacktestReport.Scorecard(name, n, positives, auc,
                probability && n > 0 ? java.util.OptionalDouble.of(brier / n) : java.util.OptionalDouble.empty(), top,
                top == 0 ? 0 : hits / (double) top, positives == 0 ? 0 : hits / (double) positives);
    }

    /** Mann-Whitney AUC with mid-ranks for ties. */
    static double auc(double[] s, boolean[] y, int positives) {
        int n = s.length;
        int negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return 0.5;
        }
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Double.compare(s[a], s[b]));
        double rankSum = 0;
        int k = 0;
        while (k < n) {
            int e = k;
            while (e + 1 < n && s[order[e + 1]] == s[order[k]]) {
                e++;
            }
            double mid = (k + e) / 2.0 + 1;
            for (int q = k; q <= e; q++) {
                if (y[order[q]]) {
                    rankSum += mid;
                }
            }
            k = e + 1;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    static List<ChurnBacktestReport.Decile> deciles(double[] p, boolean[] churned, boolean[] in) {
        int n = 0;
        for (boolean b : in) {
            if (b) {
                n++;
            }
        }
        Integer[] order = new Integer[n];
        int j = 0;
        for (int k = 0; k < p.length; k++) {
            if (in[k]) {
                order[j++] = k;
            }
        }
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(p[a], p[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        List<ChurnBacktestReport.Decile> out = new ArrayList<>(10);
        for (int d = 0; d < 10; d++) {
            int from = (int) ((long) n * d / 10);
            int to = (int) ((long) n * (d + 1) / 10);
            double sum = 0;
            int lost = 0;
            for (int q = from; q < to; q++) {
                sum += p[order[q]];
                if (churned[order[q]]) {
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
