package org.fentanylkg.http.main;

import java.util.List;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;
import org.fentanylkg.dataset.ServedGraph;
import org.fentanylkg.http.api.ExplainModule;
import org.fentanylkg.http.api.QueryApiModule;
import org.fentanylkg.http.api.SearchModule;
import org.fentanylkg.http.cache.ResponseCacheModule;
import org.fentanylkg.http.linkeddata.LinkedData;
import org.fentanylkg.http.linkeddata.LinkedDataModule;
import org.fentanylkg.http.linkeddata.PublicBase;
import org.fentanylkg.http.ops.OpsModule;
import org.fentanylkg.http.pages.AssetsModule;
import org.fentanylkg.http.pages.SitePages;
import org.fentanylkg.http.security.SecurityModule;
import org.fentanylkg.http.ui.QueryUiModule;

/**
 * The service's features beyond the SPARQL protocol, each a {@link FusekiModule} in a package of its own. Each
 * module receives the served knowledge graph ({@link ServedGraph}) when it is made, and adds its servlets and
 * filters to the builder in its {@code configured(...)} step.
 */
public final class ServerModules {
    private ServerModules() {}

    /** The modules every server runs, in order, for {@code graph} served with the configuration {@code config}. */
    public static List<FusekiModule> defaults(ServedGraph graph, Model config) {
        LinkedData ld = new LinkedData(graph, PublicBase.fromConfig(config)); // one view, shared by the modules of this server
        return List.of(
                new OpsModule(),                   // request log, /$/metrics, graceful stop (first: its filter sees every request)
                new SecurityModule(graph),         // limits, SERVICE off, result cap, the optional admin path
                new ResponseCacheModule(graph),    // read-only pages from memory (after the two above: a hit is still logged and guarded)
                new QueryApiModule(graph),         // /api/queries, /api/openapi.json, /api/
                new ExplainModule(graph),          // /api/explain, /explain
                new SearchModule(ld),              // /api/search, /search (the header's search box)
                new LinkedDataModule(graph, ld, SitePages::new), // IRIs, content negotiation, VoID, dumps, service description, CORS
                new AssetsModule(),                // /assets/: CSS, JS, CodeMirror from the jar
                new QueryUiModule(graph, ld));     // /query
    }
}
