package io.crmkit.metrics.clv;

import java.util.Arrays;

/**
 * The distinct values of a column of finite doubles (-0.0 read as 0.0), ascending, and the rank
 * of each value among them, through an open-addressing table of the values' bits: BTYD times take a
 * few thousand values over a million customers or patterns ({@link BtydData}'s patterns, the
 * logarithms of {@link BgNbdMath} computed once per distinct time).
 *
 * <p>Immutable once built; thread-safe for reading.
 */
final class Ranks {
    final double[] values;
    private long[] bits;
    /** The value's rank + 1, 0 for an empty slot (before {@link #values} is known: 1 for a used one). */
    private int[] slot;
    private int mask;
    /** 64 - log2(capacity). */
    private int shift;

    private Ranks(double[] column) {
        int capacity = 1 << 10;
        bits = new long[capacity];
        slot = new int[capacity];
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
        int size = 0;
        for (double v : column) {
            if (insert(Double.doubleToRawLongBits(v + 0.0))) {
                size++;
                if (2 * size > bits.length) {
                    grow();
                }
            }
        }
        double[] distinct = new double[size];
        int m = 0;
        for (int s = 0; s < bits.length; s++) {
            if (slot[s] != 0) {
                distinct[m++] = Double.longBitsToDouble(bits[s]);
            }
        }
        Arrays.sort(distinct);
        for (int r = 0; r < size; r++) {
            slot[find(Double.doubleToRawLongBits(distinct[r]))] = r + 1;
        }
        values = distinct;
    }

    static Ranks of(double[] column) {
        return new Ranks(column);
    }

    /** The rank of each value of a column whose values are all among these. */
    int[] ranksOf(double[] column) {
        int[] out = new int[column.length];
        for (int i = 0; i < column.length; i++) {
            out[i] = rank(column[i]);
        }
        return out;
    }

    /** The rank of a value of the column. */
    int rank(double v) {
        return slot[find(Double.doubleToRawLongBits(v + 0.0))] - 1;
    }

    /** The slot of the bits: theirs, or the empty one where they would go. */
    private int find(long b) {
        // the product's high bits: a double's low bits are often all zero (whole or short values)
        int s = (int) ((b * 0x9E3779B97F4A7C15L) >>> shift);
        while (slot[s] != 0 && bits[s] != b) {
            s = (s + 1) & mask;
        }
        return s;
    }

    /** Adds the bits; whether they were new. */
    private boolean insert(long b) {
        int s = find(b);
        if (slot[s] != 0) {
            return false;
        }
        bits[s] = b;
        slot[s] = 1;
        return true;
    }

    private void grow() {
        long[] oldBits = bits;
        int[] oldSlot = slot;
        bits = new long[oldBits.length * 2];
        slot = new int[oldBits.length * 2];
        mask = bits.length - 1;
        shift--;
        for (int s = 0; s < oldBits.length; s++) {
            if (oldSlot[s] != 0) {
                insert(oldBits[s]);
            }
        }
    }
}
