package org.fentanylkg.http.linkeddata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** VoID/DCAT at /.well-known/void, the SPARQL Service Description, the dumps, and the admin paths that stay closed. */
class DatasetDescriptionTest {
    private static final String PREFIXES = "PREFIX void: <http://rdfs.org/ns/void#> PREFIX dcat: <http://www.w3.org/ns/dcat#> "
            + "PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX sd: <http://www.w3.org/ns/sparql-service-description#> ";
    private static TestServer server;

    @BeforeAll
    static void start() { server = TestServer.start(); }

    @AfterAll
    static void stop() { if (server != null) server.close(); }

    private static Model model(String body, Lang lang) {
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(body, lang).parse(m);
        return m;
    }

    private static long count(String query) {
        return server.select(query).next().getLiteral("n").getLong();
    }

    private static QuerySolution one(Model m, String query) {
        try (var qe = org.apache.jena.query.QueryExecution.model(m).query(PREFIXES + query).build()) {
            var rs = qe.execSelect();
            assertTrue(rs.hasNext(), "no answer to " + query);
            return rs.next();
        }
    }

    @Test
    void voidAndDcatDescribeTheDataset() {
        var r = server.get(".well-known/void", "Accept", "text/turtle");
        assertEquals(200, r.statusCode());
        Model m = model(r.body(), Lang.TURTLE);
        String ds = "<https://w3id.org/fentanyl-kg/>";
        QuerySolution s = one(m, "SELECT * WHERE { " + ds + " a void:Dataset, dcat:Dataset ; void:triples ?triples ; void:entities ?entities ;"
                + " void:classes ?classes ; void:properties ?properties ; dcterms:license ?license ; dcterms:created ?created ;"
                + " void:sparqlEndpoint ?endpoint }");
        assertEquals(count("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"), s.getLiteral("triples").getLong());
        assertEquals(count("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o FILTER(STRSTARTS(STR(?s), 'https://w3id.org/fentanyl-kg/id/')) }"),
                s.getLiteral("entities").getLong());
        assertEquals(count("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?s a ?c FILTER(isIRI(?c)) }"), s.getLiteral("classes").getLong());
        assertEquals(count("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?s ?p ?o }"), s.getLiteral("properties").getLong());
        // the license the ontology declares
        assertEquals("http://creativecommons.org/publicdomain/zero/1.0/", s.getResource("license").getURI());
        assertEquals(server.base() + "kg/sparql", s.getResource("endpoint").getURI());
        // sources: the report and the CRS page it was taken from
        Set<String> sources = new HashSet<>();
        m.listObjectsOfProperty(m.getResource("https://w3id.org/fentanyl-kg/"), m.createProperty("http://purl.org/dc/terms/source"))
                .forEachRemaining(n -> sources.add(n.asResource().getURI()));
        assertTrue(sources.contains("https://w3id.org/fentanyl-kg/report/IF10400-2025-08-26"), sources.toString());
        // a class partition: the FTOs
        QuerySolution fto = one(m, "SELECT ?n WHERE { " + ds + " void:classPartition [ void:class <https://w3id.org/fentanyl-kg/ontology#ForeignTerroristOrganization> ; void:entities ?n ] }");
        assertEquals(count("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a <https://w3id.org/fentanyl-kg/ontology#ForeignTerroristOrganization> }"), fto.getLiteral("n").getLong());
        // every dump, with its real size
        var dumps = org.apache.jena.query.QueryExecution.model(m).query(PREFIXES + "SELECT ?url ?size WHERE { " + ds
                + " void:dataDump ?url ; dcat:distribution [ dcat:downloadURL ?url ; dcat:byteSize ?size ] }").build().execSelect();
        int n = 0;
        while (dumps.hasNext()) {
            QuerySolution d = dumps.next();
            String url = d.getResource("url").getURI();
            assertTrue(url.startsWith(server.base() + "dumps/"), url);
            assertEquals(d.getLiteral("size").getLong(), server.bytes(url.substring(server.base().length())).body().length, url);
            n++;
        }
        assertEquals(4, n);
        // the namespace root answers RDF with the same description
        assertTrue(model(server.get("", "Accept", "text/turtle").body(), Lang.TURTLE).isIsomorphicWith(m));
    }

    @Test
    void serviceDescriptionAtTheEndpoint() {
        for (String endpoint : List.of("kg/sparql", "kg/query", "kg")) {
            var r = server.get(endpoint, "Accept", "text/turtle");
            assertEquals(200, r.statusCode(), endpoint);
            Model m = model(r.body(), Lang.TURTLE);
            QuerySolution s = one(m, "SELECT * WHERE { ?service a sd:Service ; sd:endpoint ?e ; sd:supportedLanguage sd:SPARQL11Query ;"
                    + " sd:defaultDataset ?d . ?d sd:defaultGraph [ void:triples ?t ] }");
            assertEquals(server.base() + endpoint, s.getResource("e").getURI());
            assertEquals(count("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"), s.getLiteral("t").getLong());
            long named = m.listObjectsOfProperty(s.getResource("d"), m.createProperty("http://www.w3.org/ns/sparql-service-description#namedGraph")).toList().size();
            assertEquals(count("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { } }"), named);
        }
        // a query still runs, and a browser is sent to the query UI
        assertEquals(200, server.get("kg/sparql?query=ASK%7B%7D", "Accept", "application/sparql-results+json").statusCode());
        var browser = server.get("kg/sparql", "Accept", "text/html");
        assertEquals(303, browser.statusCode());
        assertEquals(server.base() + "query", browser.headers().firstValue("Location").orElse(""));
    }

    @Test
    void dumpsReloadToTheLiveDataset() {
        DatasetGraph live = server.dataset();
        Graph dflt = Txn.calculateRead(live, () -> {
            Graph g = GraphFactory.createDefaultGraph();
            live.getDefaultGraph().find().forEachRemaining(g::add);
            return g;
        });
        for (String[] d : new String[][] {{"ttl", "TTL"}, {"nt", "N-TRIPLES"}, {"jsonld", "JSON-LD"}}) {
            var r = server.bytes("dumps/fentanyl-kg." + d[0]);
            assertEquals(200, r.statusCode(), d[0]);
            Graph g = GraphFactory.createDefaultGraph();
            RDFParser.source(new ByteArrayInputStream(r.body())).lang(org.apache.jena.riot.RDFLanguages.nameToLang(d[1])).parse(g);
            assertTrue(g.isIsomorphicWith(dflt), d[0] + " dump: " + g.size() + " triples, the dataset " + dflt.size());
        }
        var nq = server.bytes("dumps/fentanyl-kg.nq");
        DatasetGraph reloaded = DatasetGraphFactory.createGeneral();
        RDFParser.source(new ByteArrayInputStream(nq.body())).lang(Lang.NQUADS).parse(reloaded);
        assertTrue(reloaded.getDefaultGraph().isIsomorphicWith(dflt), "N-Quads default graph");
        Txn.executeRead(live, () -> {
            Set<Node> names = new HashSet<>();
            live.listGraphNodes().forEachRemaining(names::add);
            Set<Node> reloadedNames = new HashSet<>();
            reloaded.listGraphNodes().forEachRemaining(reloadedNames::add);
            assertEquals(names, reloadedNames);
            for (Node g : names) assertTrue(reloaded.getGraph(g).isIsomorphicWith(live.getGraph(g)), g.toString());
        });
        assertTrue(nq.headers().firstValue("Content-Type").orElse("").startsWith("application/n-quads"));
    }

    @Test
    void noAdministrativeEndpointIsReachable() {
        for (String path : List.of("$/datasets", "$/datasets/kg", "$/server", "$/backup/kg", "$/backups/list", "$/stats", "$/compact/kg",
                "$/tasks", "$/reload", "$/sleep", "kg/update", "kg/upload", "kg/data")) {
            int get = server.get(path).statusCode();
            int post = server.send("POST", path).statusCode();
            assertTrue(get == 404 || get == 405 || get == 401 || get == 403, path + " GET " + get);
            assertTrue(post >= 400 && post < 500, path + " POST " + post);
        }
    }
}
