package io.crmkit.core.internal;

import io.crmkit.core.CustomerId;
import java.util.Arrays;

/**
 * Orders customer identifiers by their text ({@link CustomerId#compareTo}) without comparing
 * objects more than necessary: identifiers already in order are detected in one pass; otherwise
 * each gets a 64-bit key made of the characters that follow the prefix common to all of them
 * (eight 8-bit characters when they all fit, else four 16-bit ones), the keys are radix-sorted
 * with the row indexes, and only rows whose keys tie are compared as text.
 *
 * <p>A key never contradicts the text order: equal prefixes are skipped, a missing character
 * counts as 0, and any two identifiers with equal keys are compared in full. Stateless and
 * thread-safe.
 */
public final class CustomerIdSort {

    private CustomerIdSort() {
    }

    /**
     * Two identifiers of a sort are equal: the sorts take distinct identifiers, and find equal ones
     * at no extra cost (only identifiers whose keys tie are compared, and equal ones always tie).
     * Carries the two indexes in the input, the lower first.
     */
    public static final class EqualIdentifiersException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int first;
        private final int second;

        EqualIdentifiersException(int a, int b) {
            super("the identifiers at indexes " + Math.min(a, b) + " and " + Math.max(a, b) + " of the input are equal");
            this.first = Math.min(a, b);
            this.second = Math.max(a, b);
        }

        /**
         * Returns the lower index.
         *
         * @return the index in the input
         */
        public int first() {
            return first;
        }

        /**
         * Returns the higher index.
         *
         * @return the index in the input
         */
        public int second() {
            return second;
        }
    }

    /**
     * Returns the permutation that sorts {@code ids[0..n)}: {@code ids[order[0]] < ids[order[1]] < ...}.
     *
     * @throws EqualIdentifiersException if two of the identifiers are equal
     */
    public static int[] ascending(CustomerId[] ids, int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (isAscending(ids, n)) {
            return order;
        }
        String[] text = new String[n];
        for (int i = 0; i < n; i++) {
            text[i] = ids[i].value();
        }
        sortText(text, n, order);
        return order;
    }

    /**
     * Returns the permutation that sorts {@code text[0..n)} in {@link String#compareTo} order, as
     * {@link #ascending(CustomerId[], int)} does for identifiers (order identifiers, say).
     *
     * @throws EqualIdentifiersException if two of the strings are equal
     */
    public static int[] ascending(String[] text, int n) {
        int[] order = new int[n];
        boolean sorted = true;
        for (int i = 0; i < n; i++) {
            order[i] = i;
            sorted &= i == 0 || text[i - 1].compareTo(text[i]) < 0;
        }
        if (!sorted) {
            sortText(text, n, order);
        }
        return order;
    }

    private static void sortText(String[] text, int n, int[] order) {
        String head = text[0];
        int common = head.length();
        for (int i = 0; i < n; i++) {
            String t = text[i];
            int limit = Math.min(common, t.length());
            int k = 0;
            while (k < limit && t.charAt(k) == head.charAt(k)) {
                k++;
            }
            common = k;
        }
        long[] keys = new long[n];
        if (!keys(text, n, common, keys, 8)) {
            keys(text, n, common, keys, 16);
        }
        RadixSort.sort(keys, order, n);
        resolveTies(keys, order, text, n);
    }

    /** Returns whether {@code ids[0..n)} is strictly ascending (so also distinct). */
    public static boolean isAscending(CustomerId[] ids, int n) {
        for (int i = 1; i < n; i++) {
            if (ids[i - 1].compareTo(ids[i]) >= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Fills the keys with the characters after the common prefix, {@code bits} (8 or 16) per
     * character; returns false, leaving the keys unusable, if 8 bits do not hold a character.
     */
    private static boolean keys(String[] text, int n, int common, long[] keys, int bits) {
        int chars = 64 / bits;
        for (int i = 0; i < n; i++) {
            String s = text[i];
            int length = s.length();
            long key = 0;
            for (int k = 0; k < chars; k++) {
                int at = common + k;
                int ch = at < length ? s.charAt(at) : 0;
                if (ch >>> bits != 0) {
                    return false;
                }
                key = (key << bits) | ch;
            }
            keys[i] = key;
        }
        return true;
    }

    /**
     * Sorts every run of equal keys by the full text (insertion sort: such runs are short in
     * practice); equal texts always have equal keys, so a run's neighbours are the only candidates.
     */
    private static void resolveTies(long[] keys, int[] order, String[] text, int n) {
        int from = 0;
        while (from < n) {
            int to = from + 1;
            while (to < n && keys[to] == keys[from]) {
                to++;
            }
            if (to - from > 1) {
                sortRun(order, text, from, to);
                for (int k = from + 1; k < to; k++) {
                    if (text[order[k - 1]].equals(text[order[k]])) {
                        throw new EqualIdentifiersException(order[k - 1], order[k]);
                    }
                }
            }
            from = to;
        }
    }

    private static void sortRun(int[] order, String[] text, int from, int to) {
        if (to - from > 32) {
            Integer[] boxed = new Integer[to - from];
            for (int k = from; k < to; k++) {
                boxed[k - from] = order[k];
            }
            Arrays.sort(boxed, (a, b) -> text[a].compareTo(text[b]));
            for (int k = from; k < to; k++) {
                order[k] = boxed[k - from];
            }
            return;
        }
        for (int k = from + 1; k < to; k++) {
            int o = order[k];
            String s = text[o];
            int j = k - 1;
            while (j >= from && text[order[j]].compareTo(s) > 0) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = o;
        }
    }
}
