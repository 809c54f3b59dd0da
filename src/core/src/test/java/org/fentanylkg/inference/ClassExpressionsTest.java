package org.fentanylkg.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

/** The one RDF-list walker and class-expression renderer (rule descriptions and the ontology page). */
class ClassExpressionsTest {
    private static final String EX = "http://example.org/";
    private static final String DATA = """
            @prefix : <http://example.org/> .
            @prefix owl: <http://www.w3.org/2002/07/owl#> .
            @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            :ArmedCartel owl:equivalentClass [ owl:intersectionOf ( :Cartel [ owl:onProperty :uses ; owl:someValuesFrom [ owl:unionOf ( :Rifle :Pistol ) ] ] ) ] .
            :Crew owl:equivalentClass [ owl:onProperty :member ; owl:minCardinality "2"^^xsd:nonNegativeInteger ] .
            :NotCartel owl:equivalentClass [ owl:complementOf :Cartel ] .
            :loop rdf:first :A ; rdf:rest :loop .
            """;

    private static ClassExpressions expressions() {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(DATA, Lang.TURTLE).parse(g);
        return new ClassExpressions(g);
    }

    private static Node equivalent(ClassExpressions e, String cls) {
        return e.object(NodeFactory.createURI(EX + cls), NodeFactory.createURI("http://www.w3.org/2002/07/owl#equivalentClass"));
    }

    /** The tokens with terms by local name, as a page would show them by label. */
    private static String words(ClassExpressions e, Node n) {
        return e.tokens(n, ClassExpressions.Notation.WORDS).stream()
                .map(t -> t.node() == null ? t.text() : "[" + ClassExpressions.localName(t.node()) + "]")
                .collect(Collectors.joining());
    }

    @Test
    void bothNotationsShareOneStructure() {
        ClassExpressions e = expressions();
        Node armed = equivalent(e, "ArmedCartel");
        assertEquals("Cartel ⊓ (uses some (Rifle ⊔ Pistol))", e.render(armed));
        assertEquals("[Cartel] and ([uses] some ([Rifle] or [Pistol]))", words(e, armed));
        assertEquals("¬Cartel", e.render(equivalent(e, "NotCartel")));
        assertEquals("not [Cartel]", words(e, equivalent(e, "NotCartel")));
        assertEquals("member min 2", e.render(equivalent(e, "Crew")));
    }

    @Test
    void aCyclicListEnds() {
        ClassExpressions e = expressions();
        List<Node> members = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> e.members(NodeFactory.createURI(EX + "loop")));
        assertEquals(List.of(NodeFactory.createURI(EX + "A")), members);
    }
}
