package org.fentanylkg.dataset;

import java.time.Duration;
import java.util.List;
import org.apache.jena.sparql.core.DatasetGraph;
import org.fentanylkg.explain.Explainer;
import org.fentanylkg.explain.Labels;
import org.fentanylkg.inference.Closure;
import org.fentanylkg.rdf.FactGraph;

/**
 * The built knowledge graph: a read-only dataset whose default graph is asserted ∪ inferred, with the named
 * graphs of {@link org.fentanylkg.vocab.Graphs} and one named graph per fact; plus the closure (for
 * explanations) and figures about the build.
 */
public record KnowledgeGraph(DatasetGraph dataset, Closure closure, List<FactGraph> facts, Figures figures) {

    /** Explains the triples of this graph from its closure. */
    public Explainer explainer() { return Explainer.of(dataset, closure); }

    /** The labels of this graph (the one label rule). */
    public Labels labels() { return new Labels(dataset, () -> ""); }

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
