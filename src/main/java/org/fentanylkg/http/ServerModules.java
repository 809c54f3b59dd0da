package org.fentanylkg.http;

import java.util.List;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.fentanylkg.dataset.KnowledgeGraph;
import org.fentanylkg.http.api.ExplainModule;
import org.fentanylkg.http.api.QueryApiModule;
import org.fentanylkg.http.api.SearchModule;
import org.fentanylkg.http.cache.ResponseCacheModule;
import org.fentanylkg.http.linkeddata.LinkedDataModule;
import org.fentanylkg.http.ops.OpsModule;
import org.fentanylkg.http.pages.AssetsModule;
import org.fentanylkg.http.pages.SitePages;
import org.fentanylkg.http.security.SecurityModule;
import org.fentanylkg.http.ui.QueryUiModule;

/**
 * The service's features beyond the SPARQL protocol, each a {@link FusekiModule} in a package of its own.
 * A module finds the knowledge graph with {@link #knowledgeGraph(DataAccessPointRegistry)} in its
 * {@code configured(...)} step and adds its servlets and filters to the builder there.
 */
public final class ServerModules {
    /** The dataset's name in fuseki-config.ttl. */
    public static final String DATASET = "/kg";

    private ServerModules() {}

    /** The modules every server runs, in order. */
    public static List<FusekiModule> defaults() {
        return List.of(
                new OpsModule(),             // request log, /$/metrics, graceful stop (first: its filter sees every request)
                new SecurityModule(),        // limits, SERVICE off, result cap, the optional admin path
                new ResponseCacheModule(),   // read-only pages from memory (after the two above: a hit is still logged and guarded)
                new QueryApiModule(),        // /api/queries, /api/openapi.json, /api/
                new ExplainModule(),         // /api/explain, /explain
                new SearchModule(),          // /api/search, /search (the header's search box)
                new LinkedDataModule(SitePages::new), // IRIs, content negotiation, VoID, dumps, service description, CORS
                new AssetsModule(),          // /assets/: CSS, JS, CodeMirror from the jar
                new QueryUiModule());        // /query
    }

    /** The knowledge graph served at {@link #DATASET}. */
    public static KnowledgeGraph knowledgeGraph(DataAccessPointRegistry registry) {
        var dap = registry.get(DATASET);
        if (dap == null) throw new IllegalStateException("fuseki-config.ttl declares no dataset named " + DATASET);
        return KnowledgeGraph.of(dap.getDataService().getDataset())
                .orElseThrow(() -> new IllegalStateException(DATASET + " is not a fkgc:KnowledgeGraph dataset"));
    }
}
