package org.fentanylkg.inference;

import java.io.StringWriter;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.semanticweb.HermiT.Configuration;
import org.semanticweb.HermiT.ReasonerFactory;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.formats.TurtleDocumentFormat;
import org.semanticweb.owlapi.io.StringDocumentSource;
import org.semanticweb.owlapi.model.OWLClass;
import org.semanticweb.owlapi.model.OWLNamedIndividual;
import org.semanticweb.owlapi.model.OWLObjectProperty;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyCreationException;
import org.semanticweb.owlapi.model.parameters.Imports;
import org.semanticweb.owlapi.reasoner.InferenceType;
import org.semanticweb.owlapi.reasoner.OWLReasoner;

/**
 * An independent oracle: HermiT (a complete OWL 2 DL reasoner) on ontology + data, reporting the entailed
 * (individual rdf:type class) and (individual property individual) assertions for named individuals,
 * named classes and named object properties.
 */
final class HermitOracle {
    /** HermiT's entailments and the vocabulary they range over, so a caller can restrict its own triples. */
    record Entailments(Set<Triple> triples, Set<Node> individuals, Set<Node> classes, Set<Node> objectProperties) {
        /** Whether a triple is a class or object property assertion in this vocabulary. */
        boolean inScope(Triple t) {
            if (!individuals.contains(t.getSubject())) {
                return false;
            }
            if (t.getPredicate().equals(RDF.type.asNode())) {
                return classes.contains(t.getObject());
            }
            return objectProperties.contains(t.getPredicate()) && individuals.contains(t.getObject());
        }
    }

    private HermitOracle() {
    }

    static Entailments entailments(Graph ontology, Graph data) {
        OWLOntology owl = load(ontology, data);
        Configuration configuration = new Configuration();
        configuration.ignoreUnsupportedDatatypes = true; // the data uses xsd:gYear and other non-OWL 2 datatypes
        OWLReasoner reasoner = new ReasonerFactory().createReasoner(owl, configuration);
        try {
            if (!reasoner.isConsistent()) {
                throw new IllegalStateException("HermiT finds ontology + data inconsistent");
            }
            reasoner.precomputeInferences(InferenceType.CLASS_ASSERTIONS, InferenceType.OBJECT_PROPERTY_ASSERTIONS);
            Set<OWLNamedIndividual> individuals = owl.individualsInSignature(Imports.INCLUDED).collect(Collectors.toSet());
            Set<OWLClass> classes = owl.classesInSignature(Imports.INCLUDED)
                    .filter(c -> !c.isOWLThing() && !c.isOWLNothing()).collect(Collectors.toSet());
            Set<OWLObjectProperty> properties = owl.objectPropertiesInSignature(Imports.INCLUDED)
                    .filter(p -> !p.isOWLTopObjectProperty() && !p.isOWLBottomObjectProperty())
                    .collect(Collectors.toSet());
            Set<Triple> entailed = new HashSet<>();
            for (OWLNamedIndividual individual : individuals) {
                Node subject = node(individual.getIRI().toString());
                reasoner.getTypes(individual, false).entities().filter(classes::contains).forEach(c ->
                        entailed.add(Triple.create(subject, RDF.type.asNode(), node(c.getIRI().toString()))));
                for (OWLObjectProperty property : properties) {
                    Node predicate = node(property.getIRI().toString());
                    reasoner.getObjectPropertyValues(individual, property).entities().forEach(value ->
                            entailed.add(Triple.create(subject, predicate, node(value.getIRI().toString()))));
                }
            }
            return new Entailments(entailed,
                    individuals.stream().map(i -> node(i.getIRI().toString())).collect(Collectors.toSet()),
                    classes.stream().map(c -> node(c.getIRI().toString())).collect(Collectors.toSet()),
                    properties.stream().map(p -> node(p.getIRI().toString())).collect(Collectors.toSet()));
        } finally {
            reasoner.dispose();
        }
    }

    /** Writes the union to Turtle in memory and parses it with the OWL API; owl:imports are dropped (no network). */
    private static OWLOntology load(Graph ontology, Graph data) {
        Graph union = GraphMemFactory.createDefaultGraph();
        ontology.find().forEachRemaining(union::add);
        data.find().forEachRemaining(union::add);
        union.remove(Node.ANY, OWL.imports.asNode(), Node.ANY);
        StringWriter turtle = new StringWriter();
        RDFDataMgr.write(turtle, union, Lang.TURTLE);
        try {
            return OWLManager.createOWLOntologyManager().loadOntologyFromOntologyDocument(new StringDocumentSource(
                    turtle.toString(), "urn:fentanyl-kg:hermit-oracle", new TurtleDocumentFormat(), "text/turtle"));
        } catch (OWLOntologyCreationException e) {
            throw new IllegalStateException("OWL API could not read ontology + data", e);
        }
    }

    private static Node node(String iri) {
        return NodeFactory.createURI(iri);
    }
}
