package org.fentanylkg.bench.synthetic;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
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
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        dsg.executeWrite(() -> {
            asserted.find().forEachRemaining(t -> { dsg.getDefaultGraph().add(t); dsg.add(Graphs.ASSERTED, t.getSubject(), t.getPredicate(), t.getObject()); });
            closure.inferred().find().forEachRemaining(t -> { dsg.getDefaultGraph().add(t); dsg.add(Graphs.INFERRED, t.getSubject(), t.getPredicate(), t.getObject()); });
            ontology.find().forEachRemaining(t -> dsg.add(Graphs.ONTOLOGY, t.getSubject(), t.getPredicate(), t.getObject()));
        });
        long inferred = closure.inferred().size();
        return new KnowledgeGraph(dsg, closure, List.of(), new KnowledgeGraph.Figures(asserted.size(), inferred,
                asserted.size() + inferred, 0, Duration.ZERO, closure.elapsed(), Duration.ZERO));
    }

    /** {@link SyntheticGraph} of the given seed and size over the real ontology, materialised. */
    public static KnowledgeGraph build(long seed, long triples) throws IOException {
        return build(ontology(), SyntheticGraph.seed(seed).triples(triples).generate());
    }
}
