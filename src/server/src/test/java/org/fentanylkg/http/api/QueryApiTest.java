package org.fentanylkg.http.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.fentanylkg.dataset.SourceFixture;
import org.fentanylkg.http.main.KnowledgeGraphServer;
import org.fentanylkg.http.main.ServerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The saved-query REST API over HTTP, on a copy of the repository whose queries/ holds the saved queries plus
 * one fixture with a required year, an optional integer and paging.
 */
class QueryApiTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String FKR = "https://w3id.org/fentanyl-kg/id/";
    private static final String FIXTURE = """
            #+ summary: Things dated in a year (test fixture)
            #+ description: >
            #+   A fixture for the API tests: a required xsd:gYear from an enumeration, an optional integer, paging.
            #+ tags:
            #+   - fixture
            #+ pagination: 1
            #+ enumerate:
            #+   - year:
            #+     - 2017
            #+     - 2022
            #+     - 2024
            PREFIX fkg: <https://w3id.org/fentanyl-kg/ontology#>
            SELECT ?subject ?date WHERE {
              ?subject fkg:date ?date .
              FILTER(STRSTARTS(STR(?date), STR(?_year_xsd_gYear)))
              FILTER(!BOUND(?__min_integer) || ?__min_integer >= 0)
            }
            ORDER BY ?subject
            """;

    @TempDir static Path root;
    private static FusekiServer server;
    private static String base;
    private static int savedQueries;

    @BeforeAll
    static void start() throws Exception {
        SourceFixture.copyRepository(root);
        Files.createDirectories(root.resolve("queries"));
        try (Stream<Path> s = Files.list(Path.of("queries"))) {
            for (Path q : s.filter(p -> p.toString().endsWith(".rq")).toList()) {
                Files.copy(q, root.resolve("queries").resolve(q.getFileName()));
                savedQueries++;
            }
        }
        Files.writeString(root.resolve("queries/fixture-dated-in-year.rq"), FIXTURE);
        Files.copy(Path.of(ServerConfig.FILE_NAME), root.resolve(ServerConfig.FILE_NAME));
        server = KnowledgeGraphServer.create().config(root.resolve(ServerConfig.FILE_NAME)).port(0).start();
        base = "http://localhost:" + server.getHttpPort();
    }

    @AfterAll
    static void stop() { if (server != null) server.stop(); }

    private static HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (accept != null) b.header("Accept", accept);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> r) {
        String type = r.headers().firstValue("Content-Type").orElse("");
        // a document, or an error's problem details (RFC 9457)
        assertTrue(type.startsWith(r.statusCode() < 400 ? "application/json" : "application/problem+json"), r.headers().toString());
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    private static List<String> column(String sparqlJson, String var) {
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(sparqlJson.getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON);
        List<String> out = new ArrayList<>();
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            out.add(s.get(var) == null ? "" : s.get(var).toString());
        }
        return out;
    }

    private static void assertBadParameter(HttpResponse<String> r, String parameter, String expected) {
        assertEquals(400, r.statusCode(), r.body());
        JsonObject o = json(r);
        assertEquals(parameter, o.get("parameter").getAsString(), r.body());
        assertEquals(expected, o.get("expected").getAsString(), r.body());
        assertTrue(o.get("detail").getAsString().startsWith("parameter '" + parameter + "'"), r.body());
    }

    @Test
    void listsEverySavedQueryWithTitleDescriptionTagsAndParameters() throws Exception {
        HttpResponse<String> r = get("/api/queries", null);
        assertEquals(200, r.statusCode());
        JsonObject o = json(r);
        assertEquals(savedQueries + 1, o.get("count").getAsInt());
        JsonObject designations = null;
        for (var q : o.getAsJsonArray("queries")) {
            JsonObject j = q.getAsJsonObject();
            assertTrue(!j.get("title").getAsString().isBlank() && j.has("description") && j.has("tags") && j.has("parameters"), j.toString());
            if (j.get("name").getAsString().equals("designations")) designations = j;
        }
        assertEquals("Designations and sanctions of organizations, by designation type", designations.get("title").getAsString());
        JsonObject p = designations.getAsJsonArray("parameters").get(0).getAsJsonObject();
        assertEquals("designationtype", p.get("name").getAsString());
        assertEquals("iri", p.get("type").getAsString());
        assertEquals(false, p.get("required").getAsBoolean());
        assertEquals(FKR + "fto-designation-type", p.get("default").getAsString());
        assertEquals(4, p.getAsJsonArray("enum").size());
        assertEquals("/api/queries/designations", designations.get("url").getAsString());
    }

    @Test
    void runsAQueryWithItsDefaultAsSparqlJson() throws Exception {
        HttpResponse<String> r = get("/api/queries/designations", null);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+json"));
        List<String> types = column(r.body(), "designationTypeLabel");
        assertEquals(Set.of("\"Foreign Terrorist Organization designation\"@en"), new TreeSet<>(types));
        List<String> designees = column(r.body(), "designeeLabel");
        assertTrue(designees.contains("\"Sinaloa Cartel\"@en"), designees.toString());
        assertEquals(designees.size(), column(r.body(), "designation").stream().distinct().count());
    }

    @Test
    void csvBySuffixAndTsvByAcceptGiveTheSameRows() throws Exception {
        String type = URLEncoder.encode(FKR + "sdgt-designation-type", StandardCharsets.UTF_8);
        HttpResponse<String> csv = get("/api/queries/designations.csv?designationtype=" + type, null);
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertTrue(lines.get(0).startsWith("designeeLabel,designationTypeLabel,designationClass,"), lines.get(0));
        assertTrue(lines.stream().skip(1).allMatch(l -> l.contains("Specially Designated Global Terrorist designation")), csv.body());

        HttpResponse<String> tsv = get("/api/queries/designations?designationtype=" + type, "text/tab-separated-values");
        assertEquals(200, tsv.statusCode());
        assertTrue(tsv.headers().firstValue("Content-Type").orElse("").startsWith("text/tab-separated-values"));
        assertEquals(lines.size(), tsv.body().lines().count());

        HttpResponse<String> json = get("/api/queries/designations.json?designationtype=" + type, "text/csv");
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+json"),
                "the suffix wins over the Accept header");
    }

    @Test
    void limitAndOffsetPage() throws Exception {
        List<String> all = column(get("/api/queries/timeline", null).body(), "subject");
        assertTrue(all.size() > 10);
        List<String> page = column(get("/api/queries/timeline?limit=3&offset=4", null).body(), "subject");
        assertEquals(all.subList(4, 7), page);
    }

    @Test
    void typedRequiredAndOptionalParameters() throws Exception {
        HttpResponse<String> r = get("/api/queries/fixture-dated-in-year.csv?year=2017", null);
        assertEquals(200, r.statusCode(), r.body());
        // the graph dates two control decisions in 2017: NPP and ANPP placed in Table I (March 2017)
        assertEquals(List.of("subject,date", FKR + "control-anpp-table-i-2017,2017-03", FKR + "control-npp-table-i-2017,2017-03"),
                r.body().lines().toList());
        assertEquals(List.of("subject,date", FKR + "control-npp-table-i-2017,2017-03"),
                get("/api/queries/fixture-dated-in-year.csv?year=2017&page=2", null).body().lines().toList());
        assertEquals(200, get("/api/queries/fixture-dated-in-year.csv?year=2017&min=3", null).statusCode());
    }

    @Test
    void badParametersGet400WithTheParameterAndWhatWasExpected() throws Exception {
        assertBadParameter(get("/api/queries/fixture-dated-in-year", null), "year", "one of 2017, 2022, 2024");
        assertBadParameter(get("/api/queries/fixture-dated-in-year?year=1999", null), "year", "one of 2017, 2022, 2024");
        assertBadParameter(get("/api/queries/fixture-dated-in-year?year=2017&min=many", null), "min", "a literal of type xsd:integer");
        assertBadParameter(get("/api/queries/designations?designationtype=not%20an%20IRI", null), "designationtype",
                "an absolute IRI (such as " + FKR + "fto-designation-type)");
        assertBadParameter(get("/api/queries/designations?designationtype=" + URLEncoder.encode(FKR + "sinaloa-cartel", StandardCharsets.UTF_8), null),
                "designationtype", "one of " + FKR + "fto-designation-type, " + FKR + "sdgt-designation-type, "
                        + FKR + "eo14059-sanctions-designation-type, " + FKR + "pmlc-designation-type");
        assertBadParameter(get("/api/queries/timeline?limit=ten", null), "limit", "a non-negative integer");
        assertBadParameter(get("/api/queries/timeline?lang=en", null), "lang", "one of this query's parameters: limit, offset");
        JsonObject missing = json(get("/api/queries/fixture-dated-in-year", null));
        assertEquals("parameter 'year': a value is required; expected one of 2017, 2022, 2024", missing.get("detail").getAsString());
    }

    @Test
    void unknownQueryGets404AndUnacceptableFormat406() throws Exception {
        HttpResponse<String> r = get("/api/queries/no-such-query", null);
        assertEquals(404, r.statusCode());
        assertEquals("no saved query named 'no-such-query'; GET /api/queries lists them", json(r).get("detail").getAsString());
        assertEquals(406, get("/api/queries/timeline", "image/png").statusCode());
        assertEquals(404, get("/api/nothing-here", null).statusCode());
    }

    @Test
    void openApiDescribesEveryQueryWithTypedParameters() throws Exception {
        HttpResponse<String> r = get("/api/openapi.json", null);
        assertEquals(200, r.statusCode());
        JsonObject doc = json(r);
        assertEquals("3.0.3", doc.get("openapi").getAsString());
        JsonObject paths = doc.getAsJsonObject("paths");
        assertEquals(2 * (savedQueries + 1) + 3, paths.size(),
                "every saved query and the fixture (by Accept and by suffix), the listing, /api/explain and /api/search");
        JsonObject search = paths.getAsJsonObject("/api/search").getAsJsonObject("get");
        List<String> searchParams = new java.util.ArrayList<>();
        search.getAsJsonArray("parameters").forEach(p -> searchParams.add(p.getAsJsonObject().get("name").getAsString()));
        assertEquals(List.of("q", "class", "limit", "offset"), searchParams);
        assertTrue(search.getAsJsonObject("responses").has("400"));
        assertTrue(paths.has("/api/queries") && paths.has("/api/explain"));
        JsonObject op = paths.getAsJsonObject("/api/queries/fixture-dated-in-year").getAsJsonObject("get");
        assertEquals("Things dated in a year (test fixture)", op.get("summary").getAsString());
        JsonArray params = op.getAsJsonArray("parameters");
        List<String> names = new ArrayList<>();
        params.forEach(p -> names.add(p.getAsJsonObject().get("name").getAsString()));
        assertEquals(List.of("year", "min", "limit", "offset", "page"), names);
        JsonObject year = params.get(0).getAsJsonObject();
        assertTrue(year.get("required").getAsBoolean());
        assertEquals(3, year.getAsJsonObject("schema").getAsJsonArray("enum").size());
        JsonObject min = params.get(1).getAsJsonObject();
        assertEquals(false, min.get("required").getAsBoolean());
        assertEquals("integer", min.getAsJsonObject("schema").get("type").getAsString());
        assertTrue(op.getAsJsonObject("responses").getAsJsonObject("200").getAsJsonObject("content").has("text/csv"));
    }

    @Test
    void browsableApiPageIsServedFromTheJar() throws Exception {
        HttpResponse<String> page = get("/api/", null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("swagger-ui/swagger-ui-bundle.js"), page.body());
        HttpResponse<String> bundle = get("/api/swagger-ui/swagger-ui-bundle.js", null);
        assertEquals(200, bundle.statusCode());
        assertTrue(bundle.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        HttpResponse<String> init = get("/api/assets/swagger-init.js", null);
        assertTrue(init.body().contains("url: \"openapi.json\""), init.body());
        HttpResponse<String> escape = get("/api/swagger-ui/..%2F..%2Fpom.properties", null);
        assertTrue(escape.statusCode() == 400 || escape.statusCode() == 404, "no way out of the WebJar: " + escape.statusCode());
    }
}
