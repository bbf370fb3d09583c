package io.crmkit.spark;

/**
 * The batch handles of a partition's customers whose identifiers are short: up to 7 characters, each
 * up to U+00FF (numeric and most code-like identifiers). Such an identifier packs into one
 * {@code long} (its length in the low byte, then one byte per character), which is the key of an
 * open-addressing table: a lookup reads one slot, where a table of identifier objects reads the
 * slot, the identifier, its text and the text's bytes, each a likely cache miss in a partition of
 * a hundred thousand customers. Other identifiers are not kept here.
 *
 * <p>The handle of a key is the one the batch builder gave the identifier when it was first seen,
 * so a row finds the same handle whichever way it is looked up. Not thread-safe: one per batch.
 */
final class ShortIdHandles {

    private long[] keys = new long[1 << 12];
    private int[] handles = new int[1 << 12];
    private int size;

    /**
     * Packs a short identifier.
     *
     * @param id the identifier, not null
     * @return its key, never 0; or 0 when it is empty, longer than 7 characters or holds a character
     *     above U+00FF
     */
    static long pack(String id) {
        int n = id.length();
        if (n == 0 || n > 7) {
            return 0;
        }
        long key = n;
        for (int i = 0; i < n; i++) {
            char c = id.charAt(i);
            if (c > 0xFF) {
                return 0;
            }
            key |= (long) c << (8 * (i + 1));
        }
        return key;
    }

    /**
     * Returns the handle kept for a key.
     *
     * @param key a key of {@link #pack}, not 0
     * @return the handle, or -1 when the key was not kept
     */
    int get(long key) {
        int mask = keys.length - 1;
        for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
            long k = keys[slot];
            if (k == key) {
                return handles[slot];
            }
            if (k == 0) {
                return -1;
            }
        }
    }

    /**
     * Keeps the handle of a key not kept yet.
     *
     * @param key a key of {@link #pack}, not 0
     * @param handle the builder's handle of the identifier, not negative
     */
    void put(long key, int handle) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        insert(keys, handles, key, handle);
        size++;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldHandles = handles;
        keys = new long[oldKeys.length * 2];
        handles = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                insert(keys, handles, oldKeys[i], oldHandles[i]);
            }
        }
    }

    private static void insert(long[] keys, int[] handles, long key, int handle) {
        int mask = keys.length - 1;
        int slot = slot(key, mask);
        while (keys[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        handles[slot] = handle;
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
