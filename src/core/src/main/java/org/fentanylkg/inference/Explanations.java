package org.fentanylkg.inference;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * Turns the derivation log back into {@link Derivation}s, and decides which derived triples are shown.
 * Memberships of anonymous class expressions (and triples of anonymous inverse properties) are internal:
 * an explanation looks through them to the named premises they came from, and takes its rule from the
 * step that did the work rather than from a structural step such as "C ≡ (p value v)".
 */
final class Explanations {
    private final CompiledTBox tbox;
    private final NodeDictionary dictionary;
    private final TripleIndex index;
    private final DerivationLog log;
    private final int type;
    private final int thing;
    private final int namedIndividual;
    private final Set<Integer> schemaPredicates = new HashSet<>();

    Explanations(CompiledTBox tbox, NodeDictionary dictionary, TripleIndex index, DerivationLog log) {
        this.tbox = tbox;
        this.dictionary = dictionary;
        this.index = index;
        this.log = log;
        // lookup, not encode: the closure only reads the dictionary. A term never seen has id -1, matching nothing.
        this.type = dictionary.lookup(Vocab.TYPE);
        this.thing = dictionary.lookup(Vocab.THING);
        this.namedIndividual = dictionary.lookup(Vocab.NAMED_INDIVIDUAL);
        for (Node p : List.of(Vocab.SUB_CLASS_OF, Vocab.SUB_PROPERTY_OF, Vocab.EQUIVALENT_CLASS, Vocab.EQUIVALENT_PROPERTY)) {
            schemaPredicates.add(dictionary.lookup(p));
        }
    }

    /** A triple about an anonymous class expression or property expression, used only inside the engine. */
    boolean internal(int s, int p, int o) {
        return dictionary.isBlank(p) || (p == type && dictionary.isBlank(o));
    }

    /** Whether a derived triple belongs in the published closure. */
    boolean published(int s, int p, int o) {
        if (internal(s, p, o)) {
            return false;
        }
        if (p == type) {
            return o != thing && o != namedIndividual; // true of every individual: noise
        }
        return !schemaPredicates.contains(p) || !(dictionary.isBlank(s) || dictionary.isBlank(o));
    }

    Triple triple(int s, int p, int o) {
        return Triple.create(dictionary.node(s), dictionary.node(p), dictionary.node(o));
    }

    Optional<Derivation> derivation(Triple t) {
        int s = dictionary.lookup(t.getSubject());
        int p = dictionary.lookup(t.getPredicate());
        int o = dictionary.lookup(t.getObject());
        if (s < 0 || p < 0 || o < 0) {
            return Optional.empty();
        }
        int id = index.state(s, p, o);
        if (id < 0) {
            return Optional.empty(); // asserted or unknown
        }
        Accumulator acc = new Accumulator();
        acc.visited.add(id);
        explain(id, acc);
        Licence own = licence(id);
        String rule = acc.rule != null ? acc.rule : own.rule();
        String description = !acc.structural.isEmpty() ? String.join("; ", acc.structural)
                : acc.description != null ? acc.description : own.description();
        return Optional.of(new Derivation(t, rule, description, List.copyOf(acc.axioms), List.copyOf(acc.premises)));
    }

    /** The premises as published triples, looking through internal ones. */
    List<Triple> premises(int[] flat) {
        Accumulator acc = new Accumulator();
        for (int k = 0; k < flat.length; k += 3) {
            premise(flat[k], flat[k + 1], flat[k + 2], acc);
        }
        return List.copyOf(acc.premises);
    }

    private void explain(int id, Accumulator acc) {
        Licence licence = licence(id);
        acc.axioms.addAll(licence.axioms());
        if (licence.structural()) {
            acc.structural.add(licence.description());
        } else if (acc.rule == null) {
            acc.rule = licence.rule();
            acc.description = licence.description();
        }
        for (int k = 0, n = log.premiseCount(id); k < n; k++) {
            premise(log.premise(id, k, 0), log.premise(id, k, 1), log.premise(id, k, 2), acc);
        }
    }

    private void premise(int s, int p, int o, Accumulator acc) {
        int id = index.state(s, p, o);
        if (internal(s, p, o) && id >= 0) {
            if (acc.visited.add(id)) {
                explain(id, acc);
            }
        } else {
            acc.premises.add(triple(s, p, o));
        }
    }

    private Licence licence(int id) {
        return tbox.licence(log.licence(id));
    }

    private static final class Accumulator {
        final Set<Integer> visited = new HashSet<>();
        final Set<Triple> axioms = new LinkedHashSet<>();
        final Set<Triple> premises = new LinkedHashSet<>();
        final Set<String> structural = new LinkedHashSet<>();
        String rule;
        String description;
    }
}
