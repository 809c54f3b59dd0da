package org.fentanylkg.http.linkeddata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Validators from the data's generation: the ETag and Last-Modified are known before a representation is
 * rendered, so a conditional GET or HEAD is answered 304 without rendering; Last-Modified is when the graph was
 * built, on every request. (A reload's new ETag: ResponseCacheReloadTest.)
 */
class ConditionalRequestTest {
    private static TestServer server;

    /** An inferred triple, as the explanations take it. */
    private static final String EXPLAINED = "s=fkr:4-piperidone&p=rdf:type&o=fkg:FentanylPrecursor";

    /** Each representation the validators cover: path and Accept. */
    private static final List<String[]> PAGES = List.of(
            new String[] {"id/fentanyl", "text/turtle"},
            new String[] {"id/fentanyl", "text/html"},
            new String[] {"", "text/html"},
            new String[] {".well-known/void", "application/ld+json"},
            new String[] {"ontology", "text/html"},
            new String[] {LinkedDataServlet.CONTEXT_PATH, "*/*"},
            new String[] {"dumps/fentanyl-kg.ttl", "*/*"},
            new String[] {"query?query=ASK%20%7B%7D", "text/html"},
            new String[] {"kg/sparql", "text/turtle"}, // the service description
            new String[] {"api/queries", "application/json"},
            new String[] {"api/openapi.json", "application/json"},
            new String[] {"api/queries/designations", "application/sparql-results+json"},
            new String[] {"api/queries/designations.csv", "*/*"},
            new String[] {"api/queries/precursor-chain", "text/csv"},
            new String[] {"api/explain?" + EXPLAINED, "application/json"},
            new String[] {"explain?" + EXPLAINED, "text/html"});

    @BeforeAll
    static void start() { server = TestServer.start(); }

    @AfterAll
    static void stop() { if (server != null) server.close(); }

    private static String header(HttpResponse<?> r, String name) { return r.headers().firstValue(name).orElse(null); }

    private static Instant httpDate(String value) {
        return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }

    private static Instant built() {
        return server.graph().generation().built().truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void aConditionalGetOrHeadIsAnswered304WithoutRendering() {
        for (String[] p : PAGES) {
            var first = server.get(p[0], "Accept", p[1]);
            assertEquals(200, first.statusCode(), p[0]);
            String etag = header(first, "ETag");
            String lastModified = header(first, "Last-Modified");
            assertTrue(etag != null && etag.startsWith("W/\""), p[0] + ": a weak ETag, not " + etag);
            long rendered = Representation.rendered();
            for (String method : List.of("GET", "HEAD")) {
                var byTag = server.send(method, p[0], "Accept", p[1], "If-None-Match", "\"other\", " + etag);
                assertEquals(304, byTag.statusCode(), method + " " + p[0]);
                assertEquals("", byTag.body());
                assertEquals(etag, header(byTag, "ETag"), p[0]);
                assertEquals(lastModified, header(byTag, "Last-Modified"), p[0]);
                assertEquals(304, server.send(method, p[0], "Accept", p[1], "If-Modified-Since", lastModified).statusCode(), p[0]);
            }
            assertEquals(rendered, Representation.rendered(), p[0] + ": a 304 renders nothing");
        }
    }

    /** The control of the test above: an unconditional GET the response cache does not answer does render. */
    @Test
    void anUnconditionalGetRendersAndAStaleValidatorGetsTheBody() {
        long before = Representation.rendered();
        var r = server.get("kg/sparql", "Accept", "application/n-triples");
        assertEquals(200, r.statusCode());
        assertEquals(before + 1, Representation.rendered());
        var stale = server.get("kg/sparql", "Accept", "application/n-triples", "If-None-Match", "W/\"0-0-000000000000000000000000\"");
        assertEquals(200, stale.statusCode());
        // Blank nodes get new labels at each writing: the same graph, not the same bytes (hence a weak ETag).
        assertTrue(DereferencingTest.parse(r.body(), header(r, "Content-Type"))
                .isIsomorphicWith(DereferencingTest.parse(stale.body(), header(stale, "Content-Type"))));
        Instant earlier = built().minusSeconds(1);
        var older = server.get("kg/sparql", "Accept", "application/n-triples",
                "If-Modified-Since", DateTimeFormatter.RFC_1123_DATE_TIME.format(earlier.atZone(ZoneOffset.UTC)));
        assertEquals(200, older.statusCode(), "modified since a second before the build");
        assertEquals(before + 3, Representation.rendered());
    }

    @Test
    void eachRepresentationHasItsOwnETag() {
        var turtle = server.get("id/fentanyl", "Accept", "text/turtle");
        var json = server.get("id/fentanyl", "Accept", "application/ld+json");
        var other = server.get("id/cjng", "Accept", "text/turtle");
        var byName = server.get("id/fentanyl?format=ttl");
        List<String> tags = List.of(header(turtle, "ETag"), header(json, "ETag"), header(other, "ETag"), header(byName, "ETag"));
        assertEquals(4, tags.stream().distinct().count(), tags.toString());
        assertEquals(200, server.get("id/fentanyl", "Accept", "application/ld+json", "If-None-Match", header(turtle, "ETag")).statusCode(),
                "the Turtle's tag does not validate the JSON-LD");
    }

    @Test
    void lastModifiedIsTheBuildTimeOnEveryRequest() throws InterruptedException {
        Instant built = built();
        // The requests come at least a second after the build, so a Last-Modified taken from the clock would differ.
        long wait = Instant.now().until(built.plusMillis(2100), ChronoUnit.MILLIS);
        if (wait > 0) Thread.sleep(wait);
        List<String> tags = null;
        for (int round = 0; round < 2; round++) {
            if (round > 0) Thread.sleep(1100); // a second later: a Last-Modified taken from the clock would move
            List<String> these = new ArrayList<>();
            for (String[] p : PAGES) {
                var r = server.get(p[0], "Accept", p[1]);
                assertEquals(built, httpDate(header(r, "Last-Modified")), p[0]);
                these.add(header(r, "ETag"));
            }
            if (tags != null) assertEquals(tags, these, "the same generation, the same tags");
            tags = these;
        }
    }

    @Test
    void headGivesTheValidatorsOfGet() {
        for (String[] p : PAGES) {
            var get = server.get(p[0], "Accept", p[1]);
            var head = server.send("HEAD", p[0], "Accept", p[1]);
            assertEquals(200, head.statusCode(), p[0]);
            assertEquals("", head.body());
            for (String h : List.of("ETag", "Last-Modified", "Content-Type", "Cache-Control")) {
                assertEquals(header(get, h), header(head, h), p[0] + " " + h);
            }
        }
    }

    @Test
    void aMissingResourceIs404EvenWithAValidatorThatWouldMatch() {
        var page = server.get("id/fentanyl", "Accept", "text/turtle");
        var missing = server.get("id/no-such-resource-e7", "Accept", "text/turtle", "If-None-Match", "*");
        assertEquals(404, missing.statusCode());
        var since = server.get("id/no-such-resource-e7", "Accept", "text/turtle", "If-Modified-Since", header(page, "Last-Modified"));
        assertEquals(404, since.statusCode());
    }
}
