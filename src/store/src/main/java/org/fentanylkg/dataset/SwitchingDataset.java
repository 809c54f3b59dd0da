package org.fentanylkg.dataset;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.JenaTransactionException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Transactional;
import org.apache.jena.sparql.util.Context;

/**
 * A read-only dataset whose content is switched to a new one in one step: by an administrative reload
 * ({@link SwappableDataset}) or by a new generation of the TDB2 store ({@code store.ServingDataset}).
 *
 * <p>Each read transaction is pinned to the content current when it began, and every call inside it (the query
 * engine unwraps this dataset through {@link #get()}) goes there: a query in flight sees the old content or the
 * new, never a mix. Writes, and write transactions, are refused.
 *
 * @param <P> what a transaction holds while it reads: the dataset itself, or a handle that counts its readers
 */
public abstract class SwitchingDataset<P> extends DatasetGraphWrapper {
    private final ThreadLocal<P> pinned = new ThreadLocal<>();
    private final AtomicLong switches = new AtomicLong();

    protected SwitchingDataset(DatasetGraph initial) { super(initial); }

    protected SwitchingDataset(DatasetGraph initial, Context context) { super(initial, context); }

    /** The current content, held for a transaction beginning now (until {@link #release}). */
    protected abstract P acquire();

    /** Lets go of what {@link #acquire} held, once its transaction has ended. */
    protected void release(P pin) {}

    protected abstract DatasetGraph datasetOf(P pin);

    /** The content outside any transaction. */
    protected abstract DatasetGraph current();

    /** Which content is served, for people and for page caches: it changes whenever the content does. */
    public abstract String version();

    /** How many switches so far: a number that changes whenever the content served does (response cache keys). */
    public final long switches() { return switches.get(); }

    /** To be called by a subclass after it switched: whoever then reads the new count begins on the new content. */
    protected final void switched() { switches.incrementAndGet(); }

    /** What this thread's read transaction holds; null outside a transaction. */
    protected final P pinned() { return pinned.get(); }

    // ---- Which content a call goes to.

    @Override
    protected DatasetGraph get() {
        P p = pinned.get();
        return p != null ? datasetOf(p) : current();
    }

    @Override
    protected DatasetGraph getW() { throw new UnsupportedOperationException("the knowledge graph is served read-only"); }

    // ---- Transactions: read only, pinned to one content.

    @Override
    public void begin(TxnType type) {
        if (type != TxnType.READ) throw new JenaTransactionException("the knowledge graph is served read-only (" + type + " refused)");
        if (pinned.get() != null) throw new JenaTransactionException("already in a transaction");
        P p = acquire();
        try {
            datasetOf(p).begin(TxnType.READ);
        } catch (RuntimeException e) {
            release(p);
            throw e;
        }
        pinned.set(p);
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
        P p = pinned.get();
        if (p == null) throw new JenaTransactionException("not in a transaction");
        try {
            datasetOf(p).commit();
        } finally {
            unpin(p);
        }
    }

    @Override
    public void abort() { finish(true); }

    @Override
    public void end() { finish(false); }

    private void finish(boolean abort) {
        P p = pinned.get();
        if (p == null) return;
        try {
            if (abort) datasetOf(p).abort();
            else datasetOf(p).end();
        } finally {
            unpin(p);
        }
    }

    private void unpin(P p) {
        pinned.remove();
        release(p);
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
