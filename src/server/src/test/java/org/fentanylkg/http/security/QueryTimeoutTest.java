package org.fentanylkg.http.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query timeout cuts pathological queries with 503 "Query timed out", while the server keeps answering:
 * {@code /$/ping} and a simple query get their answers while a pathological query is still running.
 * (The timeout is 3 s here, to keep the test short; fuseki-config.ttl sets 10 s. No timing is asserted: each
 * pathological query below takes far longer than the limit on this graph, so only the limit can end it.) The same
 * limit holds for the saved-query API, here with the cross product saved as a query of its own.
 */
class QueryTimeoutTest {
    /** The default graph crossed with itself: 36 million rows counted. */
    static final String CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }";
    /** Every node to every node it reaches by any path, three times over. */
    static final String ANY_PATH = "SELECT (COUNT(*) AS ?n) WHERE { ?a (<urn:p>|!<urn:p>)* ?b . ?b (<urn:p>|!<urn:p>)* ?c . ?c (<urn:p>|!<urn:p>)* ?d }";

    private static TestServer server;
    @TempDir static Path root;

    @BeforeAll
    static void start() throws Exception {
        Path sources = TestServer.sourcesWithQueries(root);
        Files.writeString(sources.resolve("queries/cross-product.rq"), """
                #+ summary: The default graph crossed with itself (test fixture)
                #+ description: >
                #+   A fixture for the timeout tests: far slower than the limit.
                #+ tags:
                #+   - fixture
                """ + CROSS_PRODUCT + "\n");
        server = TestServer.config().context("arq:queryTimeout", "3000").sources(sources).start();
    }

    @AfterAll
    static void stop() { server.close(); }

    private static CompletableFuture<HttpResponse<String>> async(String query) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return server.query(query);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
    }

    private static void assertTimedOut(HttpResponse<String> r) {
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(r.body().contains("Query timed out"), r.body());
    }

    @Test
    void theTimeoutMessageStatesTheLimit() throws Exception {
        HttpResponse<String> r = server.query(CROSS_PRODUCT);
        assertEquals(503, r.statusCode(), r.body());
        assertEquals("Query timed out after 3000 ms (the server's limit)", r.body().strip());
    }

    @Test
    void aCrossProductOfTheGraphWithItselfIsCutAtTheLimit() throws Exception {
        assertTimedOut(server.query(CROSS_PRODUCT));
    }

    @Test
    void anAnyPathClosureIsCutAtTheLimit() throws Exception {
        assertTimedOut(server.query(ANY_PATH));
    }

    /** Its 503 carries no ETag or Last-Modified: those would name the answer, which the error is not. */
    @Test
    void aSavedQueryIsCutAtTheLimitAndItsErrorHasNoValidators() throws Exception {
        var r = server.get("/api/queries/cross-product", "Accept", "application/sparql-results+json");
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(r.body().contains("Query 'cross-product' timed out after 3000 ms"), r.body());
        assertEquals(Optional.empty(), r.headers().firstValue("ETag"));
        assertEquals(Optional.empty(), r.headers().firstValue("Last-Modified"));
    }

    @Test
    void theProtocolTimeoutParameterCannotRaiseTheLimit() throws Exception {
        // Left to run, this query answers 200 after tens of seconds; a 600 s protocol timeout must not allow it.
        var r = server.post("/kg/sparql?timeout=600", "application/x-www-form-urlencoded", "query=" + TestServer.enc(CROSS_PRODUCT));
        assertTimedOut(r);
    }

    @Test
    void pingAndASimpleQueryAnswerWhilePathologicalQueriesRun() throws Exception {
        var cross = async(CROSS_PRODUCT);
        var path = async(ANY_PATH);
        Thread.sleep(300); // let both reach the engine
        var ping = server.get("/$/ping");
        var simple = server.query("SELECT ?c WHERE { ?c <https://w3id.org/fentanyl-kg/ontology#precursorOf> <https://w3id.org/fentanyl-kg/id/fentanyl> } LIMIT 1");
        assertFalse(cross.isDone(), "the cross product should still be running when ping answers");
        assertFalse(path.isDone(), "the path query should still be running when ping answers");
        assertEquals(200, ping.statusCode());
        assertEquals(200, simple.statusCode(), simple.body());
        assertEquals(1, TestServer.csvRows(simple).size(), simple.body());
        assertTimedOut(cross.get());
        assertTimedOut(path.get());
    }
}
