package io.crmkit.cli.orders;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Dictionary-encodes strings (customer and order identifiers): maps each distinct string to a dense
 * index 0, 1, 2... in order of first appearance and back.
 *
 * <p>Memory per distinct string: its UTF-8 bytes plus 2 length bytes in a paged byte arena, a 4-byte
 * reference, and 27 to 54 bytes of open-addressing table (16-byte slots holding the string's first
 * eight bytes, its length, 16 bits of its hash and its index; load factor at most 0.6): about 60
 * bytes for a 12-character identifier, with no object per string. A string of at most eight bytes
 * (a numeric identifier up to 99,999,999, say) is found or ruled out by its slot alone, one cache
 * line; a longer one touches the arena only when its slot's first bytes, length and hash bits match.
 *
 * <p>Database keys are often small whole numbers: a string that is the canonical decimal form of
 * an integer (digits only, no sign, no leading zero, at most nine digits) below a bound is found in
 * a direct array indexed by its value instead, one read of 4 bytes and no hashing; the bound grows
 * with the dictionary (16 array entries per string, at least 1 Mi entries), so the array is at
 * least a sixteenth full. A number first seen above the bound stays in the hash table, which a
 * number missing from the array is then also looked up in. Quoted and unquoted forms of the same
 * text are one string either way. The arena holds at most 2 GiB. Not thread-safe.
 */
final class StringDictionary {

    /** Longest string accepted, in UTF-8 bytes. */
    static final int MAX_BYTES = 0xFFFF;

    private static final int PAGE_BITS = 20;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;
    private static final int MAX_PAGES = 1 << (31 - PAGE_BITS);
    /** The direct array's bound for small dictionaries (entries). */
    static final int DIRECT_MIN = 1 << 20;
    /** The direct array's largest bound (entries: 256 MiB of array). */
    private static final int DIRECT_MAX = 1 << 26;
    /** Direct array entries allowed per string. */
    private static final int DIRECT_PER_STRING = 16;
    /** {@link #key} of a string that is not a small canonical number: the sign bit, the hash in the low half. */
    private static final long HASHED = Long.MIN_VALUE;

    private byte[][] pages = new byte[4][];
    private int page = -1;
    private int pageUsed = PAGE_SIZE;
    private final IntColumn refs = new IntColumn();
    /**
     * Slot {@code s} is {@code table[2s]}, the string's first eight bytes (little-endian, zero
     * padded), and {@code table[2s + 1]}: 0 when empty, else {@link #tag} in the high half and the
     * index + 1 in the low half.
     */
    private long[] table = new long[2048];
    private int mask = 1023;
    private byte[] probe = new byte[256];
    /** The bytes looked up last: {@code probe} after encoding a string, or a caller's array. */
    private byte[] probeBytes = probe;
    private int probeOffset;
    private int probeLength;
    private int probeHash;
    private long probePrefix;
    /** The value of the probe when it is a number {@link #key} keeps, else -1. */
    private int probeNumber;
    /** Whether {@link #probeHash} holds the probe's hash (numbers are hashed only when needed). */
    private boolean probeHashed;
    /** Sums the slots {@link #touch} loads, so that the loads are not optimised away. */
    private long touched;
    /** {@code direct[x]}: the index + 1 of the number {@code x}, 0 when not in the array. */
    private int[] direct = new int[0];
    /** The smallest bound of the direct array (tests choose a small one). */
    private final int directMin;
    /** How many numbers live in the hash table (seen above the bound of their time). */
    private int hashedNumbers;
    /** How many strings live in the hash table. */
    private int hashed;

    /** Creates an empty dictionary. */
    StringDictionary() {
        this(DIRECT_MIN);
    }

    /**
     * Creates an empty dictionary whose direct array starts with a chosen bound.
     *
     * @param directMin the smallest bound, 1 to {@code 1 << 26}
     */
    StringDictionary(int directMin) {
        if (directMin < 1 || directMin > DIRECT_MAX) {
            throw new IllegalArgumentException("directMin must be 1 to " + DIRECT_MAX + ": " + directMin);
        }
        this.directMin = directMin;
    }

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
     * Finds a string by its UTF-8 bytes, without decoding them. The bytes must stay as they are
     * until the next call (for {@link #addFound()}).
     *
     * @param bytes the array, not null
     * @param from the first byte
     * @param to after the last byte
     * @return its index, or -1 when absent
     */
    int find(byte[] bytes, int from, int to) {
        prepare(bytes, from, to - from);
        return lookup();
    }

    /**
     * Returns the key of some bytes for {@link #touch} and {@link #find(byte[], int, int, long)}:
     * the value of a canonical decimal number of at most nine digits, else {@link #HASHED} with
     * the bytes' hash in the low half.
     *
     * @param bytes the array, not null
     * @param from the first byte
     * @param to after the last byte
     * @return the key
     */
    static long key(byte[] bytes, int from, int to) {
        int number = number(bytes, from, to - from);
        return number >= 0 ? number : HASHED | (hash(bytes, from, to) & 0xFFFF_FFFFL);
    }

    /** Returns the value of a canonical decimal number of one to nine digits, else -1. */
    private static int number(byte[] bytes, int from, int length) {
        if (length < 1 || length > 9 || (bytes[from] == '0' && length > 1)) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + length; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** Returns the hash of some bytes. */
    static int hash(byte[] bytes, int from, int to) {
        int h = 0x811C9DC5;
        for (int i = from; i < to; i++) {
            h = (h ^ (bytes[i] & 0xFF)) * 0x01000193;
        }
        return mix(h);
    }

    /**
     * Loads the slots where the searches for some hashes start. Calling this for a few dozen keys
     * before finding them lets the processor fetch their slots from memory in parallel instead of
     * one after the other: with a table larger than the caches each first touch is a cache and TLB
     * miss. The loop does nothing else, so that many loads fit in the processor's window at once.
     *
     * @param keys the keys, from {@link #key}
     * @param count how many of them
     */
    void touch(long[] keys, int count) {
        long[] t = table;
        int m = mask;
        int[] d = direct;
        long sum = 0;
        for (int k = 0; k < count; k++) {
            long key = keys[k];
            // a number beyond the array (rare) loads an arbitrary slot: only a wasted load
            sum += key >= 0 && key < d.length ? d[(int) key] : t[2 * ((int) key & m) + 1];
        }
        touched += sum;
    }

    /**
     * Finds a string by its UTF-8 bytes whose key {@link #key} returned.
     *
     * @param bytes the array, not null
     * @param from the first byte
     * @param to after the last byte
     * @param key the bytes' key from {@link #key}
     * @return its index, or -1 when absent
     */
    int find(byte[] bytes, int from, int to, long key) {
        setProbe(bytes, from, to - from, key);
        return lookup();
    }

    /** Sets the probe to the bytes: their number or hash, and first eight bytes. */
    private void prepare(byte[] bytes, int from, int length) {
        setProbe(bytes, from, length, key(bytes, from, from + length));
    }

    private void setProbe(byte[] bytes, int from, int length, long key) {
        if (key >= 0) {
            probeNumber = (int) key;
            probeHashed = false;
        } else {
            probeNumber = -1;
            probeHash = (int) key;
            probeHashed = true;
        }
        long prefix = 0;
        int head = Math.min(length, 8);
        for (int i = 0; i < head; i++) {
            prefix |= (long) (bytes[from + i] & 0xFF) << (8 * i);
        }
        probeBytes = bytes;
        probeOffset = from;
        probeLength = length;
        probePrefix = prefix;
    }

    /** Hashes a number's bytes when the hash table is needed for it. */
    private void hashProbe() {
        if (!probeHashed) {
            probeHash = hash(probeBytes, probeOffset, probeOffset + probeLength);
            probeHashed = true;
        }
    }

    /** The high half of a slot's second word: 16 bits of the hash and the length. */
    private static long tag(int hash, int length) {
        return ((long) (hash >>> 16) << 16) | length;
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
        direct = null;
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
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                encodeUtf8(s);
                return;
            }
            probe[i] = (byte) c;
        }
        prepare(probe, 0, n);
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
        prepare(probe, 0, bytes.length);
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
        int x = probeNumber;
        if (x >= 0) {
            int found = x < direct.length ? direct[x] - 1 : -1;
            if (found >= 0 || hashedNumbers == 0) {
                return found; // a number missing from the array is in the table only if some number is
            }
        }
        hashProbe();
        long[] t = table;
        long tag = tag(probeHash, probeLength);
        int slot = probeHash & mask;
        while (true) {
            long s = t[2 * slot + 1];
            if (s == 0) {
                return -1;
            }
            if (s >>> 32 == tag && t[2 * slot] == probePrefix) {
                int entry = (int) s - 1;
                if (probeLength <= 8 || matches(refs.get(entry))) {
                    return entry;
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    private boolean matches(int ref) {
        byte[] p = pages[ref >>> PAGE_BITS];
        int at = ref & (PAGE_SIZE - 1);
        int length = ((p[at] & 0xFF) << 8) | (p[at + 1] & 0xFF);
        return length == probeLength
                && Arrays.equals(p, at + 2, at + 2 + length, probeBytes, probeOffset, probeOffset + length);
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
        System.arraycopy(probeBytes, probeOffset, p, at + 2, probeLength);
        pageUsed += need;
        int index = refs.size();
        refs.add((page << PAGE_BITS) | at);
        int x = probeNumber;
        if (x >= 0 && x < directBound(index + 1)) {
            if (x >= direct.length) {
                direct = Arrays.copyOf(direct, (int) Math.min(DIRECT_MAX,
                        Math.max(Integer.highestOneBit(x) * 2L, Math.max(direct.length * 2L, 1 << 16))));
            }
            direct[x] = index + 1;
            return index;
        }
        hashProbe();
        hashedNumbers += x >= 0 ? 1 : 0;
        hashed++;
        if (hashed * 5L > (mask + 1) * 3L) {
            rehash((mask + 1) * 2, index);
        }
        insert(table, mask, probeHash, probePrefix, (tag(probeHash, probeLength) << 32) | (index + 1));
        return index;
    }

    /** The direct array's bound for a dictionary of {@code size} strings: numbers below it go there. */
    private long directBound(int size) {
        return Math.min(DIRECT_MAX, Math.max(directMin, (long) DIRECT_PER_STRING * size));
    }

    /** Rebuilds the table with the given capacity from the first {@code n} strings. */
    private void rehash(int capacity, int n) {
        long[] t = new long[2 * capacity];
        int m = capacity - 1;
        byte[] savedBytes = probeBytes;
        int savedOffset = probeOffset;
        int savedLength = probeLength;
        int savedHash = probeHash;
        long savedPrefix = probePrefix;
        int savedNumber = probeNumber;
        boolean savedHashed = probeHashed;
        // in index order the arena is read from start to end: the hash's low bits, which the slots do
        // not keep, are recomputed from the stored strings without a cache miss per string
        for (int entry = 0; entry < n; entry++) {
            int ref = refs.get(entry);
            byte[] p = pages[ref >>> PAGE_BITS];
            int at = ref & (PAGE_SIZE - 1);
            int length = ((p[at] & 0xFF) << 8) | (p[at + 1] & 0xFF);
            prepare(p, at + 2, length);
            if (probeNumber >= 0 && probeNumber < direct.length && direct[probeNumber] == entry + 1) {
                continue; // in the direct array
            }
            hashProbe();
            insert(t, m, probeHash, probePrefix, (tag(probeHash, length) << 32) | (entry + 1));
        }
        probeBytes = savedBytes;
        probeOffset = savedOffset;
        probeLength = savedLength;
        probeHash = savedHash;
        probePrefix = savedPrefix;
        probeNumber = savedNumber;
        probeHashed = savedHashed;
        table = t;
        mask = m;
    }

    private static void insert(long[] t, int m, int hash, long prefix, long word) {
        int slot = hash & m;
        while (t[2 * slot + 1] != 0) {
            slot = (slot + 1) & m;
        }
        t[2 * slot] = prefix;
        t[2 * slot + 1] = word;
    }
}
