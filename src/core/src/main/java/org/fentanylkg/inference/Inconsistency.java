package org.fentanylkg.inference;

import java.util.List;
import org.apache.jena.graph.Triple;

/**
 * A contradiction in the closure, e.g. (cax-dw) an individual in two disjoint classes. Reported, not thrown.
 *
 * @param rule     the OWL 2 RL rule id, e.g. "cax-dw"
 * @param message  what clashes, in words
 * @param premises the clashing triples, asserted or inferred
 */
public record Inconsistency(String rule, String message, List<Triple> premises) {
    public Inconsistency {
        premises = List.copyOf(premises);
    }
}
