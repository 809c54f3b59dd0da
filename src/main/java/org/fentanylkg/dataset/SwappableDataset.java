package org.fentanylkg.http.security;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.JenaTransactionException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Transactional;
import org.apache.jena.sparql.util.Context;

/**
 * A read-only dataset whose content can be replaced in one step ({@link #swap}), for the administrative reload
 * of the in-memory graph. A read transaction stays on the dataset that was current when it began, so a query in
 * flight sees the old graph or the new one, never a mix. The context is the current dataset's, so
 * {@code KnowledgeGraph.of(...)} finds the current knowledge graph. (Serving a TDB2 store, the store's own
 * {@code ServingDataset} does this.)
 */
public final class SwappableDataset extends DatasetGraphWrapper {
    private final AtomicReference<DatasetGraph> current;
    private final AtomicLong generation = new AtomicLong();
    private final ThreadLocal<DatasetGraph> pinned = new ThreadLocal<>();

    public SwappableDataset(DatasetGraph initial) {
        super(initial);
        this.current = new AtomicReference<>(initial);
    }

    /** Makes {@code next} the dataset new transactions begin on; returns the one it replaces. */
    public DatasetGraph swap(DatasetGraph next) {
        DatasetGraph old = current.getAndSet(next);
        // After the swap, never before: whoever reads the new number then begins a transaction sees `next`.
        generation.incrementAndGet();
        return old;
    }

    /** How many swaps so far: a number that changes whenever the content served does (response cache keys). */
    public long generation() { return generation.get(); }

    public DatasetGraph current() { return current.get(); }

    @Override
    protected DatasetGraph get() {
        DatasetGraph p = pinned.get();
        return p != null ? p : current.get();
    }

    @Override
    protected DatasetGraph getW() { throw new UnsupportedOperationException("the knowledge graph is served read-only"); }

    @Override
    public Context getContext() { return get().getContext(); }

    @Override
    public void begin(TxnType type) {
        if (type != TxnType.READ) throw new JenaTransactionException("the knowledge graph is served read-only (" + type + " refused)");
        if (pinned.get() != null) throw new JenaTransactionException("already in a transaction");
        DatasetGraph d = current.get();
        d.begin(TxnType.READ);
        pinned.set(d);
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
        DatasetGraph d = pinned.get();
        if (d == null) throw new JenaTransactionException("not in a transaction");
        try {
            d.commit();
        } finally {
            pinned.remove();
        }
    }

    @Override
    public void abort() { finish(true); }

    @Override
    public void end() { finish(false); }

    private void finish(boolean abort) {
        DatasetGraph d = pinned.get();
        if (d == null) return;
        try {
            if (abort) d.abort();
            else d.end();
        } finally {
            pinned.remove();
        }
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
}
