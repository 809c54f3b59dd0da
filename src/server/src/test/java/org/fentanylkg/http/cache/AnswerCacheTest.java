package org.fentanylkg.http.cache;

import static org.fentanylkg.http.cache.CacheHttp.get;
import static org.fentanylkg.http.cache.CacheHttp.xCache;
import static org.fentanylkg.http.security.TestServer.enc;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fentanylkg.http.security.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The answer cache of the SPARQL endpoints, against the same service with it off: a hit is the miss again (status,
 * body), whatever the query's layout, comments, endpoint or method; each format and dataset has its own entry; a GET
 * answer carries an ETag that a conditional GET turns into a 304, and a HEAD gets its GET's headers; capped, timed-out
 * and non-repeatable answers are not kept; a reload is served at once. Each test sends queries no other test sends
 * (a distinct variable name), so their order does not matter.
 */
class AnswerCacheTest {
    private static final String FTO = """
            PREFIX fkg: <https://w3id.org/fentanyl-kg/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?%s WHERE { ?org a fkg:ForeignTerroristOrganization ; rdfs:label ?%s } ORDER BY ?%s""";
    private static final String JSON = "application/sparql-results+json";

    private static TestServer cached;
    private static TestServer uncached;

    @BeforeAll
    static void start() throws Exception {
        cached = TestServer.config().set("responseCacheBytes", "0").start(); // only the answer cache, on by default
        uncached = TestServer.config().set("answerCacheBytes", "0").start();
    }

    @AfterAll
    static void stop() {
        cached.close();
        uncached.close();
    }

    private static String fto(String var) { return FTO.formatted(var, var, var); }

    private static HttpResponse<byte[]> query(TestServer s, String endpoint, String query, String accept, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Accept";
        all[1] = accept;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return get(s.base(), endpoint + "?query=" + enc(query), all);
    }

    private static String body(HttpResponse<byte[]> r) { return new String(r.body(), StandardCharsets.UTF_8); }

    @Test
    void aRepeatedQueryIsAHitWithTheSameAnswerAsWithoutTheCache() {
        String q = fto("name1");
        HttpResponse<byte[]> miss = query(cached, "/kg/sparql", q, JSON);
        HttpResponse<byte[]> hit = query(cached, "/kg/sparql", q, JSON);
        HttpResponse<byte[]> plain = query(uncached, "/kg/sparql", q, JSON);
        assertEquals(200, miss.statusCode());
        assertEquals("MISS", xCache(miss));
        assertEquals("HIT", xCache(hit));
        assertArrayEquals(miss.body(), hit.body());
        assertEquals(body(plain), body(hit));
        assertTrue(body(hit).contains("Sinaloa Cartel"), body(hit));
        assertEquals(miss.headers().firstValue("Content-Type"), hit.headers().firstValue("Content-Type"));
        assertEquals(miss.headers().firstValue("ETag"), hit.headers().firstValue("ETag"));
        assertEquals("no-cache", hit.headers().firstValue("Cache-Control").orElse(null));
        // Off: Fuseki's own answer, untouched.
        assertNull(xCache(plain));
        assertNull(plain.headers().firstValue("ETag").orElse(null));
        assertTrue(plain.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
    }

    @Test
    void layoutCommentsEndpointAndMethodDoNotMatter() throws Exception {
        String q = fto("name2");
        assertEquals("MISS", xCache(query(cached, "/kg/sparql", q, JSON)));
        String relaid = "# the same query, laid out otherwise\n" + q.replace("\n", "\n\n   ").replace(" ; ", " ;\n  # a comment\n  ");
        assertNotEquals(q, relaid);
        assertEquals("HIT", xCache(query(cached, "/kg/query", relaid, JSON)));
        assertEquals("HIT", xCache(query(cached, "/kg", q, JSON)));
        HttpResponse<String> form = cached.post("/kg/sparql", "application/x-www-form-urlencoded", "query=" + enc(relaid), "Accept", JSON);
        assertEquals("HIT", form.headers().firstValue("X-Cache").orElse(null));
        HttpResponse<String> body = cached.post("/kg/sparql", "application/sparql-query", q, "Accept", JSON);
        assertEquals("HIT", body.headers().firstValue("X-Cache").orElse(null));
        assertEquals(body(query(uncached, "/kg/sparql", q, JSON)), body.body());
        // A different query is a different entry.
        assertEquals("MISS", xCache(query(cached, "/kg/sparql", q.replace("ORDER BY ?name2", "ORDER BY DESC(?name2)"), JSON)));
    }

    @Test
    void eachFormatAndDatasetHasItsOwnEntry() {
        String q = fto("name3");
        HttpResponse<byte[]> json = query(cached, "/kg/sparql", q, JSON);
        HttpResponse<byte[]> csv = query(cached, "/kg/sparql", q, "text/csv");
        assertEquals("MISS", xCache(json));
        assertEquals("MISS", xCache(csv));
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertEquals(body(query(uncached, "/kg/sparql", q, "text/csv")), body(query(cached, "/kg/sparql", q, "text/csv")));
        assertNotEquals(json.headers().firstValue("ETag"), csv.headers().firstValue("ETag"));
        // Accept headers that negotiate the same format share the entry.
        assertEquals("HIT", xCache(query(cached, "/kg/sparql", q, "text/csv;q=0.9, text/html;q=0.1")));
        // A dataset parameter: a different answer (this graph holds no labels of organizations).
        String ontology = "&default-graph-uri=" + enc("https://w3id.org/fentanyl-kg/graph/ontology");
        HttpResponse<byte[]> narrowed = get(cached.base(), "/kg/sparql?query=" + enc(q) + ontology, "Accept", "text/csv");
        assertEquals("MISS", xCache(narrowed));
        assertEquals(1, body(narrowed).lines().count(), body(narrowed));
        assertEquals("HIT", xCache(get(cached.base(), "/kg/sparql?query=" + enc(q) + ontology, "Accept", "text/csv")));
    }

    @Test
    void aConditionalGetWithTheETagGets304() {
        String q = fto("name4");
        HttpResponse<byte[]> first = query(cached, "/kg/sparql", q, JSON);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = query(cached, "/kg/sparql", q, JSON, "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
        assertEquals(etag, again.headers().firstValue("ETag").orElse(null));
        HttpResponse<byte[]> other = query(cached, "/kg/sparql", q, JSON, "If-None-Match", "\"0-0000000000000000-0\"");
        assertEquals(200, other.statusCode());
        assertEquals(body(first), body(other));
        // ASK, CONSTRUCT and DESCRIBE are cached too.
        for (String other2 : new String[] {"ASK { ?x a <https://w3id.org/fentanyl-kg/ontology#ForeignTerroristOrganization> }",
                "CONSTRUCT { ?x a ?c } WHERE { ?x a ?c } LIMIT 4", "DESCRIBE <https://w3id.org/fentanyl-kg/id/sinaloa-cartel>"}) {
            String accept = other2.startsWith("ASK") ? JSON : "text/turtle";
            assertEquals("MISS", xCache(query(cached, "/kg/sparql", other2, accept)), other2);
            HttpResponse<byte[]> hit = query(cached, "/kg/sparql", other2, accept);
            assertEquals("HIT", xCache(hit), other2);
            assertEquals(200, hit.statusCode());
        }
    }

    @Test
    void aHeadGetsTheHeadersOfItsGetAndA304WithTheETag() {
        String q = fto("name6");
        String path = "/kg/sparql?query=" + enc(q);
        // A HEAD first: computed, with its GET's validator, and not kept (it has no body).
        HttpResponse<byte[]> firstHead = CacheHttp.send("HEAD", cached.base(), path, "Accept", JSON);
        assertEquals(200, firstHead.statusCode());
        assertEquals("MISS", xCache(firstHead));
        assertEquals(0, firstHead.body().length);
        HttpResponse<byte[]> get = query(cached, "/kg/sparql", q, JSON);
        assertEquals("MISS", xCache(get));
        String etag = get.headers().firstValue("ETag").orElseThrow();
        assertEquals(etag, firstHead.headers().firstValue("ETag").orElse(null));
        assertEquals("no-cache", firstHead.headers().firstValue("Cache-Control").orElse(null), "as its GET: kept, revalidated");
        assertNull(firstHead.headers().firstValue("Pragma").orElse(null));
        // After the GET: answered from its entry, header for header, without the body.
        HttpResponse<byte[]> head = CacheHttp.send("HEAD", cached.base(), path, "Accept", JSON);
        assertEquals(200, head.statusCode());
        assertEquals("HIT", xCache(head));
        assertEquals(0, head.body().length);
        assertEquals(etag, head.headers().firstValue("ETag").orElse(null));
        assertEquals(get.headers().firstValue("Content-Type"), head.headers().firstValue("Content-Type"));
        assertEquals(Long.toString(get.body().length), head.headers().firstValue("Content-Length").orElse(null));
        // Conditional: 304 while the validator holds, 200 when it does not.
        HttpResponse<byte[]> same = CacheHttp.send("HEAD", cached.base(), path, "Accept", JSON, "If-None-Match", etag);
        assertEquals(304, same.statusCode());
        assertEquals(etag, same.headers().firstValue("ETag").orElse(null));
        assertEquals(200, CacheHttp.send("HEAD", cached.base(), path, "Accept", JSON, "If-None-Match", "\"0-0-0-0\"").statusCode());
        // Off: Fuseki's HEAD, untouched.
        HttpResponse<byte[]> plain = CacheHttp.send("HEAD", uncached.base(), path, "Accept", JSON);
        assertEquals(200, plain.statusCode());
        assertNull(xCache(plain));
        assertNull(plain.headers().firstValue("ETag").orElse(null));
    }

    @Test
    void queriesThatAnswerDifferentlyEachTimeAreNotKept() {
        String q = "SELECT (RAND() AS ?r) WHERE {}";
        HttpResponse<byte[]> a = query(cached, "/kg/sparql", q, JSON);
        HttpResponse<byte[]> b = query(cached, "/kg/sparql", q, JSON);
        assertNull(xCache(a));
        assertNull(xCache(b));
        assertNotEquals(body(a), body(b));
    }

    @Test
    void badQueriesAndUnknownParametersAreLeftToFuseki() {
        HttpResponse<byte[]> bad = query(cached, "/kg/sparql", "SELECT ?x WHERE { ?x ", JSON);
        assertEquals(400, bad.statusCode());
        assertNull(xCache(bad));
        HttpResponse<byte[]> jsonp = get(cached.base(), "/kg/sparql?callback=f&query=" + enc(fto("name5")), "Accept", JSON);
        assertEquals(400, jsonp.statusCode());
        assertEquals("MISS", xCache(query(cached, "/kg/sparql", fto("name5"), JSON)));
        // Not even a hit skips the refusal.
        assertEquals(400, get(cached.base(), "/kg/sparql?callback=f&query=" + enc(fto("name5")), "Accept", JSON).statusCode());
    }

    @Test
    void cappedAndTimedOutAnswersAreNotKept() throws Exception {
        try (TestServer small = TestServer.config().set("resultCap", "3").context("arq:queryTimeout", "1000").start()) {
            String all = "SELECT ?s WHERE { ?s a ?c }";
            for (int i = 0; i < 2; i++) {
                HttpResponse<byte[]> r = query(small, "/kg/sparql", all, "text/csv");
                assertEquals(200, r.statusCode());
                assertEquals("true", r.headers().firstValue("X-Result-Capped").orElse(null));
                assertEquals("MISS", xCache(r), "a capped answer is computed again");
            }
            String cross = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }";
            for (int i = 0; i < 2; i++) {
                HttpResponse<byte[]> r = query(small, "/kg/sparql", cross, "text/csv");
                assertEquals(503, r.statusCode());
                assertEquals("MISS", xCache(r), "a timed-out answer is computed again");
            }
        }
    }

    @Test
    void hitsMissesAndEvictionsAreCounted() throws Exception {
        try (TestServer tiny = TestServer.config().set("answerCacheBytes", "20000").start()) {
            query(tiny, "/kg/sparql", fto("v"), JSON);
            query(tiny, "/kg/sparql", fto("v"), JSON);
            for (int i = 0; i < 30; i++) query(tiny, "/kg/sparql", fto("v" + i), JSON);
            String metrics = body(get(tiny.base(), "/$/metrics"));
            assertEquals(31, value(metrics, "fkg_http_cache_requests_total", "cache=\"answers\"", "result=\"miss\""), metrics);
            assertEquals(1, value(metrics, "fkg_http_cache_requests_total", "cache=\"answers\"", "result=\"hit\""), metrics);
            double evictions = value(metrics, "fkg_http_cache_evictions_total", "cache=\"answers\"");
            assertTrue(evictions > 0, "20000 bytes hold fewer than 31 answers: " + evictions);
        }
    }

    private static double value(String metrics, String name, String... labels) {
        for (String line : metrics.lines().toList()) {
            if (!line.startsWith(name + "{")) continue;
            boolean all = true;
            for (String l : labels) all &= line.contains(l);
            if (all) return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
        return -1;
    }

    @Test
    void aMalformedSettingIsRefusedWithItsName() {
        var e = assertThrows(IllegalArgumentException.class, () -> TestServer.config().set("answerCacheBytes", "64MB").start());
        // refused as the configuration is read, with the file and line of the setting
        assertTrue(e.getMessage().matches("(?s).*\\.ttl:\\d+: fkgc:answerCacheBytes must be a whole number, 0 or more, not \"64MB\".*"), e.getMessage());
    }

    @Test
    void aReloadIsServedAtOnce(@TempDir Path dir) throws Exception {
        Path sources = TestServer.sourcesWithQueries(dir.resolve("repo"));
        String q = "SELECT ?a WHERE { ?a a <https://w3id.org/fentanyl-kg/ontology#Appropriation> }";
        try (TestServer admin = TestServer.reloadable(sources, dir)) {
            String auth = TestServer.ADMIN_AUTH;
            HttpResponse<byte[]> before = query(admin, "/kg/sparql", q, "text/csv");
            String etag = before.headers().firstValue("ETag").orElseThrow();
            assertEquals("HIT", xCache(query(admin, "/kg/sparql", q, "text/csv")));
            long rows = body(before).lines().count() - 1;
            assertTrue(rows > 0, body(before));

            Files.move(sources.resolve("data/facts/appropriations.trig"), dir.resolve("appropriations.trig"));
            assertEquals(200, admin.post("/$/reload", "text/plain", "", "Authorization", auth).statusCode());
            HttpResponse<byte[]> after = query(admin, "/kg/sparql", q, "text/csv", "If-None-Match", etag);
            assertEquals(200, after.statusCode(), "the old ETag no longer holds");
            assertEquals("MISS", xCache(after));
            assertTrue(body(after).lines().count() - 1 < rows, body(after));
            assertFalse(etag.equals(after.headers().firstValue("ETag").orElse(null)));
        }
    }
}
