package org.fentanylkg.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.fentanylkg.dataset.BuiltGraph;
import org.fentanylkg.dataset.FrozenDataset;
import org.fentanylkg.dataset.KnowledgeGraph;
import org.fentanylkg.search.SearchIndex;
import org.fentanylkg.vocab.Graphs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A knowledge graph built beforehand, kept as files, so that a server on the same sources serves it without
 * building it again: parsing, inference and SHACL validation are done once, by whoever wrote it (the build writes
 * the packaged sources' generation next to the jar), the way a store loaded by {@code load} is served.
 *
 * <p>A folder of four parts:
 * <ul>
 *   <li>{@value #DATASET}: the dataset in RDF Thrift, Jena's binary RDF, blank node labels as built (the derivations
 *       name them): every named graph but graph/asserted, and of the default graph only what no named graph holds
 *       (the external terms' labels). The rest is rebuilt as {@code KnowledgeGraphBuilder} composes it:
 *       graph/asserted is the ontology, report, provenance and fact graphs; the default graph is graph/asserted,
 *       graph/inferred and its own triples. The manifest's sizes of both are checked after reading;</li>
 *   <li>the derivations of the inferred triples, for explanations ({@link DerivationFile}, as a store keeps them);</li>
 *   <li>{@value SearchIndex#FOLDER}/: the text index, a copy of the one built with the graph;</li>
 *   <li>{@value #MANIFEST}, written last: the format, the SHA-256 of the sources it was built from, and counts to
 *       check the rest against.</li>
 * </ul>
 * It is used only for sources byte for byte the same as those it was built from (every file under
 * {@code ontology/} and {@code data/}); otherwise, or when a part is missing or damaged, the server builds from the
 * sources as it would without it, and the log says why. A reload always builds from the sources.
 */
public final class PrebuiltGeneration {
    private static final Logger LOG = LoggerFactory.getLogger(PrebuiltGeneration.class);
    static final String DATASET = "dataset.trdf";
    static final String MANIFEST = "generation.properties";
    /** Raised when a part's format changes, so that a folder written by an older build is not read. */
    private static final String FORMAT = "2";
    /** The folders whose files a graph is built from (see {@link org.fentanylkg.source.Sources}). */
    private static final List<String> SOURCE_FOLDERS = List.of("ontology", "data");

    private PrebuiltGeneration() {}

    // ---- Writing

    /**
     * Writes {@code kg}, built from sources whose {@link #digest} is {@code sourcesDigest} (taken before the build,
     * so that an edit made during it is not credited to it), into {@code folder} (replaced if it exists): first
     * beside it, then moved into place, so that a reader never sees half a generation.
     */
    public static void write(KnowledgeGraph kg, String sourcesDigest, Path folder) throws IOException {
        Path dir = folder.toAbsolutePath().normalize();
        Path partial = dir.resolveSibling(dir.getFileName() + ".partial");
        KnowledgeGraphStore.deleteTree(partial);
        Files.createDirectories(partial);
        DatasetGraph dsg = kg.dataset();
        long[] quads = {0};
        long[] written = {0};
        TreeSet<String> graphs = new TreeSet<>();
        long[] derivedSizes = new long[2];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial.resolve(DATASET)), 1 << 16)) {
            dsg.executeRead(() -> {
                Graph asserted = dsg.getGraph(Graphs.ASSERTED);
                Graph inferred = dsg.getGraph(Graphs.INFERRED);
                StreamRDF thrift = StreamRDFWriter.getWriterStream(out, RDFFormat.RDF_THRIFT);
                thrift.start();
                // The default graph's own triples only (the external terms' labels); the rest of it is rebuilt.
                dsg.getDefaultGraph().find().forEachRemaining(t -> {
                    if (!asserted.contains(t) && !inferred.contains(t)) {
                        thrift.triple(t);
                        written[0]++;
                    }
                });
                dsg.find().forEachRemaining(q -> {
                    quads[0]++;
                    if (q.isDefaultGraph() || q.getGraph().equals(Graphs.ASSERTED)) return;
                    thrift.quad(q);
                    written[0]++;
                });
                thrift.finish();
                dsg.listGraphNodes().forEachRemaining(g -> graphs.add(g.getURI()));
                derivedSizes[0] = dsg.getDefaultGraph().size();
                derivedSizes[1] = asserted.size();
            });
        }
        long derivations = DerivationFile.write(partial, DerivationFile.of(kg), UnaryOperator.identity());
        long documents = -1;
        if (SearchIndex.of(dsg).orElse(null) instanceof TextIndexLucene index) {
            documents = SearchIndex.copy(index, partial.resolve(SearchIndex.FOLDER));
        }
        Properties manifest = new Properties();
        manifest.setProperty("format", FORMAT);
        manifest.setProperty("sources", sourcesDigest);
        manifest.setProperty("quads", Long.toString(quads[0]));
        manifest.setProperty("quads.written", Long.toString(written[0]));
        manifest.setProperty("default", Long.toString(derivedSizes[0]));
        manifest.setProperty("asserted", Long.toString(derivedSizes[1]));
        manifest.setProperty("graphs", String.join(" ", graphs));
        manifest.setProperty("derivations", Long.toString(derivations));
        manifest.setProperty("documents", Long.toString(documents));
        manifest.setProperty("built", Instant.now().toString());
        manifest.setProperty("figures", kg.figures().toString());
        try (OutputStream out = Files.newOutputStream(partial.resolve(MANIFEST))) {
            manifest.store(out, "fentanyl-kg prebuilt generation: see PrebuiltGeneration");
        }
        KnowledgeGraphStore.deleteTree(dir);
        Files.move(partial, dir);
        LOG.info("Prebuilt generation written to {}: {} quads, {} derivations, {} text documents", dir, quads[0], derivations, documents);
    }

    // ---- Reading

    /**
     * The generation in {@code folder} when it was built from sources identical to those under
     * {@code sourcesRoot}; empty (and a log line saying why) when there is none, the sources differ, or a part is
     * missing or damaged. Never a half-read graph: the files are checked against the manifest's counts.
     */
    public static Optional<BuiltGraph.Content> read(Path folder, Path sourcesRoot) {
        long t0 = System.nanoTime();
        Path manifestFile = folder.resolve(MANIFEST);
        Properties manifest = new Properties();
        try (InputStream in = Files.newInputStream(manifestFile)) {
            manifest.load(in);
        } catch (NoSuchFileException e) {
            LOG.info("No prebuilt generation at {}: building from the sources", folder);
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("{}: unreadable ({}): building from the sources", manifestFile, e.getMessage());
            return Optional.empty();
        }
        if (!FORMAT.equals(manifest.getProperty("format"))) {
            LOG.info("{}: written by another version (format {}): building from the sources", manifestFile, manifest.getProperty("format"));
            return Optional.empty();
        }
        String built;
        try {
            built = digest(sourcesRoot);
        } catch (IOException e) {
            LOG.info("Sources under {} unreadable for the prebuilt generation's check ({}): building from them", sourcesRoot, e.getMessage());
            return Optional.empty();
        }
        if (!built.equals(manifest.getProperty("sources"))) {
            LOG.info("Sources under {} differ from those {} was built from: building from the sources", sourcesRoot, folder);
            return Optional.empty();
        }
        long t1 = System.nanoTime();
        DerivationFile derivations = null;
        TextIndexLucene index = null;
        try {
            FrozenDataset dataset = dataset(folder, manifest);
            long t2 = System.nanoTime();
            derivations = DerivationFile.open(folder);
            if (derivations.size() != number(manifest, "derivations")) {
                throw new IOException(folder.resolve(DerivationFile.INDEX) + ": " + derivations.size() + " derivations, the manifest says " + manifest.getProperty("derivations"));
            }
            if (!SearchIndex.off() && number(manifest, "documents") >= 0) {
                index = SearchIndex.open(folder.resolve(SearchIndex.FOLDER));
                long docs = index.getIndexWriter().getDocStats().numDocs;
                if (docs != number(manifest, "documents")) {
                    throw new IOException(folder.resolve(SearchIndex.FOLDER) + ": " + docs + " documents, the manifest says " + manifest.getProperty("documents"));
                }
                SearchIndex.attach(dataset, index);
            }
            long t3 = System.nanoTime();
            LOG.info("Knowledge graph read from the prebuilt generation {} in {} ms (sources checked {} ms, quads {} ms, derivations and text index {} ms;"
                            + " sources unchanged since it was built, {}): {}",
                    folder, (t3 - t0) / 1_000_000, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
                    manifest.getProperty("built"), manifest.getProperty("figures"));
            DerivationFile d = derivations;
            TextIndexLucene i = index;
            return Optional.of(new BuiltGraph.Content(dataset, derivations, () -> {
                try (d) {
                    if (i != null) i.close();
                }
            }));
        } catch (IOException | RuntimeException e) { // a damaged part: Jena's, Lucene's or our own exception
            closeQuietly(derivations);
            if (index != null) index.close();
            LOG.warn("Prebuilt generation {} not used: {}: building from the sources", folder, e.getMessage());
            return Optional.empty();
        }
    }

    private static FrozenDataset dataset(Path folder, Properties manifest) throws IOException {
        Path file = folder.resolve(DATASET);
        FrozenDataset.Builder builder = FrozenDataset.builder();
        String graphList = manifest.getProperty("graphs", "");
        List<String> graphs = graphList.isEmpty() ? List.of() : List.of(graphList.split(" "));
        // Named graphs first, so that an empty one exists as it did when written.
        for (String g : graphs) builder.add(NodeFactory.createURI(g), Collections.emptyIterator());
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            RDFParser.source(in).lang(RDFLanguages.RDFTHRIFT)
                    .labelToNode(LabelToNode.createUseLabelAsGiven()) // the derivations name blank nodes by these labels
                    .parse(new StreamRDFBase() {
                        @Override public void triple(Triple t) { quad(Quad.create(Quad.defaultGraphNodeGenerated, t)); }

                        @Override public void quad(Quad q) {
                            builder.add(q.getGraph(), q.asTriple());
                            // What the builder puts in graph/asserted and in the default graph besides (see write).
                            if (q.isDefaultGraph()) return;
                            Node g = q.getGraph();
                            if (!g.equals(Graphs.INFERRED) && !g.equals(Graphs.VOCABULARIES)) builder.add(Graphs.ASSERTED, q.asTriple());
                            if (!g.equals(Graphs.VOCABULARIES)) builder.add(Quad.defaultGraphIRI, q.asTriple());
                        }
                    });
        }
        FrozenDataset dsg = builder.freeze();
        long total = dsg.getDefaultGraph().size();
        for (var it = dsg.listGraphNodes(); it.hasNext(); ) total += dsg.getGraph(it.next()).size();
        for (String[] check : new String[][] {{"quads", Long.toString(total)},
                {"default", Long.toString(dsg.getDefaultGraph().size())},
                {"asserted", Long.toString(dsg.getGraph(Graphs.ASSERTED).size())}}) {
            if (Long.parseLong(check[1]) != number(manifest, check[0])) {
                throw new IOException(file + ": " + check[1] + " " + check[0] + " read, the manifest says " + manifest.getProperty(check[0]));
            }
        }
        List<String> read = new ArrayList<>();
        dsg.listGraphNodes().forEachRemaining(n -> read.add(n.getURI()));
        if (read.size() != graphs.size()) {
            throw new IOException(file + ": " + read.size() + " named graphs, the manifest says " + graphs.size());
        }
        return dsg;
    }

    private static long number(Properties manifest, String key) throws IOException {
        try {
            return Long.parseLong(manifest.getProperty(key, ""));
        } catch (NumberFormatException e) {
            throw new IOException(MANIFEST + ": " + key + " is not a number: '" + manifest.getProperty(key) + "'");
        }
    }

    private static void closeQuietly(DerivationFile d) {
        if (d == null) return;
        try {
            d.close();
        } catch (IOException e) {
            LOG.debug("closing the derivations", e);
        }
    }

    /**
     * SHA-256 over every file under the source folders of {@code root}, in path order: each file's path from the
     * root, its length and its bytes. Any change to what a graph is built from changes it.
     */
    public static String digest(Path root) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        List<Path> files = new ArrayList<>();
        for (String folder : SOURCE_FOLDERS) {
            Path dir = root.resolve(folder);
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(Files::isRegularFile).forEach(files::add);
            } catch (UncheckedIOException e) { // a folder below that cannot be read
                throw e.getCause();
            }
        }
        List<String> names = files.stream().map(f -> root.relativize(f).toString().replace('\\', '/')).toList();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) order.add(i);
        order.sort((a, b) -> names.get(a).compareTo(names.get(b)));
        for (int i : order) {
            byte[] content = Files.readAllBytes(files.get(i));
            sha.update(names.get(i).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(Long.toString(content.length).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(content);
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
