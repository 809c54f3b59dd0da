package org.fentanylkg.http.api;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.fentanylkg.dataset.SwitchingDataset;
import org.fentanylkg.http.ServerModules;
import org.fentanylkg.store.ServingDataset;

/**
 * Explanations over HTTP: {@code /api/explain?s=&p=&o=} (JSON) and {@code /explain?s=&p=&o=} (the HTML page the
 * "why?" links of the resource pages point to), from the in-memory closure or from the derivations a TDB2 store keeps.
 */
public final class ExplainModule implements FusekiModule {
    @Override
    public String name() { return "fentanyl-kg explanations"; }

    @Override
    public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model config) {
        // Fails at start, not at the first request, if there is nothing to explain from.
        var dap = registry.get(ServerModules.DATASET);
        boolean storeExplains = dap != null
                && SwitchingDataset.under(dap.getDataService().getDataset()).orElse(null) instanceof ServingDataset store && store.explains();
        if (!storeExplains) ServerModules.knowledgeGraph(registry);
        // The dataset as served (swappable on reload, or a store's generations), so explanations and labels follow it.
        DatasetGraph served = dap.getDataService().getDataset();
        CurrentExplainer explainer = new CurrentExplainer(served);
        builder.addServlet("/api/explain", new ExplainServlet(explainer, served));
        builder.addServlet("/explain", new ExplainPageServlet(explainer, served));
    }
}
