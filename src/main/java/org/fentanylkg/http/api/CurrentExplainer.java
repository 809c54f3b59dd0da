package org.fentanylkg.http.api;

import java.util.Optional;
import java.util.function.Supplier;
import org.apache.jena.sparql.core.DatasetGraph;
import org.fentanylkg.dataset.KnowledgeGraph;
import org.fentanylkg.dataset.SwitchingDataset;
import org.fentanylkg.explain.Explainer;
import org.fentanylkg.inference.Derivations;

/**
 * The explainer of the knowledge graph served now. After an administrative reload the dataset as served
 * ({@code SwappableDataset}) carries the new graph in its context, and explanations must come from it: an
 * explainer kept from the start would explain triples the graph no longer holds. A TDB2 store
 * ({@code store.ServingDataset}) gives the derivations of the generation each explanation reads.
 */
final class CurrentExplainer implements Supplier<Explainer> {
    private final DatasetGraph served;
    private volatile Explainer last;

    CurrentExplainer(DatasetGraph served) { this.served = served; }

    @Override
    public Explainer get() {
        Optional<KnowledgeGraph> kg = KnowledgeGraph.of(served);
        Derivations d = kg.<Derivations>map(KnowledgeGraph::closure)
                .or(() -> SwitchingDataset.under(served).filter(s -> s instanceof Derivations).map(s -> (Derivations) s))
                .orElseThrow(() -> new IllegalStateException("the dataset served has no derivations to explain from"));
        Explainer e = last;
        if (e == null || e.derivations() != d) last = e = kg.isPresent() ? Explainer.of(kg.get()) : Explainer.of(served, d);
        return e;
    }
}
