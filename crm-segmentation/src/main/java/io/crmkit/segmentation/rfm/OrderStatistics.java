package io.crmkit.segmentation.rfm;

import java.util.Arrays;

/**
 * Selects a few order statistics of a column without sorting it: by counting when the values are
 * whole numbers in a small range (frequency, recency in days), else by a three-way-partition
 * quickselect that stays linear however many values are tied, falling back to a sort of the
 * remaining range if the pivots go bad. Guava's {@code Quantiles} selection was tried first and
 * degrades towards quadratic time on columns with few distinct values (1 million frequencies
 * took seconds), which is the normal case in RFM. Stateless.
 */
final class OrderStatistics {

    private static final int SMALL = 32;

    private OrderStatistics() {
    }

    /**
     * Returns the values at the given 0-based positions of the sorted column.
     *
     * @param values the column, not modified
     * @param positions ascending distinct positions in {@code [0, values.length)}
     * @return the order statistics, one per position
     */
    static double[] select(double[] values, int[] positions) {
        int n = values.length;
        double[] out = new double[positions.length];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean integral = true;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            integral &= v == Math.rint(v);
        }
        if (integral && max - min <= Math.max(4.0 * n, 65_536)) {
            int range = (int) (max - min) + 1;
            int[] count = new int[range];
            for (double v : values) {
                count[(int) (v - min)]++;
            }
            int p = 0;
            long seen = 0;
            for (int t = 0; t < range && p < positions.length; t++) {
                seen += count[t];
                while (p < positions.length && positions[p] < seen) {
                    out[p++] = min + t;
                }
            }
            return out;
        }
        double[] a = values.clone();
        int depthLimit = 2 * (32 - Integer.numberOfLeadingZeros(Math.max(1, n))) + 8;
        select(a, 0, n, positions, 0, positions.length, out, depthLimit);
        return out;
    }

    private static void select(double[] a, int lo, int hi, int[] positions, int pLo, int pHi, double[] out,
            int depth) {
        while (pLo < pHi) {
            if (hi - lo <= SMALL || depth-- <= 0) {
                Arrays.sort(a, lo, hi);
                for (int p = pLo; p < pHi; p++) {
                    out[p] = a[positions[p]];
                }
                return;
            }
            double pivot = medianOfThree(a[lo], a[(lo + hi) >>> 1], a[hi - 1]);
            // three-way partition: [lo, lt) < pivot, [lt, gt) == pivot, [gt, hi) > pivot
            int lt = lo;
            int i = lo;
            int gt = hi;
            while (i < gt) {
                double v = a[i];
                if (v < pivot) {
                    a[i++] = a[lt];
                    a[lt++] = v;
                } else if (v > pivot) {
                    a[i] = a[--gt];
                    a[gt] = v;
                } else {
                    i++;
                }
            }
            int left = pLo;
            while (left < pHi && positions[left] < lt) {
                left++;
            }
            int right = left;
            while (right < pHi && positions[right] < gt) {
                out[right++] = pivot;
            }
            if (left > pLo) {
                select(a, lo, lt, positions, pLo, left, out, depth);
            }
            lo = gt;
            pLo = right;
        }
    }

    private static double medianOfThree(double x, double y, double z) {
        return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    }
}
