package org.fentanylkg.inference;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.graph.Triple;

/** The result of one materialisation: the inferred triples, how each was derived, and any contradictions. */
public final class Closure implements Derivations {
    private final Explanations explanations;
    private final Graph inferred;
    private final List<Inconsistency> inconsistencies;
    private final long iterations;
    private final Duration elapsed;

    Closure(CompiledTBox tbox, Engine engine, long startNanos) {
        this.explanations = new Explanations(tbox, engine.dictionary(), engine.index(), engine.log());
        this.inferred = publish(engine.log());
        this.inconsistencies = engine.inconsistencies().stream()
                .map(raw -> new Inconsistency(tbox.licence(raw.licence()).rule(), raw.message(),
                        explanations.premises(raw.premises())))
                .toList();
        this.iterations = engine.rounds();
        this.elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /**
     * The triples entailed by ontology + data that neither input states: no memberships of
     * anonymous class expressions, no rdf:type owl:Thing or owl:NamedIndividual, no schema triples about
     * blank nodes. A fresh in-memory graph owned by this closure.
     */
    public Graph inferred() {
        return inferred;
    }

    /** How an inferred triple was first derived; empty for asserted or unknown triples. */
    @Override
    public Optional<Derivation> derivation(Triple t) {
        return explanations.derivation(t);
    }

    /** Contradictions found (cax-dw, cax-adc, cls-com, cls-nothing2, prp-irp, prp-asyp, prp-pdw, prp-adp). */
    public List<Inconsistency> inconsistencies() {
        return inconsistencies;
    }

    /** Semi-naive rounds until the fixpoint. */
    public long iterations() {
        return iterations;
    }

    /** Wall time of the materialisation, from encoding the inputs to building {@link #inferred()}. */
    public Duration elapsed() {
        return elapsed;
    }

    private Graph publish(DerivationLog log) {
        Graph graph = GraphMemFactory.createDefaultGraph();
        for (int id = 0, n = log.size(); id < n; id++) {
            int s = log.conclusion(id, 0);
            int p = log.conclusion(id, 1);
            int o = log.conclusion(id, 2);
            if (explanations.published(s, p, o)) {
                graph.add(explanations.triple(s, p, o));
            }
        }
        return graph;
    }
}
