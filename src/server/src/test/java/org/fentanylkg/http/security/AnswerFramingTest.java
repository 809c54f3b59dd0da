package org.fentanylkg.http.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A SPARQL JSON answer (SELECT or ASK), and a SELECT answer in CSV, TSV or SPARQL XML, that fits in {@link HeldAnswer#WHOLE_ANSWER_BYTES} is sent whole with its Content-Length;
 * a longer one is streamed (chunked) and arrives just as complete. Each is asked twice: the second run reuses the
 * query's compiled algebra ({@link CompiledPlans}) and must answer the same.
 */
class AnswerFramingTest {
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
        assertTrue(bytes > 4 * SecurityModule.OUTPUT_BUFFER_BYTES && bytes <= HeldAnswer.WHOLE_ANSWER_BYTES, bytes + " bytes");
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
            assertTrue(r.body().getBytes(StandardCharsets.UTF_8).length > HeldAnswer.WHOLE_ANSWER_BYTES, "the answer is long enough to stream");
            // streamed, so of no length known up front (Java's client hides the chunked Transfer-Encoding itself)
            assertEquals("none", r.headers().firstValue("Content-Length").orElse("none"));
            assertEquals(8000, rows(r.body()));
        }
        assertEquals(first.body(), second.body());
    }

    /**
     * CSV, TSV and SPARQL XML: the document Fuseki's own writer sends when asked by {@code output=} (which this server
     * leaves to Fuseki), but with its length rather than chunked; and a long one streamed whole, as Fuseki streams it.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"text/csv, csv", "text/tab-separated-values, tsv", "application/sparql-results+xml, xml"})
    void otherFormatsAreFusekisDocumentWithItsLength(String mediaType, String output) throws Exception {
        for (String q : java.util.List.of("SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT 1000",
                "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g ?s ?p ?o LIMIT 10000")) {
            var ours = server.get("/kg/sparql?query=" + TestServer.enc(q), "Accept", mediaType);
            var fusekis = server.get("/kg/sparql?query=" + TestServer.enc(q) + "&output=" + output);
            assertEquals(200, ours.statusCode(), ours.body());
            assertEquals(200, fusekis.statusCode(), fusekis.body());
            assertEquals(fusekis.body(), ours.body(), q);
            assertEquals(mediaType + "; charset=utf-8", ours.headers().firstValue("Content-Type").orElse(""));
            int bytes = ours.body().getBytes(StandardCharsets.UTF_8).length;
            assertEquals(q.endsWith("10000"), bytes > HeldAnswer.WHOLE_ANSWER_BYTES, "the second answer is long enough to stream: " + bytes);
            assertEquals(bytes <= HeldAnswer.WHOLE_ANSWER_BYTES ? String.valueOf(bytes) : "none",
                    ours.headers().firstValue("Content-Length").orElse("none"), bytes + " bytes");
            assertEquals("none", fusekis.headers().firstValue("Content-Length").orElse("none"), "Fuseki's own is chunked");
        }
    }
}
