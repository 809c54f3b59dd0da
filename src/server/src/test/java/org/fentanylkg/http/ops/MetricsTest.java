package org.fentanylkg.http.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fentanylkg.http.security.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Prometheus metrics at /$/metrics and health at /$/ping. */
class MetricsTest {
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception { server = TestServer.config().set("resultCap", "10").start(); }

    @AfterAll
    static void stop() { server.close(); }

    private static String metrics() throws Exception {
        var r = server.get("/$/metrics");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), r.headers().toString());
        return r.body();
    }

    /**
     * Waits until a series reaches {@code expected} (a request is counted after its response has gone out, so the
     * client may ask before it is), then returns its value.
     */
    private static double awaitValue(double expected, String name, String... labels) throws Exception {
        double v = 0;
        for (int i = 0; i < 100; i++) {
            v = value(metrics(), name, labels);
            if (v >= expected) return v;
            Thread.sleep(50);
        }
        return v;
    }

    /** The value of one series, 0 when it is not there yet. */
    private static double value(String text, String name, String... labels) {
        for (String line : text.lines().toList()) {
            if (!line.startsWith(name + "{")) continue;
            boolean all = true;
            for (String l : labels) all &= line.contains(l);
            if (all) return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
        return 0;
    }

    @Test
    void pingAnswersWithTheTime() throws Exception {
        var r = server.get("/$/ping");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().matches("(?s)\\d{4}-\\d{2}-\\d{2}T.*"), r.body());
    }

    @Test
    void requestsAreCountedByRouteAndStatus() throws Exception {
        String series = "fkg_http_requests_seconds_count";
        double before = value(metrics(), series, "route=\"/kg/sparql\"", "status=\"200\"", "method=\"GET\"");
        double bad = value(metrics(), series, "route=\"/kg/sparql\"", "status=\"400\"");
        // Three queries, not one thrice: a repeated one is answered by the answer cache, before Fuseki counts it.
        for (int i = 0; i < 3; i++) server.get("/kg/sparql?query=" + TestServer.enc("ASK { FILTER(" + i + " = " + i + ") }"));
        server.get("/kg/sparql?query=" + TestServer.enc("ASK {"));
        assertEquals(before + 3, awaitValue(before + 3, series, "route=\"/kg/sparql\"", "status=\"200\"", "method=\"GET\""));
        assertEquals(bad + 1, awaitValue(bad + 1, series, "route=\"/kg/sparql\"", "status=\"400\""));
        String text = metrics();
        assertTrue(text.contains("fkg_http_requests_seconds_bucket{"), "latency buckets");
        // Summed over the heap's pools: one pool (a survivor space just after a collection) can be empty.
        assertTrue(text.lines().filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum() > 0, "JVM heap");
        assertTrue(value(text, "fuseki_requests_good", "endpoint=\"sparql\"") >= 3, "Fuseki's own counters");
    }

    @Test
    void cappedAnswersAreCounted() throws Exception {
        double before = value(metrics(), "fkg_http_results_capped_total");
        server.query("SELECT * WHERE { ?s ?p ?o }");
        assertEquals(before + 1, awaitValue(before + 1, "fkg_http_results_capped_total"));
    }

    /** Answers from the response cache are counted as requests, and as hits or misses of the cache. */
    @Test
    void cacheHitsAndMissesAreCounted() throws Exception {
        String requests = "fkg_http_requests_seconds_count";
        String cache = "fkg_http_cache_requests_total";
        double pages = value(metrics(), requests, "route=\"/id\"", "status=\"200\"");
        double hits = value(metrics(), cache, "cache=\"pages\"", "result=\"hit\"");
        double misses = value(metrics(), cache, "cache=\"pages\"", "result=\"miss\"");
        for (int i = 0; i < 3; i++) server.get("/id/fincen?format=ttl");
        assertEquals(misses + 1, awaitValue(misses + 1, cache, "cache=\"pages\"", "result=\"miss\""));
        assertEquals(hits + 2, awaitValue(hits + 2, cache, "cache=\"pages\"", "result=\"hit\""));
        assertEquals(pages + 3, awaitValue(pages + 3, requests, "route=\"/id\"", "status=\"200\""));
    }

    @Test
    void labelsNeverCarryWhatClientsSend() throws Exception {
        server.get("/some-unknown-path-8f2c/and/more");
        server.get("/kg/unknown-endpoint-8f2c");
        Thread.sleep(200); // counted after the response went out
        String text = metrics();
        assertFalse(text.contains("8f2c"), "a client's path became a label");
        Matcher m = Pattern.compile("route=\"unmatched\"").matcher(text);
        assertTrue(m.find());
    }
}
