package org.fentanylkg.inference;

import java.util.Arrays;

/**
 * Open-addressing map from non-negative long keys to int values, used to store a predicate's
 * (subject, object) pairs packed into one long. Values are the triple's derivation id or a marker.
 * Key and value sit side by side in one array, so a probe costs one cache miss, not two.
 */
final class LongIntHashMap {
    private static final long EMPTY = -1L; // packed pairs of non-negative ints never have the sign bit set

    private long[] table; // key at 2i, value at 2i + 1
    private int size;
    private int shift;

    LongIntHashMap() {
        allocate(16);
    }

    /** Returns the value of {@code key}, or {@code missing} if absent. */
    int get(long key, int missing) {
        int mask = table.length - 1;
        for (int i = slot(key); ; i = (i + 2) & mask) {
            long k = table[i];
            if (k == key) {
                return (int) table[i + 1];
            }
            if (k == EMPTY) {
                return missing;
            }
        }
    }

    /** Inserts {@code key → value} unless the key is present; returns whether it inserted. */
    boolean putIfAbsent(long key, int value) {
        int mask = table.length - 1;
        int i = slot(key);
        for (; ; i = (i + 2) & mask) {
            long k = table[i];
            if (k == key) {
                return false;
            }
            if (k == EMPTY) {
                break;
            }
        }
        table[i] = key;
        table[i + 1] = value;
        if (++size * 4 > table.length) { // load factor 1/2 over entries (two longs each)
            rehash();
        }
        return true;
    }

    /** Even index of the key's home slot; Fibonacci hashing spreads packed pairs well. */
    private int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift) << 1;
    }

    private void allocate(int entries) {
        table = new long[entries * 2];
        Arrays.fill(table, EMPTY);
        shift = 64 - Integer.numberOfTrailingZeros(entries);
    }

    private void rehash() {
        long[] old = table;
        allocate(old.length); // twice the entries
        int mask = table.length - 1;
        for (int j = 0; j < old.length; j += 2) {
            long key = old[j];
            if (key != EMPTY) {
                int i = slot(key);
                while (table[i] != EMPTY) {
                    i = (i + 2) & mask;
                }
                table[i] = key;
                table[i + 1] = old[j + 1];
            }
        }
    }
}
