package org.fentanylkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import java.util.stream.Stream;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.process.normalize.CanonicalizeLiteral;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.TxnType;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.JenaTransactionException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.apache.jena.query.DatasetFactory;
import org.fentanylkg.cli.Main;
import org.fentanylkg.dataset.KnowledgeGraph;
import org.fentanylkg.dataset.KnowledgeGraphBuilder;
import org.fentanylkg.dataset.SourceFixture;
import org.fentanylkg.explain.Explainer;
import org.fentanylkg.explain.Explanation;
import org.fentanylkg.http.main.KnowledgeGraphServer;
import org.fentanylkg.http.main.ServerConfig;
import org.fentanylkg.vocab.Graphs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code load} then {@code serve --tdb2}: the TDB2 store holds exactly the in-memory dataset, graph by graph,
 * and every saved query answers the same over HTTP as the in-memory knowledge graph.
 */
class StoreServesSameAnswersTest {
    @TempDir static Path tmp;
    private static KnowledgeGraph kg;
    private static Path storeDir;
    private static FusekiServer server;
    private static String endpoint;

    @BeforeAll
    static void loadAndServe() throws Exception {
        kg = KnowledgeGraphBuilder.build(Path.of("."));
        storeDir = tmp.resolve("store");
        KnowledgeGraphStore.LoadReport report = KnowledgeGraphStore.at(storeDir).load(kg);
        assertEquals("gen-000001", report.generation());
        // The repository's configuration with a longer query limit: this test compares answers, and on a loaded
        // machine the heaviest saved query over TDB2 can pass 10 s (the limit itself is QueryTimeoutTest's).
        server = KnowledgeGraphServer.create().config(config()).store(storeDir).port(0).start();
        endpoint = "http://localhost:" + server.getHttpPort() + "/kg/sparql";
    }

    private static Model config() throws java.io.IOException {
        Model config = ServerConfig.read(Path.of(ServerConfig.FILE_NAME));
        config.listStatements(null, config.createProperty("http://jena.hpl.hp.com/2005/11/Assembler#cxtValue"), "10000").toList()
                .forEach(st -> st.changeObject("120000"));
        return config;
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
    }

    private static DatasetGraph served() {
        return server.getDataAccessPointRegistry().get("/kg").getDataService().getDataset();
    }

    @Test
    void everyGraphHoldsTheSameTriplesAsInMemory() {
        DatasetGraph mem = kg.dataset();
        DatasetGraph tdb = served();
        assertTrue(tdb instanceof ServingDataset, "served from the store, not rebuilt: " + tdb);
        mem.executeRead(() -> tdb.executeRead(() -> {
            List<Node> names = new ArrayList<>();
            mem.listGraphNodes().forEachRemaining(names::add);
            List<Node> tdbNames = new ArrayList<>();
            tdb.listGraphNodes().forEachRemaining(tdbNames::add);
            assertEquals(names.size(), tdbNames.size(), "number of named graphs");
            assertTrue(names.contains(Graphs.INFERRED) && names.contains(Graphs.ASSERTED));
            assertTrue(canonical(mem.getDefaultGraph()).isIsomorphicWith(canonical(tdb.getDefaultGraph())), "default graph");
            for (Node g : names) {
                assertTrue(canonical(mem.getGraph(g)).isIsomorphicWith(canonical(tdb.getGraph(g))), "graph " + g);
            }
        }));
    }

    @Test
    void everySavedQueryAnswersTheSameOverHttp() throws Exception {
        assertEverySavedQueryAnswersAsInMemory(kg, endpoint, "the store");
    }

    /** Every saved query answers at {@code endpoint} as on {@code kg} in memory; {@code served} names what answers there. */
    static void assertEverySavedQueryAnswersAsInMemory(KnowledgeGraph kg, String endpoint, String served) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("queries"))) {
            files = s.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (Path file : files) {
            String query = Files.readString(file);
            List<String> expected = kg.dataset().calculateRead(() -> {
                // The server's 10 s limit is ARQ's global context in this JVM; the reference answer is not under test.
                try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(kg.dataset())).query(query)
                        .timeout(2, java.util.concurrent.TimeUnit.MINUTES).build()) {
                    return rows(qe.execSelect());
                }
            });
            List<String> actual;
            try (QueryExecution qe = QueryExecutionHTTP.service(endpoint).query(query).build()) {
                actual = rows(qe.execSelect());
            }
            if (!expected.equals(actual)) {
                List<String> missing = new ArrayList<>(expected);
                missing.removeAll(actual);
                List<String> extra = new ArrayList<>(actual);
                extra.removeAll(expected);
                throw new AssertionError(file.getFileName() + ": " + expected.size() + " rows in memory, " + actual.size()
                        + " from " + served + "; missing " + missing.stream().limit(3).toList() + "; extra " + extra.stream().limit(3).toList());
            }
        }
    }

    @Test
    void theSavedQueryApiAnswersFromTheStoreAsFromMemory() throws Exception {
        // The API writes its answer after the read transaction: a store's rows must have been copied out by then.
        FusekiServer inMemory = KnowledgeGraphServer.create().config(config()).port(0).start();
        try {
            List<String> names;
            try (Stream<Path> s = Files.list(Path.of("queries"))) {
                names = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".rq")).map(n -> n.substring(0, n.length() - 3)).sorted().toList();
            }
            for (String name : names) {
                HttpResponse<String> fromStore = send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.getHttpPort() + "/api/queries/" + name))
                        .header("Accept", "application/sparql-results+json").GET().build());
                HttpResponse<String> fromMemory = send(HttpRequest.newBuilder(URI.create("http://localhost:" + inMemory.getHttpPort() + "/api/queries/" + name))
                        .header("Accept", "application/sparql-results+json").GET().build());
                assertEquals(200, fromMemory.statusCode(), name + ": " + fromMemory.body());
                assertEquals(200, fromStore.statusCode(), name + ": " + fromStore.body());
                assertEquals(rows(json(fromMemory.body())), rows(json(fromStore.body())), name);
            }
        } finally {
            inMemory.stop();
        }
    }

    private static ResultSet json(String body) {
        return org.apache.jena.riot.ResultSetMgr.read(new java.io.ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
                org.apache.jena.riot.resultset.ResultSetLang.RS_JSON);
    }

    @Test
    void writesAreRefused() {
        DatasetGraph tdb = served();
        assertThrows(JenaTransactionException.class, () -> tdb.begin(TxnType.WRITE));
        assertThrows(UnsupportedOperationException.class, () -> tdb.executeRead(() -> {
            tdb.add(Graphs.ASSERTED, Graphs.ASSERTED, Graphs.ASSERTED, Graphs.ASSERTED);
        }));
        // Through HTTP: the store is served with the same read-only endpoints as the in-memory graph.
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.getHttpPort() + "/kg/update"))
                .header("Content-Type", "application/sparql-update").POST(HttpRequest.BodyPublishers.ofString("CLEAR ALL")).build());
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, "update refused: " + r.statusCode());
        assertTrue(served().calculateRead(() -> !served().isEmpty()), "nothing was cleared");
    }

    /** An explanation as text, with every triple as the store holds it (literals in canonical form). */
    static String shape(Explanation e) {
        StringBuilder b = new StringBuilder();
        b.append(KnowledgeGraphStore.canonical(e.triple())).append(' ').append(e.status()).append(' ').append(e.rule())
                .append(' ').append(e.ruleDescription()).append(' ')
                .append(e.axioms().stream().map(KnowledgeGraphStore::canonical).toList()).append(' ').append(e.evidence()).append(" [");
        for (Explanation p : e.premises()) b.append(shape(p)).append("; ");
        return b.append(']').toString();
    }

    @Test
    void theStoreExplainsEveryInferredTripleAsTheInMemoryGraphDoes() {
        ServingDataset store = (ServingDataset) served();
        assertTrue(store.explains());
        Explainer fromMemory = kg.explainer();
        Explainer fromStore = Explainer.of(store, store);
        List<Triple> inferred = kg.closure().inferred().find().toList();
        assertTrue(inferred.size() > 1000, "the report graph infers " + inferred.size() + " triples");
        for (Triple t : inferred) {
            Explanation mem = fromMemory.explain(t).orElseThrow();
            Explanation tdb = fromStore.explain(t).orElseThrow(() -> new AssertionError("the store does not explain " + t));
            assertTrue(tdb.inferred(), t.toString());
            assertEquals(shape(mem), shape(tdb), t.toString());
        }
    }

    @Test
    void explanationsAreServedFromTheStore() {
        // 4-piperidone is a fentanyl precursor because precursorOf chains (here through 4-AP) to fentanyl.
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.getHttpPort()
                + "/api/explain?s=" + URLEncoder.encode("https://w3id.org/fentanyl-kg/id/4-piperidone", StandardCharsets.UTF_8)
                + "&p=" + URLEncoder.encode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", StandardCharsets.UTF_8)
                + "&o=" + URLEncoder.encode("https://w3id.org/fentanyl-kg/ontology#FentanylPrecursor", StandardCharsets.UTF_8))).GET().build());
        assertEquals(200, r.statusCode(), r.body());
        JsonObject why = JsonParser.parseString(r.body()).getAsJsonObject();
        assertEquals("inferred", why.get("status").getAsString(), r.body());
        assertEquals("cls-hv2", why.get("rule").getAsString(), r.body());
        assertTrue(r.body().contains("precursorOf is transitive"), r.body());
        assertTrue(r.body().contains("https://w3id.org/fentanyl-kg/fact/4-piperidone-precursor-of-npp-anpp-4-ap-norfentanyl"), "down to the fact: " + r.body());
    }

    @Test
    void damagedDerivationFilesAreErrorsThatSayWhere() throws Exception {
        Path gen = storeDir.resolve("gen-000001");
        Path copy = Files.createDirectories(tmp.resolve("damaged"));
        // The first derivation written is in the first block; damage that block's compressed bytes.
        Triple first = KnowledgeGraphStore.canonical(kg.closure().inferred().find().next());
        byte[] data = Files.readAllBytes(gen.resolve(DerivationFile.DATA));
        for (int i = 8; i < 40; i++) data[i] ^= (byte) 0x5A;
        Files.write(copy.resolve(DerivationFile.DATA), data);
        Files.copy(gen.resolve(DerivationFile.INDEX), copy.resolve(DerivationFile.INDEX));
        try (DerivationFile intact = DerivationFile.open(gen); DerivationFile damaged = DerivationFile.open(copy)) {
            assertTrue(intact.derivation(first).isPresent());
            java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class, () -> damaged.derivation(first));
            assertTrue(e.getMessage().contains(copy.resolve(DerivationFile.DATA) + ": block at byte 0"), e.getMessage());
        }
        // An index cut short is refused when opened, naming it.
        byte[] index = Files.readAllBytes(gen.resolve(DerivationFile.INDEX));
        Files.write(copy.resolve(DerivationFile.INDEX), java.util.Arrays.copyOf(index, index.length - 16));
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> DerivationFile.open(copy));
        assertTrue(e.getMessage().startsWith(copy.resolve(DerivationFile.INDEX) + ": "), e.getMessage());
    }

    @Test
    void loadRefusesBrokenSourcesAndLeavesTheStoreAsItWas() throws Exception {
        Path sources = SourceFixture.copyRepository(tmp.resolve("broken"));
        SourceFixture.addFactFile(sources, "zz-broken.trig", "fact:broken { fkr:x fkg:designee ");
        String before = Files.readString(storeDir.resolve("CURRENT"));
        StringWriter err = new StringWriter();
        int code = Main.commandLine().setErr(new PrintWriter(err))
                .execute("load", "--tdb2", storeDir.toString(), "--sources", sources.toString());
        assertEquals(1, code);
        assertTrue(err.toString().contains("zz-broken.trig:"), err.toString());
        assertTrue(err.toString().contains("the store was not changed"), err.toString());
        assertEquals(before, Files.readString(storeDir.resolve("CURRENT")));
        try (Stream<Path> s = Files.list(storeDir)) {
            assertEquals(1, s.filter(p -> p.getFileName().toString().startsWith("gen-")).count(), "no half-written generation left");
        }
    }

    @Test
    void servingAFolderThatIsNotAStoreSaysSo() {
        StringWriter err = new StringWriter();
        int code = Main.commandLine().setErr(new PrintWriter(err))
                .execute("serve", "--tdb2", tmp.resolve("nothing-here").toString(), "--port", "0");
        assertEquals(2, code);
        assertTrue(err.toString().contains("not a fentanyl-kg store"), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
    }

    /**
     * TDB2 stores xsd:decimal (and other inlined datatypes) by value and gives back the canonical lexical form:
     * "48000000"^^xsd:decimal comes back as "48000000.0". Same value, so compare canonical forms.
     */
    static Graph canonical(Graph g) {
        Graph out = GraphFactory.createDefaultGraph();
        g.find().forEachRemaining(t -> out.add(Triple.create(t.getSubject(), t.getPredicate(), CanonicalizeLiteral.get().apply(t.getObject()))));
        return out;
    }

    /** Rows as sorted strings, blank node labels blanked (they differ between stores), literals in canonical form. */
    static List<String> rows(ResultSet rs) {
        List<String> out = new ArrayList<>();
        List<String> vars = rs.getResultVars();
        while (rs.hasNext()) {
            var sol = rs.next();
            StringBuilder b = new StringBuilder();
            for (String v : vars) {
                RDFNode n = sol.get(v);
                b.append(v).append('=').append(n == null ? "" : n.isAnon() ? "_:b" : CanonicalizeLiteral.get().apply(n.asNode()).toString()).append(' ');
            }
            out.add(b.toString());
        }
        out.sort(null);
        return out;
    }

    private static HttpResponse<String> send(HttpRequest r) {
        try {
            return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
