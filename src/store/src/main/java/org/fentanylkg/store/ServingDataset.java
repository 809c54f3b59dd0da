package org.fentanylkg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.fentanylkg.dataset.SwitchingDataset;
import org.fentanylkg.inference.Derivation;
import org.fentanylkg.inference.Derivations;
import org.fentanylkg.search.DelegatingTextIndex;
import org.fentanylkg.search.SearchIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-only dataset a server queries: the store's current generation, switched to a newly published one
 * atomically. Each read transaction is pinned to the generation current when it began ({@link SwitchingDataset});
 * a replaced generation is closed when its last reader ends.
 */
public final class ServingDataset extends SwitchingDataset<ServingDataset.Generation> implements Derivations {
    private static final Logger LOG = LoggerFactory.getLogger(ServingDataset.class);

    static final class Generation {
        final String name;
        final Path dir;
        final DatasetGraph dsg;
        final AtomicInteger readers = new AtomicInteger();
        final AtomicBoolean closed = new AtomicBoolean();
        /** When {@code load} wrote it: the generation folder's modification time. */
        final Instant published;
        volatile boolean retired;
        private DerivationFile derivations;
        private TextIndex text;

        Generation(String name, Path dir, DatasetGraph dsg) {
            this.name = name;
            this.dir = dir;
            this.dsg = dsg;
            Instant t;
            try {
                t = Files.getLastModifiedTime(dir).toInstant();
            } catch (IOException e) {
                t = Instant.now();
            }
            this.published = t.truncatedTo(ChronoUnit.SECONDS);
        }

        /** Opened on first use: only explanations need them. */
        synchronized Derivations derivations() {
            if (closed.get()) throw new IllegalStateException(name + " is closed");
            if (derivations == null) {
                try {
                    derivations = DerivationFile.open(dir);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return derivations;
        }

        /**
         * The generation's text index, opened on first use; a generation written before the index existed gets
         * one built in memory from its data.
         */
        synchronized TextIndex text() {
            if (closed.get()) throw new IllegalStateException(name + " is closed");
            if (text == null) {
                Path folder = dir.resolve(SearchIndex.FOLDER);
                try {
                    text = Files.isDirectory(folder) ? SearchIndex.open(folder) : SearchIndex.inMemory(dsg);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return text;
        }

        synchronized void closeText() {
            if (text == null) return;
            text.close();
            text = null;
        }

        synchronized void closeDerivations() {
            if (derivations == null) return;
            try {
                derivations.close();
            } catch (IOException e) {
                LOG.warn("Could not close the derivations of {}: {}", name, e.getMessage());
            }
            derivations = null;
        }
    }

    private final KnowledgeGraphStore store;
    private final ScheduledExecutorService watcher;
    private volatile Generation current;

    ServingDataset(KnowledgeGraphStore store, Duration poll) throws IOException {
        this(store, open(store, store.current().orElseThrow()), poll);
    }

    private ServingDataset(KnowledgeGraphStore store, Generation first, Duration poll) {
        super(first.dsg, Context.create());
        this.store = store;
        this.current = first;
        // text:query finds the index here; it answers from the generation this thread reads, as derivation() does
        SearchIndex.attach(this, new DelegatingTextIndex(() -> {
            Generation g = pinned();
            return (g != null ? g : current).text();
        }));
        LOG.info("Serving {} from {}", first.name, store.root());
        this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fkg-store-watcher");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(1, poll.toMillis());
        watcher.scheduleWithFixedDelay(this::refreshQuietly, ms, ms, TimeUnit.MILLISECONDS);
    }

    private static Generation open(KnowledgeGraphStore store, String name) {
        Path dir = store.generation(name);
        return new Generation(name, dir, KnowledgeGraphStore.open(dir));
    }

    /** The generation now served (new transactions begin on it). */
    public String generation() { return current.name; }

    @Override
    public String version() { return generation(); }

    /** When the generation now served was published. */
    public Instant published() { return current.published; }

    /** Whether the generation now served kept its derivations (every {@code load} writes them). */
    public boolean explains() { return DerivationFile.present(current.dir); }

    /**
     * How an inferred triple was derived, from the derivations of the generation this thread reads: inside a read
     * transaction, the one it began on, so that an explanation and the data it explains are of one generation.
     */
    @Override
    public Optional<Derivation> derivation(Triple t) {
        Generation g = pinned();
        return (g != null ? g : current).derivations().derivation(KnowledgeGraphStore.canonical(t));
    }

    /** Switches to the published generation if it changed; returns whether it did. */
    public synchronized boolean refresh() throws IOException {
        String name = store.current().orElseThrow(() -> new IOException(store.root() + ": CURRENT has gone"));
        Generation old = current;
        if (name.equals(old.name)) return false;
        current = open(store, name);
        switched(); // after the switch, never before
        old.retired = true;
        LOG.info("Switched from {} to {}", old.name, name);
        if (old.readers.get() == 0) close(old);
        return true;
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Still serving {}: could not switch to the published generation: {}", current.name, e.getMessage());
        }
    }

    private static void close(Generation g) {
        if (g.closed.compareAndSet(false, true)) {
            TDBInternal.expel(g.dsg);
            g.closeDerivations();
            g.closeText();
            LOG.info("Closed {}", g.name);
        }
    }

    // ---- What a transaction holds: the current generation, counted so that a retired one closes after its last reader.

    @Override
    protected Generation acquire() {
        while (true) {
            Generation g = current;
            g.readers.incrementAndGet();
            if (g == current && !g.closed.get()) return g;
            release(g);
        }
    }

    @Override
    protected void release(Generation g) {
        if (g.readers.decrementAndGet() == 0 && g.retired) close(g);
    }

    @Override
    protected DatasetGraph datasetOf(Generation g) { return g.dsg; }

    @Override
    protected DatasetGraph current() { return current.dsg; }

    /** Stops following the store and closes the served generation. */
    @Override
    public synchronized void close() {
        watcher.shutdownNow();
        current.retired = true;
        if (current.readers.get() == 0) close(current);
    }

    @Override
    public String toString() { return "ServingDataset[" + store.root() + " @ " + current.name + "]"; }
}
