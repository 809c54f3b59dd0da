package org.fentanylkg.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.fentanylkg.explain.Labels;
import org.fentanylkg.inference.Derivations;
import org.fentanylkg.queries.SavedQueryCatalog;
import org.fentanylkg.rdf.LoadException;
import org.slf4j.LoggerFactory;

/**
 * The knowledge graph built in memory from a sources folder, served through a {@link SwappableDataset} so that a
 * reload can replace it in one step. The first content is made on a thread of its own from construction on, so
 * that it overlaps the rest of the server's start; {@link #dataset()} waits for it. A reload always builds from
 * the sources.
 */
public final class BuiltGraph implements ServedGraph {
    private final String name;
    private final Path sources;
    private final CompletableFuture<Content> first;
    private final CompletableFuture<SavedQueryCatalog> queries;
    private volatile SwappableDataset served;
    /** The graphs a reader may still be on: the current one and, after a reload, the one it replaced. */
    private volatile Built current;
    private volatile Built previous;
    private volatile Labels labels;

    /**
     * What is served: the dataset, how its inferred triples were derived, and what to close when it is no longer
     * read (files a prebuilt generation maps; nothing for a graph built here).
     */
    public record Content(DatasetGraph dataset, Derivations derivations, AutoCloseable resources) {
        /** The content of a graph just built. */
        public static Content of(KnowledgeGraph kg) { return new Content(kg.dataset(), kg.closure(), () -> {}); }
    }

    private record Built(Content content, Generation generation) {}

    /** Starts building the graph of {@code sources}, to be served as {@code name}. */
    public BuiltGraph(String name, Path sources) {
        this(name, sources, () -> Content.of(KnowledgeGraphBuilder.build(sources)));
    }

    /** Serves a graph already built (tests, tools). */
    public BuiltGraph(String name, Path sources, KnowledgeGraph kg) {
        this.name = name;
        this.sources = sources;
        this.first = CompletableFuture.completedFuture(Content.of(kg));
        this.queries = onThread("saved-queries", () -> SavedQueryCatalog.load(sources.resolve(SavedQueryCatalog.DIRECTORY)));
    }

    /**
     * Starts making the first content with {@code first} (say, reading a generation built beforehand from the same
     * sources), to be served as {@code name}; reloads build from {@code sources}.
     */
    public BuiltGraph(String name, Path sources, Work<Content> first) {
        this.name = name;
        this.sources = sources;
        this.first = onThread("knowledge-graph-build", first);
        this.queries = onThread("saved-queries", () -> SavedQueryCatalog.load(sources.resolve(SavedQueryCatalog.DIRECTORY)));
    }

    @Override public String name() { return name; }

    @Override
    public DatasetGraph dataset() {
        SwappableDataset s = served;
        if (s != null) return s;
        synchronized (this) {
            if (served == null) {
                Content c = join(first);
                current = new Built(c, new Generation(0, Instant.now()));
                served = new SwappableDataset(c.dataset());
            }
            return served;
        }
    }

    @Override
    public Generation generation() {
        dataset();
        return current.generation();
    }

    @Override public String version() { return "reload " + generation().number(); }

    @Override
    public Optional<Derivations> derivations() {
        dataset();
        return Optional.of(t -> reading().content().derivations().derivation(t));
    }

    /** The build this thread reads: the one its read transaction began on. */
    private Built reading() {
        DatasetGraph d = served.reading();
        Built c = current;
        if (c.content().dataset() == d) return c;
        Built p = previous;
        return p != null && p.content().dataset() == d ? p : c;
    }

    @Override
    public Labels labels() {
        Labels l = labels;
        if (l == null) labels = l = new Labels(dataset(), this::version); // a race makes two, equal
        return l;
    }

    @Override public SavedQueryCatalog savedQueries() { return join(queries); }

    @Override
    public synchronized String reload() throws IOException, LoadException {
        dataset();
        KnowledgeGraph kg = KnowledgeGraphBuilder.build(sources);
        Built next = new Built(Content.of(kg), new Generation(current.generation().number() + 1, Instant.now()));
        previous = current;
        current = next;
        served.swap(kg.dataset());
        return "Reloaded from " + sources + ": " + kg.figures();
    }

    /**
     * Closes what the first content holds open, when the server stops (a reload does not: a query that began
     * before it may still read the first content; only a build read from files has anything to close).
     */
    @Override
    public void close() {
        if (!first.isDone() || first.isCompletedExceptionally()) return;
        try {
            first.join().resources().close();
        } catch (Exception e) {
            LoggerFactory.getLogger(BuiltGraph.class).warn("Closing {}: {}", this, e.toString());
        }
    }

    @Override public String toString() { return "BuiltGraph[" + name + " from " + sources + "]"; }

    /** Work that may fail on the sources. */
    @FunctionalInterface
    public interface Work<T> { T run() throws IOException, LoadException; }

    static <T> CompletableFuture<T> onThread(String threadName, Work<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        // A thread of its own: on two cores the common pool has one worker, which other work may hold.
        Thread t = new Thread(() -> {
            try {
                result.complete(work.run());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, threadName);
        t.setDaemon(true);
        t.start();
        return result;
    }

    /** The result, with a failure rethrown as it was thrown (load problems reach the command line unwrapped). */
    static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            Throwable c = e.getCause();
            if (c instanceof LoadException l) throw new KnowledgeGraphAssembler.SourcesRejected(l);
            if (c instanceof IOException io) throw new KnowledgeGraphAssembler.SourcesRejected(
                    new LoadException(java.util.List.of(new org.fentanylkg.rdf.Problem(null, 0, null, io.getMessage()))));
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error err) throw err;
            throw e;
        }
    }
}
