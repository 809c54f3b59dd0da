package org.fentanylkg.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/** Tiny Turtle ontologies and data for the reasoner tests, and the invariants every closure must keep. */
final class Fixture {
    static final String PREFIXES = """
            @prefix : <http://example.org/> .
            @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix owl: <http://www.w3.org/2002/07/owl#> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            """;

    final Graph ontology;
    final Graph data;
    final Closure closure;

    private Fixture(String ontologyTurtle, String dataTurtle) {
        ontology = graph(ontologyTurtle);
        data = graph(dataTurtle);
        closure = OwlRlReasoner.compile(ontology).materialise(data);
        checkInvariants();
    }

    /** Compiles the ontology, materialises the data and checks what every closure must satisfy. */
    static Fixture of(String ontologyTurtle, String dataTurtle) {
        return new Fixture(ontologyTurtle, dataTurtle);
    }

    static Graph graph(String turtle) {
        return RDFParser.fromString(PREFIXES + turtle, Lang.TURTLE).toGraph();
    }

    /** One triple in Turtle with the test prefixes, e.g. {@code t(":a :precursorOf :d")}. */
    static Triple t(String turtle) {
        List<Triple> triples = graph(turtle + " .").find().toList();
        assertEquals(1, triples.size(), turtle);
        return triples.get(0);
    }

    static Set<Triple> triples(String... turtle) {
        return Arrays.stream(turtle).map(Fixture::t).collect(Collectors.toSet());
    }

    Set<Triple> inferred() {
        return Set.copyOf(closure.inferred().find().toList());
    }

    Derivation derivation(String turtle) {
        Triple triple = t(turtle);
        return closure.derivation(triple).orElseThrow(() -> new AssertionError("no derivation for " + turtle));
    }

    /** Asserts the exact inferred set. */
    void assertInferred(String... expected) {
        assertEquals(sorted(triples(expected)), sorted(inferred()));
    }

    /** Asserts that the triple was inferred, by the given rule. */
    Derivation assertDerived(String turtle, String rule) {
        assertTrue(closure.inferred().contains(t(turtle)), "not inferred: " + turtle);
        Derivation derivation = derivation(turtle);
        assertEquals(rule, derivation.rule(), "rule of " + turtle);
        assertEquals(t(turtle), derivation.conclusion());
        return derivation;
    }

    private void checkInvariants() {
        for (Triple triple : closure.inferred().find().toList()) {
            assertFalse(ontology.contains(triple) || data.contains(triple), "re-emitted asserted triple " + triple);
            assertFalse(triple.getPredicate().isBlank(), "anonymous property leaked: " + triple);
            if (triple.getPredicate().equals(RDF.type.asNode())) {
                Node type = triple.getObject();
                assertFalse(type.isBlank(), "anonymous class membership leaked: " + triple);
                assertFalse(type.equals(OWL.Thing.asNode()) || type.equals(OWL2_NAMED_INDIVIDUAL), "noise: " + triple);
            }
            if (SCHEMA.contains(triple.getPredicate())) {
                assertFalse(triple.getSubject().isBlank() || triple.getObject().isBlank(), "blank schema triple " + triple);
            }
            assertTrue(closure.derivation(triple).isPresent(), "no derivation for " + triple);
        }
        for (Triple triple : data.find().toList()) {
            assertTrue(closure.derivation(triple).isEmpty(), "asserted triple has a derivation: " + triple);
        }
    }

    private static final Node OWL2_NAMED_INDIVIDUAL = NodeFactory.createURI(OWL.NS + "NamedIndividual");
    private static final Set<Node> SCHEMA = Set.of(RDFS.subClassOf.asNode(), RDFS.subPropertyOf.asNode(),
            OWL.equivalentClass.asNode(), OWL.equivalentProperty.asNode());

    private static List<String> sorted(Set<Triple> triples) {
        return triples.stream().map(Triple::toString).sorted().collect(Collectors.toList());
    }
}
