package org.fentanylkg.inference;

/**
 * How each derived triple was first derived, kept as ints: the conclusion, the licence id and the premise
 * triples. Derivation ids are dense and in derivation order; {@link Derivation} records are built on demand.
 */
final class DerivationLog {
    private final IntArrayList conclusions = new IntArrayList(3 * 1024);
    private final IntArrayList licences = new IntArrayList(1024);
    private final IntArrayList premiseStarts = new IntArrayList(1024);
    private final IntArrayList premises = new IntArrayList(6 * 1024);

    /** The id the next {@link #begin} will return. */
    int size() {
        return licences.size();
    }

    /** Starts a derivation; its premises follow through {@link #addPremise}. */
    int begin(int s, int p, int o, int licence) {
        conclusions.add(s);
        conclusions.add(p);
        conclusions.add(o);
        licences.add(licence);
        premiseStarts.add(premises.size());
        return licences.size() - 1;
    }

    void addPremise(int s, int p, int o) {
        premises.add(s);
        premises.add(p);
        premises.add(o);
    }

    /** Component 0, 1 or 2 (subject, predicate, object) of the conclusion of derivation {@code id}. */
    int conclusion(int id, int component) {
        return conclusions.get(3 * id + component);
    }

    int licence(int id) {
        return licences.get(id);
    }

    int premiseCount(int id) {
        int end = id + 1 < premiseStarts.size() ? premiseStarts.get(id + 1) : premises.size();
        return (end - premiseStarts.get(id)) / 3;
    }

    /** Component 0, 1 or 2 of premise {@code k} of derivation {@code id}. */
    int premise(int id, int k, int component) {
        return premises.get(premiseStarts.get(id) + 3 * k + component);
    }
}
