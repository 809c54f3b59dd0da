package org.fentanylkg.http.linkeddata;

import org.fentanylkg.vocab.Prefixes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.fentanylkg.explain.Labels;
import org.fentanylkg.http.linkeddata.Description.Evidence;
import org.fentanylkg.http.linkeddata.Description.Quote;
import org.fentanylkg.http.linkeddata.Description.Sentence;
import org.fentanylkg.http.linkeddata.Description.Statement;
import org.fentanylkg.vocab.FKG;
import org.fentanylkg.vocab.Graphs;

/**
 * Builds the {@link Description} of an IRI from the dataset's named graphs: the default graph gives the
 * triples, the named graphs tell asserted (a fact graph, or the report, ontology or provenance graph) from
 * inferred ({@code graph/inferred}), and the provenance graph gives each fact's quotes and sources.
 * Call inside a read transaction.
 */
public final class Describer {
    /** Inverse links kept in a description; a hub such as the report has hundreds. */
    public static final int MAX_INVERSE = 500;

    private static final Node IS_PART_OF = NodeFactory.createURI(FKG.DCTERMS + "isPartOf");
    private static final Node SKOS_ALT_LABEL = NodeFactory.createURI(FKG.SKOS + "altLabel");

    private final DatasetGraph dsg;
    private final Labels labels;

    public Describer(DatasetGraph dsg, Labels labels) {
        this.dsg = dsg;
        this.labels = labels;
    }

    /** Whether the dataset mentions the IRI: as subject, predicate or object of the default graph, or as a graph name. */
    public boolean exists(Node iri) {
        Graph g = dsg.getDefaultGraph();
        return g.contains(iri, Node.ANY, Node.ANY) || g.contains(Node.ANY, Node.ANY, iri)
                || g.contains(Node.ANY, iri, Node.ANY) || dsg.containsGraph(iri);
    }

    public Description describe(Node r) {
        Graph dft = dsg.getDefaultGraph();
        List<Statement> own = statements(dft.find(r, Node.ANY, Node.ANY).toList(), r, Node.ANY, Node.ANY);
        own.sort(ownOrder());
        List<Statement> inverseAll = statements(dft.find(Node.ANY, Node.ANY, r).toList(), Node.ANY, Node.ANY, r);
        inverseAll.sort(inverseOrder());
        List<Statement> inverse = List.copyOf(inverseAll.subList(0, Math.min(MAX_INVERSE, inverseAll.size())));

        List<Triple> factTriples = List.of();
        if (r.isURI() && r.getURI().startsWith(FKG.FACT) && dsg.containsGraph(r)) {
            factTriples = dsg.getGraph(r).find().toList();
            factTriples.sort(Comparator.comparing((Triple t) -> t.getSubject().toString())
                    .thenComparing(t -> t.getPredicate().toString()).thenComparing(t -> t.getObject().toString()));
        }

        Set<Node> facts = new LinkedHashSet<>();
        for (Statement s : own) facts.addAll(s.facts());
        for (Statement s : inverse) facts.addAll(s.facts());
        if (!factTriples.isEmpty()) facts.add(r);

        Graph rdf = GraphFactory.createDefaultGraph();
        rdf.getPrefixMapping().setNsPrefixes(Prefixes.map());
        Set<Node> mentioned = new LinkedHashSet<>();
        for (Statement s : own) {
            addReified(rdf, s.triple(), s.graphs());
            mentioned.add(s.triple().getPredicate());
            mentioned.add(s.triple().getObject());
        }
        for (Statement s : inverse) {
            addReified(rdf, s.triple(), s.graphs());
            mentioned.add(s.triple().getPredicate());
            mentioned.add(s.triple().getSubject());
        }
        for (Triple t : factTriples) {
            addReified(rdf, t, List.of(r));
            mentioned.add(t.getSubject());
            mentioned.add(t.getPredicate());
            mentioned.add(t.getObject());
        }
        mentioned.remove(r);
        for (Node n : mentioned) {
            if (!n.isURI() && !n.isBlank()) continue;
            for (Node p : Labels.PREDICATES) dft.find(n, p, Node.ANY).forEachRemaining(rdf::add);
        }
        Map<Node, Evidence> evidence = new LinkedHashMap<>();
        for (Node f : facts) evidence.put(f, evidence(f, rdf));
        return new Description(r, List.copyOf(own), inverse, inverseAll.size(), List.copyOf(factTriples), evidence, labels, rdf);
    }

    /** Each triple with the named graphs that hold it (graph/asserted left out: it holds everything asserted). */
    private List<Statement> statements(List<Triple> triples, Node s, Node p, Node o) {
        Map<Triple, Set<Node>> graphs = new LinkedHashMap<>();
        for (Triple t : triples) graphs.put(t, new TreeSet<>(Comparator.comparing(Node::toString)));
        var quads = dsg.findNG(Node.ANY, s, p, o);
        while (quads.hasNext()) {
            Quad q = quads.next();
            if (Quad.isDefaultGraph(q.getGraph()) || q.getGraph().equals(Graphs.ASSERTED)) continue;
            Set<Node> set = graphs.get(q.asTriple());
            if (set != null) set.add(q.getGraph());
        }
        List<Statement> out = new ArrayList<>();
        graphs.forEach((t, g) -> out.add(new Statement(t, g.contains(Graphs.INFERRED), List.copyOf(g))));
        return out;
    }

    private static void addReified(Graph rdf, Triple t, List<Node> graphs) {
        rdf.add(t);
        Node b = NodeFactory.createBlankNode();
        rdf.add(Triple.create(b, RDF.Nodes.type, RDF.Nodes.Statement));
        rdf.add(Triple.create(b, RDF.Nodes.subject, t.getSubject()));
        rdf.add(Triple.create(b, RDF.Nodes.predicate, t.getPredicate()));
        rdf.add(Triple.create(b, RDF.Nodes.object, t.getObject()));
        for (Node g : graphs) rdf.add(Triple.create(b, IS_PART_OF, g));
    }

    /** A fact's quotes, sources and notes from the provenance graph; its triples are copied into {@code rdf}. */
    private Evidence evidence(Node fact, Graph rdf) {
        Graph prov = dsg.getGraph(Graphs.PROVENANCE);
        Graph report = dsg.getGraph(Graphs.REPORT);
        List<Quote> quotes = new ArrayList<>();
        List<Node> sources = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Triple t : prov.find(fact, Node.ANY, Node.ANY).toList()) {
            rdf.add(t);
            Node p = t.getPredicate();
            if (p.equals(FKG.evidence)) {
                quotes.add(quote(t.getObject(), prov, report, rdf));
            } else if (p.equals(FKG.dctSource)) {
                sources.add(t.getObject());
            } else if (p.equals(FKG.skosEditorialNote) && t.getObject().isLiteral()) {
                notes.add(t.getObject().getLiteralLexicalForm());
            }
        }
        quotes.sort(Comparator.comparingInt(Quote::begin));
        sources.sort(Comparator.comparing(Node::toString));
        notes.sort(Comparator.naturalOrder());
        return new Evidence(fact, List.copyOf(quotes), List.copyOf(sources), List.copyOf(notes));
    }

    private static Quote quote(Node q, Graph prov, Graph report, Graph rdf) {
        String text = "";
        int begin = -1;
        int end = -1;
        List<Sentence> sentences = new ArrayList<>();
        for (Triple t : prov.find(q, Node.ANY, Node.ANY).toList()) {
            rdf.add(t);
            Node p = t.getPredicate();
            Node o = t.getObject();
            if (p.equals(FKG.nifAnchorOf)) text = o.getLiteralLexicalForm();
            else if (p.equals(FKG.nifBeginIndex)) begin = Integer.parseInt(o.getLiteralLexicalForm());
            else if (p.equals(FKG.nifEndIndex)) end = Integer.parseInt(o.getLiteralLexicalForm());
            else if (p.equals(FKG.sentence)) {
                String sentence = "";
                for (Triple st : report.find(o, FKG.nifAnchorOf, Node.ANY).toList()) {
                    rdf.add(st);
                    sentence = st.getObject().getLiteralLexicalForm();
                }
                report.find(o, RDF.Nodes.type, Node.ANY).forEachRemaining(rdf::add);
                sentences.add(new Sentence(o, sentence));
            }
        }
        sentences.sort(Comparator.comparingInt(s -> beginOf(report, s.iri())));
        return new Quote(q, text, begin, end, List.copyOf(sentences));
    }

    private static int beginOf(Graph report, Node sentence) {
        var it = report.find(sentence, FKG.nifBeginIndex, Node.ANY);
        return it.hasNext() ? Integer.parseInt(it.next().getObject().getLiteralLexicalForm()) : Integer.MAX_VALUE;
    }

    // ---- Order: types, names, then properties by label; values by label.

    private static int predicateRank(Node p) {
        if (p.equals(RDF.Nodes.type)) return 0;
        if (p.equals(RDFS.Nodes.label)) return 1;
        if (p.equals(SKOS_ALT_LABEL)) return 2;
        return 3;
    }

    private Comparator<Statement> ownOrder() {
        return Comparator.comparingInt((Statement s) -> predicateRank(s.triple().getPredicate()))
                .thenComparing(s -> labels.of(s.triple().getPredicate()).toLowerCase())
                .thenComparing(s -> s.triple().getPredicate().toString())
                .thenComparing(Statement::inferred)
                .thenComparing(s -> labels.of(s.triple().getObject()).toLowerCase())
                .thenComparing(s -> s.triple().getObject().toString());
    }

    private Comparator<Statement> inverseOrder() {
        return Comparator.comparing((Statement s) -> labels.of(s.triple().getPredicate()).toLowerCase())
                .thenComparing(s -> s.triple().getPredicate().toString())
                .thenComparing(Statement::inferred)
                .thenComparing(s -> labels.of(s.triple().getSubject()).toLowerCase())
                .thenComparing(s -> s.triple().getSubject().toString());
    }
}
