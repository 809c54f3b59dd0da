package org.fentanylkg.explain;

import java.util.Iterator;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDFS;

/** Human-readable names of terms: the English rdfs:label where the graph has one. */
public final class Labels {
    private final DatasetGraph dsg;

    public Labels(DatasetGraph dsg) { this.dsg = dsg; }

    /** The term's rdfs:label (English first), if it has one. */
    public Optional<String> label(Node n) {
        if (!n.isURI()) return Optional.empty();
        return Txn.calculateRead(dsg, () -> {
            Graph g = dsg.getDefaultGraph();
            String any = null;
            for (Iterator<Triple> it = g.find(n, RDFS.Nodes.label, Node.ANY); it.hasNext(); ) {
                Node o = it.next().getObject();
                if (!o.isLiteral()) continue;
                String lang = o.getLiteralLanguage();
                if (lang.equalsIgnoreCase("en") || lang.toLowerCase().startsWith("en-")) return Optional.of(o.getLiteralLexicalForm());
                if (any == null || lang.isEmpty()) any = o.getLiteralLexicalForm();
            }
            return Optional.ofNullable(any);
        });
    }

    /** The label, else the short form (prefixed name, or the literal as written). */
    public String display(Node n) {
        if (n.isLiteral()) return n.getLiteralLexicalForm();
        return label(n).orElseGet(() -> Terms.shortForm(n));
    }

    /** "subject · predicate · object" with labels. */
    public String display(Triple t) {
        return display(t.getSubject()) + " · " + display(t.getPredicate()) + " · " + display(t.getObject());
    }
}
