package org.fentanylkg.dataset;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Symbol;
import org.fentanylkg.inference.Closure;
import org.fentanylkg.rdf.FactGraph;

/**
 * The built knowledge graph: a read-only dataset whose default graph is asserted ∪ inferred, with the named
 * graphs of {@link org.fentanylkg.vocab.Graphs} and one named graph per fact; plus the closure (for
 * explanations) and figures about the build.
 */
public record KnowledgeGraph(DatasetGraph dataset, Closure closure, List<FactGraph> facts, Figures figures) {

    /**
     * Where the dataset's context keeps its knowledge graph, so server modules can reach the closure. A context
     * key, not a configuration term: named by the class, outside the fkgc: namespace.
     */
    public static final Symbol CONTEXT_KEY = Symbol.create(KnowledgeGraph.class.getName());

    public KnowledgeGraph {
        dataset.getContext().set(CONTEXT_KEY, this);
    }

    /** The knowledge graph a dataset was built as, if it was. */
    public static Optional<KnowledgeGraph> of(DatasetGraph dataset) {
        return Optional.ofNullable(dataset.getContext().get(CONTEXT_KEY));
    }

    /**
     * Triple counts and build times, for logs, the CLI and benchmarks. {@code vocabularyLabels}: the labels and
     * definitions of the external terms used, which the default graph holds beside what is asserted and inferred.
     */
    public record Figures(long asserted, long inferred, long vocabularyLabels, long total, int factGraphs,
                          Duration load, Duration inference, Duration validation) {
        @Override
        public String toString() {
            return String.format("%d asserted + %d inferred + %d vocabulary labels = %d triples in the default graph;"
                            + " %d fact graphs; load %d ms, inference %d ms, validation %d ms",
                    asserted, inferred, vocabularyLabels, total, factGraphs, load.toMillis(), inference.toMillis(), validation.toMillis());
        }
    }
}
