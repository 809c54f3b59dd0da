package org.fentanylkg.inference;

import java.util.List;
import org.apache.jena.graph.Triple;

/**
 * One compiled use of an ontology axiom: the OWL 2 RL rule it drives, a readable description and the axiom
 * triples. A structural licence only moves membership between a class and an anonymous class expression;
 * explanations look through it to the step that did the work.
 */
record Licence(String rule, String description, List<Triple> axioms, boolean structural) {
}
