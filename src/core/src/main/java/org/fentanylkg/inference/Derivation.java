package org.fentanylkg.inference;

import java.util.List;
import org.apache.jena.graph.Triple;

/**
 * How an inferred triple was first derived.
 *
 * @param conclusion      the inferred triple
 * @param rule            the OWL 2 RL rule id (W3C OWL 2 Profiles, section 4.3), e.g. "prp-trp"
 * @param ruleDescription the licensing axiom in words, with local names, e.g. "precursorOf is transitive"
 * @param axioms          the ontology triples that licensed the step (for a restriction, its triples)
 * @param premises        the data triples, asserted or inferred, that the step consumed; call
 *                        {@link Closure#derivation} on them to recurse down to asserted facts
 */
public record Derivation(Triple conclusion, String rule, String ruleDescription, List<Triple> axioms,
                         List<Triple> premises) {
    public Derivation {
        axioms = List.copyOf(axioms);
        premises = List.copyOf(premises);
    }
}
