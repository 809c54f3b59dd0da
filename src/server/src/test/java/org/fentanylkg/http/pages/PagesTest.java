package org.fentanylkg.http.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.QuerySolution;
import org.fentanylkg.http.linkeddata.TestServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTML pages, read as DOM and checked against the data and the report. */
class PagesTest {
    private static final String FKR = "https://w3id.org/fentanyl-kg/id/";
    private static TestServer server;

    @BeforeAll
    static void start() { server = TestServer.start(); }

    @AfterAll
    static void stop() { if (server != null) server.close(); }

    private static Document page(String path) {
        var r = server.get(path, "Accept", "text/html");
        assertEquals(200, r.statusCode(), path);
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"), path);
        return Jsoup.parse(r.body(), server.base());
    }

    private static long count(String query) { return server.select(query).next().getLiteral("n").getLong(); }

    private static Map<String, String> params(String href) {
        Map<String, String> out = new HashMap<>();
        for (String kv : href.substring(href.indexOf('?') + 1).split("&")) {
            int eq = kv.indexOf('=');
            out.put(kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void termsOfTwoVocabulariesWithTheSameLabelAreShownByTheirPrefixedNames() {
        // prov:Agent and foaf:Agent are both "Agent" in their published files
        assertEquals(2, count("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { VALUES ?c { <http://www.w3.org/ns/prov#Agent> <http://xmlns.com/foaf/0.1/Agent> }"
                + " ?c <http://www.w3.org/2000/01/rdf-schema#label> \"Agent\" }"));
        QuerySolution both = server.select("SELECT ?s WHERE { ?s a <http://www.w3.org/ns/prov#Agent>, <http://xmlns.com/foaf/0.1/Agent>"
                + " FILTER(STRSTARTS(STR(?s), \"" + FKR + "\")) } ORDER BY ?s LIMIT 1").next();
        String slug = both.getResource("s").getURI().substring(FKR.length());
        Document d = page("id/" + slug);
        List<String> types = d.select(".types .type a:not(.why):not(.ref)").eachText();
        assertTrue(types.contains("prov:Agent"), types.toString());
        assertTrue(types.contains("foaf:Agent"), types.toString());
        assertFalse(types.contains("Agent"), types.toString());
        // a label no other namespace shares stays a label: ORG's "Organization" (foaf:Organization is not in the graph)
        assertTrue(types.contains("Organization"), types.toString());
    }

    @Test
    void resourcePageShowsTypesPropertiesInverseLinksAndEvidence() {
        Document d = page("id/sinaloa-cartel");
        assertEquals("Sinaloa Cartel", d.selectFirst("h1").text());
        // inferred types are marked, each with a "why?" link to the explanation of exactly that triple
        long inferredTypes = count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/fentanyl-kg/graph/inferred> { <" + FKR + "sinaloa-cartel> a ?c } }");
        var marked = d.select(".types .type.inferred");
        assertEquals(inferredTypes, marked.size());
        assertEquals(1, d.select(".types .type:not(.inferred)").size(), "Cartel is the one asserted type");
        Map<String, String> why = params(d.selectFirst(".types .type.inferred a.why[href*=ForeignTerroristOrganization]").attr("href"));
        assertEquals(Map.of("s", FKR + "sinaloa-cartel", "p", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
                "o", "https://w3id.org/fentanyl-kg/ontology#ForeignTerroristOrganization"), why);
        assertTrue(d.selectFirst("a.why").attr("href").startsWith(server.base() + "explain?"));
        // a property with a link, and its evidence: the quote of the report linked to its sentence in context
        Element basedIn = row(d, ".properties", "based in");
        Element mexico = basedIn.selectFirst("a[href=" + server.base() + "id/mexico]");
        assertNotNull(mexico);
        String ref = basedIn.selectFirst("a.ref").attr("href");
        Element fact = d.selectFirst(ref);
        assertEquals("“Mexico-based transnational criminal organizations (TCOs), especially the Sinaloa and the Jalisco New Generation Cartel”",
                fact.selectFirst("blockquote p").text());
        assertEquals(server.base() + "report/IF10400-2025-08-26#p7-s1", fact.selectFirst("a.sentence").attr("href"));
        // inverse relations
        Element laundered = row(d, ".inverse", "allegedly laundered for");
        assertEquals("Vector Casa de Bolsa", laundered.selectFirst("td a").text());
        // a fact from a public source shows the source
        assertFalse(d.select("a.source[href=https://thenewsintel.com/designation-of-international-cartels-united-states-department-of-state]").isEmpty());
        // open in SPARQL: a query that lists this resource's triples
        String sparql = params(d.selectFirst("a.sparql").attr("href")).get("query");
        long own = count("SELECT (COUNT(*) AS ?n) WHERE { <" + FKR + "sinaloa-cartel> ?p ?o }");
        var rs = server.select(sparql);
        java.util.Set<String> distinct = new java.util.HashSet<>();
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            distinct.add(s.get("property") + " " + s.get("value"));
        }
        assertEquals(own, distinct.size());
    }

    private static Element row(Document d, String section, String label) {
        for (Element tr : d.select(section + " tr")) if (tr.selectFirst("th").text().startsWith(label)) return tr;
        throw new AssertionError("no row '" + label + "' in " + section);
    }

    @Test
    void externalIdentifiersLinkToTheirRegistries() {
        Document fentanyl = page("id/fentanyl");
        assertNotNull(fentanyl.selectFirst(".external a[href=https://www.wikidata.org/wiki/Q407541]"));
        assertNotNull(fentanyl.selectFirst(".external a[href=https://pubchem.ncbi.nlm.nih.gov/compound/3345]"));
        Document ap = page("id/4-ap");
        assertNotNull(ap.selectFirst(".external a[href=https://commonchemistry.cas.org/detail?cas_rn=23056-29-3]"));
    }

    @Test
    void landingPageCountsTheGraph() {
        Document d = page("");
        List<String> figures = d.select(".figures strong").eachText();
        assertEquals(String.valueOf(count("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")), figures.get(0));
        assertEquals(String.valueOf(count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/fentanyl-kg/graph/asserted> { ?s ?p ?o } }")), figures.get(1));
        assertEquals(String.valueOf(count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/fentanyl-kg/graph/inferred> { ?s ?p ?o } }")), figures.get(2));
        assertEquals(String.valueOf(count("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { } FILTER(STRSTARTS(STR(?g), 'https://w3id.org/fentanyl-kg/fact/')) }")), figures.get(3));
        Element fto = null;
        for (Element tr : d.select("table.classes tbody tr")) if (tr.text().contains("fkg:ForeignTerroristOrganization")) fto = tr;
        assertNotNull(fto);
        assertEquals("9", fto.selectFirst("td.num").text()); // the six Mexican cartels, Tren de Aragua, MS-13, Cartel de los Soles
        for (String href : List.of("query", "query#saved", "ontology", ".well-known/void", "dumps/fentanyl-kg.ttl", "dumps/fentanyl-kg.nt",
                "dumps/fentanyl-kg.nq", "dumps/fentanyl-kg.jsonld", "report/IF10400-2025-08-26")) {
            assertNotNull(d.selectFirst("a[href=" + server.base() + href + "]"), "landing page links to " + href);
        }
    }

    @Test
    void reportPageHoldsTheWholeTextWithEntitiesLinked() throws Exception {
        Document d = page("report/IF10400-2025-08-26");
        long sentences = count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/fentanyl-kg/graph/report> { ?s a <https://w3id.org/fentanyl-kg/ontology#Sentence> } }");
        assertEquals(sentences, d.select("span.sentence").size());
        assertEquals("sentence", d.getElementById("p7-s1").className());
        // the text, paragraph by paragraph, is the report's (marks leading to the facts removed)
        d.select("a.cites").remove();
        List<String> shown = d.select("div.text > p").eachText();
        List<String> lines = new ArrayList<>();
        for (String l : Files.readAllLines(Path.of("data/report/IF10400-2025-08-26.txt"))) if (!l.isBlank()) lines.add(l.strip().replaceAll("\\s+", " "));
        assertEquals(lines, shown);
        // mentions link to the entities' pages
        Element cjng = null;
        for (Element a : d.getElementById("p7-s1").select("a.mention")) if (a.text().equals("Jalisco New Generation Cartel")) cjng = a;
        assertNotNull(cjng);
        assertEquals(server.base() + "id/cjng", cjng.attr("href"));
        assertTrue(d.select("a.mention").size() > 50);
    }

    @Test
    void ontologyPageIsGeneratedFromTheOntology() {
        Document d = page("ontology");
        var rs = server.select("PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?t ?def WHERE { GRAPH <https://w3id.org/fentanyl-kg/graph/ontology> {"
                + " ?t skos:definition ?def FILTER(STRSTARTS(STR(?t), 'https://w3id.org/fentanyl-kg/ontology#')) } }");
        int n = 0;
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            String id = s.getResource("t").getURI().substring("https://w3id.org/fentanyl-kg/ontology#".length());
            Element term = d.getElementById(id);
            assertNotNull(term, "no documentation for " + id);
            assertEquals(s.getLiteral("def").getLexicalForm(), term.selectFirst(".definition").text(), id);
            n++;
        }
        assertTrue(n > 120, "only " + n + " documented terms");
        Element cartel = d.getElementById("Cartel");
        assertTrue(cartel.select("dd a").eachText().contains("Sinaloa Cartel"), "an example from the data");
        assertTrue(cartel.text().contains("transnational criminal organization"), "its superclass");
        // the hierarchy links to the terms
        assertNotNull(d.selectFirst("#hierarchy a[href=#Cartel]"));
    }

    @Test
    void namedGraphPage() {
        Document d = page("graph/inferred");
        long inferred = count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/fentanyl-kg/graph/inferred> { ?s ?p ?o } }");
        assertTrue(d.text().contains(inferred + " triples"));
    }
}
