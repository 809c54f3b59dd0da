package org.fentanylkg.http.linkeddata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.fentanylkg.http.main.KnowledgeGraphServer;
import org.fentanylkg.http.main.ServerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dereferencing the namespace: content negotiation, validators, descriptions, CORS, and refusals of bad input. */
class DereferencingTest {
    private static final String FKG = "https://w3id.org/fentanyl-kg/ontology#";
    private static final String FKR = "https://w3id.org/fentanyl-kg/id/";
    private static final Node SINALOA = NodeFactory.createURI(FKR + "sinaloa-cartel");
    private static final Node IS_PART_OF = NodeFactory.createURI("http://purl.org/dc/terms/isPartOf");
    private static TestServer server;

    @BeforeAll
    static void start() { server = TestServer.start(); }

    @AfterAll
    static void stop() { if (server != null) server.close(); }

    static Graph parse(String body, String contentType) {
        Lang lang = RDFLanguages.contentTypeToLang(contentType.split(";")[0].strip());
        return RDFParser.fromString(body, lang).toGraph();
    }

    private static String contentType(HttpResponse<?> r) { return r.headers().firstValue("Content-Type").orElse(""); }

    @Test
    void everyFormatByAcceptOnTheSameUrl() {
        for (String type : List.of("text/turtle", "application/ld+json", "application/rdf+xml", "application/n-triples")) {
            var r = server.get("id/sinaloa-cartel", "Accept", type);
            assertEquals(200, r.statusCode(), type);
            assertTrue(contentType(r).startsWith(type), type + " -> " + contentType(r));
            assertTrue(TestServer.headers(r, "Vary").stream().anyMatch(v -> v.contains("Accept")), "Vary: Accept for " + type);
            Graph g = parse(r.body(), contentType(r));
            assertTrue(g.contains(SINALOA, RDFS.Nodes.label, NodeFactory.createLiteralLang("Sinaloa Cartel", "en")), type);
        }
        var html = server.get("id/sinaloa-cartel", "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertEquals(200, html.statusCode());
        assertTrue(contentType(html).startsWith("text/html"));
        assertTrue(html.body().contains("<h1>Sinaloa Cartel</h1>"));
        // curl's */* gets Turtle, the first offer
        assertTrue(contentType(server.get("id/sinaloa-cartel", "Accept", "*/*")).startsWith("text/turtle"));
        assertTrue(contentType(server.get("id/sinaloa-cartel")).startsWith("text/turtle"));
    }

    @Test
    void formatParameterOverridesAccept() {
        var r = server.get("id/cjng?format=nt", "Accept", "text/html");
        assertEquals(200, r.statusCode());
        assertTrue(contentType(r).startsWith("application/n-triples"));
        assertTrue(contentType(server.get("id/cjng?format=jsonld", "Accept", "text/turtle")).startsWith("application/ld+json"));
        assertTrue(contentType(server.get("id/cjng?format=html")).startsWith("text/html"));
    }

    @Test
    void conditionalGetAnswers304() {
        var first = server.get("id/fentanyl", "Accept", "text/turtle");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertTrue(etag.matches("W/\"\\d+-[0-9a-z]+-[0-9a-f]{24}\""), etag);
        var again = server.get("id/fentanyl", "Accept", "text/turtle", "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        assertEquals(etag, again.headers().firstValue("ETag").orElse(""));
        assertEquals(304, server.get("id/fentanyl", "Accept", "text/turtle", "If-Modified-Since", lastModified).statusCode());
        assertEquals(200, server.get("id/fentanyl", "Accept", "text/turtle", "If-None-Match", "\"0000\"").statusCode());
        // another representation has another tag
        var json = server.get("id/fentanyl", "Accept", "application/ld+json", "If-None-Match", etag);
        assertEquals(200, json.statusCode());
        assertFalse(etag.equals(json.headers().firstValue("ETag").orElse("")));
        // HTML too
        var page = server.get("id/fentanyl", "Accept", "text/html");
        assertEquals(304, server.get("id/fentanyl", "Accept", "text/html", "If-None-Match", page.headers().firstValue("ETag").orElseThrow()).statusCode());
    }

    @Test
    void unknownIriIs404AndUnsupportedTypeIs406() {
        var missing = server.get("id/no-such-resource", "Accept", "text/turtle");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("https://w3id.org/fentanyl-kg/id/no-such-resource"), missing.body());
        var r = server.get("id/sinaloa-cartel", "Accept", "image/png");
        assertEquals(406, r.statusCode());
        assertTrue(r.body().contains("text/turtle") && r.body().contains("image/png"), r.body());
    }

    @Test
    void descriptionMarksAssertedAndInferredAndCarriesEvidence() throws Exception {
        Graph g = parse(server.get("id/sinaloa-cartel", "Accept", "text/turtle").body(), "text/turtle");
        Node fto = NodeFactory.createURI(FKG + "ForeignTerroristOrganization");
        Node basedIn = NodeFactory.createURI(FKG + "basedIn");
        Node mexico = NodeFactory.createURI(FKR + "mexico");
        Node fact = NodeFactory.createURI("https://w3id.org/fentanyl-kg/fact/sinaloa-cartel-and-cjng-based-in-mexico");
        // own triples, asserted and inferred
        assertTrue(g.contains(SINALOA, RDF.Nodes.type, fto));
        assertTrue(g.contains(SINALOA, basedIn, mexico));
        assertEquals(Set.of(NodeFactory.createURI("https://w3id.org/fentanyl-kg/graph/inferred")), graphsOf(g, Triple.create(SINALOA, RDF.Nodes.type, fto)));
        assertEquals(Set.of(fact), graphsOf(g, Triple.create(SINALOA, basedIn, mexico)));
        // every own triple is marked
        for (Triple t : g.find(SINALOA, Node.ANY, Node.ANY).toList()) assertFalse(graphsOf(g, t).isEmpty(), "unmarked: " + t);
        // inverse links and labels of linked resources
        Node designation = NodeFactory.createURI(FKR + "designation-sinaloa-cartel-fto");
        assertTrue(g.contains(designation, NodeFactory.createURI(FKG + "designee"), SINALOA));
        assertTrue(g.contains(mexico, RDFS.Nodes.label, NodeFactory.createLiteralLang("Mexico", "en")));
        // provenance: the quote of the report, at its offsets, in sentence p7-s1
        Node quote = g.find(fact, NodeFactory.createURI(FKG + "evidence"), Node.ANY).next().getObject();
        String nif = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
        String text = literal(g, quote, nif + "anchorOf");
        int begin = Integer.parseInt(literal(g, quote, nif + "beginIndex"));
        int end = Integer.parseInt(literal(g, quote, nif + "endIndex"));
        String report = Files.readString(Path.of("data/report/IF10400-2025-08-26.txt"));
        assertEquals(report.substring(begin, end), text);
        assertEquals("Mexico-based transnational criminal organizations (TCOs), especially the Sinaloa and the Jalisco New Generation Cartel", text);
        Node sentence = NodeFactory.createURI("https://w3id.org/fentanyl-kg/report/IF10400-2025-08-26/p7-s1");
        assertTrue(g.contains(quote, NodeFactory.createURI(FKG + "sentence"), sentence));
        assertTrue(literal(g, sentence, nif + "anchorOf").contains(text));
        // and a fact that rests on a public source carries it
        Node names = NodeFactory.createURI("https://w3id.org/fentanyl-kg/fact/sinaloa-cartel-names");
        assertTrue(g.contains(names, NodeFactory.createURI("http://purl.org/dc/terms/source"),
                NodeFactory.createURI("https://thenewsintel.com/designation-of-international-cartels-united-states-department-of-state")));
    }

    private static Set<Node> graphsOf(Graph g, Triple t) {
        Set<Node> out = new java.util.HashSet<>();
        for (Triple s : g.find(Node.ANY, RDF.Nodes.subject, t.getSubject()).toList()) {
            Node st = s.getSubject();
            if (g.contains(st, RDF.Nodes.predicate, t.getPredicate()) && g.contains(st, RDF.Nodes.object, t.getObject())) {
                g.find(st, IS_PART_OF, Node.ANY).forEachRemaining(x -> out.add(x.getObject()));
            }
        }
        return out;
    }

    private static String literal(Graph g, Node s, String p) {
        return g.find(s, NodeFactory.createURI(p), Node.ANY).next().getObject().getLiteralLexicalForm();
    }

    @Test
    void everyIriOfTheNamespaceResolves() {
        var rs = server.select("SELECT DISTINCT ?x WHERE { { ?x ?p ?o } UNION { ?s ?p ?x } UNION { GRAPH ?x { ?a ?b ?c } } "
                + "FILTER(isIRI(?x) && STRSTARTS(STR(?x), 'https://w3id.org/fentanyl-kg/')) }");
        Set<String> paths = new TreeSet<>();
        while (rs.hasNext()) {
            String iri = rs.next().getResource("x").getURI();
            int hash = iri.indexOf('#');
            paths.add((hash < 0 ? iri : iri.substring(0, hash)).substring("https://w3id.org/fentanyl-kg/".length()));
        }
        assertTrue(paths.size() > 600, "only " + paths.size() + " IRIs");
        List<String> failed = new ArrayList<>();
        for (String p : paths) {
            int status = server.send("HEAD", p, "Accept", "application/n-triples").statusCode();
            if (status != 200) failed.add(p + " -> " + status);
        }
        assertEquals(List.of(), failed);
    }

    @Test
    void ontologyAndTermsResolveByNegotiation() {
        for (String type : List.of("text/turtle", "application/rdf+xml", "application/ld+json")) {
            var r = server.get("ontology", "Accept", type);
            assertEquals(200, r.statusCode(), type);
            Graph g = parse(r.body(), contentType(r));
            assertTrue(g.contains(NodeFactory.createURI(FKG + "Cartel"), RDFS.Nodes.subClassOf,
                    NodeFactory.createURI(FKG + "TransnationalCriminalOrganization")), type);
        }
        var html = server.get("ontology", "Accept", "text/html");
        assertTrue(html.body().contains("id=\"Cartel\""), "the term's anchor");
    }

    @Test
    void jsonLdUsesThePublishedContext() {
        JsonObject published = JSON.parse(server.get("context.jsonld").body());
        JsonObject terms = published.get("@context").getAsObject();
        assertEquals("https://w3id.org/fentanyl-kg/ontology#", terms.get("fkg").getAsString().value());
        JsonObject doc = JSON.parse(server.get("id/cjng", "Accept", "application/ld+json").body());
        JsonObject inline = doc.get("@context").getAsObject();
        for (String key : terms.keys()) assertEquals(terms.get(key), inline.get(key), key);
    }

    @Test
    void corsOnEveryReadEndpoint() {
        for (String path : List.of("id/cjng", "ontology", ".well-known/void", "context.jsonld", "dumps/fentanyl-kg.nt", "",
                "kg/sparql?query=ASK%7B%7D", "query", "assets/css/site.css", "report/IF10400-2025-08-26")) {
            var r = server.get(path, "Origin", "https://analyst.example");
            assertEquals(200, r.statusCode(), path);
            String allow = r.headers().firstValue("Access-Control-Allow-Origin").orElse("");
            assertTrue(allow.equals("*") || allow.equals("https://analyst.example"), path + ": " + allow);
        }
        var preflight = server.send("OPTIONS", "id/cjng", "Origin", "https://analyst.example", "Access-Control-Request-Method", "GET");
        assertTrue(preflight.statusCode() < 300, "preflight " + preflight.statusCode());
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("GET"));
    }

    @Test
    void badInputGetsAClear4xxAndNoStackTrace() {
        record Case(String what, HttpResponse<String> response, String says) {}
        String longSlug = "a".repeat(5000);
        List<Case> cases = List.of(
                new Case("outside the namespace", server.get("secret/x", "Accept", "text/turtle"), ""),
                new Case("empty slug", server.get("id/", "Accept", "text/turtle"), ""),
                new Case("dot-dot", server.raw("id/../../etc/passwd"), ""),
                new Case("encoded dot-dot", server.raw("id/%2e%2e/%2e%2e/etc/passwd"), ""),
                new Case("encoded slash", server.raw("id/a%2Fb"), ""),
                new Case("bad character", server.raw("id/a%3Cscript%3E"), "path segment"),
                new Case("long IRI", server.get("id/" + longSlug, "Accept", "text/turtle"), "limit"),
                new Case("unknown format", server.get("id/cjng?format=pdf"), "parameter format"),
                new Case("two formats", server.get("id/cjng?format=ttl&format=nt"), "parameter format"),
                new Case("malformed Accept", server.get("id/cjng", "Accept", "text/html;q=abc"), "Accept"),
                new Case("malformed Accept", server.get("id/cjng", "Accept", "not a media type"), "Accept"),
                new Case("q above 1", server.get("id/cjng", "Accept", "text/turtle;q=2"), "Accept"),
                new Case("write", server.send("POST", "id/cjng"), "read-only"),
                new Case("no such dump", server.get("dumps/fentanyl-kg.exe"), "dump"));
        for (Case c : cases) {
            int s = c.response().statusCode();
            String body = c.response().body();
            assertTrue(s >= 400 && s < 500, c.what() + ": " + s);
            assertFalse(body.contains("Exception") || body.matches("(?s).*\\bat [a-z]+\\.[a-z].*\\(.*"), c.what() + " shows a stack trace: " + body);
            assertTrue(body.contains(c.says()), c.what() + ": " + body);
        }
        assertEquals(414, server.get("id/" + longSlug).statusCode());
    }

    @Test
    void publicBaseComesFromTheConfiguration() {
        Model config = ModelFactory.createDefaultModel();
        config.read(new java.io.StringReader("@prefix fkgc: <https://w3id.org/fentanyl-kg/config#> . [] fkgc:publicBase <https://kg.example.org/fentanyl> ."), null, "TTL");
        assertEquals("https://kg.example.org/fentanyl/", PublicBase.fromConfig(config).configured().orElseThrow());
        Links links = new Links(PublicBase.fromConfig(config).configured().orElseThrow());
        assertEquals("https://kg.example.org/fentanyl/id/cjng", links.local("https://w3id.org/fentanyl-kg/id/cjng"));
        assertEquals("https://kg.example.org/fentanyl/ontology#Cartel", links.local("https://w3id.org/fentanyl-kg/ontology#Cartel"));
        assertEquals("http://www.wikidata.org/entity/Q96", links.local("http://www.wikidata.org/entity/Q96"));
        assertEquals(null, links.href(NodeFactory.createURI("javascript:alert(1)")));
        Model bad = ModelFactory.createDefaultModel();
        bad.read(new java.io.StringReader("@prefix fkgc: <https://w3id.org/fentanyl-kg/config#> . [] fkgc:publicBase \"ftp://x\" ."), null, "TTL");
        var e = assertThrows(IllegalArgumentException.class, () -> PublicBase.fromConfig(bad));
        assertTrue(e.getMessage().contains("fkgc:publicBase"), e.getMessage());
        // without one, links use the request's own address
        assertTrue(server.get("id/cjng", "Accept", "text/html").body().contains("href=\"" + server.base() + "ontology#"));
    }

    @Test
    void publicBaseGivenToTheServerOverridesTheFileAndNeedsNoSystemProperty(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(ServerConfig.FILE_NAME);
        Files.writeString(file, Files.readString(Path.of(ServerConfig.FILE_NAME))
                .replace("# fkgc:publicBase <https://kg.example.org/> ;", "fkgc:publicBase <https://file.example.org/> ;")
                .replace("fkgc:sources \".\"", "fkgc:sources <" + Path.of("").toAbsolutePath().toUri() + ">"));
        Model config = ServerConfig.read(file);
        assertEquals("https://file.example.org/", PublicBase.fromConfig(config).configured().orElseThrow(), "the file's own");
        ServerConfig.publicBase(config, PublicBase.iri("https://cli.example.org/kg", "--public-base"));
        assertEquals("https://cli.example.org/kg/", PublicBase.fromConfig(config).configured().orElseThrow(), "the option's, over the file's");
        try (TestServer s = TestServer.start(KnowledgeGraphServer.create().config(file).publicBase(URI.create("https://cli.example.org/kg/")))) {
            String page = s.get("id/cjng", "Accept", "text/html").body();
            assertTrue(page.contains("href=\"https://cli.example.org/kg/ontology#"), page);
            assertFalse(page.contains("file.example.org"), page);
        }
    }
}
