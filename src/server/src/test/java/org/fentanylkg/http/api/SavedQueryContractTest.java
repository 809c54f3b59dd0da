package org.fentanylkg.http.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.resultset.ResultsReader;
import org.apache.jena.sparql.resultset.SPARQLResult;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.fentanylkg.dataset.SourceFixture;
import org.fentanylkg.http.linkeddata.Format;
import org.fentanylkg.http.security.ResultCap;
import org.fentanylkg.http.security.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The saved-query API against its own description and the server's limits: every format the OpenAPI description
 * advertises answers and parses with an independent parser, every format the servlet answers in is advertised,
 * unknown formats fail in the API's error format, and answers go through the SPARQL endpoint's result cap
 * (small here, so that ordinary queries meet it).
 */
class SavedQueryContractTest {
    static final int CAP = 5;
    private static final String PREFIXES = """
            PREFIX fkg:  <https://w3id.org/fentanyl-kg/ontology#>
            PREFIX fkr:  <https://w3id.org/fentanyl-kg/id/>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            """;
    /** One query of each kind besides SELECT, whose answers the data fixes. */
    private static final Map<String, String> FIXTURES = Map.of(
            "fixture-sinaloa-alt-labels", "#+ summary: The Sinaloa Cartel's other names (test fixture)\n" + PREFIXES
                    + "CONSTRUCT { fkr:sinaloa-cartel skos:altLabel ?alt } WHERE { fkr:sinaloa-cartel skos:altLabel ?alt }\n",
            "fixture-sinaloa-is-a-cartel", "#+ summary: Is the Sinaloa Cartel a cartel? (test fixture)\n" + PREFIXES
                    + "ASK { fkr:sinaloa-cartel a fkg:Cartel }\n",
            "fixture-describe-cjng", "#+ summary: Everything about CJNG (test fixture)\n" + PREFIXES + "DESCRIBE fkr:cjng\n",
            "fixture-cross-product", "#+ summary: The graph crossed with itself twice, which no timeout lets finish (test fixture)\n"
                    + "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }\n");
    /** The query timeout here: short, so that the cross product meets it soon. */
    static final int TIMEOUT_MS = 2000;

    @TempDir static Path root;
    private static TestServer server;
    private static JsonObject openapi;

    @BeforeAll
    static void start() throws Exception {
        SourceFixture.copyRepository(root);
        Files.createDirectories(root.resolve("queries"));
        try (Stream<Path> s = Files.list(Path.of("queries"))) {
            for (Path q : s.filter(p -> p.toString().endsWith(".rq")).toList()) Files.copy(q, root.resolve("queries").resolve(q.getFileName()));
        }
        for (var f : FIXTURES.entrySet()) Files.writeString(root.resolve("queries/" + f.getKey() + ".rq"), f.getValue());
        server = TestServer.config().set("resultCap", Integer.toString(CAP)).context("arq:queryTimeout", Integer.toString(TIMEOUT_MS))
                .sources(root).start();
        HttpResponse<String> doc = server.get("/api/openapi.json");
        assertEquals(200, doc.statusCode());
        openapi = JsonParser.parseString(doc.body()).getAsJsonObject();
    }

    @AfterAll
    static void stop() { if (server != null) server.close(); }

    // --- the result cap ---

    private static List<String> rows(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        List<String> lines = r.body().lines().toList();
        return lines.subList(1, lines.size());
    }

    private static String capped(HttpResponse<String> r) { return r.headers().firstValue(ResultCap.HEADER_CAPPED).orElse(""); }

    private static String limit(HttpResponse<String> r) { return r.headers().firstValue(ResultCap.HEADER_LIMIT).orElse(""); }

    @Test
    void aSavedQueryOverTheCapIsCutAndSaysSo() throws Exception {
        HttpResponse<String> r = server.get("/api/queries/timeline.csv");
        assertEquals(CAP, rows(r).size());
        assertEquals("true", capped(r));
        assertEquals(Integer.toString(CAP), limit(r));
    }

    @Test
    void aLimitOverTheCapIsClampedToItLikeALimitAtTheSparqlEndpoint() throws Exception {
        for (String limit : List.of(Integer.toString(CAP + 1), "1000000", Integer.toString(Integer.MAX_VALUE))) {
            HttpResponse<String> r = server.get("/api/queries/timeline.csv?limit=" + limit);
            assertEquals(CAP, rows(r).size(), limit);
            assertEquals("true", capped(r), limit);
        }
        // The same rows as the SPARQL endpoint gives for the query's text with that LIMIT.
        String sparql = JsonParser.parseString(server.get("/api/queries").body()).getAsJsonObject().getAsJsonArray("queries").asList()
                .stream().map(JsonElement::getAsJsonObject).filter(q -> q.get("name").getAsString().equals("timeline"))
                .findFirst().orElseThrow().get("sparql").getAsString();
        HttpResponse<String> endpoint = server.query(sparql + " LIMIT 1000000");
        assertEquals("true", capped(endpoint));
        assertEquals(TestServer.csvRows(endpoint), rows(server.get("/api/queries/timeline.csv?limit=1000000")));
        // Beyond what a number can say, the request is malformed, not clamped.
        HttpResponse<String> huge = server.get("/api/queries/timeline.csv?limit=99999999999999999999");
        assertEquals(400, huge.statusCode());
        assertEquals("limit", JsonParser.parseString(huge.body()).getAsJsonObject().get("parameter").getAsString());
    }

    @Test
    void anAnswerWithinTheCapIsNotMarkedCapped() throws Exception {
        HttpResponse<String> three = server.get("/api/queries/timeline.csv?limit=3");
        assertEquals(3, rows(three).size());
        assertEquals("", capped(three), "the client's own limit cut it, not the cap");
        assertEquals(Integer.toString(CAP), limit(three), "every answer carries the cap");
        HttpResponse<String> exactly = server.get("/api/queries/timeline.csv?limit=" + CAP);
        assertEquals(CAP, rows(exactly).size());
        assertEquals("", capped(exactly));
        HttpResponse<String> ask = server.get("/api/queries/fixture-sinaloa-is-a-cartel.json");
        assertEquals(200, ask.statusCode());
        assertEquals(Integer.toString(CAP), limit(ask));
        assertEquals("", capped(ask));
    }

    @Test
    void pagingPastTheCapReachesEveryRow() throws Exception {
        List<String> first = rows(server.get("/api/queries/timeline.csv"));
        List<String> second = rows(server.get("/api/queries/timeline.csv?offset=" + CAP));
        List<String> overlap = rows(server.get("/api/queries/timeline.csv?offset=3&limit=4"));
        assertEquals(CAP, second.size());
        assertEquals(first.subList(3, CAP), overlap.subList(0, 2));
        assertEquals(second.subList(0, 2), overlap.subList(2, 4));
    }

    @Test
    void describeAndConstructAreCappedInTriples() throws Exception {
        HttpResponse<String> r = server.get("/api/queries/fixture-describe-cjng.nt");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(CAP, parse(r.body(), RDFFormat.NTRIPLES).size());
        assertEquals("true", capped(r));
        HttpResponse<String> small = server.get("/api/queries/fixture-sinaloa-alt-labels.nt");
        assertEquals("", capped(small));
        assertEquals(Integer.toString(CAP), limit(small));
    }

    @Test
    void aSavedQueryPastTheTimeoutGets503StatingTheLimit() throws Exception {
        JsonObject o = error(server.get("/api/queries/fixture-cross-product"), 503);
        String message = (o.has("detail") ? o.get("detail") : o.get("error")).getAsString(); // RFC 9457's member, or the API's
        assertEquals("Query 'fixture-cross-product' timed out after " + TIMEOUT_MS + " ms (the server's limit)", message);
    }

    // --- every advertised format works; every working format is advertised ---

    /** What an independent parser makes of an answer: rows, a boolean or triples, as text to compare across formats. */
    private static final Map<String, Function<String, String>> PARSERS = Map.of(
            "application/sparql-results+json", body -> results(body, ResultSetLang.RS_JSON),
            "application/json", body -> results(body, ResultSetLang.RS_JSON),
            "application/sparql-results+xml", body -> results(body, ResultSetLang.RS_XML),
            "text/csv", body -> results(body, ResultSetLang.RS_CSV),
            "text/tab-separated-values", body -> results(body, ResultSetLang.RS_TSV),
            "text/turtle", body -> Integer.toString(parse(body, RDFFormat.TURTLE).size()),
            "application/n-triples", body -> Integer.toString(parse(body, RDFFormat.NTRIPLES).size()),
            "application/ld+json", body -> Integer.toString(parse(body, RDFFormat.JSONLD).size()),
            "application/rdf+xml", body -> Integer.toString(parse(body, RDFFormat.RDFXML).size()));

    /**
     * Jena's readers (not the writer the server uses): the number of rows, or the boolean. SPARQL's CSV and TSV
     * formats define no boolean; Jena writes an ASK answer as a column "_askResult", which its CSV reader takes
     * back as a boolean and its TSV reader as a row: read here as its CSV reader does.
     */
    private static String results(String body, Lang lang) {
        if (lang.equals(ResultSetLang.RS_TSV) && body.startsWith("?_askResult\n")) return body.lines().toList().get(1).strip();
        SPARQLResult result = ResultsReader.create().lang(lang).build().readAny(in(body));
        if (result.isBoolean()) return Boolean.toString(result.getBooleanResult());
        ResultSet rs = result.getResultSet();
        int n = 0;
        for (; rs.hasNext(); rs.next()) n++;
        return "rows " + n;
    }

    private static Model parse(String body, RDFFormat format) {
        try {
            return Rio.parse(in(body), "http://example.org/", format);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static InputStream in(String body) { return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)); }

    /** The query string a client builds from the description: each required parameter's default, else its first allowed value. */
    private static String arguments(JsonObject op) {
        StringBuilder q = new StringBuilder();
        for (JsonElement e : op.getAsJsonArray("parameters")) {
            JsonObject p = e.getAsJsonObject();
            if (!p.get("in").getAsString().equals("query") || !p.get("required").getAsBoolean()) continue;
            JsonObject schema = p.getAsJsonObject("schema");
            String value = schema.has("default") ? schema.get("default").getAsString()
                    : schema.has("enum") ? schema.getAsJsonArray("enum").get(0).getAsString() : null;
            if (value == null) return null;
            q.append(q.isEmpty() ? "?" : "&").append(p.get("name").getAsString()).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return q.toString();
    }

    private static JsonObject operation(String path) {
        JsonObject item = openapi.getAsJsonObject("paths").getAsJsonObject(path);
        assertNotNull(item, "the description has " + path);
        return item.getAsJsonObject("get");
    }

    private static Set<String> content(JsonObject op) { return op.getAsJsonObject("responses").getAsJsonObject("200").getAsJsonObject("content").keySet(); }

    private static List<String> suffixEnum(JsonObject op) {
        for (JsonElement e : op.getAsJsonArray("parameters")) {
            JsonObject p = e.getAsJsonObject();
            if (p.get("in").getAsString().equals("path") && p.get("name").getAsString().equals(OpenApiDescription.FORMAT)) {
                return p.getAsJsonObject("schema").getAsJsonArray("enum").asList().stream().map(JsonElement::getAsString).toList();
            }
        }
        return fail("no path parameter '" + OpenApiDescription.FORMAT + "' in " + op.get("operationId"));
    }

    @Test
    void everyAdvertisedFormatOfEverySavedQueryAnswersAndParses() throws Exception {
        JsonObject catalogue = JsonParser.parseString(server.get("/api/queries").body()).getAsJsonObject();
        Map<String, String> kinds = new LinkedHashMap<>();
        catalogue.getAsJsonArray("queries").forEach(q -> kinds.put(q.getAsJsonObject().get("name").getAsString(), q.getAsJsonObject().get("type").getAsString()));
        Set<String> called = new TreeSet<>();
        Set<String> kindsCalled = new HashSet<>();
        for (var entry : kinds.entrySet()) {
            String name = entry.getKey();
            JsonObject byAccept = operation("/api/queries/" + name);
            JsonObject bySuffix = operation("/api/queries/" + name + ".{" + OpenApiDescription.FORMAT + "}");
            String args = arguments(byAccept);
            if (args == null) continue; // a required parameter with neither default nor enumeration: no value to invent
            if (name.equals("fixture-cross-product")) continue; // times out, on purpose
            Map<String, String> answers = new LinkedHashMap<>();
            for (String type : content(byAccept)) {
                HttpResponse<String> r = server.get("/api/queries/" + name + args, "Accept", type);
                assertEquals(200, r.statusCode(), name + " as " + type + ": " + r.body());
                assertEquals(type, r.headers().firstValue("Content-Type").orElse("").split(";")[0].strip(), name + " as " + type);
                Function<String, String> parser = PARSERS.get(type);
                assertNotNull(parser, "an independent parser for the advertised " + type);
                answers.put(type, parser.apply(r.body()));
            }
            assertEquals(1, new HashSet<>(answers.values()).size(), name + ": every format gives the same answer: " + answers);
            for (String suffix : suffixEnum(bySuffix)) {
                HttpResponse<String> r = server.get("/api/queries/" + name + "." + suffix + args);
                assertEquals(200, r.statusCode(), name + "." + suffix + ": " + r.body());
                String type = r.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
                assertTrue(content(byAccept).contains(type), name + "." + suffix + " answers in an advertised type, not " + type);
                assertEquals(answers.get(type), PARSERS.get(type).apply(r.body()), name + "." + suffix);
            }
            called.add(name);
            kindsCalled.add(entry.getValue());
        }
        assertEquals(Set.of("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"), kindsCalled);
        assertTrue(called.containsAll(List.of("timeline", "designations", "fixture-sinaloa-alt-labels")), called.toString());
        assertTrue(called.size() * 2 > kinds.size(), "most saved queries can be called from their description alone: " + called);
    }

    @Test
    void theAnswersAreTheData() throws Exception {
        HttpResponse<String> ttl = server.get("/api/queries/fixture-sinaloa-alt-labels.ttl");
        assertTrue(ttl.headers().firstValue("Content-Type").orElse("").toLowerCase().contains("charset=utf-8"), ttl.headers().toString());
        Model m = parse(ttl.body(), RDFFormat.TURTLE);
        assertEquals(Set.of("Cártel de Sinaloa"), m.objects().stream().map(v -> v.stringValue()).collect(java.util.stream.Collectors.toSet()));
        HttpResponse<String> ask = server.get("/api/queries/fixture-sinaloa-is-a-cartel", "Accept", "application/sparql-results+xml");
        assertEquals("true", results(ask.body(), ResultSetLang.RS_XML));
    }

    @Test
    void everyFormatTheServletAnswersInIsAdvertised() {
        JsonObject select = operation("/api/queries/timeline");
        JsonObject construct = operation("/api/queries/fixture-sinaloa-alt-labels");
        List<String> selectSuffixes = suffixEnum(operation("/api/queries/timeline.{" + OpenApiDescription.FORMAT + "}"));
        List<String> graphSuffixes = suffixEnum(operation("/api/queries/fixture-sinaloa-alt-labels.{" + OpenApiDescription.FORMAT + "}"));
        int formats = 0;
        for (boolean graph : List.of(false, true)) {
            for (Format f : SavedQueryServlet.formats(graph)) {
                assertTrue(content(graph ? construct : select).contains(f.mediaType()), f + " is advertised");
                assertTrue((graph ? graphSuffixes : selectSuffixes).contains(f.formatName()), f + ": its suffix is advertised");
                formats++;
            }
        }
        assertEquals(formats, selectSuffixes.size() + graphSuffixes.size(), "nothing advertised beyond the table");
        assertEquals(formats, content(select).size() + content(construct).size(), "nothing advertised beyond the table");
    }

    /** The API's error format: a JSON body whose "status" is the response's (as in RFC 9457 problem details too). */
    private static JsonObject error(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").matches("application/(problem\\+)?json.*"), r.headers().toString());
        JsonObject o = JsonParser.parseString(r.body()).getAsJsonObject();
        assertEquals(status, o.get("status").getAsInt(), r.body());
        return o;
    }

    @Test
    void alsoAcceptedMediaTypesAnswerInTheirFormat() throws Exception {
        for (boolean graph : List.of(false, true)) {
            for (Format f : SavedQueryServlet.formats(graph)) {
                for (String accept : f.alsoAccepted()) {
                    HttpResponse<String> r = server.get("/api/queries/" + (graph ? "fixture-sinaloa-alt-labels" : "timeline"), "Accept", accept);
                    assertEquals(200, r.statusCode(), accept);
                    assertEquals(f.mediaType(), r.headers().firstValue("Content-Type").orElse("").split(";")[0].strip(), accept);
                    assertTrue(openapi.getAsJsonObject("info").get("description").getAsString().contains("Accept: " + accept), accept);
                }
            }
        }
    }

    @Test
    void unknownSuffixesAndTypesFailInTheErrorFormat() throws Exception {
        // A suffix that names no format is a bad request (400); one the table knows but this query does not offer, 406.
        for (String suffix : List.of(".yaml", ".")) {
            String message = error(server.get("/api/queries/timeline" + suffix), 400).toString();
            assertTrue(message.contains("csv"), "names the suffixes there are: " + message);
        }
        for (String suffix : List.of(".png", ".html", ".nq")) {
            String message = error(server.get("/api/queries/timeline" + suffix), 406).toString();
            assertTrue(message.contains("csv"), "names the suffixes there are: " + message);
        }
        error(server.get("/api/queries/timeline.csv.json"), 404);
        assertFalse(openapi.getAsJsonObject("paths").has("/api/queries/timeline.nq"));
        assertTrue(error(server.get("/api/queries/timeline.ttl"), 406).toString().contains("tsv"), "a graph suffix on a SELECT");
        error(server.get("/api/queries/fixture-sinaloa-alt-labels.csv"), 406);
        for (String accept : List.of("image/png", "application/n-quads")) {
            error(server.get("/api/queries/timeline", "Accept", accept), 406);
        }
        HttpResponse<String> browser = server.get("/api/queries/timeline", "Accept", "text/html");
        assertEquals(406, browser.statusCode(), "a browser's Accept: the error as a page of the site");
        assertTrue(browser.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), browser.headers().toString());
        error(server.get("/api/queries/fixture-sinaloa-alt-labels", "Accept", "application/sparql-results+json"), 406);
        error(server.get("/api/queries/no-such-query.csv"), 404);
    }
}
