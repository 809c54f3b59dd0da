package org.fentanylkg.http.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.fentanylkg.http.ServerTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Explanations over HTTP: JSON at /api/explain and the HTML page at /explain, with the same parameters. */
class ExplainApiTest {
    private static final String FKR = "https://w3id.org/fentanyl-kg/id/";
    private static final String FKG = "https://w3id.org/fentanyl-kg/ontology#";
    private static final String RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

    private static ServerTestSupport server;

    @BeforeAll
    static void start() throws Exception { server = ServerTestSupport.start(); }

    @AfterAll
    static void stop() { if (server != null) server.close(); }

    private static String query(String s, String p, String o) {
        return "s=" + URLEncoder.encode(s, StandardCharsets.UTF_8) + "&p=" + URLEncoder.encode(p, StandardCharsets.UTF_8)
                + "&o=" + URLEncoder.encode(o, StandardCharsets.UTF_8);
    }

    private static JsonObject explain(String s, String p, String o, int status) throws Exception {
        HttpResponse<String> r = server.get("/api/explain?" + query(s, p, o), null);
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(status < 400 ? "application/json" : "application/problem+json"));
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    private static String value(JsonObject explanation, String part) {
        return explanation.getAsJsonObject("triple").getAsJsonObject(part).get("value").getAsString();
    }

    @Test
    void whyIs4PiperidoneAFentanylPrecursor() throws Exception {
        JsonObject e = explain(FKR + "4-piperidone", RDF_TYPE, "<" + FKG + "FentanylPrecursor>", 200);
        assertEquals("inferred", e.get("status").getAsString());
        assertEquals("cls-hv2", e.get("rule").getAsString());
        assertEquals("FentanylPrecursor ≡ precursorOf value fentanyl", e.get("ruleDescription").getAsString());
        assertEquals("4-piperidone · type · fentanyl precursor", e.get("text").getAsString());
        JsonArray premises = e.getAsJsonArray("premises");
        assertEquals(1, premises.size());
        JsonObject transitive = premises.get(0).getAsJsonObject();
        assertEquals("prp-trp", transitive.get("rule").getAsString());
        assertEquals("precursorOf is transitive", transitive.get("ruleDescription").getAsString());
        JsonArray steps = transitive.getAsJsonArray("premises");
        assertEquals(List.of(FKR + "4-ap", FKR + "fentanyl"),
                List.of(value(steps.get(0).getAsJsonObject(), "object"), value(steps.get(1).getAsJsonObject(), "object")));
        JsonObject last = steps.get(1).getAsJsonObject();
        assertEquals("asserted", last.get("status").getAsString());
        JsonObject evidence = last.getAsJsonArray("evidence").get(0).getAsJsonObject();
        assertEquals("fact", evidence.get("origin").getAsString());
        assertEquals("https://w3id.org/fentanyl-kg/fact/4-ap-fentanyl-precursor", evidence.get("graph").getAsString());
        JsonObject quote = evidence.getAsJsonArray("quotes").get(0).getAsJsonObject();
        assertEquals("UN member states scheduled three additional fentanyl precursors in 2022", quote.get("text").getAsString());
        assertEquals("https://w3id.org/fentanyl-kg/report/IF10400-2025-08-26/p5-s2", quote.get("sentence").getAsString());
        assertFalse(last.has("premises"));
    }

    @Test
    void anAssertedTripleWithALiteralObject() throws Exception {
        JsonObject e = explain("fkr:fentanyl", "fkg:firstSynthesized", "\"1959\"^^<http://www.w3.org/2001/XMLSchema#gYear>", 200);
        assertEquals("asserted", e.get("status").getAsString());
        JsonObject object = e.getAsJsonObject("triple").getAsJsonObject("object");
        assertEquals("literal", object.get("type").getAsString());
        assertEquals("1959", object.get("value").getAsString());
        assertEquals("http://www.w3.org/2001/XMLSchema#gYear", object.get("datatype").getAsString());
        JsonObject evidence = e.getAsJsonArray("evidence").get(0).getAsJsonObject();
        assertEquals("it was first synthesized in 1959",
                evidence.getAsJsonArray("quotes").get(0).getAsJsonObject().get("text").getAsString());
    }

    @Test
    void aTripleNotInTheGraphGets404() throws Exception {
        JsonObject e = explain(FKR + "fentanyl", FKG + "precursorOf", FKR + "npp", 404);
        assertEquals("the graph holds no such triple (neither asserted nor inferred): fkr:fentanyl fkg:precursorOf fkr:npp",
                e.get("detail").getAsString());
    }

    @Test
    void badParametersGet400NamingTheParameter() throws Exception {
        assertEquals("s", explain("not an IRI", RDF_TYPE, FKG + "Chemical", 400).get("parameter").getAsString());
        assertEquals("o", explain(FKR + "fentanyl", FKG + "firstSynthesized", "\"1959", 400).get("parameter").getAsString());
        HttpResponse<String> noP = server.get("/api/explain?s=fkr:fentanyl&o=fkr:npp", null);
        assertEquals(400, noP.statusCode());
        assertEquals("p", JsonParser.parseString(noP.body()).getAsJsonObject().get("parameter").getAsString());
    }

    @Test
    void htmlPageShowsTheChainWithItsSourcesEscaped() throws Exception {
        HttpResponse<String> r = server.get("/explain?" + query(FKR + "4-piperidone", RDF_TYPE, "<" + FKG + "FentanylPrecursor>"), null);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String html = r.body();
        assertTrue(html.contains("FentanylPrecursor ≡ precursorOf value fentanyl"), html);
        assertTrue(html.contains("precursorOf is transitive"), html);
        assertTrue(html.contains("“UN member states scheduled three additional fentanyl precursors in 2022”"), html);
        assertTrue(html.contains("href=\"http://incb.org/incb/en/news/news_2024/statements-of-the-incb-president-on-item-5-a-at-the-67th-session-of-the-cnd.html\""), html);
        // the JSON link, HTML-escaped as an attribute value ("=" as &#61;, "&" as &amp;)
        assertTrue(html.contains("href=\"api/explain?s&#61;https%3A%2F%2Fw3id.org%2Ffentanyl-kg%2Fid%2F4-piperidone&amp;p&#61;"), html);
        // an editorial note with quotes in it is escaped, not injected
        assertTrue(html.contains("&#39;can be used to make NPP, ANPP, 4-AP and norfentanyl&#39;")
                || html.contains("&#x27;can be used to make NPP, ANPP, 4-AP and norfentanyl&#x27;"), html);
        assertEquals(4, html.split("class=\"step ").length - 1, "the root, the transitive step and the two asserted steps");
    }

    @Test
    void htmlPageErrors() throws Exception {
        HttpResponse<String> missing = server.get("/explain?" + query(FKR + "fentanyl", FKG + "precursorOf", FKR + "npp"), null);
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("Not in the graph"), missing.body());
        HttpResponse<String> bad = server.get("/explain?s=%3Cscript%3E&p=a&o=fkr:x", null);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("Cannot read the parameter &#39;s&#39;") || bad.body().contains("Cannot read the parameter &#x27;s&#x27;"), bad.body());
        assertFalse(bad.body().contains("<script>"), "request values are escaped");
    }
}
