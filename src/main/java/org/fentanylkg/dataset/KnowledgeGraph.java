package org.fentanylkg.dataset;

import java.time.Duration;
import java.time.Instant;
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

    /** Where the dataset's context keeps its knowledge graph, so server modules can reach the closure. */
    public static final Symbol CONTEXT_KEY = Symbol.create("https://w3id.org/fentanyl-kg/config#knowledgeGraph");

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
     * {@code built}: when the build finished (the Last-Modified of what the server renders from this graph).
     */
    public record Figures(long asserted, long inferred, long vocabularyLabels, long total, int factGraphs,
                          Duration load, Duration inference, Duration validation, Instant built) {
        /** Figures of a build finishing now. */
        public Figures(long asserted, long inferred, long vocabularyLabels, long total, int factGraphs,
                       Duration load, Duration inference, Duration validation) {
            this(asserted, inferred, vocabularyLabels, total, factGraphs, load, inference, validation, Instant.now());
        }

        @Override
        public String toString() {
            return String.format("%d asserted + %d inferred + %d vocabulary labels = %d triples in the default graph;"
                            + " %d fact graphs; load %d ms, inference %d ms, validation %d ms",
                    asserted, inferred, vocabularyLabels, total, factGraphs, load.toMillis(), inference.toMillis(), validation.toMillis());
        }
    }
}
