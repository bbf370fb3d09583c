package io.crmkit.segmentation.rfm;

/**
 * Minimum ranks of a column (how many values are smaller; the tied-ranks and percent-rank
 * binnings): by counting for whole numbers in a small range, else by a stable LSD radix sort of
 * the values' order-preserving bit patterns (six 11-bit passes, skipping the passes where every
 * value has the same digit), which beats a comparison sort followed by a binary search per row by
 * several times at a million rows.
 * Stateless.
 */
final class Ranks {

    private static final int BITS = 11;
    private static final int RADIX = 1 << BITS;

    private Ranks() {
    }

    /** Each row's minimum rank: how many values are strictly smaller. */
    static int[] minRanks(double[] values) {
        int n = values.length;
        int[] ranks = new int[n];
        if (n == 0) {
            return ranks;
        }
        OrderStatistics.Profile profile = OrderStatistics.Profile.of(values);
        if (profile.countable(n)) {
            double min = profile.min();
            int[] count = OrderStatistics.histogram(values, min, profile.max());
            // count[t] becomes the number of values below min + t
            int below = 0;
            for (int t = 0; t < count.length; t++) {
                int c = count[t];
                count[t] = below;
                below += c;
            }
            for (int i = 0; i < n; i++) {
                ranks[i] = count[(int) (values[i] - min)];
            }
            return ranks;
        }
        long[] keys = new long[n];
        int[] order = radixOrder(values, keys);
        int start = 0;
        for (int p = 0; p < n; p++) {
            if (p > 0 && keys[p] != keys[p - 1]) {
                start = p;
            }
            ranks[order[p]] = start;
        }
        return ranks;
    }

    /**
     * Sorts rows by value with a stable LSD radix sort; returns the rows in order and leaves the
     * sorted keys in {@code keys}.
     */
    private static int[] radixOrder(double[] values, long[] keys) {
        int n = values.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            long bits = Double.doubleToLongBits(values[i] + 0.0); // -0.0 becomes 0.0
            keys[i] = bits < 0 ? ~bits : bits ^ Long.MIN_VALUE; // unsigned order = numeric order
            order[i] = i;
        }
        long[] keyBuffer = new long[n];
        int[] orderBuffer = new int[n];
        int[] count = new int[RADIX];
        for (int shift = 0; shift < 64; shift += BITS) {
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[(int) ((keys[i] >>> shift) & (RADIX - 1))]++;
            }
            if (count[(int) ((keys[0] >>> shift) & (RADIX - 1))] == n) {
                continue; // every key has this digit: the pass would not move anything
            }
            int sum = 0;
            for (int d = 0; d < RADIX; d++) {
                int c = count[d];
                count[d] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                int d = (int) ((keys[i] >>> shift) & (RADIX - 1));
                int to = count[d]++;
                keyBuffer[to] = keys[i];
                orderBuffer[to] = order[i];
            }
            System.arraycopy(keyBuffer, 0, keys, 0, n);
            System.arraycopy(orderBuffer, 0, order, 0, n);
        }
        return order;
    }
}
