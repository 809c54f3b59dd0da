package org.fentanylkg.http.api;

import java.util.function.Supplier;
import org.apache.jena.sparql.core.DatasetGraph;
import org.fentanylkg.dataset.KnowledgeGraph;
import org.fentanylkg.explain.Explainer;

/**
 * The explainer of the knowledge graph served now. After an administrative reload the dataset as served
 * ({@code SwappableDataset}) carries the new graph in its context, and explanations must come from it: an
 * explainer kept from the start would explain triples the graph no longer holds.
 */
final class CurrentExplainer implements Supplier<Explainer> {
    private final DatasetGraph served;
    private volatile Explainer last;

    CurrentExplainer(DatasetGraph served) { this.served = served; }

    @Override
    public Explainer get() {
        KnowledgeGraph kg = KnowledgeGraph.of(served)
                .orElseThrow(() -> new IllegalStateException("the dataset served is not a knowledge graph built in memory"));
        Explainer e = last;
        if (e == null || e.knowledgeGraph() != kg) last = e = Explainer.of(kg);
        return e;
    }
}
