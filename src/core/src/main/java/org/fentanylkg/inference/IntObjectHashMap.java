package org.fentanylkg.inference;

import java.util.Arrays;

/** Open-addressing map from non-negative int keys (dictionary ids) to objects, without boxing the keys. */
final class IntObjectHashMap<V> {
    private static final int EMPTY = -1;

    private int[] keys;
    private Object[] values;
    private int size;
    private int shift;

    IntObjectHashMap() {
        allocate(16);
    }

    @SuppressWarnings("unchecked")
    V get(int key) {
        int mask = keys.length - 1;
        for (int i = slot(key); ; i = (i + 1) & mask) {
            int k = keys[i];
            if (k == key) {
                return (V) values[i];
            }
            if (k == EMPTY) {
                return null;
            }
        }
    }

    void put(int key, V value) {
        int mask = keys.length - 1;
        int i = slot(key);
        while (keys[i] != EMPTY && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (keys[i] == key) {
            values[i] = value;
            return;
        }
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) {
            rehash();
        }
    }

    private int slot(int key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }

    private void allocate(int capacity) {
        keys = new int[capacity];
        Arrays.fill(keys, EMPTY);
        values = new Object[capacity];
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
    }

    private void rehash() {
        int[] oldKeys = keys;
        Object[] oldValues = values;
        allocate(oldKeys.length * 2);
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != EMPTY) {
                int i = slot(oldKeys[j]);
                while (keys[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }
}
