package org.fentanylkg.http.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.fentanylkg.http.linkeddata.Format;
import org.fentanylkg.explain.Labels;
import org.fentanylkg.inference.ClassExpressions;
import org.fentanylkg.http.linkeddata.Links;
import org.fentanylkg.vocab.Prefixes;
import org.fentanylkg.http.linkeddata.Statistics;
import org.fentanylkg.vocab.FKG;
import org.fentanylkg.vocab.Graphs;

/**
 * The ontology's documentation, generated from the ontology graph itself: metadata, the class hierarchy, every
 * class and property with its definition, examples, axioms (class expressions in Manchester-like syntax) and
 * instances or uses drawn from the data. Each term has the anchor of its IRI's fragment, so
 * {@code /ontology#Cartel} lands on it.
 */
final class OntologyPage {
    private static final Node SKOS_DEFINITION = NodeFactory.createURI(FKG.SKOS + "definition");
    private static final Node SKOS_EXAMPLE = NodeFactory.createURI(FKG.SKOS + "example");
    private static final Node SKOS_ALT_LABEL = NodeFactory.createURI(FKG.SKOS + "altLabel");
    private static final String DCT = FKG.DCTERMS;
    private static final int EXAMPLES = 8;
    private static final List<Node> CHARACTERISTICS = List.of(OWL2.TransitiveProperty.asNode(), OWL2.SymmetricProperty.asNode(),
            OWL2.AsymmetricProperty.asNode(), OWL2.FunctionalProperty.asNode(), OWL2.InverseFunctionalProperty.asNode(),
            OWL2.ReflexiveProperty.asNode(), OWL2.IrreflexiveProperty.asNode());

    private final Graph onto;
    private final Graph data;
    private final Labels labels;
    private final Links links;
    private final Statistics stats;
    private final ClassExpressions expressions;

    private OntologyPage(DatasetGraph dsg, Labels labels, Links links, Statistics stats) {
        this.onto = dsg.getGraph(Graphs.ONTOLOGY);
        this.expressions = new ClassExpressions(onto);
        this.data = dsg.getDefaultGraph();
        this.labels = labels;
        this.links = links;
        this.stats = stats;
    }

    static Map<String, Object> view(DatasetGraph dsg, Labels labels, Links links, Statistics stats, Node report) {
        return new OntologyPage(dsg, labels, links, stats).build(report);
    }

    private Map<String, Object> build(Node report) {
        Node ontology = NodeFactory.createURI(FKG.ONTOLOGY_IRI);
        Map<String, Object> page = Templates.page(links, report, labels.of(ontology), "ontology");
        page.put("iri", FKG.ONTOLOGY_IRI);
        page.put("namespace", FKG.NS);
        page.put("description", text(ontology, NodeFactory.createURI(DCT + "description"), null));
        page.put("comment", text(ontology, RDFS.Nodes.comment, null));
        List<Map<String, Object>> meta = new ArrayList<>();
        for (Node p : List.of(NodeFactory.createURI(DCT + "title"), OWL2.versionInfo.asNode(), OWL2.versionIRI.asNode(), NodeFactory.createURI(DCT + "license"),
                NodeFactory.createURI(DCT + "created"), NodeFactory.createURI(DCT + "modified"), NodeFactory.createURI(DCT + "source"),
                NodeFactory.createURI("http://purl.org/vocab/vann/preferredNamespacePrefix"))) {
            for (Triple t : onto.find(ontology, p, Node.ANY).toList()) {
                meta.add(View.of("label", labels.of(p), "value", Values.term(t.getObject(), labels, links)));
            }
        }
        page.put("meta", meta);
        List<Map<String, Object>> formats = new ArrayList<>();
        for (Format f : Format.GRAPH) formats.add(View.of("name", f.formatName(), "type", f.mediaType(), "href", links.at("ontology") + "?format=" + f.formatName()));
        page.put("formats", formats);

        List<Node> classes = terms(OWL2.Class.asNode());
        page.put("tree", tree(classes));
        page.put("classes", classes.stream().map(this::classView).toList());
        page.put("objectProperties", terms(OWL2.ObjectProperty.asNode()).stream().map(p -> propertyView(p, "object property")).toList());
        page.put("datatypeProperties", terms(OWL2.DatatypeProperty.asNode()).stream().map(p -> propertyView(p, "datatype property")).toList());
        page.put("annotationProperties", terms(OWL2.AnnotationProperty.asNode()).stream().map(p -> propertyView(p, "annotation property")).toList());
        page.put("restated", restated());
        page.put("classCount", classes.size());
        return page;
    }

    /** The terms of the ontology's namespace declared with a type, by label. */
    private List<Node> terms(Node type) {
        return onto.find(Node.ANY, RDF.Nodes.type, type).toList().stream().map(Triple::getSubject)
                .filter(n -> n.isURI() && n.getURI().startsWith(FKG.NS)).distinct()
                .sorted(Comparator.comparing((Node n) -> labels.of(n).toLowerCase()).thenComparing(Node::getURI)).toList();
    }

    private String text(Node s, Node p, String fallback) {
        return onto.find(s, p, Node.ANY).toList().stream().filter(t -> t.getObject().isLiteral())
                .map(t -> t.getObject().getLiteralLexicalForm()).sorted().findFirst().orElse(fallback);
    }

    private List<String> texts(Node s, Node p) {
        return onto.find(s, p, Node.ANY).toList().stream().filter(t -> t.getObject().isLiteral())
                .map(t -> t.getObject().getLiteralLexicalForm()).sorted().toList();
    }

    private Map<String, Object> head(Node term, String kind) {
        return View.of("id", Prefixes.localName(term.getURI()), "label", labels.of(term), "iri", term.getURI(), "kind", kind,
                "short", Prefixes.shortForm(term.getURI()),
                "definition", text(term, SKOS_DEFINITION, null), "comments", texts(term, RDFS.Nodes.comment),
                "examples", texts(term, SKOS_EXAMPLE), "altLabels", texts(term, SKOS_ALT_LABEL));
    }

    private Map<String, Object> classView(Node c) {
        Map<String, Object> v = head(c, "class");
        v.put("superClasses", expressions(c, RDFS.Nodes.subClassOf));
        v.put("equivalent", expressions(c, OWL2.equivalentClass.asNode()));
        v.put("disjoint", expressions(c, OWL2.disjointWith.asNode()));
        v.put("subClasses", onto.find(Node.ANY, RDFS.Nodes.subClassOf, c).toList().stream().map(Triple::getSubject)
                .filter(Node::isURI).distinct().sorted(Comparator.comparing(n -> labels.of(n).toLowerCase())).map(this::ref).toList());
        v.put("domainOf", onto.find(Node.ANY, RDFS.Nodes.domain, c).toList().stream().map(Triple::getSubject).filter(Node::isURI)
                .distinct().sorted(Comparator.comparing(n -> labels.of(n).toLowerCase())).map(this::ref).toList());
        v.put("rangeOf", onto.find(Node.ANY, RDFS.Nodes.range, c).toList().stream().map(Triple::getSubject).filter(Node::isURI)
                .distinct().sorted(Comparator.comparing(n -> labels.of(n).toLowerCase())).map(this::ref).toList());
        long count = stats.classInstances().getOrDefault(c, 0L);
        v.put("instanceCount", count);
        List<Node> instances = data.find(Node.ANY, RDF.Nodes.type, c).toList().stream().map(Triple::getSubject)
                .filter(n -> n.isURI() && n.getURI().startsWith(FKG.RESOURCE)).distinct()
                .sorted(Comparator.comparing((Node n) -> labels.of(n).toLowerCase()).thenComparing(Node::getURI)).limit(EXAMPLES).toList();
        v.put("instances", instances.stream().map(n -> Values.term(n, labels, links)).toList());
        v.put("more", count > instances.size() ? View.of("href", links.queryUi(instancesQuery(c), true), "count", count) : null);
        return v;
    }

    private Map<String, Object> propertyView(Node p, String kind) {
        Map<String, Object> v = head(p, kind);
        List<String> characteristics = new ArrayList<>();
        for (Node ch : CHARACTERISTICS) if (onto.contains(p, RDF.Nodes.type, ch)) characteristics.add(Prefixes.localName(ch.getURI()).replace("Property", "").toLowerCase());
        v.put("characteristics", String.join(", ", characteristics));
        v.put("domain", expressions(p, RDFS.Nodes.domain));
        v.put("range", expressions(p, RDFS.Nodes.range));
        v.put("superProperties", expressions(p, RDFS.Nodes.subPropertyOf));
        v.put("subProperties", onto.find(Node.ANY, RDFS.Nodes.subPropertyOf, p).toList().stream().map(Triple::getSubject)
                .filter(Node::isURI).distinct().sorted(Comparator.comparing(n -> labels.of(n).toLowerCase())).map(this::ref).toList());
        List<Map<String, Object>> inverse = new ArrayList<>(expressions(p, OWL2.inverseOf.asNode()));
        onto.find(Node.ANY, OWL2.inverseOf.asNode(), p).forEachRemaining(t -> inverse.add(View.of("tokens", List.of(ref(t.getSubject())))));
        v.put("inverseOf", inverse);
        List<Map<String, Object>> chains = new ArrayList<>();
        for (Triple t : onto.find(p, OWL2.propertyChainAxiom.asNode(), Node.ANY).toList()) {
            List<Map<String, Object>> tokens = new ArrayList<>();
            List<Node> steps = expressions.members(t.getObject());
            for (int i = 0; i < steps.size(); i++) {
                if (i > 0) tokens.add(View.of("text", " then ", "href", null));
                tokens.add(ref(steps.get(i)));
            }
            chains.add(View.of("tokens", tokens));
        }
        v.put("chains", chains);
        v.put("uses", stats.propertyTriples().getOrDefault(p, 0L));
        List<Triple> uses = data.find(Node.ANY, p, Node.ANY).toList().stream()
                .filter(t -> t.getSubject().isURI() && t.getSubject().getURI().startsWith(FKG.RESOURCE))
                .sorted(Comparator.comparing((Triple t) -> labels.of(t.getSubject()).toLowerCase()).thenComparing(t -> t.getObject().toString()))
                .limit(3).toList();
        v.put("usage", uses.stream().map(t -> View.of("s", Values.term(t.getSubject(), labels, links), "o", Values.term(t.getObject(), labels, links))).toList());
        return v;
    }

    /** Terms of other vocabularies whose axioms the ontology restates. */
    private List<Map<String, Object>> restated() {
        Set<Node> subjects = new LinkedHashSet<>();
        onto.find().forEachRemaining(t -> {
            if (t.getSubject().isURI() && !t.getSubject().getURI().startsWith(FKG.NS) && !t.getSubject().getURI().equals(FKG.ONTOLOGY_IRI)) subjects.add(t.getSubject());
        });
        List<Map<String, Object>> out = new ArrayList<>();
        subjects.stream().sorted(Comparator.comparing(Node::getURI)).forEach(s -> {
            List<Map<String, Object>> axioms = new ArrayList<>();
            for (Triple t : onto.find(s, Node.ANY, Node.ANY).toList()) {
                List<Map<String, Object>> tokens = new ArrayList<>();
                tokens.add(View.of("text", Prefixes.shortForm(t.getPredicate().getURI()) + " ", "href", null));
                tokens.addAll(expression(t.getObject()));
                axioms.add(View.of("tokens", tokens));
            }
            out.add(View.of("term", ref(s), "axioms", axioms));
        });
        return out;
    }

    /** The class hierarchy of the namespace's classes: roots are those with no superclass in the namespace. */
    private List<Map<String, Object>> tree(List<Node> classes) {
        Set<Node> inNs = new LinkedHashSet<>(classes);
        List<Map<String, Object>> roots = new ArrayList<>();
        for (Node c : classes) {
            boolean hasParent = onto.find(c, RDFS.Nodes.subClassOf, Node.ANY).toList().stream().anyMatch(t -> inNs.contains(t.getObject()));
            if (!hasParent) roots.add(node(c, inNs, new LinkedHashSet<>()));
        }
        return roots;
    }

    private Map<String, Object> node(Node c, Set<Node> inNs, Set<Node> path) {
        path.add(c);
        List<Map<String, Object>> children = new ArrayList<>();
        onto.find(Node.ANY, RDFS.Nodes.subClassOf, c).toList().stream().map(Triple::getSubject)
                .filter(n -> inNs.contains(n) && !path.contains(n)).distinct()
                .sorted(Comparator.comparing(n -> labels.of(n).toLowerCase()))
                .forEach(n -> children.add(node(n, inNs, new LinkedHashSet<>(path))));
        return View.of("id", Prefixes.localName(c.getURI()), "label", labels.of(c), "count", stats.classInstances().getOrDefault(c, 0L),
                "children", children);
    }

    private Map<String, Object> ref(Node n) {
        return View.of("text", labels.of(n), "href", links.href(n), "iri", n.isURI() ? n.getURI() : null);
    }

    private List<Map<String, Object>> expressions(Node s, Node p) {
        return onto.find(s, p, Node.ANY).toList().stream()
                .sorted(Comparator.comparing((Triple t) -> t.getObject().isBlank()).thenComparing(t -> labels.of(t.getObject()).toLowerCase()))
                .map(t -> View.of("tokens", expression(t.getObject()))).toList();
    }

    /** A class expression as tokens: named terms link to their documentation; restrictions read "p some C". */
    private List<Map<String, Object>> expression(Node n) {
        return expressions.tokens(n, ClassExpressions.Notation.WORDS).stream()
                .map(t -> t.node() == null ? View.of("text", t.text(), "href", null)
                        : t.node().isLiteral() ? View.of("text", t.node().getLiteralLexicalForm(), "href", null) : ref(t.node()))
                .toList();
    }

    static String instancesQuery(Node c) {
        return "# Every resource of class " + Prefixes.shortForm(c.getURI()) + " (asserted or inferred), with its label\n"
                + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                + "SELECT ?resource ?label WHERE {\n"
                + "  ?resource a <" + c.getURI() + "> .\n"
                + "  OPTIONAL { ?resource rdfs:label ?label }\n"
                + "}\nORDER BY ?label ?resource\n";
    }
}
