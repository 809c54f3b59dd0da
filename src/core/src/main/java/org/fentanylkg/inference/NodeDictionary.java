package org.fentanylkg.inference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;

/** Dense int ids for RDF terms, so the engine joins and stores ints instead of Node objects. */
final class NodeDictionary {
    private static final byte IRI = 0;
    private static final byte BLANK = 1;
    private static final byte LITERAL = 2;

    private final Map<Node, Integer> ids;
    private final List<Node> nodes;
    private byte[] kinds; // per id, so the engine's literal checks do not chase Node pointers

    NodeDictionary() {
        this(new HashMap<>(), new ArrayList<>(), new byte[64]);
    }

    private NodeDictionary(Map<Node, Integer> ids, List<Node> nodes, byte[] kinds) {
        this.ids = ids;
        this.nodes = nodes;
        this.kinds = kinds;
    }

    /**
     * An independent copy with room for about {@code expectedNewTerms} more: the compiled TBox keeps its ids
     * while each materialisation adds its own data terms.
     */
    NodeDictionary copy(int expectedNewTerms) {
        int capacity = nodes.size() + Math.max(0, expectedNewTerms);
        Map<Node, Integer> copiedIds = new HashMap<>(Math.max(16, (int) (capacity / 0.75f) + 1));
        copiedIds.putAll(ids);
        List<Node> copiedNodes = new ArrayList<>(capacity);
        copiedNodes.addAll(nodes);
        return new NodeDictionary(copiedIds, copiedNodes, Arrays.copyOf(kinds, Math.max(64, capacity)));
    }

    int encode(Node node) {
        Integer id = ids.get(node);
        if (id != null) {
            return id;
        }
        int fresh = nodes.size();
        nodes.add(node);
        ids.put(node, fresh);
        if (fresh == kinds.length) {
            kinds = Arrays.copyOf(kinds, fresh * 2);
        }
        kinds[fresh] = node.isLiteral() ? LITERAL : node.isBlank() ? BLANK : IRI;
        return fresh;
    }

    /** The id of {@code node}, or -1 if it was never encoded. */
    int lookup(Node node) {
        Integer id = ids.get(node);
        return id == null ? -1 : id;
    }

    int size() {
        return nodes.size();
    }

    Node node(int id) {
        return nodes.get(id);
    }

    boolean isLiteral(int id) {
        return kinds[id] == LITERAL;
    }

    boolean isBlank(int id) {
        return kinds[id] == BLANK;
    }
}
