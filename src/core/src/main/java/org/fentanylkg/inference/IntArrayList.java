package org.fentanylkg.inference;

import java.util.Arrays;

/** A growable, append-only list of ints: adjacency lists and the work queue without boxing. */
final class IntArrayList {
    static final IntArrayList EMPTY = new IntArrayList(0);

    private int[] values;
    private int size;

    IntArrayList() {
        this(4);
    }

    IntArrayList(int capacity) {
        values = new int[capacity];
    }

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, Math.max(4, size + (size >> 1) + 1));
        }
        values[size++] = value;
    }

    int get(int index) {
        return values[index];
    }

    int size() {
        return size;
    }
}
