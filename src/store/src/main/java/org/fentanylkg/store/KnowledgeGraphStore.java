package org.fentanylkg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.process.normalize.CanonicalizeLiteral;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.fentanylkg.dataset.KnowledgeGraph;
import org.fentanylkg.search.SearchIndex;
import org.fentanylkg.vocab.Graphs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A persistent store of the knowledge graph: a folder of TDB2 databases ("generations") and a {@code CURRENT}
 * file naming the one being served.
 * <pre>
 *   KnowledgeGraphStore store = KnowledgeGraphStore.at(dir);
 *   store.load(knowledgeGraph);            // builds a new generation, then publishes it
 *   DatasetGraph served = store.serve();   // read-only, follows CURRENT
 * </pre>
 *
 * <p>A load never touches a generation that may be served: it writes a new TDB2 database (the asserted quads
 * through TDB2's bulk loader, one transaction; then the closure, a second transaction) and only then replaces
 * {@code CURRENT} with an atomic rename. A server follows {@code CURRENT} ({@link ServingDataset}): each read
 * transaction stays on the generation it began on, so a query in flight sees the old graph or the new one,
 * never a mix, and a failed load leaves the served state as it was.
 *
 * <p>The named-graph layout is that of the in-memory dataset (docs/architecture.md): the default graph holds
 * asserted ∪ inferred; {@code graph/asserted}, {@code graph/inferred}, {@code graph/ontology}, {@code graph/report},
 * {@code graph/provenance} and one graph per fact. Beside the database, each generation keeps the closure's
 * derivations ({@link DerivationFile}), so that a store explains inferred triples without computing the closure.
 */
public final class KnowledgeGraphStore {
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeGraphStore.class);
    static final String CURRENT = "CURRENT";
    private static final String PREFIX = "gen-";
    private static final Pattern GENERATION = Pattern.compile("gen-\\d{6}");

    private final Path root;

    private KnowledgeGraphStore(Path root) { this.root = root.toAbsolutePath().normalize(); }

    /** The store in {@code root} (created by the first load). */
    public static KnowledgeGraphStore at(Path root) { return new KnowledgeGraphStore(root); }

    public Path root() { return root; }

    /** What one load did. */
    public record LoadReport(String generation, long assertedQuads, long inferredQuads, long derivations,
                             Duration assertedStage, Duration closureStage, Duration derivationsStage) {
        @Override
        public String toString() {
            return String.format("%s: %d asserted quads (bulk load %d ms), %d inferred quads (%d ms), %d derivations for explanations (%d ms)",
                    generation, assertedQuads, assertedStage.toMillis(), inferredQuads, closureStage.toMillis(), derivations, derivationsStage.toMillis());
        }
    }

    /**
     * Writes {@code kg} as a new generation and publishes it. Only one load runs on a store at a time.
     * Keeps the generation it replaces (a server may still be finishing queries on it) and deletes older ones.
     */
    public LoadReport load(KnowledgeGraph kg) throws IOException {
        Files.createDirectories(root);
        try (FileChannel lockFile = FileChannel.open(root.resolve("load.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lockFile.tryLock()) {
            if (lock == null) throw new IOException(root + ": another load is running on this store");
            String name = nextGeneration();
            Path dir = root.resolve(name);
            LoadReport report;
            try {
                report = write(dir, name, kg);
            } catch (RuntimeException | IOException e) {
                deleteTree(dir);
                throw e;
            }
            Optional<String> replaced = current();
            publish(name);
            LOG.info("Published {}", report);
            cleanUp(name, replaced.orElse(null));
            return report;
        }
    }

    private LoadReport write(Path dir, String name, KnowledgeGraph kg) throws IOException {
        Files.createDirectories(dir);
        DatasetGraph tdb = DatabaseMgr.connectDatasetGraph(Location.create(dir));
        try {
            DatasetGraph mem = kg.dataset();
            Graph inferred = kg.closure().inferred();
            long t0 = System.nanoTime();
            // Stage 1: everything asserted, through the bulk loader (its own single transaction).
            long asserted = bulk(tdb, out -> mem.executeRead(() -> {
                mem.find().forEachRemaining(q -> {
                    boolean inferredOnly = q.isDefaultGraph() ? inferred.contains(q.asTriple()) : q.getGraph().equals(Graphs.INFERRED);
                    if (!inferredOnly) out.quad(canonical(q.isDefaultGraph() ? Quad.defaultGraphIRI : q.getGraph(), q.asTriple()));
                });
            }));
            long t1 = System.nanoTime();
            // Stage 2: the closure, into graph/inferred and the default graph (a second single transaction).
            long closure = bulk(tdb, out -> inferred.find().forEachRemaining(t -> {
                out.quad(canonical(Graphs.INFERRED, t));
                out.quad(canonical(Quad.defaultGraphIRI, t));
            }));
            long t2 = System.nanoTime();
            // Stage 3: how each inferred triple was derived, beside the database, for explanations.
            long derived = DerivationFile.write(dir, DerivationFile.of(kg), KnowledgeGraphStore::canonical);
            long t3 = System.nanoTime();
            // Stage 4: the full-text index of this generation, beside its database (text:query, /api/search).
            long docs = SearchIndex.write(mem, dir.resolve(SearchIndex.FOLDER));
            LOG.info("{}: text index of {} documents written in {} ms", name, docs, (System.nanoTime() - t3) / 1_000_000);
            return new LoadReport(name, asserted, closure, derived, Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t1), Duration.ofNanos(t3 - t2));
        } finally {
            // Release the files so that a server (this process or another) can open the generation.
            TDBInternal.expel(tdb);
        }
    }

    /**
     * TDB2 stores numbers and dates by value and gives them back in canonical form ("48000000"^^xsd:decimal as
     * "48000000.0"); stored as given, such a value read back and matched again (an OPTIONAL on the same value in
     * another graph) would not find its own triple. Stored in canonical form, it does.
     */
    private static Quad canonical(Node graph, Triple t) { return Quad.create(graph, canonical(t)); }

    /** A triple as the store holds it. */
    static Triple canonical(Triple t) {
        Node o = t.getObject();
        return o.isLiteral() ? Triple.create(t.getSubject(), t.getPredicate(), CanonicalizeLiteral.get().apply(o)) : t;
    }

    private interface QuadSource { void sendTo(StreamRDF out); }

    private static long bulk(DatasetGraph tdb, QuadSource source) {
        DataLoader loader = LoaderFactory.createLoader(tdb, (fmt, args) -> LOG.debug(String.format(fmt, args)));
        loader.startBulk();
        try {
            StreamRDF out = loader.stream();
            out.start();
            source.sendTo(out);
            out.finish();
            loader.finishBulk();
        } catch (RuntimeException e) {
            loader.finishException(e);
            throw e;
        }
        return loader.countQuads() + loader.countTriples();
    }

    /** The generation being served, if any has been published. */
    public Optional<String> current() throws IOException {
        Path file = root.resolve(CURRENT);
        if (!Files.isRegularFile(file)) return Optional.empty();
        String name = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (!GENERATION.matcher(name).matches() || !Files.isDirectory(root.resolve(name))) {
            throw new IOException(file + ": names no generation of this store: '" + name + "'");
        }
        return Optional.of(name);
    }

    /** The folder of a generation. */
    Path generation(String name) { return root.resolve(name); }

    /**
     * A read-only dataset over the current generation that switches to a newly published one within
     * {@code poll} (and on {@link ServingDataset#refresh()}).
     */
    public ServingDataset serve(Duration poll) throws IOException {
        if (current().isEmpty()) {
            throw new IOException(root + ": not a fentanyl-kg store (no " + CURRENT + " file); build one with `fentanyl-kg load --tdb2 " + root + "`");
        }
        return new ServingDataset(this, poll);
    }

    /** {@link #serve(Duration)} polling every second. */
    public ServingDataset serve() throws IOException { return serve(Duration.ofSeconds(1)); }

    static DatasetGraph open(Path dir) { return DatabaseMgr.connectDatasetGraph(Location.create(dir)); }

    private String nextGeneration() throws IOException {
        int max = 0;
        for (Path p : generations()) max = Math.max(max, Integer.parseInt(p.getFileName().toString().substring(PREFIX.length())));
        return String.format("%s%06d", PREFIX, max + 1);
    }

    private List<Path> generations() throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> GENERATION.matcher(p.getFileName().toString()).matches() && Files.isDirectory(p))
                    .sorted().toList();
        }
    }

    /** Replaces CURRENT in one rename: a reader sees the old name or the new, never a partial file. */
    private void publish(String name) throws IOException {
        Path tmp = root.resolve(CURRENT + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(StandardCharsets.UTF_8.encode(name + "\n"));
            ch.force(true);
        }
        try {
            Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException(root + ": the file system cannot rename atomically; a store needs one that can", e);
        }
    }

    /** Deletes generations older than the one just replaced, unless a process still has one open. */
    private void cleanUp(String keep, String replaced) throws IOException {
        for (Path p : generations()) {
            String n = p.getFileName().toString();
            if (n.equals(keep) || n.equals(replaced)) continue;
            if (inUse(p)) {
                LOG.info("Keeping {}: a process still has it open", p);
                continue;
            }
            deleteTree(p);
        }
    }

    /** TDB2 holds an OS file lock on tdb.lock while a process has the database open. */
    private static boolean inUse(Path generation) {
        try (Stream<Path> s = Files.walk(generation, 2)) {
            return s.filter(p -> p.getFileName().toString().equals("tdb.lock")).anyMatch(KnowledgeGraphStore::locked);
        } catch (IOException e) {
            return true;
        }
    }

    private static boolean locked(Path lockFile) {
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            if (lock == null) return true;
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held by this process
        } catch (IOException e) {
            return true;
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
