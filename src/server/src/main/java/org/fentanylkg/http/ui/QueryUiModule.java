package org.fentanylkg.http.ui;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.rdf.model.Model;
import org.fentanylkg.dataset.ServedGraph;
import org.fentanylkg.http.linkeddata.LinkedData;
import org.fentanylkg.http.security.SecuritySettings;
import org.fentanylkg.queries.SavedQueryCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The query UI at {@code /query}: a SPARQL editor (CodeMirror, served from the jar) with the shared prefixes,
 * a results table whose IRIs link to the resources' pages, CSV and JSON downloads, and the saved queries of
 * {@code queries/} as a gallery. It only talks to the read-only query endpoint; it opens no admin endpoint.
 */
public final class QueryUiModule implements FusekiModule {
    private static final Logger LOG = LoggerFactory.getLogger(QueryUiModule.class);
    public static final String PATH = "/query";

    private final ServedGraph graph;
    private final LinkedData ld;

    public QueryUiModule(ServedGraph graph, LinkedData ld) {
        this.graph = graph;
        this.ld = ld;
    }

    @Override
    public String name() { return "fentanyl-kg query UI"; }

    @Override
    public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model configModel) {
        SavedQueryCatalog catalog = graph.savedQueries();
        builder.addServlet(PATH, new QueryPageServlet(ld, catalog, SecuritySettings.from(configModel).maxQueryLength()));
        LOG.info("Query UI at {} with {} saved queries", PATH, catalog.size());
    }
}
