package io.crmkit.segmentation.lifecycle;

import io.crmkit.metrics.clv.TransactionModel;
import java.util.HashMap;
import java.util.Map;

/**
 * Every feature of {@link ChurnFeature} for the customers who bought on or before one day, with
 * the raw numbers the reasons quote. Rows are the assessed customers in timeline order.
 * Internal; not thread-safe while being built, immutable after.
 */
final class ChurnFeatures {

    static final int F = ChurnFeature.values().length;

    final int day;
    /** Timeline row of each assessed customer. */
    final int[] rows;
    /** Assessed index of each timeline row, -1 for prospects. */
    final int[] indexOfRow;
    /** {@code value[f][k]}: feature f of assessed customer k. */
    final double[][] value;
    final int[] since;
    final double[] rhythm;
    final byte[] rhythmSource;
    final int[] recent;
    final int[] previous;
    final int[] repeat;
    final int[] age;
    final long[] revenue;
    final int[] complaints;
    final double[] score;
    final double[] modelProbability;

    private ChurnFeatures(int day, int[] rows, int[] indexOfRow, int m) {
        this.day = day;
        this.rows = rows;
        this.indexOfRow = indexOfRow;
        this.value = new double[F][m];
        this.since = new int[m];
        this.rhythm = new double[m];
        this.rhythmSource = new byte[m];
        this.recent = new int[m];
        this.previous = new int[m];
        this.repeat = new int[m];
        this.age = new int[m];
        this.revenue = new long[m];
        this.complaints = new int[m];
        this.score = new double[m];
        this.modelProbability = new double[m];
    }

    int size() {
        return rows.length;
    }

    /** The model's P(no purchase in the horizon) for every customer, cached per (x, t_x, T) in days. */
    static double[] modelProbabilities(PurchaseTimelines t, int day, int[] rows, int[] count, TransactionModel model,
            int horizonDays) {
        double h = model.unit().fromDays(horizonDays);
        Map<Long, Double> cache = new HashMap<>();
        double[] out = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            int i = rows[k];
            int c = count[i];
            int first = t.days[t.offsets[i]];
            int txDays = t.days[t.offsets[i] + c - 1] - first;
            int bigTDays = day - first;
            long key = ((long) (c - 1) << 42) | ((long) txDays << 21) | bigTDays;
            Double p = cache.get(key);
            if (p == null) {
                p = model.probabilityNoTransactions(c - 1, model.unit().fromDays(txDays),
                        model.unit().fromDays(bigTDays), h);
                cache.put(key, p);
            }
            out[k] = p;
        }
        return out;
    }

    static ChurnFeatures of(PurchaseTimelines t, EngagementHistory engagement, int day, ChurnModelOptions o,
            TransactionModel model) {
        Rhythms rhythms = Rhythms.of(t, day, o.rhythm());
        int[] count = rhythms.count;
        int n = t.size();
        int[] indexOfRow = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            indexOfRow[i] = count[i] > 0 ? m++ : -1;
        }
        if (m == 0) {
            throw new IllegalArgumentException("nobody bought on or before " + java.time.LocalDate.ofEpochDay(day));
        }
        int[] rows = new int[m];
        for (int i = 0; i < n; i++) {
            if (indexOfRow[i] >= 0) {
                rows[indexOfRow[i]] = i;
            }
        }
        ChurnFeatures f = new ChurnFeatures(day, rows, indexOfRow, m);
        double[] p0 = modelProbabilities(t, day, rows, count, model, o.horizonDays());
        int w = o.declineWindowDays();
        boolean events = !engagement.isEmpty();
        for (int k = 0; k < m; k++) {
            int i = rows[k];
            int c = count[i];
            int from = t.offsets[i];
            int last = t.days[from + c - 1];
            int since = day - last;
            f.since[k] = since;
            f.rhythm[k] = rhythms.rhythm[i];
            f.rhythmSource[k] = rhythms.source[i];
            f.repeat[k] = c - 1;
            f.modelProbability[k] = p0[k];
            int recent = 0;
            int previous = 0;
            long recentValue = 0;
            long previousValue = 0;
            long revenue = 0;
            for (int j = from + c - 1; j >= from; j--) {
                int age = day - t.days[j];
                long v = t.values[j];
                revenue += v;
                if (age < w) {
                    recent++;
                    recentValue += v;
                } else if (age < 2 * w) {
                    previous++;
                    previousValue += v;
                }
            }
            f.recent[k] = recent;
            f.previous[k] = previous;
            f.revenue[k] = revenue;
            double frequencyDrop = 0;
            double monetaryDrop = 0;
            if (previous >= o.minimumPrevious()) {
                frequencyDrop = clamp(1 - recent / (double) previous);
                if (previousValue > 0) {
                    monetaryDrop = clamp(1 - recentValue / (double) previousValue);
                }
            }
            double q = Math.min(1 - 1e-6, Math.max(1e-6, p0[k]));
            double[][] v = f.value;
            v[ChurnFeature.MODEL.ordinal()][k] = Math.log(q / (1 - q));
            v[ChurnFeature.RECENCY.ordinal()][k] = Math.log1p(since);
            v[ChurnFeature.OVERDUE.ordinal()][k] = Math.log1p(since / rhythms.rhythm[i]);
            v[ChurnFeature.FREQUENCY_DECLINE.ordinal()][k] = frequencyDrop;
            v[ChurnFeature.MONETARY_DECLINE.ordinal()][k] = monetaryDrop;
            v[ChurnFeature.FREQUENCY.ordinal()][k] = Math.log1p(c - 1);
            v[ChurnFeature.VALUE.ordinal()][k] = Math.log1p(Math.max(0, revenue));
            f.age[k] = day - t.days[from];
            v[ChurnFeature.AGE.ordinal()][k] = Math.log1p(day - t.days[from]);
            f.score[k] = -1;
            if (events) {
                EngagementHistory.Events e = engagement.of(t.customerId(i));
                if (e != null) {
                    int cc = e.complaintsIn(day - o.complaintWindowDays(), day);
                    f.complaints[k] = cc;
                    v[ChurnFeature.COMPLAINTS.ordinal()][k] = cc;
                    for (int j = e.surveys - 1; j >= 0; j--) {
                        if (e.surveyDays[j] <= day) {
                            if (day - e.surveyDays[j] < o.surveyLookbackDays()) {
                                f.score[k] = e.surveyScores[j];
                                v[ChurnFeature.DISSATISFACTION.ordinal()][k] = 1 - e.surveyScores[j];
                            }
                            break;
                        }
                    }
                }
            }
        }
        return f;
    }

    private static double clamp(double share) {
        return Math.max(-1, Math.min(1, share));
    }
}
