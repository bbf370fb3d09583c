package io.crmkit.core.internal;

import java.util.Arrays;

/**
 * A stable LSD radix sort of {@code long} keys (unsigned order) carrying an {@code int} per key,
 * such as the row each key came from: eight passes of one byte at most, a byte that is the same in
 * every key skipped. For the sorts of millions of keys (customer identifiers, BTYD patterns) where
 * a comparison sort would also need the permutation.
 *
 * <p>Internal: not part of the crmkit API. Stateless and thread-safe.
 */
public final class RadixSort {

    private RadixSort() {
    }

    /**
     * Sorts {@code keys[0, n)} ascending as unsigned values, moving {@code order[0, n)} along;
     * keys that are equal keep their order.
     *
     * @param keys the keys, not null, at least n long
     * @param order the values carried, at least n long; null to carry none
     * @param n how many to sort, not negative
     */
    public static void sort(long[] keys, int[] order, int n) {
        if (n < 2) {
            return;
        }
        long[] keyBuffer = new long[n];
        int[] orderBuffer = order == null ? null : new int[n];
        long[] srcKeys = keys;
        int[] srcOrder = order;
        long[] dstKeys = keyBuffer;
        int[] dstOrder = orderBuffer;
        int[] counts = new int[256];
        for (int shift = 0; shift < 64; shift += 8) {
            Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                counts[(int) (srcKeys[i] >>> shift) & 0xFF]++;
            }
            if (counts[(int) (srcKeys[0] >>> shift) & 0xFF] == n) {
                continue;
            }
            int sum = 0;
            for (int b = 0; b < 256; b++) {
                int c = counts[b];
                counts[b] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                int at = counts[(int) (srcKeys[i] >>> shift) & 0xFF]++;
                dstKeys[at] = srcKeys[i];
                if (srcOrder != null) {
                    dstOrder[at] = srcOrder[i];
                }
            }
            long[] tk = srcKeys;
            srcKeys = dstKeys;
            dstKeys = tk;
            int[] to = srcOrder;
            srcOrder = dstOrder;
            dstOrder = to;
        }
        if (srcKeys != keys) {
            System.arraycopy(srcKeys, 0, keys, 0, n);
            if (order != null) {
                System.arraycopy(srcOrder, 0, order, 0, n);
            }
        }
    }
}
