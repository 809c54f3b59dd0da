package org.fentanylkg.bench.synthetic;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.fentanylkg.dataset.FrozenDataset;
import org.fentanylkg.dataset.KnowledgeGraph;
import org.fentanylkg.inference.Closure;
import org.fentanylkg.inference.OwlRlReasoner;
import org.fentanylkg.source.Sources;
import org.fentanylkg.vocab.Graphs;

/**
 * A {@link KnowledgeGraph} over synthetic data and the real ontology, in the dataset layout of the real one
 * (default graph = asserted ∪ inferred, {@code graph/asserted}, {@code graph/inferred}, {@code graph/ontology}),
 * for benchmarks and store tests. There are no fact graphs, report or provenance: the data is not curated.
 */
public final class SyntheticKnowledgeGraph {
    private SyntheticKnowledgeGraph() {}

    /** The project's ontology (from the packaged sources). */
    public static Graph ontology() throws IOException {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(Sources.embeddedRoot().resolve(Sources.ONTOLOGY)).lang(org.apache.jena.riot.Lang.TURTLE).parse(g);
        return g;
    }

    /** Ontology + {@code data}, materialised. */
    public static KnowledgeGraph build(Graph ontology, Graph data) {
        Graph asserted = GraphFactory.createDefaultGraph();
        ontology.find().forEachRemaining(asserted::add);
        data.find().forEachRemaining(asserted::add);
        Closure closure = OwlRlReasoner.compile(ontology).materialise(asserted);
        FrozenDataset dsg = FrozenDataset.builder()
                .add(Quad.defaultGraphIRI, asserted.find())
                .add(Quad.defaultGraphIRI, closure.inferred().find())
                .add(Graphs.ASSERTED, asserted.find())
                .add(Graphs.INFERRED, closure.inferred().find())
                .add(Graphs.ONTOLOGY, ontology.find())
                .freeze();
        long inferred = closure.inferred().size();
        return new KnowledgeGraph(dsg, closure, List.of(), new KnowledgeGraph.Figures(asserted.size(), inferred, 0,
                asserted.size() + inferred, 0, Duration.ZERO, closure.elapsed(), Duration.ZERO));
    }

    /** {@link SyntheticGraph} of the given seed and size over the real ontology, materialised. */
    public static KnowledgeGraph build(long seed, long triples) throws IOException {
        return build(ontology(), SyntheticGraph.seed(seed).triples(triples).generate());
    }
}
