package org.fentanylkg.dataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Which named graphs of a frozen dataset mention an IRI or a blank node, in any position of any of their triples.
 * A pattern can only match in a graph that holds each of its fixed nodes, so {@code GRAPH ?g} needs to visit no
 * other ({@link GraphIndexedExecutor}). Literals are left out: they are never used to narrow the graphs, which keeps
 * the index free of any question of how a graph compares literals.
 */
final class GraphsByNode {
    private static final Node[] NONE = new Node[0];
    private final Map<Node, Node[]> graphs;

    private GraphsByNode(Map<Node, Node[]> graphs) { this.graphs = graphs; }

    /** Reads every named graph once; the dataset must not change afterwards. */
    static GraphsByNode of(DatasetGraph dsg) {
        Map<Node, List<Node>> lists = new HashMap<>();
        // Lists keep the order of listGraphNodes, so a narrowed GRAPH ?g visits its graphs in the order it would have.
        for (Iterator<Node> names = dsg.listGraphNodes(); names.hasNext(); ) {
            Node name = names.next();
            Set<Node> seen = new HashSet<>();
            for (Iterator<Triple> it = dsg.getGraph(name).find(); it.hasNext(); ) {
                Triple t = it.next();
                note(t.getSubject(), name, seen, lists);
                note(t.getPredicate(), name, seen, lists);
                note(t.getObject(), name, seen, lists);
            }
        }
        Map<Node, Node[]> graphs = new HashMap<>(lists.size() * 4 / 3 + 1);
        lists.forEach((n, l) -> graphs.put(n, l.toArray(NONE)));
        return new GraphsByNode(graphs);
    }

    private static void note(Node n, Node graph, Set<Node> seen, Map<Node, List<Node>> lists) {
        if (indexes(n) && seen.add(n)) lists.computeIfAbsent(n, k -> new ArrayList<>(2)).add(graph);
    }

    /** Whether the index can narrow by this node: an IRI or a blank node. */
    static boolean indexes(Node n) { return n != null && (n.isURI() || n.isBlank()); }

    /** How many named graphs mention {@code n} (an IRI or a blank node). */
    int count(Node n) {
        Node[] g = graphs.get(n);
        return g == null ? 0 : g.length;
    }

    /** The named graphs that mention {@code n} (an IRI or a blank node), in the dataset's order. */
    Iterator<Node> graphsWith(Node n) {
        Node[] g = graphs.get(n);
        return g == null ? Iter.nullIterator() : Arrays.asList(g).iterator();
    }
}
