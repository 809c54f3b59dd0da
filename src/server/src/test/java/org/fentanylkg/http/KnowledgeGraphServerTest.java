package org.fentanylkg.http;

import org.fentanylkg.http.main.KnowledgeGraphServer;
import org.fentanylkg.http.main.ServerConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.fentanylkg.dataset.KnowledgeGraphAssembler;
import org.fentanylkg.dataset.SourceFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeGraphServerTest {
    private static ServerTestSupport server;

    @BeforeAll
    static void start() throws Exception { server = ServerTestSupport.start(); }

    @AfterAll
    static void stop() { server.close(); }

    private static String q(String query) { return URLEncoder.encode(query, StandardCharsets.UTF_8); }

    @Test
    void pingAnswers() throws Exception {
        assertEquals(200, server.get("/$/ping", null).statusCode());
    }

    @Test
    void theDefaultGraphHoldsAssertedAndInferredTriples() throws Exception {
        var rs = server.select("PREFIX fkg: <https://w3id.org/fentanyl-kg/ontology#>\n"
                + "SELECT ?c WHERE { <https://w3id.org/fentanyl-kg/id/cjng> a ?c . FILTER(?c = fkg:SanctionedEntity) }");
        assertEquals(1, rs.size());
    }

    /** ARQ's FILTER(a || b) rewrite returned a solution once per disjunct it satisfies (apache/jena#4160); the configuration turns it off. */
    @Test
    void aFilterWhoseDisjunctsBothHoldKeepsTheSolutionOnce() throws Exception {
        var rs = server.select("PREFIX fkg: <https://w3id.org/fentanyl-kg/ontology#>\n"
                + "SELECT ?s WHERE { ?s a fkg:Cartel FILTER(?s = <https://w3id.org/fentanyl-kg/id/cjng> || STRSTARTS(STR(?s), \"https://\")) }");
        List<String> cartels = new ArrayList<>();
        rs.forEachRemaining(row -> cartels.add(row.getResource("s").getURI()));
        assertTrue(cartels.contains("https://w3id.org/fentanyl-kg/id/cjng"), cartels.toString());
        assertEquals(cartels.stream().distinct().count(), cartels.size(), "each cartel once: " + cartels);
    }

    @Test
    void namedGraphsTellAssertedFromInferred() throws Exception {
        String ask = "ASK { GRAPH <https://w3id.org/fentanyl-kg/graph/%s> { <https://w3id.org/fentanyl-kg/id/cjng> a"
                + " <https://w3id.org/fentanyl-kg/ontology#ForeignTerroristOrganization> } }";
        assertTrue(server.get("/kg/query?query=" + q(ask.formatted("inferred")), "application/sparql-results+json").body().contains("true"));
        assertTrue(server.get("/kg/query?query=" + q(ask.formatted("asserted")), "application/sparql-results+json").body().contains("false"));
    }

    @Test
    void queryByPostAtBothEndpoints() throws Exception {
        for (String path : new String[] {"/kg/sparql", "/kg/query"}) {
            var r = server.post(path, "application/sparql-query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
            assertEquals(200, r.statusCode(), path);
            assertTrue(r.body().contains("\"n\""), r.body());
        }
    }

    @Test
    void graphStoreProtocolIsReadable() throws Exception {
        var r = server.get("/kg/get?graph=" + q("https://w3id.org/fentanyl-kg/graph/ontology"), "text/turtle");
        assertEquals(200, r.statusCode());
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(r.body(), Lang.TURTLE).parse(g);
        assertTrue(g.size() > 100, "ontology graph has " + g.size() + " triples");
    }

    @Test
    void updatesAndWritesAreRefused() throws Exception {
        int update = server.post("/kg/update", "application/sparql-update", "INSERT DATA { <urn:a> <urn:b> <urn:c> }").statusCode();
        int updateOnQuery = server.post("/kg/sparql", "application/sparql-update", "INSERT DATA { <urn:a> <urn:b> <urn:c> }").statusCode();
        int gspWrite = server.post("/kg/get?default", "text/turtle", "<urn:a> <urn:b> <urn:c> .").statusCode();
        assertTrue(update >= 400 && update < 500, "update: " + update);
        assertTrue(updateOnQuery >= 400 && updateOnQuery < 500, "update at query endpoint: " + updateOnQuery);
        assertTrue(gspWrite >= 400 && gspWrite < 500, "GSP write: " + gspWrite);
        assertEquals(0, server.select("SELECT * WHERE { <urn:a> ?p ?o }").size());
    }

    @Test
    void aMalformedQueryGets400WithThePosition() throws Exception {
        var r = server.get("/kg/sparql?query=" + q("SELECT * WHERE { ?s ?p }"), null);
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("line 1, column"), r.body());
        assertFalse(r.body().contains("at org.apache"), "no stack trace: " + r.body());
    }

    @Test
    void anUnknownPathGets404() throws Exception {
        assertEquals(404, server.get("/no-such-dataset/sparql?query=" + q("ASK {}"), null).statusCode());
    }

    @Test
    void theServerRefusesToStartOnBadSources(@TempDir Path dir) throws Exception {
        Path root = SourceFixture.copyRepository(dir);
        SourceFixture.addFactFile(root, "bad.trig", """
                fact:bad { fkr:fentanyl rdfs:label "fentanyl"@en . }
                fact:bad fkg:quote "not a sentence of the report" .
                """);
        Files.copy(Path.of(ServerConfig.FILE_NAME), root.resolve(ServerConfig.FILE_NAME));
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> KnowledgeGraphServer.create().config(root.resolve(ServerConfig.FILE_NAME)).port(0).start());
        Throwable t = e;
        while (t != null && !(t instanceof KnowledgeGraphAssembler.SourcesRejected)) t = t.getCause();
        assertTrue(t != null, "expected the load problems, got " + e);
        assertTrue(t.getMessage().contains("bad.trig:10"), t.getMessage());
    }

    /** The saved queries are read on a second thread while the graph builds; a bad one still stops the start, by file and line. */
    @Test
    void theServerRefusesToStartOnABadSavedQuery(@TempDir Path dir) throws Exception {
        Path root = SourceFixture.copyRepository(dir);
        Files.createDirectories(root.resolve("queries"));
        Files.writeString(root.resolve("queries/broken.rq"), "#+ summary: broken\nSELECT ?s WHERE { ?s ?p }\n");
        Files.copy(Path.of(ServerConfig.FILE_NAME), root.resolve(ServerConfig.FILE_NAME));
        KnowledgeGraphAssembler.SourcesRejected e = assertThrows(KnowledgeGraphAssembler.SourcesRejected.class,
                () -> KnowledgeGraphServer.create().config(root.resolve(ServerConfig.FILE_NAME)).port(0).start());
        assertTrue(e.loadException().problems().stream().anyMatch(p -> p.toString().contains("broken.rq:2")), e.getMessage());
    }
}
