package io.crmkit.metrics.internal;

/**
 * Ranking on primitive arrays: a stable ascending index sort and the area under the ROC curve by
 * the Mann-Whitney statistic with mid-ranks for ties. Used by the credit rating's and the churn
 * probability's backtests. Stateless and thread-safe.
 */
public final class Ranking {

    private Ranking() {
    }

    /**
     * Returns the indices {@code 0..n-1} sorted by ascending key, ties in index order (a stable
     * merge sort on primitive arrays; NaN keys are not allowed).
     *
     * @param key the keys
     * @return the indices in ascending key order
     */
    public static int[] ascending(double[] key) {
        int n = key.length;
        int[] a = new int[n];
        for (int k = 0; k < n; k++) {
            a[k] = k;
        }
        int[] b = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int o = lo;
                while (i < mid && j < hi) {
                    b[o++] = key[a[j]] < key[a[i]] ? a[j++] : a[i++];
                }
                while (i < mid) {
                    b[o++] = a[i++];
                }
                while (j < hi) {
                    b[o++] = a[j++];
                }
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }

    /**
     * Returns the area under the ROC curve: the probability that a random positive scores above a
     * random negative, ties counting half (Mann-Whitney with mid-ranks), over the cases listed in
     * {@code sorted}.
     *
     * @param score the scores, indexed by case
     * @param sorted the cases to rank, in ascending score order (for example a subsequence of
     *        {@link #ascending(double[])})
     * @param positive the outcomes, indexed by case
     * @return the AUC, or NaN if the listed cases lack either outcome
     */
    public static double auc(double[] score, int[] sorted, boolean[] positive) {
        int n = sorted.length;
        double rankSum = 0;
        long pos = 0;
        int k = 0;
        while (k < n) {
            int e = k;
            while (e + 1 < n && score[sorted[e + 1]] == score[sorted[k]]) {
                e++;
            }
            double mid = (k + e) / 2.0 + 1;
            for (int q = k; q <= e; q++) {
                if (positive[sorted[q]]) {
                    rankSum += mid;
                    pos++;
                }
            }
            k = e + 1;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    /**
     * As {@link #auc(double[], int[], boolean[])} over all cases.
     *
     * @param score the scores
     * @param positive the outcomes, as long as the scores
     * @return the AUC, or NaN without both outcomes
     */
    public static double auc(double[] score, boolean[] positive) {
        if (positive.length != score.length) {
            throw new IllegalArgumentException("scores and outcomes differ in length: " + score.length + ", "
                    + positive.length);
        }
        return auc(score, ascending(score), positive);
    }
}
