package org.fentanylkg.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.fentanylkg.rdf.LoadException;
import org.fentanylkg.rdf.Problem;
import org.fentanylkg.vocab.FKG;
import org.fentanylkg.vocab.Graphs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeGraphBuilderTest {
    /** Lines taken by SourceFixture.PREFIXES: a body's line n is file line n + 8. */
    private static final int P = 8;

    private static KnowledgeGraph kg;

    @BeforeAll
    static void buildRepository() throws Exception {
        kg = KnowledgeGraphBuilder.build(Path.of("."));
    }

    private static Node r(String slug) { return NodeFactory.createURI(FKG.RESOURCE + slug); }

    @Test
    void theRepositoryBuildsWithInferenceAndNamedGraphs() {
        var f = kg.figures();
        assertTrue(f.asserted() > 1000, f.toString());
        assertTrue(f.inferred() > 100, f.toString());
        assertEquals(f.total(), kg.dataset().getDefaultGraph().size());
        for (Node g : List.of(Graphs.ONTOLOGY, Graphs.REPORT, Graphs.PROVENANCE, Graphs.ASSERTED, Graphs.INFERRED)) {
            assertTrue(kg.dataset().containsGraph(g), g.toString());
        }
        assertEquals(f.asserted(), kg.dataset().getGraph(Graphs.ASSERTED).size());
        assertEquals(f.inferred(), kg.dataset().getGraph(Graphs.INFERRED).size());
    }

    @Test
    void everyFactGraphHasEvidenceInTheProvenanceGraph() {
        var prov = kg.dataset().getGraph(Graphs.PROVENANCE);
        kg.facts().forEach(fact -> assertTrue(prov.contains(fact.name(), FKG.provWasDerivedFrom, Node.ANY),
                "no evidence for " + fact.iri()));
    }

    @Test
    void aQuotedFactPointsToItsSentence() {
        var prov = kg.dataset().getGraph(Graphs.PROVENANCE);
        Node sentence = NodeFactory.createURI(FKG.REPORT + "IF10400-2025-08-26/p12-s3");
        // "Secretary of State Marco Rubio designated six Mexican cartels as foreign terrorist organizations ..."
        assertTrue(prov.contains(Node.ANY, FKG.sentence, sentence));
        assertTrue(kg.dataset().getGraph(Graphs.REPORT).contains(sentence, RDF.Nodes.type, FKG.Sentence));
    }

    @Test
    void designationsAndPrecursorChainsAreInferred() {
        var inferred = kg.dataset().getGraph(Graphs.INFERRED);
        assertTrue(inferred.contains(r("sinaloa-cartel"), RDF.Nodes.type, FKG.term("ForeignTerroristOrganization")));
        assertTrue(inferred.contains(r("sinaloa-cartel"), RDF.Nodes.type, FKG.term("SanctionedEntity")));
        assertTrue(inferred.contains(r("cibanco"), RDF.Nodes.type, FKG.term("PrimaryMoneyLaunderingConcern")));
        assertTrue(inferred.contains(r("4-piperidone"), FKG.term("precursorOf"), r("fentanyl")));
        assertTrue(inferred.contains(r("4-piperidone"), RDF.Nodes.type, FKG.term("FentanylPrecursor")));
        // The immediate step stays distinguishable from the closure.
        assertFalse(kg.dataset().getDefaultGraph().contains(r("4-piperidone"), FKG.term("directPrecursorOf"), r("fentanyl")));
    }

    private static LoadException failing(Path root) {
        return assertThrows(LoadException.class, () -> KnowledgeGraphBuilder.build(root));
    }

    private static Problem only(LoadException e) {
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    @Test
    void aQuoteNotInTheReportIsRejectedWithFileLineAndFact(@TempDir Path dir) {
        Path root = SourceFixture.copyRepository(dir);
        SourceFixture.addFactFile(root, "bad.trig", """
                fact:bad-quote { fkr:fentanyl rdfs:label "fentanyl"@en . }
                fact:bad-quote fkg:quote "Fentanyl was first synthesized in 1960." .
                """);
        Problem p = only(failing(root));
        assertEquals("bad.trig", p.file().getFileName().toString());
        assertEquals(P + 2, p.line());
        assertEquals(FKG.FACT + "bad-quote", p.fact());
        assertTrue(p.message().startsWith("quote not found in report IF10400-2025-08-26"), p.message());
    }

    @Test
    void anAmbiguousQuoteIsRejected(@TempDir Path dir) {
        Path root = SourceFixture.copyRepository(dir);
        SourceFixture.addFactFile(root, "bad.trig", """
                fact:ambiguous { fkr:fentanyl rdfs:label "fentanyl"@en . }
                fact:ambiguous fkg:quote "illicit fentanyl" .
                """);
        assertTrue(only(failing(root)).message().startsWith("quote occurs "));
    }

    @Test
    void aFactWithoutEvidenceIsRejected(@TempDir Path dir) {
        Path root = SourceFixture.copyRepository(dir);
        SourceFixture.addFactFile(root, "bad.trig", """

                fact:no-evidence {
                    fkr:fentanyl rdfs:label "fentanyl"@en .
                }
                """);
        Problem p = only(failing(root));
        assertEquals(P + 3, p.line());
        assertTrue(p.message().startsWith("fact has no evidence"), p.message());
    }

    @Test
    void aSyntaxErrorIsReportedWithItsLine(@TempDir Path dir) {
        Path root = SourceFixture.copyRepository(dir);
        SourceFixture.addFactFile(root, "bad.trig", """
                fact:broken { fkr:fentanyl rdfs:label "fentanyl"@en }
                fact:broken fkg:quote "synthetic opioid fentanyl" .
                fact:broken2 { fkr:fentanyl rdfs:label "fentanyl"@en rdfs:label }
                fact:broken2 fkg:quote "synthetic opioid fentanyl" .
                """);
        LoadException e = failing(root);
        Problem p = e.problems().get(0);
        assertEquals("bad.trig", p.file().getFileName().toString());
        assertEquals(P + 3, p.line());
        assertTrue(e.toString().contains("bad.trig:" + (P + 3)), e.getMessage());
    }

    @Test
    void aFileThatIsNotUtf8IsRejectedAtTheLine(@TempDir Path dir) throws Exception {
        Path root = SourceFixture.copyRepository(dir);
        Path file = SourceFixture.addFactFile(root, "latin1.trig", """
                fact:latin1 { fkr:fentanyl rdfs:label "C\u00e1rtel"@es . }
                fact:latin1 dcterms:source <https://example.org/test-source> .
                """);
        // Re-encode as ISO-8859-1: the "á" becomes a lone 0xE1 byte, invalid in UTF-8.
        java.nio.file.Files.write(file, java.nio.file.Files.readString(file).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Problem p = only(failing(root));
        assertEquals(P + 1, p.line());
        assertTrue(p.message().contains("not valid UTF-8"), p.message());
    }

    @Test
    void evidenceMustBeAboutTheFilesOwnFactGraphs(@TempDir Path dir) {
        Path root = SourceFixture.copyRepository(dir);
        SourceFixture.addFactFile(root, "bad.trig", """
                fkr:fentanyl rdfs:label "smuggled into the default graph"@en .
                """);
        Problem p = only(failing(root));
        assertEquals(P + 1, p.line());
        assertTrue(p.message().contains("default graph may only hold evidence"), p.message());
    }

    @Test
    void anUnknownTermOrDanglingReferenceIsRejected(@TempDir Path dir) {
        Path root = SourceFixture.copyRepository(dir);
        SourceFixture.addFactFile(root, "bad.trig", """
                fact:typo { fkr:fentanyl fkg:precursorOff fkr:fentanil . }
                fact:typo dcterms:source <https://example.org/test-source> .
                """);
        LoadException e = failing(root);
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("unknown property " + FKG.NS + "precursorOff"), e.getMessage());
        assertTrue(e.getMessage().contains("points to " + FKG.RESOURCE + "fentanil, which no fact describes"), e.getMessage());
    }

    @Test
    void aShaclViolationIsRejectedAtItsFact(@TempDir Path dir) {
        Path root = SourceFixture.copyRepository(dir);
        SourceFixture.addFactFile(root, "bad.trig", """
                fact:statistic-without-value {
                    fkr:test-statistic a fkg:Statistic ; rdfs:label "a statistic with no value"@en .
                }
                fact:statistic-without-value dcterms:source <https://example.org/test-source> .
                """);
        LoadException e = failing(root);
        assertTrue(e.problems().stream().allMatch(p -> p.message().startsWith("SHACL")), e.getMessage());
        Problem p = e.problems().get(0);
        assertEquals(P + 2, p.line()); // a fact is placed at its first triple
        assertEquals(FKG.FACT + "statistic-without-value", p.fact());
    }

    @Test
    void aNewFactFileYieldsNewConclusionsWithoutCodeChanges(@TempDir Path dir) throws Exception {
        Path root = SourceFixture.copyRepository(dir);
        SourceFixture.addFactFile(root, "new.trig", """
                fact:test-org { fkr:test-org a org:Organization ; rdfs:label "Test organization"@en . }
                fact:test-org dcterms:source <https://example.org/test-source> .
                fact:test-designation {
                    fkr:test-designation a fkg:Designation ;
                        fkg:designee fkr:test-org ;
                        fkg:designationType fkr:eo14059-sanctions-designation-type ;
                        fkg:legalAuthority fkr:eo-14059 ;
                        fkg:dateEffective "2025-09-01"^^xsd:date .
                }
                fact:test-designation dcterms:source <https://example.org/test-source> .
                fact:test-step {
                    fkr:test-chemical a fkg:Chemical ; rdfs:label "test chemical"@en ;
                        fkg:directPrecursorOf fkr:4-piperidone .
                }
                fact:test-step dcterms:source <https://example.org/test-source> .
                """);
        KnowledgeGraph changed = KnowledgeGraphBuilder.build(root);
        var inferred = changed.dataset().getGraph(Graphs.INFERRED);
        assertTrue(inferred.contains(r("test-org"), RDF.Nodes.type, FKG.term("IllicitDrugTradeSanctionsTarget")));
        assertTrue(inferred.contains(r("test-org"), RDF.Nodes.type, FKG.term("SanctionedEntity")));
        assertTrue(inferred.contains(r("test-chemical"), FKG.term("precursorOf"), r("fentanyl")));
        assertTrue(inferred.contains(r("test-chemical"), RDF.Nodes.type, FKG.term("FentanylPrecursor")));
        assertFalse(kg.dataset().getDefaultGraph().contains(r("test-org"), Node.ANY, Node.ANY));
    }
}
