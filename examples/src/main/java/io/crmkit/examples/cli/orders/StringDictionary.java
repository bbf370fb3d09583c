package io.crmkit.examples.cli.orders;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Dictionary-encodes strings (customer and order identifiers): maps each distinct string to a dense
 * index 0, 1, 2... in order of first appearance and back.
 *
 * <p>Memory per distinct string: its UTF-8 bytes plus 2 length bytes in a paged byte arena, a 4-byte
 * reference, and 13 to 27 bytes of open-addressing table (8-byte slots holding the hash and the
 * index, load factor at most 0.6, so that most misses are decided without touching the arena): about
 * 35 bytes for a 12-character identifier, with no object per string. The arena holds at most 2 GiB.
 * Not thread-safe.
 */
final class StringDictionary {

    /** Longest string accepted, in UTF-8 bytes. */
    static final int MAX_BYTES = 0xFFFF;

    private static final int PAGE_BITS = 20;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;
    private static final int MAX_PAGES = 1 << (31 - PAGE_BITS);

    private byte[][] pages = new byte[4][];
    private int page = -1;
    private int pageUsed = PAGE_SIZE;
    private final IntColumn refs = new IntColumn();
    /** Slots: 0 when empty, else the hash in the high half and the index + 1 in the low half. */
    private long[] table = new long[1024];
    private int mask = table.length - 1;
    private byte[] probe = new byte[256];
    private int probeLength;
    private int probeHash;

    /**
     * Returns the number of distinct strings.
     *
     * @return the count
     */
    int size() {
        return refs.size();
    }

    /**
     * Finds a string.
     *
     * @param s the string, not null
     * @return its index, or -1 when absent
     */
    int find(String s) {
        encode(s);
        return lookup();
    }

    /**
     * Adds the string of the last {@link #find} call, which must have returned -1, without
     * hashing it again.
     *
     * @return the index of the added string
     * @throws IllegalArgumentException if the string is too long
     * @throws IllegalStateException if the arena is full
     */
    int addFound() {
        return append();
    }

    /**
     * Finds a string and adds it when absent.
     *
     * @param s the string, at most {@link #MAX_BYTES} UTF-8 bytes, not null
     * @return its index when present, else {@code -(index) - 1} of the newly added string
     * @throws IllegalArgumentException if the string is too long
     * @throws IllegalStateException if the arena is full
     */
    int getOrAdd(String s) {
        encode(s);
        int found = lookup();
        if (found >= 0) {
            return found;
        }
        return -append() - 1;
    }

    /**
     * Drops the hash table once no more strings will be looked up or added: {@link #get} keeps
     * working, {@link #find} and the adding methods then throw {@link IllegalStateException}.
     */
    void freeze() {
        table = null;
    }

    /**
     * Returns the string at an index.
     *
     * @param index the index, {@code 0 <= index < size()}
     * @return the string, never null
     */
    String get(int index) {
        int ref = refs.get(index);
        byte[] p = pages[ref >>> PAGE_BITS];
        int at = ref & (PAGE_SIZE - 1);
        int length = ((p[at] & 0xFF) << 8) | (p[at + 1] & 0xFF);
        return new String(p, at + 2, length, StandardCharsets.UTF_8);
    }

    private void encode(String s) {
        int n = s.length();
        if (n > probe.length) {
            probe = new byte[Math.max(n, probe.length * 2)];
        }
        int h = 0x811C9DC5;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                encodeUtf8(s);
                return;
            }
            probe[i] = (byte) c;
            h = (h ^ c) * 0x01000193;
        }
        probeLength = n;
        probeHash = mix(h);
    }

    private void encodeUtf8(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("string too long for the dictionary: " + bytes.length + " bytes");
        }
        if (bytes.length > probe.length) {
            probe = new byte[bytes.length];
        }
        System.arraycopy(bytes, 0, probe, 0, bytes.length);
        int h = 0x811C9DC5;
        for (byte b : bytes) {
            h = (h ^ (b & 0xFF)) * 0x01000193;
        }
        probeLength = bytes.length;
        probeHash = mix(h);
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        return h;
    }

    private int lookup() {
        if (table == null) {
            throw new IllegalStateException("the dictionary is frozen");
        }
        int slot = probeHash & mask;
        while (true) {
            long s = table[slot];
            if (s == 0) {
                return -1;
            }
            int entry = (int) s - 1;
            if ((int) (s >>> 32) == probeHash && matches(refs.get(entry))) {
                return entry;
            }
            slot = (slot + 1) & mask;
        }
    }

    private boolean matches(int ref) {
        byte[] p = pages[ref >>> PAGE_BITS];
        int at = ref & (PAGE_SIZE - 1);
        int length = ((p[at] & 0xFF) << 8) | (p[at + 1] & 0xFF);
        return length == probeLength && Arrays.equals(p, at + 2, at + 2 + length, probe, 0, length);
    }

    private int append() {
        if (probeLength > MAX_BYTES) {
            throw new IllegalArgumentException("string too long for the dictionary: " + probeLength + " bytes");
        }
        int need = probeLength + 2;
        if (pageUsed + need > PAGE_SIZE) {
            page++;
            if (page == MAX_PAGES) {
                throw new IllegalStateException("identifier dictionary full: more than 2 GiB of identifiers");
            }
            if (page == pages.length) {
                pages = Arrays.copyOf(pages, page * 2);
            }
            pages[page] = new byte[PAGE_SIZE];
            pageUsed = 0;
        }
        byte[] p = pages[page];
        int at = pageUsed;
        p[at] = (byte) (probeLength >>> 8);
        p[at + 1] = (byte) probeLength;
        System.arraycopy(probe, 0, p, at + 2, probeLength);
        pageUsed += need;
        int index = refs.size();
        refs.add((page << PAGE_BITS) | at);
        if ((index + 1) * 5L > table.length * 3L) {
            rehash(table.length * 2);
        }
        insert(table, mask, ((long) probeHash << 32) | (index + 1));
        return index;
    }

    private void rehash(int capacity) {
        long[] t = new long[capacity];
        int m = capacity - 1;
        for (long s : table) {
            if (s != 0) {
                insert(t, m, s);
            }
        }
        table = t;
        mask = m;
    }

    private static void insert(long[] t, int m, long entry) {
        int slot = (int) (entry >>> 32) & m;
        while (t[slot] != 0) {
            slot = (slot + 1) & m;
        }
        t[slot] = entry;
    }
}
