package org.fentanylkg.http.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.fentanylkg.http.ServerTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** /api/search and text:query at /kg/sparql: analysis, fields, formats, mentions, and bad input. */
class SearchApiTest {
    private static final String ID = "https://w3id.org/fentanyl-kg/id/";
    private static ServerTestSupport server;

    @BeforeAll
    static void start() throws Exception { server = ServerTestSupport.start(); }

    @AfterAll
    static void stop() { if (server != null) server.close(); }

    private static HttpResponse<String> search(String params, String accept) throws Exception {
        return server.get("/api/search?" + params, accept);
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    private static JsonObject body(HttpResponse<String> r) { return JsonParser.parseString(r.body()).getAsJsonObject(); }

    private static List<String> iris(JsonArray hits) {
        List<String> out = new ArrayList<>();
        hits.forEach(h -> out.add(h.getAsJsonObject().get("iri").getAsString()));
        return out;
    }

    private static final String PREFIXES = """
            PREFIX text: <http://jena.apache.org/text#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX nif:  <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
            """;

    // The three README examples: a name, an alias, a phrase of the report.
    @Test
    void textQueryWorksAtTheSparqlEndpoint() throws Exception {
        ResultSetRewindable name = server.select(PREFIXES + "SELECT ?s ?label WHERE { (?s ?score) text:query (rdfs:label 'jalisco') ; rdfs:label ?label }");
        assertTrue(subjects(name).contains(ID + "cjng"), "label search finds CJNG");
        ResultSetRewindable alias = server.select(PREFIXES + "SELECT ?s WHERE { ?s text:query (skos:altLabel 'cartel AND sinaloa') }");
        assertEquals(List.of(ID + "sinaloa-cartel"), subjects(alias), "accent-folded alias 'Cártel de Sinaloa'");
        ResultSetRewindable phrase = server.select(PREFIXES + "SELECT ?s ?text WHERE { (?s ?score ?text) text:query (nif:anchorOf '\"pill presses\"') }");
        assertEquals(List.of("https://w3id.org/fentanyl-kg/report/IF10400-2025-08-26/p7-s3"), subjects(phrase));
        phrase.reset();
        assertTrue(phrase.next().getLiteral("text").getString().contains("They reportedly use pill presses"));
    }

    private static List<String> subjects(ResultSetRewindable rs) {
        List<String> out = new ArrayList<>();
        rs.reset();
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            out.add(s.getResource("s").getURI());
        }
        return out;
    }

    @Test
    void sentencesAreStemmedAndCarryTheEntitiesTheyStateFactsAbout() throws Exception {
        JsonObject b = body(search("q=tariffs&limit=50", null));
        List<JsonObject> sentences = new ArrayList<>();
        b.getAsJsonArray("hits").forEach(h -> { if (h.getAsJsonObject().get("field").getAsString().equals("sentence")) sentences.add(h.getAsJsonObject()); });
        assertFalse(sentences.isEmpty(), "the report's sentences about tariffs: " + b);
        // "tariffs" finds the singular too
        assertTrue(sentences.stream().anyMatch(s -> s.get("snippet").getAsString().matches("(?s).*\\btariff\\b.*")), sentences.toString());
        for (JsonObject s : sentences) {
            JsonArray marks = s.getAsJsonArray("highlights");
            assertTrue(marks.size() > 0, "highlighted: " + s);
            String marked = s.get("snippet").getAsString().substring(marks.get(0).getAsJsonArray().get(0).getAsInt(), marks.get(0).getAsJsonArray().get(1).getAsInt());
            assertTrue(marked.toLowerCase().startsWith("tariff"), marked);
        }
        JsonObject pills = body(search("q=reportedly+use+pill+presses", null)).getAsJsonArray("hits").get(0).getAsJsonObject();
        assertEquals("sentence", pills.get("field").getAsString());
        assertEquals("https://w3id.org/fentanyl-kg/report/IF10400-2025-08-26/p7-s3", pills.get("iri").getAsString());
        List<String> mentioned = iris(pills.getAsJsonArray("mentions"));
        // the same, from the provenance graph in SPARQL: the resources of the facts whose quotes lie in the sentence
        ResultSetRewindable expected = server.select("""
                PREFIX fkg: <https://w3id.org/fentanyl-kg/ontology#>
                SELECT DISTINCT ?s WHERE {
                  GRAPH <https://w3id.org/fentanyl-kg/graph/provenance> {
                    ?quote fkg:sentence <https://w3id.org/fentanyl-kg/report/IF10400-2025-08-26/p7-s3> . ?fact fkg:evidence ?quote }
                  GRAPH ?fact { { ?s ?p ?o } UNION { ?x ?p ?s } }
                  FILTER(isIRI(?s) && STRSTARTS(STR(?s), "https://w3id.org/fentanyl-kg/id/"))
                }""");
        List<String> fromSparql = subjects(expected);
        assertFalse(fromSparql.isEmpty(), "the sentence is the evidence of facts");
        assertEquals(new java.util.TreeSet<>(fromSparql), new java.util.TreeSet<>(mentioned));
    }

    @Test
    void luceneSyntaxWorksAndIsHighlighted() throws Exception {
        JsonObject top = body(search("q=" + enc("\"use pill presses\""), null)).getAsJsonArray("hits").get(0).getAsJsonObject();
        assertEquals("https://w3id.org/fentanyl-kg/report/IF10400-2025-08-26/p7-s3", top.get("iri").getAsString());
        String snippet = top.get("snippet").getAsString();
        JsonArray marks = top.getAsJsonArray("highlights");
        List<String> marked = new ArrayList<>();
        marks.forEach(m -> marked.add(snippet.substring(m.getAsJsonArray().get(0).getAsInt(), m.getAsJsonArray().get(1).getAsInt())));
        assertEquals(List.of("use", "pill", "presses"), marked, snippet);
        JsonArray both = body(search("q=" + enc("cartel AND sinaloa") + "&limit=50", null)).getAsJsonArray("hits");
        assertTrue(iris(both).contains(ID + "sinaloa-cartel"));
        assertFalse(iris(both).contains(ID + "cjng"), "AND is an operator, not a word");
    }

    @Test
    void hitsCarryLabelClassesFieldAndPage() throws Exception {
        JsonObject top = body(search("q=CJNG", "application/json")).getAsJsonArray("hits").get(0).getAsJsonObject();
        assertEquals(ID + "cjng", top.get("iri").getAsString());
        assertEquals("Jalisco New Generation Cartel", top.get("label").getAsString());
        assertEquals("altLabel", top.get("field").getAsString());
        assertEquals("CJNG", top.get("snippet").getAsString());
        assertTrue(top.get("page").getAsString().endsWith("/id/cjng"), top.toString());
        assertTrue(top.get("page").getAsString().startsWith(server.base()), top.get("page").getAsString());
        assertTrue(iris(top.getAsJsonArray("classes")).contains("https://w3id.org/fentanyl-kg/ontology#Cartel"), top.toString());
    }

    @Test
    void theClassParameterFilters() throws Exception {
        JsonArray hits = body(search("q=sinaloa&class=fkg:Designation&limit=100", null)).getAsJsonArray("hits");
        assertTrue(hits.size() > 0);
        assertFalse(iris(hits).contains(ID + "sinaloa-cartel"));
        JsonArray orgs = body(search("q=sinaloa&class=" + enc("https://w3id.org/fentanyl-kg/ontology#Cartel"), null)).getAsJsonArray("hits");
        assertEquals(ID + "sinaloa-cartel", iris(orgs).get(0));
    }

    @Test
    void limitIsCappedAndOffsetPages() throws Exception {
        JsonObject b = body(search("q=fentanyl&limit=100000", null));
        assertEquals(100, b.get("limit").getAsInt());
        assertTrue(b.getAsJsonArray("hits").size() <= 100);
        List<String> first = iris(body(search("q=fentanyl&limit=4", null)).getAsJsonArray("hits"));
        List<String> second = iris(body(search("q=fentanyl&limit=2&offset=2", null)).getAsJsonArray("hits"));
        assertEquals(first.subList(2, 4), second);
    }

    @Test
    void csvByAccept() throws Exception {
        HttpResponse<String> r = search("q=Intercam&limit=3", "text/csv");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String[] lines = r.body().split("\r\n");
        assertEquals("iri,label,classes,field,snippet,score", lines[0]);
        assertTrue(lines[1].startsWith(ID + "intercam,Intercam,"), lines[1]);
        assertEquals(406, search("q=Intercam", "image/png").statusCode());
    }

    // HTTP/1.1 as a browser asks over http: (Java's default client asks to upgrade to h2c, which the cache lets through)
    private static final HttpClient HTTP_1_1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static HttpResponse<String> browser(String params, String accept) throws Exception {
        return HTTP_1_1.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/search?" + params)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The answer depends only on the data's generation and the request, so a repeated search is served from the response cache. */
    @Test
    void aRepeatedSearchIsServedFromTheResponseCacheAndAnErrorIsNot() throws Exception {
        String params = "q=" + enc("precursor tab") + "&limit=5"; // asked by no other test
        HttpResponse<String> first = browser(params, "application/json");
        HttpResponse<String> again = browser(params, "application/json");
        assertEquals(200, first.statusCode());
        assertEquals("MISS", first.headers().firstValue("X-Cache").orElse(""));
        assertEquals("HIT", again.headers().firstValue("X-Cache").orElse(""));
        assertEquals(first.body(), again.body());
        assertTrue(iris(body(again).getAsJsonArray("hits")).size() > 0, again.body());
        HttpResponse<String> csv = browser(params, "text/csv");
        assertEquals("MISS", csv.headers().firstValue("X-Cache").orElse(""), "another Accept is another answer");
        assertTrue(csv.body().startsWith("iri,label,"), csv.body());
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> bad = browser("q=cartel%20AND", "application/json");
            assertEquals(400, bad.statusCode());
            assertEquals("MISS", bad.headers().firstValue("X-Cache").orElse(""), "a refusal is not kept");
        }
    }

    /** Bad input: each gets 400 (never 500) with the parameter at fault and a message saying what is wrong. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing q                 | limit=3                          | q      | required
            empty q                   | q=                               | q      | required
            blank q                   | q=%20%20                         | q      | required
            unbalanced parenthesis    | q=cartel%20AND%20(sinaloa        | q      | not a valid Lucene query
            dangling operator         | q=cartel%20AND                   | q      | not a valid Lucene query
            unterminated phrase       | q=%22pill%20presses              | q      | not a valid Lucene query
            trailing backslash        | q=cartel%5C                      | q      | not a valid Lucene query
            leading wildcard          | q=*artel                         | q      | not a valid Lucene query
            bad range                 | q=%5Ba%20TO                      | q      | not a valid Lucene query
            q twice                   | q=a&q=b                          | q      | given 2 times
            limit not a number        | q=cartel&limit=ten               | limit  | not an integer
            limit zero                | q=cartel&limit=0                 | limit  | smallest is 1
            negative offset           | q=cartel&offset=-1               | offset | not an integer
            huge offset               | q=cartel&offset=99999            | offset | largest is 10000
            class not an IRI          | q=cartel&class=not%20a%20class   | class  | not an IRI
            class with unknown prefix | q=cartel&class=zzz:Cartel        | class  | not an IRI
            """)
    void badInputGets400NamingTheProblem(String name, String params, String parameter, String fragment) throws Exception {
        HttpResponse<String> r = search(params.strip(), null);
        assertEquals(400, r.statusCode(), r.body());
        JsonObject b = body(r);
        assertEquals(parameter.strip(), b.get("parameter").getAsString());
        assertTrue(b.get("detail").getAsString().contains(fragment.strip()), b.toString());
        assertFalse(r.body().contains("Exception"), r.body());
    }

    @Test
    void aQueryOver500CharactersIsRefused() throws Exception {
        HttpResponse<String> r = search("q=" + "a".repeat(501), null);
        assertEquals(400, r.statusCode());
        assertTrue(body(r).get("detail").getAsString().contains("501 characters long; the limit is 500"), r.body());
        assertEquals(200, search("q=" + "cartel+".repeat(70).strip(), null).statusCode());
    }

    /** Nothing in q reaches the SPARQL the API runs: SPARQL and Lucene look-alikes are words or a checked Lucene query. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            sparql injection | "} . ?s ?p ?o . { ?s text:query "x
            closing list     | x") } SELECT * WHERE { ?s ?p ?o
            field of uri     | uri:*
            quote and brace  | ' } ; DROP ALL ; #
            unicode escape   | \\u0022 } ?s ?p ?o {
            """)
    void qCannotChangeTheSparql(String name, String q) throws Exception {
        HttpResponse<String> r = search("q=" + enc(q.strip()) + "&limit=100", null);
        assertTrue(r.statusCode() == 200 || r.statusCode() == 400, r.statusCode() + " " + r.body());
        if (r.statusCode() == 200) {
            // a query that escaped its literal would list every subject; a search lists only hits of the index
            JsonObject b = body(r);
            assertTrue(b.get("total").getAsInt() < 100, b.toString());
        } else {
            assertEquals("q", body(r).get("parameter").getAsString());
        }
    }

    /**
     * Searches take turns (one per processor at once): many at once still each get the hits the search gives alone,
     * and all are answered. Each request carries a parameter new to the response cache, so every one is searched.
     */
    @Test
    void manySearchesAtOnceEachGetTheirOwnHits() throws Exception {
        List<String> words = List.of("jalis", "sinaloa", "4-AP", "HALT", "Rubio", "Intercam", "tariff", "pill presses");
        List<String> alone = new ArrayList<>();
        for (String w : words) alone.add(iris(body(search("q=" + enc(w) + "&limit=5&alone=1", null)).getAsJsonArray("hits")).toString());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            List<java.util.concurrent.Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String w = words.get(i % words.size());
                int n = i;
                answers.add(pool.submit(() -> {
                    HttpResponse<String> r = search("q=" + enc(w) + "&limit=5&concurrent=" + n, null);
                    assertEquals(200, r.statusCode(), r.body());
                    return iris(body(r).getAsJsonArray("hits")).toString();
                }));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertEquals(alone.get(i % words.size()), answers.get(i).get(60, java.util.concurrent.TimeUnit.SECONDS), words.get(i % words.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
