package org.fentanylkg.http.api;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.rdf.model.Model;
import org.fentanylkg.dataset.ServedGraph;
import org.fentanylkg.explain.Explainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Explanations over HTTP: {@code /api/explain?s=&p=&o=} (JSON) and {@code /explain?s=&p=&o=} (the HTML page the
 * "why?" links of the resource pages point to), from the derivations the served graph keeps: the in-memory closure,
 * or the copy a TDB2 store keeps beside each generation. A store generation written without them gets neither path,
 * with a warning, rather than a server that does not start.
 */
public final class ExplainModule implements FusekiModule {
    private static final Logger LOG = LoggerFactory.getLogger(ExplainModule.class);
    private final ServedGraph graph;

    public ExplainModule(ServedGraph graph) { this.graph = graph; }

    @Override
    public String name() { return "fentanyl-kg explanations"; }

    @Override
    public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model config) {
        if (graph.derivations().isEmpty()) {
            LOG.warn("Explanations are not available: {} keeps no derivations; run load again to add them", graph);
            return;
        }
        // Asked at each request: after a reload, or in a store's next generation, explanations follow the data.
        java.util.function.Supplier<Explainer> explainer = () -> graph.explainer()
                .orElseThrow(() -> new IllegalStateException(graph + " keeps no derivations for the generation served"));
        builder.addServlet("/api/explain", new ExplainServlet(explainer, graph::generation, graph.labels()));
        builder.addServlet("/explain", new ExplainPageServlet(explainer, graph::generation, graph.labels()));
    }
}
