package io.crmkit.cli.orders;

import java.util.Arrays;

/**
 * A growable column of {@code int} values stored in fixed-size pages, so that growing never copies
 * the values already stored and never needs a second array of the full size. Not thread-safe.
 */
final class IntColumn {

    private static final int PAGE_BITS = 14;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;
    private static final int PAGE_MASK = PAGE_SIZE - 1;

    private int[][] pages = new int[8][];
    private int size;

    int size() {
        return size;
    }

    void add(int value) {
        int page = size >>> PAGE_BITS;
        if (page == pages.length) {
            pages = Arrays.copyOf(pages, page * 2);
        }
        if (pages[page] == null) {
            pages[page] = new int[PAGE_SIZE];
        }
        pages[page][size & PAGE_MASK] = value;
        size++;
    }

    int get(int index) {
        return pages[index >>> PAGE_BITS][index & PAGE_MASK];
    }
}
