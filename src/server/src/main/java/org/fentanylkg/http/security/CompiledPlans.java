package org.fentanylkg.http.security;

import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.Plan;
import org.apache.jena.sparql.engine.QueryEngineFactory;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.main.QueryEngineMain;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;

/**
 * ARQ's main query engine, with the query's algebra compiled and optimised once per parsed query rather than on
 * every run: for a small query, compiling and optimising cost as much as evaluating. A request opts in by putting
 * the {@link Memo} of its parsed query in the execution's context ({@link #MEMO}); any other query, and any
 * dataset ARQ would give another engine (a TDB2 store), runs as before.
 *
 * <p>Sharing the optimised algebra is sound because ARQ's operators are immutable and its optimiser reads only the
 * query and the context's settings, which are fixed for a server: no data, no clock. A query whose answer may
 * change from run to run (RAND, NOW, ...) is never given a memo ({@link ParsedQueries.Parsed#repeatable}).
 */
public final class CompiledPlans implements QueryEngineFactory {
    /** Context key of the {@link Memo} for the query being run. */
    public static final Symbol MEMO = Symbol.create("https://w3id.org/fentanyl-kg/config#compiledPlan");

    private static final CompiledPlans FACTORY = new CompiledPlans();

    private CompiledPlans() {}

    /** Adds the engine to ARQ's registry, once per JVM. */
    public static synchronized void register() {
        if (!QueryEngineRegistry.get().factories().contains(FACTORY)) QueryEngineRegistry.addFactory(FACTORY);
    }

    /** The algebra of one query, compiled and optimised, filled in by its first run. */
    public static final class Memo {
        private final Query query;
        private volatile Op compiled;
        private volatile Op optimised;

        public Memo(Query query) { this.query = query; }
    }

    @Override
    public boolean accept(Query query, DatasetGraph dataset, Context context) {
        return context.get(MEMO) instanceof Memo m && m.query == query && mainEngineWouldRun(query, dataset, context);
    }

    @Override
    public Plan create(Query query, DatasetGraph dataset, Binding input, Context context) {
        return new Engine(query, dataset, input, context).getPlan();
    }

    @Override
    public boolean accept(Op op, DatasetGraph dataset, Context context) { return false; }

    @Override
    public Plan create(Op op, DatasetGraph dataset, Binding input, Context context) {
        throw new UnsupportedOperationException("CompiledPlans runs queries, not algebra");
    }

    /** Whether, without this factory, ARQ would choose its main engine (and not, say, TDB2's). */
    private static boolean mainEngineWouldRun(Query query, DatasetGraph dataset, Context context) {
        for (QueryEngineFactory f : QueryEngineRegistry.get().factories()) {
            if (f == FACTORY) continue;
            if (f.accept(query, dataset, context)) return f == QueryEngineMain.getFactory();
        }
        return false;
    }

    private static final class Engine extends QueryEngineMain {
        Engine(Query query, DatasetGraph dataset, Binding input, Context context) { super(query, dataset, input, context); }

        // Called from the superclass constructor: this class's fields are not set yet, the context is.
        @Override
        protected Op createOp(Query query) {
            Memo m = (Memo) context.get(MEMO);
            // ARQ picks the engine for the query as given, then runs it with any substitution made: another query
            if (m.query != query) return super.createOp(query);
            Op op = m.compiled;
            if (op == null) m.compiled = op = super.createOp(query);
            return op;
        }

        @Override
        protected Op modifyOp(Op op) {
            Memo m = (Memo) context.get(MEMO);
            // Only the plain query's algebra is kept: initial bindings substitute into it, and the switch that turns
            // the optimiser off is honoured as ARQ honours it.
            if (op != m.compiled || context.isFalse(ARQ.optimization)) return super.modifyOp(op);
            Op optimised = m.optimised;
            if (optimised == null) m.optimised = optimised = super.modifyOp(op);
            return optimised;
        }
    }
}
