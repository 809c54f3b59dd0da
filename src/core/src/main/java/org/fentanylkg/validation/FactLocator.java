package org.fentanylkg.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.fentanylkg.rdf.FactGraph;
import org.fentanylkg.rdf.Problem;

/** Finds the fact graph (file and line) that describes a node, to place a problem about that node. */
public final class FactLocator {
    private final Map<Node, FactGraph> byName = new HashMap<>();
    private final Map<Node, FactGraph> bySubject = new HashMap<>();

    public FactLocator(List<FactGraph> facts) {
        for (FactGraph f : facts) {
            byName.putIfAbsent(f.name(), f);
            for (Triple t : f.triples()) bySubject.putIfAbsent(t.getSubject(), f);
        }
    }

    public Optional<FactGraph> locate(Node node) {
        FactGraph f = byName.get(node);
        if (f == null) f = bySubject.get(node);
        // Quotation nodes are named after their fact graph: <fact>/quote-N.
        if (f == null && node.isURI() && node.getURI().contains("/quote-")) {
            f = byName.get(org.apache.jena.graph.NodeFactory.createURI(
                    node.getURI().substring(0, node.getURI().lastIndexOf("/quote-"))));
        }
        return Optional.ofNullable(f);
    }

    public Problem problem(Node about, String message) {
        if (about == null) return new Problem(null, 0, null, message);
        return locate(about)
                .map(f -> new Problem(f.file(), f.line(), f.iri(), message))
                .orElseGet(() -> new Problem(null, 0, null, message));
    }
}
