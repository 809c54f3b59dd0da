package org.fentanylkg.http.api;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.fentanylkg.http.ServerModules;

/**
 * Explanations over HTTP: {@code /api/explain?s=&p=&o=} (JSON) and {@code /explain?s=&p=&o=} (the HTML page the
 * "why?" links of the resource pages point to).
 */
public final class ExplainModule implements FusekiModule {
    @Override
    public String name() { return "fentanyl-kg explanations"; }

    @Override
    public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model config) {
        ServerModules.knowledgeGraph(registry); // fails at start, not at the first request, if there is none
        // The dataset as served (swappable on reload), so explanations and labels follow a reload.
        DatasetGraph served = registry.get(ServerModules.DATASET).getDataService().getDataset();
        CurrentExplainer explainer = new CurrentExplainer(served);
        builder.addServlet("/api/explain", new ExplainServlet(explainer, served));
        builder.addServlet("/explain", new ExplainPageServlet(explainer, served));
    }
}
