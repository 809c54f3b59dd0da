package org.fentanylkg.dataset;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;

/**
 * The in-memory knowledge graph, replaceable in one step ({@link #swap}) by the administrative reload. A read
 * transaction stays on the dataset that was current when it began ({@link SwitchingDataset}). The context is the
 * current dataset's.
 */
public final class SwappableDataset extends SwitchingDataset<DatasetGraph> {
    private final AtomicReference<DatasetGraph> current;

    public SwappableDataset(DatasetGraph initial) {
        super(initial);
        this.current = new AtomicReference<>(initial);
    }

    /** Makes {@code next} the dataset new transactions begin on; returns the one it replaces. */
    public DatasetGraph swap(DatasetGraph next) {
        DatasetGraph old = current.getAndSet(next);
        switched(); // after the swap, never before
        return old;
    }

    @Override
    protected DatasetGraph current() { return current.get(); }

    /** The dataset this thread reads: the one its read transaction began on, else the current one. */
    public DatasetGraph reading() { return get(); }

    @Override
    public String version() { return "reload " + switches(); }

    @Override
    protected DatasetGraph acquire() { return current.get(); }

    @Override
    protected DatasetGraph datasetOf(DatasetGraph pin) { return pin; }

    @Override
    public Context getContext() { return get().getContext(); }
}
