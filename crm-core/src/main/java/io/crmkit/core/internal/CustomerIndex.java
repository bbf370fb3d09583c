package io.crmkit.core.internal;

import io.crmkit.core.CustomerId;

/**
 * Maps customer identifiers to dense indexes 0, 1, 2... in order of first appearance: an
 * open-addressing hash table with linear probing, without boxing, about 12 bytes per customer
 * beyond the identifiers themselves (see docs/adr/0007).
 *
 * <p>Internal: not part of the crmkit API. Not thread-safe.
 */
public final class CustomerIndex {

    private CustomerId[] keys;
    private int[] values;
    private int size;
    private int mask;

    /**
     * Creates an index sized for an expected number of customers.
     *
     * @param expected the expected number of customers, not negative
     */
    public CustomerIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new CustomerId[capacity];
        values = new int[capacity];
        mask = capacity - 1;
    }

    /**
     * Returns the index of the key, or adds it and returns {@code -(its new index) - 1}.
     *
     * @param key the identifier, not null
     * @return the existing index, or minus one minus the new index
     */
    public int getOrAdd(CustomerId key) {
        return getOrAdd(key, size);
    }

    /**
     * Returns the value of the key, or adds it with the given value and returns
     * {@code -(value) - 1}: for a caller that numbers keys itself.
     *
     * @param key the identifier, not null
     * @param value the value of a new key, not negative
     * @return the existing value, or minus one minus the new value
     */
    public int getOrAdd(CustomerId key, int value) {
        int slot = spread(key.hashCode()) & mask;
        while (true) {
            CustomerId k = keys[slot];
            if (k == null) {
                keys[slot] = key;
                values[slot] = value;
                size++;
                if (size * 2 > keys.length) {
                    grow();
                }
                return -value - 1;
            }
            if (k.equals(key)) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
    }

    /**
     * Returns the index of the key.
     *
     * @param key the identifier, not null
     * @return the index, or -1 if absent
     */
    public int get(CustomerId key) {
        int slot = spread(key.hashCode()) & mask;
        while (true) {
            CustomerId k = keys[slot];
            if (k == null) {
                return -1;
            }
            if (k.equals(key)) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
    }

    /**
     * Returns the number of keys.
     *
     * @return the count
     */
    public int size() {
        return size;
    }

    private void grow() {
        CustomerId[] oldKeys = keys;
        int[] oldValues = values;
        keys = new CustomerId[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            CustomerId k = oldKeys[i];
            if (k != null) {
                int slot = spread(k.hashCode()) & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = k;
                values[slot] = oldValues[i];
            }
        }
    }

    private static int spread(int h) {
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 16);
    }
}
