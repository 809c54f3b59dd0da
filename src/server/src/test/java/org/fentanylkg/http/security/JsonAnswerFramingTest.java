package org.fentanylkg.http.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A SPARQL JSON answer (SELECT or ASK) that fits in {@link JsonResults#WHOLE_ANSWER_BYTES} is sent whole with its Content-Length;
 * a longer one is streamed (chunked) and arrives just as complete. Each is asked twice: the second run reuses the
 * query's compiled algebra ({@link CompiledPlans}) and must answer the same.
 */
class JsonAnswerFramingTest {
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception { server = TestServer.config().set("answerCacheBytes", "0").start(); } // the answer cache frames what it sends itself

    @AfterAll
    static void stop() { server.close(); }

    private static java.net.http.HttpResponse<String> json(String query) throws Exception {
        return server.get("/kg/sparql?query=" + TestServer.enc(query), "Accept", "application/sparql-results+json");
    }

    private static int rows(String body) {
        return JsonParser.parseString(body).getAsJsonObject().getAsJsonObject("results").getAsJsonArray("bindings").size();
    }

    @Test
    void aSmallAnswerIsSentWithItsLength() throws Exception {
        sentWhole("SELECT ?c WHERE { ?c a <https://w3id.org/fentanyl-kg/ontology#Chemical> } ORDER BY ?c LIMIT 5", 5);
    }

    @Test
    void anAskAnswerIsSentWithItsLength() throws Exception {
        String chemical = "<https://w3id.org/fentanyl-kg/ontology#Chemical>";
        for (var ask : java.util.Map.of("ASK { ?c a " + chemical + " }", true, "ASK { " + chemical + " a " + chemical + " }", false).entrySet()) {
            var r = json(ask.getKey());
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(String.valueOf(r.body().getBytes(StandardCharsets.UTF_8).length), r.headers().firstValue("Content-Length").orElse("none"));
            assertEquals("application/sparql-results+json; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
            assertEquals(ask.getValue(), JsonParser.parseString(r.body()).getAsJsonObject().get("boolean").getAsBoolean(), ask.getKey());
        }
    }

    /** Longer than several of Jetty's response buffers, still one answer with its length. */
    @Test
    void anAnswerOfManyBuffersIsSentWithItsLength() throws Exception {
        String body = sentWhole("SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT 1000", 1000);
        int bytes = body.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes > 4 * SecurityModule.OUTPUT_BUFFER_BYTES && bytes <= JsonResults.WHOLE_ANSWER_BYTES, bytes + " bytes");
    }

    private static String sentWhole(String q, int rows) throws Exception {
        var first = json(q);
        var second = json(q);
        for (var r : java.util.List.of(first, second)) {
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(String.valueOf(r.body().getBytes(StandardCharsets.UTF_8).length), r.headers().firstValue("Content-Length").orElse("none"));
            assertEquals("none", r.headers().firstValue("Transfer-Encoding").orElse("none"));
            assertEquals(rows, rows(r.body()));
        }
        assertEquals(first.body(), second.body());
        return first.body();
    }

    @Test
    void aLongAnswerIsStreamedWhole() throws Exception {
        String q = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT 8000";
        var first = json(q);
        var second = json(q);
        for (var r : java.util.List.of(first, second)) {
            assertEquals(200, r.statusCode());
            assertTrue(r.body().getBytes(StandardCharsets.UTF_8).length > JsonResults.WHOLE_ANSWER_BYTES, "the answer is long enough to stream");
            // streamed, so of no length known up front (Java's client hides the chunked Transfer-Encoding itself)
            assertEquals("none", r.headers().firstValue("Content-Length").orElse("none"));
            assertEquals(8000, rows(r.body()));
        }
        assertEquals(first.body(), second.body());
    }
}
