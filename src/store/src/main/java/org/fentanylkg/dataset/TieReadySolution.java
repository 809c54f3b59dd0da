package org.fentanylkg.dataset;

import java.util.Iterator;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;

/**
 * A solution as ORDER BY sorts it. ARQ's solution is a chain of small bindings, one link per operator that extended
 * it; where the sort keys of two solutions tie, ARQ's comparator lists all the variables of both and reads each
 * through the chains, at every such comparison. This reads through to the solution until its variables are first
 * listed, and from then on from a flat copy made once. Same variables, same values: the comparator, and so the
 * order, is ARQ's. {@link #of} unwraps the sorted solutions again.
 */
final class TieReadySolution implements Binding {
    private final Binding solution;
    private Binding flat;

    TieReadySolution(Binding solution) { this.solution = solution; }

    /** The solution itself, as it came to the sort (a binding read back from a spill to disk is one already). */
    static Binding of(Binding b) { return b instanceof TieReadySolution t ? t.solution : b; }

    private Binding read() { return flat != null ? flat : solution; }

    private Binding flat() {
        if (flat == null) flat = BindingFactory.copy(solution);
        return flat;
    }

    @Override public Iterator<Var> vars() { return flat().vars(); }
    @Override public Set<Var> varsMentioned() { return flat().varsMentioned(); }
    @Override public void forEach(BiConsumer<Var, Node> action) { read().forEach(action); }
    @Override public boolean contains(Var var) { return read().contains(var); }
    @Override public Node get(Var var) { return read().get(var); }
    @Override public int size() { return solution.size(); }
    @Override public boolean isEmpty() { return solution.isEmpty(); }
    @Override public Binding detach() { return solution.detach(); }
    @Override public int hashCode() { return solution.hashCode(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof TieReadySolution t ? solution.equals(t.solution) : o instanceof Binding b && solution.equals(b);
    }

    @Override public String toString() { return solution.toString(); }
}
