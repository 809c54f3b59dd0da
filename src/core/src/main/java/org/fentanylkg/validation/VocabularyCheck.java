package org.fentanylkg.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.fentanylkg.rdf.FactGraph;
import org.fentanylkg.rdf.Problem;
import org.fentanylkg.rdf.ProblemCollector;
import org.fentanylkg.vocab.FKG;

/**
 * Catches typos before they become silent wrong answers: every fkg: term a fact uses must be declared by the
 * ontology, and every fkr: resource a fact (or its claim layer) points to must be described by some fact (or the
 * ontology).
 */
public final class VocabularyCheck {
    private VocabularyCheck() {}

    public static void check(Graph ontology, List<FactGraph> facts, ProblemCollector problems) {
        Set<Node> declared = new HashSet<>();
        ontology.find(Node.ANY, RDF.Nodes.type, Node.ANY).forEachRemaining(t -> declared.add(t.getSubject()));
        Set<Node> described = new HashSet<>(declared);
        for (FactGraph f : facts) for (Triple t : f.triples()) described.add(t.getSubject());

        for (FactGraph f : facts) {
            Set<Node> reported = new HashSet<>();
            List<Triple> checked = new ArrayList<>(f.triples());
            f.evidence().forEach(lt -> checked.add(lt.triple()));
            for (Triple t : checked) {
                Node p = t.getPredicate();
                Node o = t.getObject();
                if (isTerm(p) && !declared.contains(p) && reported.add(p)) {
                    problems.add(new Problem(f.file(), f.line(), f.iri(), "unknown property " + p.getURI()
                            + " (not declared in the ontology)"));
                }
                if (p.equals(RDF.Nodes.type) && isTerm(o) && !declared.contains(o) && reported.add(o)) {
                    problems.add(new Problem(f.file(), f.line(), f.iri(), "unknown class " + o.getURI()
                            + " (not declared in the ontology)"));
                }
                if (isResource(o) && !described.contains(o) && reported.add(o)) {
                    problems.add(new Problem(f.file(), f.line(), f.iri(), "points to " + o.getURI()
                            + ", which no fact describes"));
                }
            }
        }
    }

    private static boolean isTerm(Node n) { return n.isURI() && n.getURI().startsWith(FKG.NS); }

    private static boolean isResource(Node n) { return n.isURI() && n.getURI().startsWith(FKG.RESOURCE); }
}
