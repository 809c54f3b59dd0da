package org.fentanylkg.store;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.JenaTransactionException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Transactional;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-only dataset a server queries: the store's current generation, switched to a newly published one
 * atomically.
 *
 * <p>Each read transaction is pinned to the generation current when it began, and every call inside it (the
 * query engine unwraps this dataset through {@link #get()}) goes to that generation: a query in flight sees the
 * old state or the new, never a mix. A replaced generation is closed when its last reader ends. Writes, and
 * write transactions, are refused.
 */
public final class ServingDataset extends DatasetGraphWrapper {
    private static final Logger LOG = LoggerFactory.getLogger(ServingDataset.class);

    private static final class Generation {
        final String name;
        final DatasetGraph dsg;
        final AtomicInteger readers = new AtomicInteger();
        final AtomicBoolean closed = new AtomicBoolean();
        volatile boolean retired;

        Generation(String name, DatasetGraph dsg) {
            this.name = name;
            this.dsg = dsg;
        }
    }

    private final KnowledgeGraphStore store;
    private final ThreadLocal<Generation> pinned = new ThreadLocal<>();
    private final ScheduledExecutorService watcher;
    private final AtomicLong switches = new AtomicLong();
    private volatile Generation current;

    ServingDataset(KnowledgeGraphStore store, Duration poll) throws IOException {
        this(store, open(store, store.current().orElseThrow()), poll);
    }

    private ServingDataset(KnowledgeGraphStore store, Generation first, Duration poll) {
        super(first.dsg, Context.create());
        this.store = store;
        this.current = first;
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
        return new Generation(name, KnowledgeGraphStore.open(store.generation(name)));
    }

    /** The generation now served (new transactions begin on it). */
    public String generation() { return current.name; }

    /**
     * How many switches so far: a number that changes whenever the content served does, even if a generation's
     * name came back (response cache keys).
     */
    public long switches() { return switches.get(); }

    /** Switches to the published generation if it changed; returns whether it did. */
    public synchronized boolean refresh() throws IOException {
        String name = store.current().orElseThrow(() -> new IOException(store.root() + ": CURRENT has gone"));
        Generation old = current;
        if (name.equals(old.name)) return false;
        current = open(store, name);
        switches.incrementAndGet(); // after the switch: whoever reads the new number then begins on the new generation
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
            LOG.info("Closed {}", g.name);
        }
    }

    // ---- Which generation a call goes to.

    @Override
    protected DatasetGraph get() {
        Generation g = pinned.get();
        return g != null ? g.dsg : current.dsg;
    }

    @Override
    protected DatasetGraph getW() {
        throw new UnsupportedOperationException("the knowledge graph store is served read-only");
    }

    // ---- Transactions: read only, pinned to one generation.

    @Override
    public void begin(TxnType type) {
        if (type != TxnType.READ) throw new JenaTransactionException("the knowledge graph store is served read-only (" + type + " refused)");
        if (pinned.get() != null) throw new JenaTransactionException("already in a transaction");
        while (true) {
            Generation g = current;
            g.readers.incrementAndGet();
            if (g == current && !g.closed.get()) {
                pinned.set(g);
                try {
                    g.dsg.begin(TxnType.READ);
                } catch (RuntimeException e) {
                    release();
                    throw e;
                }
                return;
            }
            unpin(g);
        }
    }

    @Override
    public void begin(ReadWrite mode) { begin(TxnType.convert(mode)); }

    @Override
    public void begin() { begin(TxnType.READ); }

    @Override
    public boolean promote() { return false; }

    @Override
    public boolean promote(Transactional.Promote mode) { return false; }

    @Override
    public void commit() {
        Generation g = pinned.get();
        if (g == null) throw new JenaTransactionException("not in a transaction");
        g.dsg.commit();
        release();
    }

    @Override
    public void abort() {
        Generation g = pinned.get();
        if (g == null) return;
        g.dsg.abort();
        release();
    }

    @Override
    public void end() {
        Generation g = pinned.get();
        if (g == null) return;
        g.dsg.end();
        release();
    }

    @Override
    public boolean isInTransaction() { return pinned.get() != null; }

    @Override
    public ReadWrite transactionMode() { return pinned.get() != null ? ReadWrite.READ : null; }

    @Override
    public TxnType transactionType() { return pinned.get() != null ? TxnType.READ : null; }

    @Override
    public boolean supportsTransactions() { return true; }

    @Override
    public boolean supportsTransactionAbort() { return true; }

    private void release() {
        Generation g = pinned.get();
        pinned.remove();
        if (g != null) unpin(g);
    }

    private static void unpin(Generation g) {
        if (g.readers.decrementAndGet() == 0 && g.retired) close(g);
    }

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
