package org.fentanylkg.explain;

import java.util.List;
import org.apache.jena.graph.Triple;

/**
 * Why the graph holds a triple: either it is asserted, with its evidence, or it is inferred by a rule from
 * premises that are explained in turn, down to asserted facts.
 *
 * @param triple          the triple explained
 * @param status          asserted or inferred
 * @param rule            the OWL 2 RL rule id of an inferred triple ("prp-trp"), else null
 * @param ruleDescription the licensing axiom in words ("precursorOf is transitive"), else null
 * @param axioms          the ontology triples that licensed the step (empty for an asserted triple)
 * @param premises        the explanations of the step's premises (empty for an asserted triple)
 * @param evidence        where an asserted triple comes from (empty for an inferred one)
 */
public record Explanation(Triple triple, Status status, String rule, String ruleDescription, List<Triple> axioms,
                          List<Explanation> premises, List<Evidence> evidence) {

    public enum Status {
        ASSERTED, INFERRED;

        /** "asserted" or "inferred", as the JSON and the pages say it. */
        public String word() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    public Explanation {
        axioms = List.copyOf(axioms);
        premises = List.copyOf(premises);
        evidence = List.copyOf(evidence);
    }

    public boolean inferred() { return status == Status.INFERRED; }

    /** The asserted triples this explanation rests on, each once, in the order met depth-first. */
    public List<Explanation> assertedLeaves() {
        java.util.LinkedHashMap<Triple, Explanation> out = new java.util.LinkedHashMap<>();
        collect(this, out);
        return List.copyOf(out.values());
    }

    private static void collect(Explanation e, java.util.Map<Triple, Explanation> out) {
        if (!e.inferred()) out.putIfAbsent(e.triple(), e);
        for (Explanation p : e.premises()) collect(p, out);
    }
}
