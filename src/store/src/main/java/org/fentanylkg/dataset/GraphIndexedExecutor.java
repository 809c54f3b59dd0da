package org.fentanylkg.dataset;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.Op1;
import org.apache.jena.sparql.algebra.op.OpAssign;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpConditional;
import org.apache.jena.sparql.algebra.op.OpDistinct;
import org.apache.jena.sparql.algebra.op.OpExtend;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpGraph;
import org.apache.jena.sparql.algebra.op.OpJoin;
import org.apache.jena.sparql.algebra.op.OpLeftJoin;
import org.apache.jena.sparql.algebra.op.OpMinus;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpReduced;
import org.apache.jena.sparql.algebra.op.OpSequence;
import org.apache.jena.sparql.algebra.op.OpTopN;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.iterator.QueryIterConvert;
import org.apache.jena.sparql.engine.iterator.QueryIterFilterExpr;
import org.apache.jena.sparql.engine.iterator.QueryIterNullIterator;
import org.apache.jena.sparql.engine.iterator.QueryIterSort;
import org.apache.jena.sparql.engine.iterator.QueryIterTopN;
import org.apache.jena.sparql.engine.main.OpExecutor;
import org.apache.jena.sparql.engine.main.OpExecutorFactory;
import org.apache.jena.sparql.engine.main.iterator.QueryIterGraph;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprVars;
import org.apache.jena.sparql.expr.Unstable;

/**
 * ARQ's executor, with {@code GRAPH ?g { ... }} visiting only the named graphs that can match. ARQ's general
 * dataset evaluates the pattern once per named graph for each incoming solution; the knowledge graph has a named
 * graph per fact, and its saved queries ask {@code GRAPH ?fact { <resource> ?p ?o }} for every row, so that loop
 * was most of their time. Here a pattern whose fixed nodes (after the incoming solution is substituted) include an
 * IRI or blank node visits only the graphs that mention the rarest of them ({@link GraphsByNode}); each graph is then
 * evaluated exactly as ARQ evaluates it, so answers and their order are unchanged. A filter on the graph variable alone
 * is tested on the graph's name before the graph is visited.
 *
 * <p>ORDER BY sorts its solutions wrapped as {@link TieReadySolution}s, whose variables are listed from a flat copy when
 * sort keys tie: a query that sorts many solutions with equal keys (us-policy-tools sorts a product of its cells so
 * that each list comes out sorted) spent most of its time listing them through ARQ's chains of bindings.
 */
final class GraphIndexedExecutor extends OpExecutor {
    private final DatasetGraph dataset;
    private final Supplier<GraphsByNode> index;

    private GraphIndexedExecutor(ExecutionContext execCxt, DatasetGraph dataset, Supplier<GraphsByNode> index) {
        super(execCxt);
        this.dataset = dataset;
        this.index = index;
    }

    /** The factory for {@code dataset}, whose named graphs {@code index} describes; any other dataset runs as in ARQ. */
    static OpExecutorFactory factory(DatasetGraph dataset, Supplier<GraphsByNode> index) {
        return execCxt -> new GraphIndexedExecutor(execCxt, dataset, index);
    }

    @Override
    protected QueryIterator execute(OpGraph opGraph, QueryIterator input) {
        if (!narrows(opGraph)) return super.execute(opGraph, input);
        return new Narrowed(input, opGraph, execCxt, index.get(), List.of());
    }

    /**
     * A filter on the graph variable alone, over {@code GRAPH ?g}, as in {@code GRAPH ?g { ... } FILTER(STRSTARTS(STR(?g),
     * ...))}: tested on each graph's name before the graph is visited, rather than on each of its solutions after.
     */
    @Override
    protected QueryIterator execute(OpFilter opFilter, QueryIterator input) {
        if (!(opFilter.getSubOp() instanceof OpGraph opGraph) || !narrows(opGraph)) return super.execute(opFilter, input);
        Var g = Var.alloc(opGraph.getNode());
        List<Expr> onName = new ArrayList<>(), onSolution = new ArrayList<>();
        for (Expr e : opFilter.getExprs()) (ExprVars.getVarsMentioned(e).equals(Set.of(g)) && repeatable(e) ? onName : onSolution).add(e);
        if (onName.isEmpty()) return super.execute(opFilter, input);
        // Every solution from a graph binds ?g to its name, so a test of ?g alone gives the same on each of them.
        QueryIterator qIter = new Narrowed(input, opGraph, execCxt, index.get(), onName);
        for (Expr e : onSolution) qIter = new QueryIterFilterExpr(qIter, e, execCxt);
        return qIter;
    }

    @Override
    protected QueryIterator execute(OpOrder opOrder, QueryIterator input) {
        return unwrapped(new QueryIterSort(tieReady(exec(opOrder.getSubOp(), input)), opOrder.getConditions(), execCxt));
    }

    @Override
    protected QueryIterator execute(OpTopN opTop, QueryIterator input) {
        // as ARQ's: DISTINCT under the top N is done by the top N itself
        boolean distinct = opTop.getSubOp() instanceof OpDistinct;
        Op sub = distinct ? ((OpDistinct) opTop.getSubOp()).getSubOp() : opTop.getSubOp();
        return unwrapped(new QueryIterTopN(tieReady(exec(sub, input)), opTop.getConditions(), opTop.getLimit(), distinct, execCxt));
    }

    private QueryIterator tieReady(QueryIterator solutions) { return new QueryIterConvert(solutions, TieReadySolution::new, execCxt); }

    private QueryIterator unwrapped(QueryIterator sorted) { return new QueryIterConvert(sorted, TieReadySolution::of, execCxt); }

    private boolean narrows(OpGraph opGraph) {
        return Var.isVar(opGraph.getNode()) && DatasetGraphWrapper.unwrap(execCxt.getDataset()) == dataset;
    }

    /** Whether an expression gives the same value each time for the same variables: none of ARQ's unstable functions (RAND, UUID, BNODE, ...), no EXISTS, no extension function or cast. */
    private static boolean repeatable(Expr e) {
        if (!e.isFunction()) return true;
        ExprFunction f = e.getFunction();
        if (f instanceof Unstable || f instanceof E_Function || f instanceof ExprFunctionOp) return false;
        return f.getArgs().stream().allMatch(GraphIndexedExecutor::repeatable);
    }

    private static final class Narrowed extends QueryIterGraph {
        private final GraphsByNode index;
        private final List<Expr> onName;
        private final Var graphVar;
        private final List<Triple> required = new ArrayList<>();

        Narrowed(QueryIterator input, OpGraph opGraph, ExecutionContext execCxt, GraphsByNode index, List<Expr> onName) {
            super(input, opGraph, execCxt);
            this.index = index;
            this.onName = onName;
            this.graphVar = Var.alloc(opGraph.getNode());
            collect(opGraph.getSubOp(), required);
        }

        @Override
        protected QueryIterator nextStage(Binding outer) {
            if (outer.contains(graphVar)) {
                // bound by the incoming solution: one graph, its name tested all the same
                return passes(outer) ? super.nextStage(outer) : QueryIterNullIterator.create(getExecContext());
            }
            Iterator<Node> candidates = candidates(outer);
            Iterator<Node> names = candidates != null ? candidates : getExecContext().getDataset().listGraphNodes();
            if (!onName.isEmpty()) names = Iter.filter(names, name -> passes(BindingFactory.binding(outer, graphVar, name)));
            return new QueryIterGraphInner(outer, names, opGraph, getExecContext()) {};
        }

        private boolean passes(Binding b) {
            for (Expr e : onName) if (!e.isSatisfied(b, getExecContext())) return false;
            return true;
        }

        /** The graphs of the rarest fixed node; null when no node narrows them. */
        private Iterator<Node> candidates(Binding outer) {
            Node rarest = null;
            int fewest = Integer.MAX_VALUE;
            for (Triple t : required) {
                for (Node n : new Node[] {t.getSubject(), t.getPredicate(), t.getObject()}) {
                    Node v = Var.isVar(n) ? outer.get(Var.alloc(n)) : n;
                    if (!GraphsByNode.indexes(v)) continue;
                    int c = index.count(v);
                    if (c == 0) return Iter.nullIterator();
                    if (c < fewest) {
                        fewest = c;
                        rarest = v;
                    }
                }
            }
            return rarest == null ? null : index.graphsWith(rarest);
        }

        /**
         * The triple patterns every solution of {@code op} matches in the graph: through operators that only keep,
         * extend or reorder solutions of their (left) input. Not through a group, which answers even over no match, nor a
         * projection, whose pattern's variables are its own, whatever the incoming solution binds under the same names.
         */
        private static void collect(Op op, List<Triple> into) {
            if (op instanceof OpBGP bgp) into.addAll(bgp.getPattern().getList());
            else if (op instanceof OpTriple t) into.add(t.getTriple());
            else if (op instanceof OpFilter || op instanceof OpExtend || op instanceof OpAssign || op instanceof OpDistinct
                    || op instanceof OpReduced || op instanceof OpOrder)
                collect(((Op1) op).getSubOp(), into);
            else if (op instanceof OpSequence seq) seq.getElements().forEach(e -> collect(e, into));
            else if (op instanceof OpJoin j) {
                collect(j.getLeft(), into);
                collect(j.getRight(), into);
            } else if (op instanceof OpLeftJoin lj) collect(lj.getLeft(), into);
            else if (op instanceof OpConditional c) collect(c.getLeft(), into);
            else if (op instanceof OpMinus m) collect(m.getLeft(), into);
        }
    }
}
