package io.crmkit.segmentation.rfm;

import java.util.Arrays;

/**
 * Selects a few order statistics of a column without sorting it: the values at given positions of
 * the sorted column, equal as numbers to those of {@link Arrays#sort(double[])} ({@code -0.0} and
 * {@code 0.0} are equal values and may come back with either sign).
 *
 * <ul>
 *   <li>Whole numbers in a small range (frequency, recency in days): by counting
 *       ({@link #histogram}).</li>
 *   <li>Other values (money): a bucket pass over the values' order-preserving bit patterns (at most
 *       2^16 buckets, so buckets are about log-spaced and skewed amounts spread well), then only
 *       the values of the few buckets holding a wanted position are copied and selected. Three
 *       read-only passes (range, buckets, copy) instead of the half-dozen partition passes of a
 *       quickselect over the whole column.</li>
 *   <li>Within a bucket: a three-way-partition quickselect that stays linear however many values
 *       are tied, falling back to a sort of the remaining range if the pivots go bad.</li>
 * </ul>
 *
 * <p>Guava's {@code Quantiles} selection was tried first and degrades towards quadratic time on
 * columns with few distinct values (1 million frequencies took seconds), which is the normal case
 * in RFM. Stateless.
 */
final class OrderStatistics {

    private static final int SMALL = 32;
    private static final int BUCKET_BITS = 16;

    private OrderStatistics() {
    }

    /** The smallest and largest value of a non-empty column and whether all values are whole. */
    record Profile(double min, double max, boolean integral) {

        static Profile of(double[] values) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            boolean integral = true;
            for (double v : values) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                integral &= v == Math.rint(v);
            }
            return new Profile(min, max, integral);
        }

        /** Whether the values are whole numbers spanning few enough of them to count, for n values. */
        boolean countable(int n) {
            return integral && max - min <= Math.max(4.0 * n, 65_536);
        }
    }

    /**
     * Returns the values at the given 0-based positions of the sorted column.
     *
     * @param values the column, not modified
     * @param positions ascending distinct positions in {@code [0, values.length)}
     * @return the order statistics, one per position
     */
    static double[] select(double[] values, int[] positions) {
        if (values.length == 0) {
            return new double[positions.length];
        }
        Profile profile = Profile.of(values);
        int[] histogram = profile.countable(values.length) ? histogram(values, profile.min(), profile.max()) : null;
        return select(values, profile, histogram, positions);
    }

    /**
     * Returns the values at the given positions of a non-empty column whose profile (and, when
     * countable, histogram) the caller already has.
     *
     * @param values the column, not modified
     * @param profile the column's profile
     * @param histogram the column's {@link #histogram} when it is countable, else null
     * @param positions ascending distinct positions in {@code [0, values.length)}
     * @return the order statistics, one per position
     */
    static double[] select(double[] values, Profile profile, int[] histogram, int[] positions) {
        return histogram != null ? select(histogram, profile.min(), positions)
                : selectByBuckets(values, profile, positions);
    }

    /**
     * Counts a countable column ({@link Profile#countable}): slot {@code t} holds the number of
     * values equal to {@code min + t}.
     */
    static int[] histogram(double[] values, double min, double max) {
        int[] count = new int[(int) (max - min) + 1];
        for (double v : values) {
            count[(int) (v - min)]++;
        }
        return count;
    }

    /** Reads order statistics off a {@link #histogram}. */
    private static double[] select(int[] count, double min, int[] positions) {
        double[] out = new double[positions.length];
        int p = 0;
        long seen = 0;
        for (int t = 0; t < count.length && p < positions.length; t++) {
            seen += count[t];
            while (p < positions.length && positions[p] < seen) {
                out[p++] = min + t;
            }
        }
        return out;
    }

    /** The bit pattern of a value as an unsigned number in the order of {@link Double#compare}. */
    private static long key(double v) {
        long bits = Double.doubleToRawLongBits(v);
        return bits ^ ((bits >> 63) | Long.MIN_VALUE);
    }

    private static double[] selectByBuckets(double[] values, Profile profile, int[] positions) {
        int n = values.length;
        double[] out = new double[positions.length];
        long base = key(profile.min());
        long span = key(profile.max()) - base; // unsigned
        if (span == 0) {
            Arrays.fill(out, profile.min());
            return out;
        }
        int shift = Math.max(0, 64 - Long.numberOfLeadingZeros(span) - BUCKET_BITS);
        int buckets = (int) (span >>> shift) + 1;
        int[] count = new int[buckets];
        for (double v : values) {
            count[(int) ((key(v) - base) >>> shift)]++;
        }
        // the bucket of every wanted position and the position's rank inside it
        int[] slot = new int[buckets];
        Arrays.fill(slot, -1);
        int[] bucketOf = new int[positions.length];
        long[] startOf = new long[positions.length];
        int targets = 0;
        long seen = 0;
        int p = 0;
        for (int b = 0; b < buckets && p < positions.length; b++) {
            long start = seen;
            seen += count[b];
            while (p < positions.length && positions[p] < seen) {
                if (slot[b] < 0) {
                    slot[b] = targets++;
                }
                bucketOf[p] = b;
                startOf[p] = start;
                p++;
            }
        }
        double[][] members = new double[targets][];
        int[] fill = new int[targets];
        for (int b = 0; b < buckets; b++) {
            if (slot[b] >= 0) {
                members[slot[b]] = new double[count[b]];
            }
        }
        for (double v : values) {
            int s = slot[(int) ((key(v) - base) >>> shift)];
            if (s >= 0) {
                members[s][fill[s]++] = v;
            }
        }
        int depthLimit = 2 * (32 - Integer.numberOfLeadingZeros(Math.max(1, n))) + 8;
        for (int first = 0; first < positions.length;) {
            int last = first;
            while (last < positions.length && bucketOf[last] == bucketOf[first]) {
                last++;
            }
            int[] ranks = new int[last - first];
            for (int q = first; q < last; q++) {
                ranks[q - first] = (int) (positions[q] - startOf[q]);
            }
            double[] within = new double[ranks.length];
            double[] a = members[slot[bucketOf[first]]];
            select(a, 0, a.length, ranks, 0, ranks.length, within, depthLimit);
            System.arraycopy(within, 0, out, first, ranks.length);
            first = last;
        }
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
