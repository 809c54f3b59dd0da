package org.fentanylkg.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.fentanylkg.vocab.FKG;
import org.junit.jupiter.api.Test;

/** The one label rule: what a page, an explanation and the CLI show for a term. */
class LabelsTest {
    private static final String DATA = """
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            @prefix fkr:  <https://w3id.org/fentanyl-kg/id/> .
            fkr:sinaloa-cartel rdfs:label "Cártel de Sinaloa"@es, "Sinaloa Cartel"@en ; skos:prefLabel "CDS"@en .
            fkr:cjng skos:prefLabel "CJNG" .
            <http://www.w3.org/ns/prov#Agent> rdfs:label "Agent"@en .
            <http://xmlns.com/foaf/0.1/Agent> rdfs:label "Agent"@en .
            """;

    private static Labels labels() {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(DATA, Lang.TURTLE).parse(g);
        return Labels.of(g);
    }

    @Test
    void englishRdfsLabelFirstThenOtherPredicates() {
        Labels l = labels();
        assertEquals("Sinaloa Cartel", l.of(NodeFactory.createURI(FKG.RESOURCE + "sinaloa-cartel")));
        assertEquals("CJNG", l.of(NodeFactory.createURI(FKG.RESOURCE + "cjng")));
    }

    @Test
    void sameLabelInTwoNamespacesShowsThePrefixedNames() {
        Labels l = labels();
        assertEquals("prov:Agent", l.of(NodeFactory.createURI("http://www.w3.org/ns/prov#Agent")));
        assertEquals("foaf:Agent", l.of(NodeFactory.createURI("http://xmlns.com/foaf/0.1/Agent")));
    }

    @Test
    void anUnlabelledIriShowsItsLocalNameInASharedNamespaceElseInFull() {
        Labels l = labels();
        assertEquals("4-piperidone", l.of(NodeFactory.createURI(FKG.RESOURCE + "4-piperidone")));
        assertEquals("p3-s1", l.of(NodeFactory.createURI(FKG.REPORT + "IF10400-2025-08-26/p3-s1")));
        // a public source or a licence: its last segment ("fentanyl", "4.0") would say nothing
        assertEquals("https://creativecommons.org/licenses/by/4.0/", l.of(NodeFactory.createURI("https://creativecommons.org/licenses/by/4.0/")));
        assertEquals("https://example.org/feature/fentanyl", l.of(NodeFactory.createURI("https://example.org/feature/fentanyl")));
    }
}
