package org.fentanylkg.bench;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.ARQ;
import org.apache.jena.rdf.model.InfModel;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.reasoner.ReasonerRegistry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sys.JenaSystem;
import org.fentanylkg.bench.synthetic.SyntheticGraph;
import org.fentanylkg.bench.synthetic.SyntheticKnowledgeGraph;

/**
 * System (c) of {@link ScaleQueryBench} in a JVM of its own: plain Fuseki over a synthetic graph (ontology and
 * data, no closure) wrapped in Jena's OWL Micro. Why a separate JVM: a query OWL Micro cannot finish keeps its
 * thread, and its memory, well past Fuseki's query timeout (the backward chainer does not look at it), so the
 * benchmark ends this JVM after such a query and starts a fresh one; in the benchmark's own JVM the runaway
 * threads once took the whole heap.
 * <pre>  OwlMicroServer SEED TRIPLES TIMEOUT_MS</pre>
 * prints {@code READY port=N prepare_ms=M} on stdout when it answers, then serves until it is killed.
 */
public final class OwlMicroServer {
    private OwlMicroServer() {}

    public static void main(String[] args) throws Exception {
        JenaSystem.init();
        long seed = Long.parseLong(args[0]);
        long triples = Long.parseLong(args[1]);
        String timeoutMs = args[2];
        Graph asserted = GraphFactory.createDefaultGraph();
        SyntheticKnowledgeGraph.ontology().find().forEachRemaining(asserted::add);
        SyntheticGraph.seed(seed).triples(triples).generate(asserted::add);
        long t0 = System.nanoTime();
        InfModel inf = ModelFactory.createInfModel(ReasonerRegistry.getOWLMicroReasoner(), ModelFactory.createModelForGraph(asserted));
        inf.prepare();
        long prepareMs = (System.nanoTime() - t0) / 1_000_000;
        DatasetGraph dsg = DatasetGraphFactory.create(inf.getGraph());
        dsg.getContext().set(ARQ.queryTimeout, timeoutMs);
        FusekiServer server = FusekiServer.create().port(0).loopback(true).add("/kg", dsg, false).build().start();
        System.out.println("READY port=" + server.getHttpPort() + " prepare_ms=" + prepareMs);
        System.out.flush();
        server.join();
    }
}
