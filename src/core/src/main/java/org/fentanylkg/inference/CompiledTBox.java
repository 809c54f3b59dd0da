package org.fentanylkg.inference;

import java.util.List;
import org.apache.jena.graph.Triple;

/**
 * The ontology compiled into per-class and per-property rule tables over dictionary ids, plus the ontology's
 * own triples (they are facts too) and its schema closure. Immutable once built; shared by materialisations.
 */
final class CompiledTBox {
    /** A schema entailment computed at compile time, inserted into every closure. */
    record SchemaInference(Triple conclusion, int licence, List<Triple> premises) {
    }

    private final NodeDictionary dictionary;
    private final List<Licence> licences;
    private final ClassRules[] classRules; // indexed by id: TBox ids are dense and few
    private final PropertyRules[] propertyRules;
    private final int[] ontologyTriples;
    private final List<SchemaInference> schemaInferences;

    CompiledTBox(NodeDictionary dictionary, List<Licence> licences, IntObjectHashMap<ClassRules> classRules,
                 IntObjectHashMap<PropertyRules> propertyRules, int[] ontologyTriples,
                 List<SchemaInference> schemaInferences) {
        this.dictionary = dictionary;
        this.licences = List.copyOf(licences);
        this.classRules = new ClassRules[dictionary.size()];
        this.propertyRules = new PropertyRules[dictionary.size()];
        for (int id = 0; id < dictionary.size(); id++) {
            this.classRules[id] = classRules.get(id);
            this.propertyRules[id] = propertyRules.get(id);
        }
        this.ontologyTriples = ontologyTriples;
        this.schemaInferences = List.copyOf(schemaInferences);
    }

    /** A fresh copy of the dictionary that holds the TBox ids, for one materialisation to extend. */
    NodeDictionary newDictionary(int expectedNewTerms) {
        return dictionary.copy(expectedNewTerms);
    }

    List<Licence> licences() {
        return licences;
    }

    Licence licence(int id) {
        return licences.get(id);
    }

    /** Rules triggered by membership of class {@code c}, or null. */
    ClassRules classRules(int c) {
        return c < classRules.length ? classRules[c] : null;
    }

    /** Rules triggered by a triple with property {@code p}, or null. */
    PropertyRules propertyRules(int p) {
        return p < propertyRules.length ? propertyRules[p] : null;
    }

    /** The adjacency lists the engine must keep for predicate {@code p}. */
    int adjacency(int p) {
        PropertyRules rules = propertyRules(p);
        return rules == null ? 0 : rules.adjacency;
    }

    /** The ontology's triples as (s, p, o) id triples. */
    int[] ontologyTriples() {
        return ontologyTriples;
    }

    List<SchemaInference> schemaInferences() {
        return schemaInferences;
    }
}
