package org.fentanylkg.http.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.fentanylkg.dataset.KnowledgeGraphBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The result cap (100 here; 10 000 in fuseki-config.ttl) and how a capped answer says so. */
class ResultCapTest {
    static final int CAP = 100;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception { server = TestServer.config().set("resultCap", Integer.toString(CAP)).start(); }

    @AfterAll
    static void stop() { server.close(); }

    private static boolean capped(HttpResponse<String> r) { return r.headers().firstValue(ResultCap.HEADER_CAPPED).orElse("").equals("true"); }

    @Test
    void aSelectOverTheCapIsCutAndSaysSo() throws Exception {
        var r = server.query("SELECT * WHERE { ?s ?p ?o }");
        assertEquals(200, r.statusCode());
        assertEquals(CAP, TestServer.csvRows(r).size());
        assertTrue(capped(r));
        assertEquals(Integer.toString(CAP), r.headers().firstValue(ResultCap.HEADER_LIMIT).orElse(""));
    }

    @Test
    void anAnswerOfExactlyTheCapIsNotCapped() throws Exception {
        var r = server.query("SELECT * WHERE { ?s ?p ?o } LIMIT " + CAP);
        assertEquals(CAP, TestServer.csvRows(r).size());
        assertEquals("", r.headers().firstValue(ResultCap.HEADER_CAPPED).orElse(""));
        var over = server.query("SELECT * WHERE { ?s ?p ?o } LIMIT " + (CAP + 1));
        assertEquals(CAP, TestServer.csvRows(over).size());
        assertTrue(capped(over));
    }

    @Test
    void smallAnswersAndAggregatesAreUntouched() throws Exception {
        var count = server.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
        assertEquals(List.of(Long.toString(KnowledgeGraphBuilder.build(Path.of(".")).figures().total())), TestServer.csvRows(count));
        assertEquals("", count.headers().firstValue(ResultCap.HEADER_CAPPED).orElse(""));
        var ask = server.get("/kg/sparql?query=" + TestServer.enc("ASK { ?s ?p ?o }"), "Accept", "application/sparql-results+json");
        assertTrue(ask.body().contains("true"), ask.body());
    }

    @Test
    void capKeepsOrderAndOffset() throws Exception {
        String q = "SELECT ?s WHERE { ?s a ?t FILTER(isIRI(?s)) } ORDER BY ?s ?t";
        List<String> all = TestServer.csvRows(server.query(q + " LIMIT 60"));
        List<String> page = TestServer.csvRows(server.query(q + " OFFSET 10"));
        assertEquals(CAP, page.size());
        assertEquals(all.subList(10, 60), page.subList(0, 50));
    }

    @Test
    void constructAndDescribeAreCappedInTriples() throws Exception {
        for (String q : new String[] {"CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
                "DESCRIBE ?s WHERE { ?s a <https://w3id.org/fentanyl-kg/ontology#Chemical> }"}) {
            var r = server.post("/kg/sparql", "application/x-www-form-urlencoded", "query=" + TestServer.enc(q), "Accept", "application/n-triples");
            assertEquals(200, r.statusCode(), r.body());
            Graph g = GraphFactory.createDefaultGraph();
            RDFParser.fromString(r.body(), Lang.NTRIPLES).parse(g);
            assertEquals(CAP, g.size(), q);
            assertTrue(capped(r), q);
        }
    }

    @Test
    void jsonResultsStayStandardAndCarryTheHeader() throws Exception {
        var r = server.get("/kg/sparql?query=" + TestServer.enc("SELECT * WHERE { ?s ?p ?o }"), "Accept", "application/sparql-results+json");
        assertTrue(capped(r));
        var rs = org.apache.jena.query.ResultSetFactory.makeRewindable(org.apache.jena.riot.ResultSetMgr.read(
                new java.io.ByteArrayInputStream(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                org.apache.jena.riot.resultset.ResultSetLang.RS_JSON));
        assertEquals(CAP, rs.size());
    }
}
