package org.fentanylkg.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.SKOS;
import org.fentanylkg.http.linkeddata.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The protocol defects of issue 12, each checked over HTTP against the repository's configuration: charsets on
 * text RDF, Allow on every 405, HEAD on the query endpoint, updates told the service is read-only, and the one
 * error format (RFC 9457 problem details, or a page for a browser) where Jetty used to write its own page. Names
 * follow the W3C SPARQL 1.1 Protocol and Graph Store Protocol tests where one fits.
 */
class ProtocolTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SINALOA = "https://w3id.org/fentanyl-kg/id/sinaloa-cartel";
    private static TestServer server;

    @BeforeAll
    static void start() { server = TestServer.start(); }

    @AfterAll
    static void stop() { server.close(); }

    private static HttpResponse<byte[]> send(String method, String path, String contentType, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) b.header("Content-Type", contentType);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        // A new connection when a body is sent: the server may close one whose body a 4xx left unread.
        HttpClient client = body == null ? HTTP : HttpClient.newHttpClient();
        return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String q(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    private static String contentType(HttpResponse<?> r) { return r.headers().firstValue("Content-Type").orElse(""); }

    /** The body decoded with the charset the response declares: a missing charset fails the assertion. */
    private static String declaredText(HttpResponse<byte[]> r) {
        String ct = contentType(r).toLowerCase(Locale.ROOT).replace(" ", "");
        assertTrue(ct.contains(";charset=utf-8"), "no charset=utf-8 in " + ct);
        return new String(r.body(), Charset.forName("UTF-8"));
    }

    private static void assertSpanishName(String turtle) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(turtle, Lang.TURTLE).parse(g);
        assertTrue(g.contains(NodeFactory.createURI(SINALOA), SKOS.altLabel.asNode(), NodeFactory.createLiteralLang("Cártel de Sinaloa", "es")),
                "the Spanish name, decoded as declared");
    }

    private static JsonObject problem(HttpResponse<byte[]> r, int status) {
        assertEquals(status, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("application/problem+json", contentType(r));
        JsonObject o = JsonParser.parseString(new String(r.body(), StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals(status, o.get("status").getAsInt());
        for (String member : List.of("type", "title", "detail", "instance")) assertTrue(o.has(member), member + " in " + o);
        return o;
    }

    @Test
    @DisplayName("W3C GSP: GET of the default graph as text/turtle says charset=utf-8 (non-ASCII names)")
    void gspGetDefaultGraphTurtleHasCharset() throws Exception {
        HttpResponse<byte[]> r = send("GET", "kg/get?default", null, null, "Accept", "text/turtle");
        assertEquals(200, r.statusCode());
        assertTrue(contentType(r).startsWith("text/turtle"), contentType(r));
        assertSpanishName(declaredText(r));
    }

    @Test
    @DisplayName("W3C GSP: GET of the default graph as N-Triples says charset=utf-8")
    void gspGetDefaultGraphNTriplesHasCharset() throws Exception {
        HttpResponse<byte[]> r = send("GET", "kg/get?default", null, null, "Accept", "application/n-triples");
        assertEquals(200, r.statusCode());
        assertTrue(declaredText(r).contains("\"Cártel de Sinaloa\"@es"));
    }

    @Test
    @DisplayName("W3C protocol: query_content_type_construct and query_content_type_describe as text/turtle say charset=utf-8")
    void queryConstructConnegAndDescribeHaveCharset() throws Exception {
        String construct = "CONSTRUCT { <" + SINALOA + "> <" + SKOS.altLabel.getURI() + "> ?n } WHERE { <" + SINALOA + "> <" + SKOS.altLabel.getURI() + "> ?n }";
        HttpResponse<byte[]> c = send("GET", "kg/sparql?query=" + q(construct), null, null, "Accept", "text/turtle");
        assertEquals(200, c.statusCode());
        assertSpanishName(declaredText(c));
        HttpResponse<byte[]> d = send("GET", "kg/sparql?query=" + q("DESCRIBE <" + SINALOA + ">"), null, null, "Accept", "text/turtle");
        assertEquals(200, d.statusCode());
        assertSpanishName(declaredText(d));
    }

    @Test
    @DisplayName("W3C protocol: query_head_get answers as GET does, without a body")
    void queryHeadGet() throws Exception {
        String path = "kg/sparql?query=" + q("ASK { ?s ?p ?o }");
        HttpResponse<byte[]> get = send("GET", path, null, null, "Accept", "application/sparql-results+json");
        HttpResponse<byte[]> head = send("HEAD", path, null, null, "Accept", "application/sparql-results+json");
        assertEquals(200, get.statusCode());
        assertEquals(200, head.statusCode());
        assertEquals(contentType(get), contentType(head));
        assertEquals(get.headers().firstValue("X-Result-Limit"), head.headers().firstValue("X-Result-Limit"));
        assertEquals(0, head.body().length);
        assertTrue(com.google.gson.JsonParser.parseString(new String(get.body(), StandardCharsets.UTF_8))
                .getAsJsonObject().get("boolean").getAsBoolean());
    }

    @Test
    @DisplayName("RFC 9110: every 405 carries Allow (query endpoint, Graph Store read endpoint, linked data, API, admin path)")
    void every405CarriesAllow() throws Exception {
        record Case(String method, String path, String allow) {}
        for (Case c : List.of(new Case("PUT", "kg/sparql", "GET, HEAD, OPTIONS, POST"), new Case("DELETE", "kg/get?default", "GET, HEAD, OPTIONS"),
                new Case("DELETE", "id/sinaloa-cartel", "GET, HEAD, OPTIONS"), new Case("POST", "id/sinaloa-cartel", "GET, HEAD, OPTIONS"),
                new Case("PUT", "api/queries/timeline", "GET, HEAD, OPTIONS"), new Case("DELETE", "query", "GET, HEAD, OPTIONS"))) {
            HttpResponse<byte[]> r = send(c.method(), c.path(), c.method().equals("DELETE") ? null : "text/turtle", c.method().equals("DELETE") ? null : "<a:a> <a:b> <a:c> .");
            assertEquals(405, r.statusCode(), c.toString());
            assertEquals(c.allow(), r.headers().firstValue("Allow").orElse("(none)"), c.toString());
        }
    }

    @Test
    @DisplayName("W3C protocol: update_post_direct and update_post_form at the query endpoint are told the service is read-only")
    void anUpdateAtTheQueryEndpointIsToldTheServiceIsReadOnly() throws Exception {
        String update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }";
        HttpResponse<byte[]> body = send("POST", "kg/sparql", "application/sparql-update", update);
        HttpResponse<byte[]> form = send("POST", "kg/sparql", "application/x-www-form-urlencoded", "update=" + q(update));
        for (HttpResponse<byte[]> r : List.of(body, form)) {
            assertEquals(403, r.statusCode());
            String text = new String(r.body(), StandardCharsets.UTF_8);
            assertTrue(contentType(r).startsWith("text/plain"), "the SPARQL endpoint keeps Fuseki's plain text: " + contentType(r));
            assertTrue(text.contains("read-only"), text);
            assertFalse(text.contains("No 'query=' parameter"), text);
        }
        assertEquals(0, server.select("SELECT * WHERE { <urn:a> ?p ?o }").size());
    }

    @Test
    @DisplayName("W3C protocol: update_post_direct at /kg/update is told the service is read-only, in the one error format")
    void postToTheUpdateServiceIsToldTheServiceIsReadOnly() throws Exception {
        JsonObject o = problem(send("POST", "kg/update", "application/sparql-update", "INSERT DATA { <urn:a> <urn:b> <urn:c> }"), 403);
        assertTrue(o.get("detail").getAsString().contains("read-only"), o.toString());
        assertEquals("/kg/update", o.get("instance").getAsString());
    }

    @Test
    @DisplayName("An unknown path and a disabled /$/reload get problem details, not Jetty's page")
    void unknownPathsAndTheDisabledAdminPathGetProblemDetails() throws Exception {
        JsonObject unknown = problem(send("GET", "no/such/page", null, null), 404);
        assertEquals("Not Found", unknown.get("title").getAsString());
        assertEquals("/no/such/page", unknown.get("instance").getAsString());
        JsonObject reload = problem(send("POST", "$/reload", "text/plain", ""), 404);
        assertTrue(reload.get("detail").getAsString().contains("fkgc:adminPasswordFile"), reload.toString());
    }

    @Test
    @DisplayName("A browser gets the error as a page of the site")
    void aBrowserGetsAnHtmlPage() throws Exception {
        HttpResponse<byte[]> r = send("GET", "no/such/page", null, null, "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertEquals(404, r.statusCode());
        assertTrue(contentType(r).startsWith("text/html"), contentType(r));
        String html = new String(r.body(), StandardCharsets.UTF_8);
        assertTrue(html.contains("assets/css/site.css"), "site-styled");
        assertTrue(html.contains("404 Not Found") && html.contains("/no/such/page"), html);
        assertFalse(html.contains("HTTP ERROR"), "not Jetty's page");
    }

    @Test
    @DisplayName("API errors are problem details that say where: the parameter, and what it expects")
    void apiErrorsSayWhere() throws Exception {
        JsonObject o = problem(send("GET", "api/search?q=cartel&limit=ten", null, null), 400);
        assertEquals("limit", o.get("parameter").getAsString());
        assertTrue(o.has("expected"), o.toString());
        JsonObject suffix = problem(send("GET", "api/queries/timeline.ttl", null, null), 406);
        assertEquals("ttl", suffix.get("suffix").getAsString());
    }

    @Test
    @DisplayName("The query page takes a query as long as the endpoint does (fkgc:maxQueryLength), no longer")
    void theQueryPageUsesTheConfiguredQueryLength() throws Exception {
        String comment = "# " + "x".repeat(16_384 - 2 - "ASK {}".length() - 1) + "\n";
        String atLimit = comment + "ASK {}";
        assertEquals(16_384, atLimit.length());
        assertEquals(200, send("GET", "query?query=" + q(atLimit), null, null).statusCode());
        JsonObject o = problem(send("GET", "query?query=" + q(atLimit + " "), null, null), 414);
        assertEquals("query", o.get("parameter").getAsString());
        assertTrue(o.get("detail").getAsString().contains("at most 16384 characters"), o.toString());
    }
}
