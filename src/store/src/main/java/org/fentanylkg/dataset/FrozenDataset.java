package org.fentanylkg.dataset;

import java.util.Iterator;
import java.util.function.Supplier;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.JenaTransactionException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.graph.GraphZero;

/**
 * The served knowledge graph's storage: Jena's general in-memory dataset (one GraphMem2 graph per name, a
 * multiple-reader lock), filled once and then frozen.
 *
 * <p>Why not Jena's transactional in-memory dataset, which {@code fuseki-server --file} uses: its persistent,
 * versioned indexes pay for concurrent writers, and this dataset never has one; in-process they make the saved
 * queries 1.3× slower on average and up to 4× (docs/benchmarks.md, "Where query time goes").
 *
 * <p>Two things differ from the general dataset: every write and write transaction fails, and a graph name not in
 * the dataset reads as the empty graph (the general dataset would create the graph, which fails in a read
 * transaction: Fuseki then answered a Graph Store read of an unknown graph with 500 instead of 404).
 */
public final class FrozenDataset extends DatasetGraphWrapper {

    private FrozenDataset(DatasetGraph filled) { super(filled); }

    /** A dataset to fill with {@link Builder#add}, then {@link Builder#freeze}. */
    public static Builder builder() { return new Builder(); }

    /** Collects the triples of each graph (adding to a graph again adds to it); not thread-safe; used once. */
    public static final class Builder {
        private final DatasetGraph dsg = DatasetGraphFactory.createGeneral();

        public Builder add(Node graph, Iterator<Triple> triples) {
            Graph target = Quad.isDefaultGraph(graph) ? dsg.getDefaultGraph() : dsg.getGraph(graph);
            triples.forEachRemaining(target::add);
            return this;
        }

        /** Adds one triple to {@code graph} (the default graph or a named one, created if new). */
        public Builder add(Node graph, Triple triple) {
            (Quad.isDefaultGraph(graph) ? dsg.getDefaultGraph() : dsg.getGraph(graph)).add(triple);
            return this;
        }

        /** Ends the filling: from here on the dataset is read-only, and its queries run on {@link GraphIndexedExecutor}. */
        public FrozenDataset freeze() {
            QC.setFactory(dsg.getContext(), GraphIndexedExecutor.factory(dsg, new IndexOnFirstUse(dsg)));
            return new FrozenDataset(dsg);
        }
    }

    /** The index of graphs by node, built by the first query that needs it (a start serves sooner without it). */
    private static final class IndexOnFirstUse implements Supplier<GraphsByNode> {
        private final DatasetGraph dsg;
        private volatile GraphsByNode index;

        IndexOnFirstUse(DatasetGraph dsg) { this.dsg = dsg; }

        @Override
        public GraphsByNode get() {
            GraphsByNode i = index;
            if (i != null) return i;
            synchronized (this) {
                if (index == null) index = GraphsByNode.of(dsg);
                return index;
            }
        }
    }

    @Override
    protected DatasetGraph getW() {
        throw new UnsupportedOperationException("the knowledge graph is served read-only");
    }

    @Override
    public Graph getGraph(Node graphNode) {
        if (Quad.isDefaultGraph(graphNode) || Quad.isUnionGraph(graphNode) || containsGraph(graphNode)) return super.getGraph(graphNode);
        return GraphZero.instance();
    }

    @Override
    public void begin(TxnType type) {
        if (type != TxnType.READ) throw new JenaTransactionException("the knowledge graph is served read-only (" + type + " refused)");
        super.begin(type);
    }

    @Override
    public void begin(ReadWrite mode) { begin(TxnType.convert(mode)); }

    @Override
    public void begin() { begin(TxnType.READ); }

    @Override
    public boolean supportsTransactionAbort() { return false; }
}
