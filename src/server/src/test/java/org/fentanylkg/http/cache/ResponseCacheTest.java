package org.fentanylkg.http.cache;

import static org.fentanylkg.http.cache.CacheHttp.get;
import static org.fentanylkg.http.cache.CacheHttp.headers;
import static org.fentanylkg.http.cache.CacheHttp.send;
import static org.fentanylkg.http.cache.CacheHttp.xCache;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterMapping;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHandler;
import org.fentanylkg.http.security.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The response cache, against the same service with the cache off: a hit is the miss again (status, headers and
 * bytes), each variant (Accept, Origin, Host) has its own entry, and what must not be kept is not.
 * Each test asks for URLs no other test of the class asks for, so the order of the tests does not matter.
 */
class ResponseCacheTest {
    private static TestServer cached;
    private static TestServer uncached;

    @BeforeAll
    static void start() throws Exception {
        cached = TestServer.start();
        uncached = TestServer.config().set("responseCacheBytes", "0").start();
    }

    @AfterAll
    static void stop() {
        cached.close();
        uncached.close();
    }

    /** The links of the uncached server's answers, written as the cached server's (each writes its own address). */
    private static String samePort(String text) {
        return text.replace("localhost:" + uncached.port(), "localhost:" + cached.port());
    }

    /** Asks the cached server twice: a miss, then a hit with the same status, headers and bytes. Returns the hit. */
    private static HttpResponse<byte[]> assertMissThenHit(String path, String... headers) {
        HttpResponse<byte[]> miss = get(cached.base(), path, headers);
        HttpResponse<byte[]> hit = get(cached.base(), path, headers);
        assertEquals(200, miss.statusCode(), path);
        assertEquals("MISS", xCache(miss), path);
        assertEquals("HIT", xCache(hit), path);
        assertEquals(miss.statusCode(), hit.statusCode());
        assertEquals(headers(miss), headers(hit), path);
        assertArrayEquals(miss.body(), hit.body(), path);
        // A hit always says its length; a miss did when its body fitted Jetty's buffer, else it was chunked.
        assertEquals(String.valueOf(hit.body().length), hit.headers().firstValue("Content-Length").orElse(null));
        miss.headers().firstValue("Content-Length").ifPresent(n -> assertEquals(n, hit.headers().firstValue("Content-Length").orElse(null)));
        return hit;
    }

    /**
     * As {@link #assertMissThenHit}, and the server with the cache off answers the same (its links carry its own
     * port; ETag and Last-Modified come from each server's own build of the graph). Only for answers written the same each time:
     * RDF with blank nodes gets fresh labels at every writing (a cached one keeps its own).
     */
    private static HttpResponse<byte[]> assertMissHitAndSameAsUncached(String path, String... headers) {
        HttpResponse<byte[]> hit = assertMissThenHit(path, headers);
        HttpResponse<byte[]> plain = get(uncached.base(), path, headers);
        assertNull(xCache(plain), path);
        assertEquals(plain.statusCode(), hit.statusCode());
        assertEquals(samePort(headers(plain, "Last-Modified", "ETag").toString()), headers(hit, "Last-Modified", "ETag").toString(), path);
        assertEquals(samePort(new String(plain.body(), StandardCharsets.UTF_8)), new String(hit.body(), StandardCharsets.UTF_8), path);
        return hit;
    }

    @Test
    void aSavedQueryIsAMissThenAHitWithTheSameAnswer() {
        var hit = assertMissHitAndSameAsUncached("/api/queries/timeline", "Accept", "application/sparql-results+json");
        assertEquals("application/sparql-results+json; charset=utf-8", hit.headers().firstValue("Content-Type").orElse(""));
        assertEquals("nosniff", hit.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertMissHitAndSameAsUncached("/api/queries/timeline.csv");
        assertMissHitAndSameAsUncached("/api/queries");
    }

    /** These servlets write characters (JSON, a Mustache page): the copy is encoded at the end, and must be the bytes sent. */
    @Test
    void answersWrittenAsTextAreKeptAsTheBytesSent() {
        String triple = "s=" + TestServer.enc("https://w3id.org/fentanyl-kg/id/cartel-del-noreste")
                + "&p=" + TestServer.enc("http://www.w3.org/2000/01/rdf-schema#label")
                + "&o=" + TestServer.enc("\"C\u00e1rtel del Noreste\"@en");
        for (String path : List.of("/api/explain?" + triple, "/explain?" + triple)) {
            var hit = assertMissHitAndSameAsUncached(path);
            assertTrue(new String(hit.body(), StandardCharsets.UTF_8).contains("C\u00e1rtel del Noreste"),
                    path + ": text beyond ASCII, in UTF-8");
        }
    }

    @Test
    void aResourcePageIsAMissThenAHitWithTheSameAnswer() {
        var hit = assertMissHitAndSameAsUncached("/id/cjng", "Accept", "text/html", "Origin", "https://app.example.org");
        assertEquals(List.of("Origin", "Accept"), hit.headers().allValues("Vary"));
        assertTrue(hit.headers().firstValue("ETag").isPresent());
        assertEquals(5, hit.headers().allValues("Link").size(), hit.headers().toString());
        assertEquals("https://app.example.org", hit.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(hit.headers().firstValue("Content-Security-Policy").isPresent());
        // Other pages of the namespace, written by other code.
        assertMissHitAndSameAsUncached("/", "Accept", "text/html");
        assertMissHitAndSameAsUncached("/ontology", "Accept", "text/html");
        assertMissThenHit("/.well-known/void", "Accept", "text/turtle");
    }

    @Test
    void eachAcceptHasItsOwnEntry() {
        List<String> types = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (String accept : List.of("text/turtle", "application/ld+json", "application/n-triples", "text/html")) {
            var hit = accept.equals("text/html") ? assertMissHitAndSameAsUncached("/id/sinaloa-cartel", "Accept", accept)
                    : assertMissThenHit("/id/sinaloa-cartel", "Accept", accept);
            String type = hit.headers().firstValue("Content-Type").orElse("");
            assertTrue(type.startsWith(accept), accept + " answered as " + type);
            types.add(type);
            bodies.add(new String(hit.body(), StandardCharsets.UTF_8));
        }
        assertEquals(4, types.stream().distinct().count());
        assertEquals(4, bodies.stream().distinct().count());
        var csv = assertMissHitAndSameAsUncached("/api/queries/precursor-chain", "Accept", "text/csv");
        var json = assertMissHitAndSameAsUncached("/api/queries/precursor-chain", "Accept", "application/sparql-results+json");
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+json"));
        assertNotEquals(new String(csv.body(), StandardCharsets.UTF_8), new String(json.body(), StandardCharsets.UTF_8));
    }

    @Test
    void eachOriginGetsItsOwnCorsHeaders() {
        for (String origin : List.of("https://a.example", "https://b.example")) {
            var hit = assertMissThenHit("/id/mexico?format=ttl", "Origin", origin);
            assertEquals(origin, hit.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        }
        var none = assertMissThenHit("/id/mexico?format=ttl");
        assertTrue(none.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), none.headers().toString());
    }

    @Test
    void eachHostGetsItsOwnLinks() {
        String viaName = "http://localhost:" + cached.port();
        String viaAddress = "http://127.0.0.1:" + cached.port();
        for (String base : List.of(viaName, viaAddress)) {
            var miss = get(base, "/id/fentanyl", "Accept", "text/html");
            var hit = get(base, "/id/fentanyl", "Accept", "text/html");
            assertEquals("MISS", xCache(miss), base);
            assertEquals("HIT", xCache(hit), base);
            String page = new String(hit.body(), StandardCharsets.UTF_8);
            assertTrue(page.contains(base + "/ontology"), base + ": the page links to its own host");
            String other = base.equals(viaName) ? viaAddress : viaName;
            assertTrue(!page.contains(other + "/"), base + ": no link to the other host");
        }
    }

    @Test
    void headIsServedFromTheGetEntryWithoutABody() {
        var getMiss = get(cached.base(), "/id/cbp?format=nt");
        var head = send("HEAD", cached.base(), "/id/cbp?format=nt");
        assertEquals("MISS", xCache(getMiss));
        assertEquals("HIT", xCache(head));
        assertEquals(0, head.body().length);
        assertEquals(headers(getMiss), headers(head));
        assertEquals(String.valueOf(getMiss.body().length), head.headers().firstValue("Content-Length").orElse(null));
        // A HEAD that misses is not kept (it has no body): the GET after it is a miss, with the whole body.
        String query = "/api/queries/fincen-orders";
        assertEquals("MISS", xCache(send("HEAD", cached.base(), query)));
        var after = get(cached.base(), query);
        assertEquals("MISS", xCache(after));
        assertTrue(after.body().length > 100, "a body: " + after.body().length);
        assertMissHitAndSameAsUncached("/api/queries/fincen-orders.csv");
    }

    @Test
    void errorsAreNotKeptAndDoNotStandInForALaterAnswer() {
        for (int i = 0; i < 2; i++) {
            var missing = get(cached.base(), "/id/no-such-thing-4c1d");
            assertEquals(404, missing.statusCode());
            assertEquals("MISS", xCache(missing), "a 404 is not kept");
            var unknown = get(cached.base(), "/api/queries/no-such-query-4c1d");
            assertEquals(404, unknown.statusCode());
            assertEquals("MISS", xCache(unknown));
            var unacceptable = get(cached.base(), "/id/norfentanyl", "Accept", "image/png");
            assertEquals(406, unacceptable.statusCode());
            assertEquals("MISS", xCache(unacceptable));
        }
        assertMissThenHit("/id/norfentanyl", "Accept", "text/turtle");
    }

    @Test
    void requestsWithCredentialsAreNeverCached() {
        String path = "/id/china?format=ttl";
        String[] auth = {"Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("u:p".getBytes(StandardCharsets.UTF_8))};
        var first = get(cached.base(), path, auth);
        assertEquals(200, first.statusCode());
        assertNull(xCache(first), "left to the servlets");
        assertEquals("MISS", xCache(get(cached.base(), path)), "the request with credentials was not kept");
        assertEquals("HIT", xCache(get(cached.base(), path)));
        assertNull(xCache(get(cached.base(), path, auth)), "nor answered from the cache");
    }

    @Test
    void conditionalRequestsAreLeftToThePages() {
        String path = "/id/incb?format=ttl";
        var hit = assertMissThenHit(path);
        String etag = hit.headers().firstValue("ETag").orElseThrow();
        var notModified = get(cached.base(), path, "If-None-Match", etag);
        assertEquals(304, notModified.statusCode());
        assertNull(xCache(notModified));
        var changed = get(cached.base(), path, "If-None-Match", "\"something-else\"");
        assertEquals(200, changed.statusCode());
        assertArrayEquals(hit.body(), changed.body());
    }

    @Test
    void aBodyOverTheBoundIsStreamedWholeAndNotKept() {
        String path = "/graph/asserted?format=nt";
        var first = get(cached.base(), path);
        var second = get(cached.base(), path);
        assertTrue(first.body().length > ResponseCacheModule.MAX_ENTRY_BYTES, "the graph is over the bound: " + first.body().length);
        for (var r : List.of(first, second)) {
            assertEquals(200, r.statusCode());
            assertEquals("MISS", xCache(r));
            assertEquals(String.valueOf(r.body().length), r.headers().firstValue("Content-Length").orElse(null), "streamed whole");
        }
        assertEquals(first.body().length, get(uncached.base(), path).body().length);
        // Under the bound, a graph is kept.
        assertMissThenHit("/graph/report?format=nt");
    }

    /** Not worth keeping: the dumps (held per generation already), the JSON-LD context (fixed) and the query page. */
    @Test
    void whatIsCheapToSendAgainIsNotCached() {
        for (String path : List.of("/dumps/fentanyl-kg.ttl", "/context.jsonld", "/query", "/query?query=" + TestServer.enc("ASK {}"))) {
            for (int i = 0; i < 2; i++) {
                var r = get(cached.base(), path);
                assertEquals(200, r.statusCode(), path);
                assertNull(xCache(r), path);
            }
        }
    }

    @Test
    void theSparqlEndpointsPingMetricsAndAssetsAreNeverCached() {
        // (Query answers at /kg/sparql, /kg/query and /kg are the answer cache's: AnswerCacheTest.)
        for (String path : List.of("/kg/get?default", "/kg/sparql", "/$/ping", "/$/metrics", "/assets/css/site.css", "/api/")) {
            for (int i = 0; i < 2; i++) {
                var r = get(cached.base(), path, "Accept", path.equals("/kg/sparql") ? "text/turtle" : "*/*");
                assertEquals(200, r.statusCode(), path);
                assertNull(xCache(r), path);
            }
        }
    }

    @Test
    void withTheCacheOffThereIsNoXCacheHeader() {
        for (String path : List.of("/id/cjng", "/api/queries/timeline", "/api/queries")) {
            for (int i = 0; i < 2; i++) assertNull(xCache(get(uncached.base(), path)), path);
        }
    }

    /**
     * Fuseki adds the modules' filters in the order the modules are listed, after its CORS filter and before its
     * dispatch to the datasets (FusekiFilter) and the servlets: the cache comes after the request log and the guards,
     * so a hit is logged, counted and guarded like any request.
     */
    @Test
    void theCacheFilterRunsAfterTheRequestLogAndTheGuardsAndBeforeFuseki() {
        ServletHandler handler = ServletContextHandler.getServletContextHandler(cached.fuseki().getServletContext()).getServletHandler();
        List<String> chain = Arrays.stream(handler.getFilterMappings()).map(FilterMapping::getFilterName)
                .map(name -> handler.getFilter(name).getFilter().getClass().getSimpleName()).toList();
        List<String> expected = List.of("CrossOriginFilter", "RequestLogFilter", "RequestGuardFilter", "ResponseCacheFilter", "FusekiFilter");
        List<String> seen = chain.stream().filter(expected::contains).toList();
        assertEquals(expected, seen, "filter chain: " + chain);
        ServletHandler off = ServletContextHandler.getServletContextHandler(uncached.fuseki().getServletContext()).getServletHandler();
        assertTrue(Arrays.stream(off.getFilterMappings()).map(m -> off.getFilter(m.getFilterName()).getFilter().getClass().getSimpleName())
                .noneMatch("ResponseCacheFilter"::equals), "responseCacheBytes 0: no filter");
    }
}
