package io.crmkit.spark;

import org.apache.spark.unsafe.types.UTF8String;

/**
 * The batch handles of a partition's customers whose identifiers are short: up to 7 ASCII characters
 * (numeric and most code-like identifiers). Such an identifier packs into one {@code long} (its
 * length in the low byte, then one byte per character), which is the key of an
 * open-addressing table: a lookup reads one slot, where a table of identifier objects reads the
 * slot, the identifier, its text and the text's bytes, each a likely cache miss in a partition of
 * a hundred thousand customers. Other identifiers are not kept here.
 *
 * <p>The handle of a key is the one the batch builder gave the identifier when it was first seen,
 * so a row finds the same handle whichever way it is looked up. Not thread-safe: one per batch.
 */
final class ShortIdHandles {

    /**
     * Slot {@code s} is {@code table[2s]}, the key (0 when empty), and {@code table[2s + 1]}, its
     * handle: both in one cache line, so a lookup costs one miss where two arrays cost two.
     */
    private long[] table = new long[2 << 12];
    private int size;
    /** Sums the slots {@link #touch} loads, so that the loads are not optimised away. */
    private long touched;

    /**
     * Packs a short identifier from its UTF-8 bytes (as a Spark row holds it, without decoding).
     *
     * @param id the identifier, not null
     * @return its key, never 0; or 0 when it is empty, longer than 7 bytes or holds a byte outside
     *     ASCII (such identifiers are found the slower way)
     */
    static long pack(UTF8String id) {
        int n = id.numBytes();
        if (n == 0 || n > 7) {
            return 0;
        }
        long key = n;
        for (int i = 0; i < n; i++) {
            byte b = id.getByte(i);
            if (b < 0) {
                return 0;
            }
            key |= (long) b << (8 * (i + 1));
        }
        return key;
    }

    /**
     * Returns the identifier a key packs.
     *
     * @param key a key of {@link #pack}, not 0
     * @return the identifier, never null
     */
    static String unpack(long key) {
        int n = (int) (key & 0xFF);
        byte[] ascii = new byte[n];
        for (int i = 0; i < n; i++) {
            ascii[i] = (byte) (key >>> (8 * (i + 1)));
        }
        return new String(ascii, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /**
     * Loads the slots where the lookups of some keys start, one after the other, so that their
     * cache misses overlap; {@link #get} then finds them in the cache.
     *
     * @param keys the keys, 0 for rows without a short identifier (skipped)
     * @param count how many of them
     */
    void touch(long[] keys, int count) {
        long[] t = table;
        int mask = (t.length >>> 1) - 1;
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += keys[i] != 0 ? t[2 * slot(keys[i], mask)] : 0;
        }
        touched += sum;
    }

    /**
     * Returns the handle kept for a key.
     *
     * @param key a key of {@link #pack}, not 0
     * @return the handle, or -1 when the key was not kept
     */
    int get(long key) {
        long[] t = table;
        int mask = (t.length >>> 1) - 1;
        for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
            long k = t[2 * slot];
            if (k == key) {
                return (int) t[2 * slot + 1];
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
        if ((size + 1) * 4L > table.length) {
            grow();
        }
        insert(table, key, handle);
        size++;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0) {
                insert(table, old[i], (int) old[i + 1]);
            }
        }
    }

    private static void insert(long[] t, long key, int handle) {
        int mask = (t.length >>> 1) - 1;
        int slot = slot(key, mask);
        while (t[2 * slot] != 0) {
            slot = (slot + 1) & mask;
        }
        t[2 * slot] = key;
        t[2 * slot + 1] = handle;
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
