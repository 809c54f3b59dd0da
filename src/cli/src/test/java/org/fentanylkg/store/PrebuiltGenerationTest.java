package org.fentanylkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
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
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.lucene.store.FSDirectory;
import org.fentanylkg.cli.Main;
import org.fentanylkg.dataset.BuiltGraph;
import org.fentanylkg.dataset.KnowledgeGraph;
import org.fentanylkg.dataset.KnowledgeGraphBuilder;
import org.fentanylkg.dataset.SourceFixture;
import org.fentanylkg.explain.Explainer;
import org.fentanylkg.explain.Explanation;
import org.fentanylkg.http.main.KnowledgeGraphServer;
import org.fentanylkg.http.main.ServerConfig;
import org.fentanylkg.search.SearchIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code load --generation} then {@code serve} on it: the generation read back is the graph the sources build,
 * quad for quad, explanation for explanation, search hit for search hit; it is used only for the sources it was
 * built from, and a damaged one is never served, the graph is built instead.
 */
class PrebuiltGenerationTest {
    @TempDir static Path tmp;
    private static KnowledgeGraph kg;
    private static Path generation;
    private static KnowledgeGraphServer prebuiltServer;
    private static FusekiServer prebuilt;
    private static FusekiServer built;

    @BeforeAll
    static void writeAndServe() throws Exception {
        kg = KnowledgeGraphBuilder.build(Path.of("."));
        generation = tmp.resolve("fentanyl-kg.generation");
        // Written from this build, so that its blank nodes are the ones kg holds (each build labels them afresh).
        PrebuiltGeneration.write(kg, PrebuiltGeneration.digest(Path.of(".")), generation);
        Model config = ServerConfig.read(Path.of(ServerConfig.FILE_NAME));
        prebuiltServer = KnowledgeGraphServer.create().config(config).prebuilt(generation).port(0);
        prebuilt = prebuiltServer.start();
        built = KnowledgeGraphServer.create().config(ServerConfig.read(Path.of(ServerConfig.FILE_NAME))).port(0).start();
    }

    @AfterAll
    static void stop() {
        if (prebuilt != null) prebuilt.stop();
        if (built != null) built.stop();
    }

    private static DatasetGraph served(FusekiServer server) {
        return server.getDataAccessPointRegistry().get("/kg").getDataService().getDataset();
    }

    @Test
    void theServerReadsTheGenerationInsteadOfBuilding() {
        DatasetGraph dsg = served(prebuilt);
        var index = dsg.calculateRead(() -> SearchIndex.of(dsg).orElseThrow());
        assertTrue(index instanceof TextIndexLucene l && l.getDirectory() instanceof FSDirectory fs
                && fs.getDirectory().startsWith(generation), "the text index is the generation's: " + index);
        DatasetGraph other = served(built);
        var builtIndex = other.calculateRead(() -> SearchIndex.of(other).orElseThrow());
        assertFalse(builtIndex instanceof TextIndexLucene l && l.getDirectory() instanceof FSDirectory, "the other server built its own");
    }

    @Test
    void everyGraphHoldsExactlyTheTriplesBuilt() {
        DatasetGraph mem = kg.dataset();
        DatasetGraph read = served(prebuilt);
        mem.executeRead(() -> read.executeRead(() -> {
            List<Node> names = new ArrayList<>();
            mem.listGraphNodes().forEachRemaining(names::add);
            Set<Node> readNames = new HashSet<>();
            read.listGraphNodes().forEachRemaining(readNames::add);
            assertEquals(new HashSet<>(names), readNames, "named graphs");
            // Equal as sets of triples, blank nodes included: their labels are kept, since the derivations name them.
            assertEquals(Set.copyOf(mem.getDefaultGraph().find().toList()), Set.copyOf(read.getDefaultGraph().find().toList()), "default graph");
            for (Node g : names) {
                assertEquals(Set.copyOf(mem.getGraph(g).find().toList()), Set.copyOf(read.getGraph(g).find().toList()), "graph " + g);
            }
        }));
    }

    @Test
    void everySavedQueryAnswersAsTheBuiltGraph() throws Exception {
        StoreServesSameAnswersTest.assertEverySavedQueryAnswersAsInMemory(kg,
                "http://localhost:" + prebuilt.getHttpPort() + "/kg/sparql", "the prebuilt generation");
    }

    @Test
    void everyInferredTripleIsExplainedAsTheBuiltGraphExplainsIt() {
        DatasetGraph read = served(prebuilt);
        Explainer fromMemory = kg.explainer();
        List<Triple> inferred = kg.closure().inferred().find().toList();
        assertTrue(inferred.size() > 1000, "the report graph infers " + inferred.size() + " triples");
        read.executeRead(() -> {
            Explainer fromGeneration = prebuiltServer.graph().explainer().orElseThrow();
            for (Triple t : inferred) {
                Explanation mem = fromMemory.explain(t).orElseThrow();
                Explanation gen = fromGeneration.explain(t).orElseThrow(() -> new AssertionError("the generation does not explain " + t));
                assertEquals(StoreServesSameAnswersTest.shape(mem), StoreServesSameAnswersTest.shape(gen), t.toString());
            }
        });
    }

    @Test
    void explanationsAreServedFromTheGeneration() throws Exception {
        // 4-piperidone is a fentanyl precursor because precursorOf chains (here through 4-AP) to fentanyl.
        HttpResponse<String> r = get(prebuilt, "/api/explain?s=" + enc("https://w3id.org/fentanyl-kg/id/4-piperidone")
                + "&p=" + enc("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
                + "&o=" + enc("https://w3id.org/fentanyl-kg/ontology#FentanylPrecursor"));
        assertEquals(200, r.statusCode(), r.body());
        JsonObject why = JsonParser.parseString(r.body()).getAsJsonObject();
        assertEquals("inferred", why.get("status").getAsString(), r.body());
        assertEquals("cls-hv2", why.get("rule").getAsString(), r.body());
        assertTrue(r.body().contains("https://w3id.org/fentanyl-kg/fact/4-piperidone-precursor-of-npp-anpp-4-ap-norfentanyl"), "down to the fact: " + r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"pill presses", "CJNG", "cartel de sinaloa", "23056-29-3", "reportedly use pill presses", "tariff", "precursor table I"})
    void searchFindsWhatTheBuiltGraphFinds(String q) throws Exception {
        String path = "/api/search?limit=20&q=" + enc(q);
        List<String> read = hits(get(prebuilt, path));
        List<String> fromBuild = hits(get(built, path));
        assertFalse(fromBuild.isEmpty(), q);
        assertEquals(fromBuild, read, q);
    }

    /** Each hit's IRI, field, snippet and score: all but its page, which names the server. */
    private static List<String> hits(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        JsonArray hits = JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonArray("hits");
        List<String> out = new ArrayList<>();
        for (JsonElement e : hits) {
            JsonObject h = e.getAsJsonObject();
            out.add(h.get("iri").getAsString() + " " + h.get("field").getAsString() + " " + h.get("snippet").getAsString() + " " + h.get("score").getAsString());
        }
        return out;
    }

    @Test
    void changedSourcesAreBuiltNotReadFromTheGeneration() throws Exception {
        Path sources = SourceFixture.copyRepository(tmp.resolve("changed"));
        assertTrue(PrebuiltGeneration.read(generation, sources).isPresent(), "a copy of the same sources uses it");
        // A comment is enough: any byte of ontology/ or data/ changed.
        Path fact;
        try (Stream<Path> s = Files.list(sources.resolve("data/facts"))) {
            fact = s.filter(p -> p.toString().endsWith(".trig")).sorted().findFirst().orElseThrow();
        }
        Files.writeString(fact, "\n# edited\n", StandardOpenOption.APPEND);
        assertTrue(PrebuiltGeneration.read(generation, sources).isEmpty(), "edited sources are built");
    }

    /** A damage to the generation, and what it does to the copy. */
    private interface Damage { void apply(Path copy) throws IOException; }

    @ParameterizedTest
    @ValueSource(strings = {"dataset cut short", "dataset missing", "derivations missing", "text index missing",
            "manifest missing", "manifest of another format", "manifest with another quad count", "manifest with another default graph size",
            "manifest with a word for a count"})
    void aDamagedGenerationIsNotServed(String what) throws Exception {
        Path copy = tmp.resolve("damaged-" + what.replace(' ', '-'));
        copyTree(generation, copy);
        Damage damage = switch (what) {
            case "dataset cut short" -> c -> {
                byte[] b = Files.readAllBytes(c.resolve(PrebuiltGeneration.DATASET));
                Files.write(c.resolve(PrebuiltGeneration.DATASET), java.util.Arrays.copyOf(b, b.length / 2));
            };
            case "dataset missing" -> c -> Files.delete(c.resolve(PrebuiltGeneration.DATASET));
            case "derivations missing" -> c -> Files.delete(c.resolve(DerivationFile.INDEX));
            case "text index missing" -> c -> deleteTree(c.resolve(SearchIndex.FOLDER));
            case "manifest missing" -> c -> Files.delete(c.resolve(PrebuiltGeneration.MANIFEST));
            case "manifest of another format" -> c -> edit(c, "format=2", "format=0");
            case "manifest with another quad count" -> c -> edit(c, "quads=", "quads=1");
            case "manifest with another default graph size" -> c -> edit(c, "\ndefault=", "\ndefault=9");
            case "manifest with a word for a count" -> c -> edit(c, "derivations=", "derivations=many");
            default -> throw new IllegalArgumentException(what);
        };
        damage.apply(copy);
        Optional<BuiltGraph.Content> read = PrebuiltGeneration.read(copy, Path.of("."));
        assertTrue(read.isEmpty(), what + ": not served");
    }

    @Test
    void loadRefusesBrokenSourcesAndLeavesTheGenerationAsItWas() throws Exception {
        Path sources = SourceFixture.copyRepository(tmp.resolve("broken"));
        SourceFixture.addFactFile(sources, "zz-broken.trig", "fact:broken { fkr:x fkg:designee ");
        byte[] before = Files.readAllBytes(generation.resolve(PrebuiltGeneration.MANIFEST));
        StringWriter err = new StringWriter();
        int code = Main.commandLine().setErr(new PrintWriter(err))
                .execute("load", "--generation", generation.toString(), "--sources", sources.toString());
        assertEquals(1, code);
        assertTrue(err.toString().contains("zz-broken.trig:"), err.toString());
        assertTrue(err.toString().contains("the generation was not changed"), err.toString());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(generation.resolve(PrebuiltGeneration.MANIFEST))));
    }

    @Test
    void loadWritesAGenerationServeReads() throws Exception {
        Path written = tmp.resolve("by-load");
        StringWriter out = new StringWriter();
        int code = Main.commandLine().setOut(new PrintWriter(out)).execute("load", "--sources", ".", "--generation", written.toString());
        assertEquals(0, code, out.toString());
        assertTrue(out.toString().startsWith("Wrote " + written), out.toString());
        Optional<BuiltGraph.Content> read = PrebuiltGeneration.read(written, Path.of("."));
        assertTrue(read.isPresent(), "written for these sources");
        read.get().resources().close();
        assertFalse(Files.exists(tmp.resolve("by-load.partial")), "nothing left beside it");
    }

    @Test
    void loadTakesOneTarget() {
        StringWriter err = new StringWriter();
        int code = Main.commandLine().setErr(new PrintWriter(err))
                .execute("load", "--generation", tmp.resolve("a").toString(), "--tdb2", tmp.resolve("b").toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("mutually exclusive"), err.toString());
        assertFalse(Files.exists(tmp.resolve("a")) || Files.exists(tmp.resolve("b")), "nothing written");
    }

    private static void edit(Path copy, String find, String replace) throws IOException {
        Path m = copy.resolve(PrebuiltGeneration.MANIFEST);
        String text = Files.readString(m);
        assertTrue(text.contains(find), text);
        Files.writeString(m, text.replaceFirst(java.util.regex.Pattern.quote(find), replace));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) Files.copy(p, to.resolve(from.relativize(p).toString()));
        }
    }

    private static void deleteTree(Path dir) throws IOException { KnowledgeGraphStore.deleteTree(dir); }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    private static HttpResponse<String> get(FusekiServer server, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.getHttpPort() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
