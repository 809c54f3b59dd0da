package org.fentanylkg.inference;

import java.util.function.IntUnaryOperator;

/**
 * The engine's triple store: per predicate, a set of packed (subject, object) pairs that also maps each
 * triple to how it got there, plus s→o and o→s adjacency lists only for predicates that rules join on.
 */
final class TripleIndex {
    /** State of a triple that is not in the index. */
    static final int ABSENT = -2;
    /** State of an input triple; derived triples carry their derivation id (≥ 0) instead. */
    static final int ASSERTED = -1;

    static final int BY_SUBJECT = 1;
    static final int BY_OBJECT = 2;

    private final IntObjectHashMap<PredicateTable> tables = new IntObjectHashMap<>();
    private final IntUnaryOperator adjacencyFor;
    private long size;

    /** @param adjacencyFor maps a predicate id to the {@link #BY_SUBJECT}/{@link #BY_OBJECT} lists it needs */
    TripleIndex(IntUnaryOperator adjacencyFor) {
        this.adjacencyFor = adjacencyFor;
    }

    long size() {
        return size;
    }

    /** {@link #ABSENT}, {@link #ASSERTED} or the derivation id of the triple. */
    int state(int s, int p, int o) {
        PredicateTable table = tables.get(p);
        return table == null ? ABSENT : table.pairs.get(pack(s, o), ABSENT);
    }

    boolean contains(int s, int p, int o) {
        return state(s, p, o) != ABSENT;
    }

    /** Adds the triple with the given state unless present; returns whether it was added. */
    boolean add(int s, int p, int o, int state) {
        PredicateTable table = tables.get(p);
        if (table == null) {
            table = new PredicateTable(adjacencyFor.applyAsInt(p));
            tables.put(p, table);
        }
        if (!table.pairs.putIfAbsent(pack(s, o), state)) {
            return false;
        }
        if (table.bySubject != null) {
            append(table.bySubject, s, o);
        }
        if (table.byObject != null) {
            append(table.byObject, o, s);
        }
        size++;
        return true;
    }

    /** Objects of (s, p, ?); empty unless p was indexed {@link #BY_SUBJECT}. */
    IntArrayList objects(int s, int p) {
        PredicateTable table = tables.get(p);
        IntArrayList list = table == null || table.bySubject == null ? null : table.bySubject.get(s);
        return list == null ? IntArrayList.EMPTY : list;
    }

    /** Subjects of (?, p, o); empty unless p was indexed {@link #BY_OBJECT}. */
    IntArrayList subjects(int p, int o) {
        PredicateTable table = tables.get(p);
        IntArrayList list = table == null || table.byObject == null ? null : table.byObject.get(o);
        return list == null ? IntArrayList.EMPTY : list;
    }

    private static void append(IntObjectHashMap<IntArrayList> adjacency, int key, int value) {
        IntArrayList list = adjacency.get(key);
        if (list == null) {
            list = new IntArrayList(2);
            adjacency.put(key, list);
        }
        list.add(value);
    }

    private static long pack(int s, int o) {
        return ((long) s << 32) | (o & 0xFFFFFFFFL);
    }

    private static final class PredicateTable {
        final LongIntHashMap pairs = new LongIntHashMap();
        final IntObjectHashMap<IntArrayList> bySubject;
        final IntObjectHashMap<IntArrayList> byObject;

        PredicateTable(int adjacency) {
            bySubject = (adjacency & BY_SUBJECT) != 0 ? new IntObjectHashMap<>() : null;
            byObject = (adjacency & BY_OBJECT) != 0 ? new IntObjectHashMap<>() : null;
        }
    }
}
