package org.fentanylkg.rdf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * The published files of the external vocabularies the graph reuses, and the labels and definitions they give
 * the terms the graph uses. Only those annotations reach the default graph: the files' axioms (subClassOf,
 * domain, range, ...) are never given to the reasoner, so the closure is the ontology's alone.
 */
public final class Vocabularies {
    private Vocabularies() {}

    private static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    private static final Node SKOS_DEFINITION = NodeFactory.createURI(SKOS + "definition");
    private static final Node DCTERMS_DESCRIPTION = NodeFactory.createURI("http://purl.org/dc/terms/description");
    /** PROV-O's own definition property; its published file gives it no rdfs:label. */
    private static final Node PROV_DEFINITION = NodeFactory.createURI("http://www.w3.org/ns/prov#definition");

    /** The annotations taken over; the first is the label, the others definitions or where a term is defined. */
    public static final List<Node> ANNOTATIONS = List.of(RDFS.Nodes.label, RDFS.Nodes.comment, SKOS_DEFINITION,
            DCTERMS_DESCRIPTION, RDFS.Nodes.isDefinedBy);

    /** Types whose instances are declared classes or properties. */
    private static final Set<Node> DECLARATIONS = Set.of(RDFS.Nodes.Class, OWL2.Class.asNode(), RDFS.Nodes.Datatype,
            RDF.Nodes.Property, OWL2.ObjectProperty.asNode(), OWL2.DatatypeProperty.asNode(), OWL2.AnnotationProperty.asNode(),
            OWL2.OntologyProperty.asNode(), OWL2.TransitiveProperty.asNode(), OWL2.SymmetricProperty.asNode(),
            OWL2.FunctionalProperty.asNode(), OWL2.InverseFunctionalProperty.asNode(), OWL2.AsymmetricProperty.asNode(),
            OWL2.ReflexiveProperty.asNode(), OWL2.IrreflexiveProperty.asNode());

    /**
     * Parses the vocabulary files into one graph (the graph names of N-Quads files are dropped). A missing or
     * unparsable file is a problem with its file and line.
     */
    public static Graph parse(List<Path> files, ProblemCollector problems) {
        Graph g = GraphFactory.createDefaultGraph();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                problems.add(Problem.at(file, 0, "vocabulary file not found (listed in Sources.VOCABULARY_FILES)"));
                continue;
            }
            Lang lang = RDFLanguages.filenameToLang(file.getFileName().toString());
            if (lang == null) {
                problems.add(Problem.at(file, 0, "vocabulary file of unknown syntax (expected .ttl, .nt, .nq or .rdf)"));
                continue;
            }
            Graph one = GraphFactory.createDefaultGraph();
            try {
                RDFParser.source(file).lang(lang).errorHandler(problems.errorHandlerFor(file)).parse(new StreamRDFBase() {
                    @Override public void triple(Triple t) { one.add(t); }
                    @Override public void quad(Quad q) { one.add(q.asTriple()); }
                });
            } catch (RiotException e) {
                // recorded by the error handler; the file's triples are not used
                continue;
            }
            one.find().forEachRemaining(g::add);
        }
        return g;
    }

    /** The classes and properties {@code data} uses: its predicates, its types, and what it declares. */
    public static Set<Node> usedTerms(Graph data) {
        Set<Node> terms = new HashSet<>();
        data.find().forEachRemaining(t -> {
            terms.add(t.getPredicate());
            if (t.getPredicate().equals(RDF.Nodes.type) && t.getObject().isURI()) {
                terms.add(t.getObject());
                if (DECLARATIONS.contains(t.getObject()) && t.getSubject().isURI()) terms.add(t.getSubject());
            }
        });
        return terms;
    }

    /**
     * The labels, definitions and rdfs:isDefinedBy that {@code vocabularies} gives the terms {@code data} uses, in
     * English or without a language (the other languages stay in the vocabularies' graph). PROV-O states its
     * definitions with prov:definition, which its file leaves unlabelled; they are carried as skos:definition,
     * the property this ontology's own terms use. The annotation properties are themselves used terms, so
     * their labels come too.
     */
    public static Graph labelsOfUsedTerms(Graph data, Graph vocabularies) {
        Set<Node> terms = usedTerms(data);
        terms.addAll(ANNOTATIONS);
        Graph out = GraphFactory.createDefaultGraph();
        for (Node term : terms) {
            if (!term.isURI()) continue;
            for (Node p : ANNOTATIONS) {
                vocabularies.find(term, p, Node.ANY).filterKeep(t -> english(t.getObject())).forEachRemaining(out::add);
            }
            vocabularies.find(term, PROV_DEFINITION, Node.ANY).filterKeep(t -> english(t.getObject()))
                    .forEachRemaining(t -> out.add(Triple.create(term, SKOS_DEFINITION, t.getObject())));
        }
        return out;
    }

    private static boolean english(Node o) {
        if (!o.isLiteral()) return o.isURI();
        String lang = o.getLiteralLanguage();
        return lang.isEmpty() || lang.equalsIgnoreCase("en") || lang.toLowerCase().startsWith("en-");
    }
}
