package org.fentanylkg.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.fentanylkg.rdf.LoadException;
import org.fentanylkg.rdf.Problem;
import org.fentanylkg.source.Sources;
import org.fentanylkg.vocab.Graphs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyLabelsTest {
    private static final String ORG = "http://www.w3.org/ns/org#";
    private static final Node NIF_NEXT_SENTENCE =
            NodeFactory.createURI("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#nextSentence");

    private static KnowledgeGraph kg;

    @BeforeAll
    static void buildRepository() throws Exception {
        kg = KnowledgeGraphBuilder.build(Path.of("."));
    }

    /** Classes and properties of the default graph lacking {@code missing}, by SPARQL rather than the builder's code. */
    private static Set<String> offenders(String missing) {
        String q = """
                PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX owl: <http://www.w3.org/2002/07/owl#>
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                PREFIX dcterms: <http://purl.org/dc/terms/>
                SELECT DISTINCT ?term WHERE {
                  { ?s ?term ?o } UNION { ?s rdf:type ?term }
                  UNION { ?term rdf:type ?declaration
                          VALUES ?declaration { rdfs:Class owl:Class rdfs:Datatype rdf:Property owl:ObjectProperty
                                                owl:DatatypeProperty owl:AnnotationProperty owl:TransitiveProperty
                                                owl:SymmetricProperty owl:FunctionalProperty } }
                  FILTER(isIRI(?term))
                  FILTER NOT EXISTS { %s }
                }""".formatted(missing);
        Set<String> out = new TreeSet<>();
        var model = ModelFactory.createModelForGraph(kg.dataset().getDefaultGraph());
        try (var qe = QueryExecutionFactory.create(q, model)) {
            ResultSet rs = qe.execSelect();
            rs.forEachRemaining(row -> out.add(row.getResource("term").getURI()));
        }
        return out;
    }

    @Test
    void everyClassAndPropertyUsedHasALabel() {
        // nif:nextSentence is the one term whose published file gives it no label (ontology/vocabularies/README.md).
        assertEquals(Set.of(NIF_NEXT_SENTENCE.getURI()), offenders("?term rdfs:label ?label"),
                "classes and properties of the default graph without rdfs:label");
        Graph vocabularies = kg.dataset().getGraph(Graphs.VOCABULARIES);
        assertTrue(vocabularies.contains(NIF_NEXT_SENTENCE, RDFS.Nodes.comment, Node.ANY));
        assertFalse(vocabularies.contains(NIF_NEXT_SENTENCE, RDFS.Nodes.label, Node.ANY),
                "nif-core.ttl now labels nif:nextSentence: it is no longer an exception");
    }

    @Test
    void everyClassAndPropertyUsedHasADefinition() {
        assertEquals(Set.of(), offenders("{ ?term skos:definition ?d } UNION { ?term rdfs:comment ?d } UNION { ?term dcterms:description ?d }"),
                "classes and properties of the default graph without a definition");
    }

    @Test
    void subOrganizationOfHasTheLabelOfTheOrgFile() {
        Graph org = GraphFactory.createDefaultGraph();
        RDFDataMgr.read(org, "ontology/vocabularies/org.ttl");
        Node sub = NodeFactory.createURI(ORG + "subOrganizationOf");
        List<Node> english = org.find(sub, RDFS.Nodes.label, Node.ANY).mapWith(t -> t.getObject())
                .filterKeep(o -> o.getLiteralLanguage().equals("en")).toList();
        assertEquals(1, english.size(), english.toString());
        assertEquals("subOrganization of", english.get(0).getLiteralLexicalForm());
        Graph served = kg.dataset().getDefaultGraph();
        assertTrue(served.contains(sub, RDFS.Nodes.label, english.get(0)));
        // Only the English label reaches the default graph; the others stay in graph/vocabularies.
        assertEquals(1, served.find(sub, RDFS.Nodes.label, Node.ANY).toList().size());
        assertTrue(kg.dataset().getGraph(Graphs.VOCABULARIES).find(sub, RDFS.Nodes.label, Node.ANY).toList().size() > 1);
    }

    @Test
    void theVocabulariesChangeNeitherTheAssertedGraphNorTheClosure() throws Exception {
        Sources repo = Sources.at(Path.of("."));
        KnowledgeGraph without = KnowledgeGraphBuilder.build(new Sources(repo.root(), repo.ontology(), repo.shapes(),
                repo.report(), repo.factFiles(), List.of()));
        assertEquals(0, without.figures().vocabularyLabels());
        assertTrue(kg.figures().vocabularyLabels() > 0);
        assertTrue(kg.closure().inferred().isIsomorphicWith(without.closure().inferred()));
        assertTrue(kg.dataset().getGraph(Graphs.ASSERTED).isIsomorphicWith(without.dataset().getGraph(Graphs.ASSERTED)));
        // ORG's own key axiom is read into graph/vocabularies but nowhere else.
        Node organization = NodeFactory.createURI(ORG + "Organization");
        Node hasKey = NodeFactory.createURI("http://www.w3.org/2002/07/owl#hasKey");
        assertTrue(kg.dataset().getGraph(Graphs.VOCABULARIES).contains(organization, hasKey, Node.ANY));
        assertFalse(kg.dataset().getDefaultGraph().contains(organization, hasKey, Node.ANY));
        assertEquals(kg.figures().total(), kg.dataset().getDefaultGraph().size());
        assertEquals(kg.figures().asserted() + kg.figures().inferred() + kg.figures().vocabularyLabels(), kg.figures().total());
    }

    @Test
    void aMissingVocabularyFileIsALoadProblem(@TempDir Path dir) throws Exception {
        Path root = SourceFixture.copyRepository(dir);
        Files.delete(root.resolve("ontology/vocabularies/org.ttl"));
        LoadException e = assertThrows(LoadException.class, () -> KnowledgeGraphBuilder.build(root));
        assertEquals(1, e.problems().size(), e.getMessage());
        Problem p = e.problems().get(0);
        assertEquals("org.ttl", p.file().getFileName().toString());
        assertTrue(p.message().contains("vocabulary file not found"), p.message());
    }

    @Test
    void anUnparsableVocabularyFileIsALoadProblemAtItsLine(@TempDir Path dir) throws Exception {
        Path root = SourceFixture.copyRepository(dir);
        Path prov = root.resolve("ontology/vocabularies/prov-o.ttl");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(prov));
        lines.add(20, "this is not turtle .");
        Files.write(prov, lines);
        LoadException e = assertThrows(LoadException.class, () -> KnowledgeGraphBuilder.build(root));
        Problem p = e.problems().get(0);
        assertEquals("prov-o.ttl", p.file().getFileName().toString());
        assertEquals(21, p.line());
        assertTrue(e.getMessage().contains("prov-o.ttl:21"), e.getMessage());
    }
}
