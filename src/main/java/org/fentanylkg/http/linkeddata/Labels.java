package org.fentanylkg.http.linkeddata;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDFS;
import org.fentanylkg.vocab.FKG;

/**
 * The human-readable name of every node of the graph: rdfs:label, else skos:prefLabel, dcterms:title or
 * foaf:name; English first, then untagged, then any language. Nodes without one fall back to their local name.
 */
public final class Labels {
    public static final List<Node> PREDICATES = List.of(RDFS.Nodes.label,
            NodeFactory.createURI(FKG.SKOS + "prefLabel"),
            NodeFactory.createURI(FKG.DCTERMS + "title"),
            NodeFactory.createURI("http://xmlns.com/foaf/0.1/name"));

    private final Map<Node, String> labels;

    private Labels(Map<Node, String> labels) { this.labels = labels; }

    /** Reads every label of {@code graph} (call inside a read transaction). */
    public static Labels of(Graph graph) {
        Map<Node, String> best = new HashMap<>();
        Map<Node, Integer> rank = new HashMap<>();
        for (int p = 0; p < PREDICATES.size(); p++) {
            var it = graph.find(Node.ANY, PREDICATES.get(p), Node.ANY);
            while (it.hasNext()) {
                Triple t = it.next();
                if (!t.getObject().isLiteral()) continue;
                int r = p * 3 + languageRank(t.getObject().getLiteralLanguage());
                Integer old = rank.get(t.getSubject());
                String text = t.getObject().getLiteralLexicalForm();
                // lowest rank wins; among equals, the smallest text, so the choice does not depend on order
                if (old == null || r < old || (r == old && text.compareTo(best.get(t.getSubject())) < 0)) {
                    rank.put(t.getSubject(), r);
                    best.put(t.getSubject(), text);
                }
            }
        }
        return new Labels(best);
    }

    private static int languageRank(String lang) {
        if (lang == null || lang.isEmpty()) return 1;
        return lang.equalsIgnoreCase("en") || lang.toLowerCase().startsWith("en-") ? 0 : 2;
    }

    public Optional<String> find(Node n) { return Optional.ofNullable(labels.get(n)); }

    /** The label, else the local name of an IRI, the lexical form of a literal, or "_:" and the id of a blank node. */
    public String of(Node n) {
        String l = labels.get(n);
        if (l != null) return l;
        if (n.isURI()) return localName(n.getURI());
        if (n.isLiteral()) return n.getLiteralLexicalForm();
        return "_:" + n.getBlankNodeLabel();
    }

    /** Every labelled node. */
    public Map<Node, String> all() { return java.util.Collections.unmodifiableMap(labels); }

    /** The part of an IRI after its last '#' or '/' (the whole IRI when that is empty). */
    public static String localName(String iri) {
        int i = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        String local = i >= 0 && i < iri.length() - 1 ? iri.substring(i + 1) : iri;
        return local;
    }
}
