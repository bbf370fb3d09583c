package io.crmkit.core.history;

import java.util.Arrays;

/**
 * The source tags of a batch's rows (a file's line numbers, say), stored by what they usually are:
 * rising with the row. Rows whose tag is the row plus the same offset form a run, and only the runs
 * are kept (8 bytes each): a file without rejected rows, blank lines or lines of one order needs a
 * single run whatever its size. When runs would take more room than a tag per row (4 bytes), the
 * tags are kept per row instead. A row without a tag has -1.
 *
 * <p>Rows are appended in order. Not thread-safe while appended; read-only afterwards.
 */
final class SourceTags {

    /** The offset of a run of rows without tags. */
    private static final long NONE = Long.MIN_VALUE;

    private int rows;
    // runs: the first row of each and the offset (tag - row), or NONE
    private int[] runStart = new int[16];
    private long[] runOffset = new long[16];
    private int runs;
    // per row, once runs stop paying
    private int[] dense;

    /** Appends the next row's tag, -1 for none. */
    void append(int tag) {
        int row = rows++;
        if (dense != null) {
            if (row == dense.length) {
                dense = Arrays.copyOf(dense, row + (row >> 1) + 16);
            }
            dense[row] = tag;
            return;
        }
        long offset = tag < 0 ? NONE : (long) tag - row;
        if (runs > 0 && runOffset[runs - 1] == offset) {
            return;
        }
        if (runs == runStart.length) {
            if (runs > 64 && (long) runs * 2 > rows) {
                toDense();
                dense[row] = tag;
                return;
            }
            runStart = Arrays.copyOf(runStart, runs * 2);
            runOffset = Arrays.copyOf(runOffset, runs * 2);
        }
        runStart[runs] = row;
        runOffset[runs] = offset;
        runs++;
    }

    private void toDense() {
        int[] d = new int[rows + (rows >> 1) + 16];
        for (int r = 0; r < rows - 1; r++) {
            d[r] = tag(r);
        }
        dense = d;
        runStart = null;
        runOffset = null;
    }

    /** Returns a row's tag, -1 for none. */
    int tag(int row) {
        if (dense != null) {
            return dense[row];
        }
        int k = Arrays.binarySearch(runStart, 0, runs, row);
        if (k < 0) {
            k = -k - 2;
        }
        long offset = runOffset[k];
        return offset == NONE ? -1 : (int) (row + offset);
    }

    /** Returns whether no row has a tag. */
    boolean isEmpty() {
        return dense == null && (runs == 0 || (runs == 1 && runOffset[0] == NONE));
    }

    /** Returns the bytes held, about. */
    long bytes() {
        return dense != null ? 4L * dense.length : 12L * runStart.length;
    }
}
