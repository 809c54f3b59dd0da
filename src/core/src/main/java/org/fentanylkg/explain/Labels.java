package org.fentanylkg.explain;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDFS;
import org.fentanylkg.vocab.FKG;
import org.fentanylkg.vocab.Prefixes;

/**
 * The one label rule of the pages, the explanations and the CLI. A node's label is its rdfs:label, else
 * skos:prefLabel, dcterms:title or foaf:name; English first, then untagged, then any language. When terms of
 * different namespaces have the same label (prov:Agent and foaf:Agent are both "Agent"), each is shown by its
 * prefixed name instead, as GraphDB's Workbench shows terms; a node without a label shows its local name.
 */
public final class Labels {
    public static final List<Node> PREDICATES = List.of(RDFS.Nodes.label,
            NodeFactory.createURI(FKG.SKOS + "prefLabel"),
            NodeFactory.createURI(FKG.DCTERMS + "title"),
            NodeFactory.createURI("http://xmlns.com/foaf/0.1/name"));

    /** The labels of one version of the data. */
    private record Snapshot(String version, Map<Node, String> labels, Set<Node> clashing) {}

    private final Supplier<Snapshot> snapshot;

    private Labels(Supplier<Snapshot> snapshot) { this.snapshot = snapshot; }

    /** The labels of {@code dsg}'s default graph, read again whenever {@code version} gives another value. */
    public Labels(DatasetGraph dsg, Supplier<String> version) {
        Snapshot[] current = {null};
        this.snapshot = () -> {
            String v = version.get();
            synchronized (current) {
                if (current[0] == null || !current[0].version().equals(v)) {
                    current[0] = Txn.calculateRead(dsg, () -> read(v, dsg.getDefaultGraph()));
                }
                return current[0];
            }
        };
    }

    /** Reads every label of {@code graph} (call inside a read transaction). */
    public static Labels of(Graph graph) {
        Snapshot s = read("", graph);
        return new Labels(() -> s);
    }

    private static Snapshot read(String version, Graph graph) {
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
        return new Snapshot(version, best, clashes(best));
    }

    /** IRIs whose label is also the label of an IRI of another namespace: the prefix is what tells them apart. */
    private static Set<Node> clashes(Map<Node, String> labels) {
        Map<String, Map<String, Set<Node>>> byLabel = new HashMap<>();
        labels.forEach((n, text) -> {
            if (!n.isURI()) return;
            byLabel.computeIfAbsent(text.strip().toLowerCase(Locale.ROOT), k -> new HashMap<>())
                    .computeIfAbsent(namespace(n.getURI()), k -> new HashSet<>()).add(n);
        });
        Set<Node> out = new HashSet<>();
        for (Map<String, Set<Node>> namespaces : byLabel.values()) {
            if (namespaces.size() > 1) namespaces.values().forEach(out::addAll);
        }
        return out;
    }

    private static int languageRank(String lang) {
        if (lang == null || lang.isEmpty()) return 1;
        return lang.equalsIgnoreCase("en") || lang.toLowerCase(Locale.ROOT).startsWith("en-") ? 0 : 2;
    }

    /** The node's label as the data gives it, if it has one. */
    public Optional<String> find(Node n) { return Optional.ofNullable(snapshot.get().labels().get(n)); }

    /**
     * What to show for {@code n}: its label, or its prefixed name when another namespace's term has the same
     * label; else for an IRI of a shared namespace its local name, for any other IRI (a document, a licence) the
     * whole IRI; the lexical form of a literal; "_:" and the id of a blank node.
     */
    public String of(Node n) {
        Snapshot s = snapshot.get();
        String l = s.labels().get(n);
        if (l != null) return s.clashing().contains(n) ? Prefixes.shortForm(n) : l;
        if (n.isURI()) return Prefixes.PREFIXES.shortForm(n.getURI()).equals(n.getURI()) ? n.getURI() : Prefixes.localName(n.getURI());
        if (n.isLiteral()) return n.getLiteralLexicalForm();
        return "_:" + n.getBlankNodeLabel();
    }

    /** "subject · predicate · object" with labels. */
    public String of(Triple t) {
        return of(t.getSubject()) + " · " + of(t.getPredicate()) + " · " + of(t.getObject());
    }

    /** Every labelled node, with its label as the data gives it. */
    public Map<Node, String> all() { return Collections.unmodifiableMap(snapshot.get().labels()); }

    private static String namespace(String iri) {
        int i = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return i >= 0 ? iri.substring(0, i + 1) : iri;
    }
}
