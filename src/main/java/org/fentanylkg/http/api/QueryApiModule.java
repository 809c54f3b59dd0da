package org.fentanylkg.http.api;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.core.DatasetGraph;
import org.fentanylkg.dataset.KnowledgeGraphAssembler;
import org.fentanylkg.http.EarlyPreparation;
import org.fentanylkg.http.ServerModules;
import org.fentanylkg.http.security.SecuritySettings;
import org.fentanylkg.queries.SavedQueryCatalog;
import org.fentanylkg.rdf.LoadException;
import org.fentanylkg.source.Sources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The saved queries of {@code queries/} as a REST API (grlc's model, served by this server):
 * {@code /api/queries}, {@code /api/queries/{name}}, the OpenAPI description {@code /api/openapi.json} and the
 * browsable API page {@code /api/}. The queries are read from the folder beside the sources the dataset is
 * built from; a bad query file stops the server with its file and line, like a bad fact file.
 */
public final class QueryApiModule implements FusekiModule, EarlyPreparation {
    private static final Logger LOG = LoggerFactory.getLogger(QueryApiModule.class);
    /** The builder's servlet attribute holding the catalog, for the other modules that list the saved queries. */
    public static final String CATALOG_ATTRIBUTE = SavedQueryCatalog.class.getName();

    private SavedQueryCatalog catalog;

    @Override
    public String name() { return "fentanyl-kg saved-query API"; }

    @Override
    public void prepareEarly(Model config) { catalog = catalog(config); }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model config) {
        if (catalog == null) catalog = catalog(config);
        builder.addServletAttribute(CATALOG_ATTRIBUTE, catalog);
    }

    @Override
    public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model config) {
        // The dataset as served (swappable on reload, or a TDB2 store), not the one built at start.
        var dap = registry.get(ServerModules.DATASET);
        if (dap == null) throw new IllegalStateException("fuseki-config.ttl declares no dataset named " + ServerModules.DATASET);
        DatasetGraph served = dap.getDataService().getDataset();
        // The SPARQL endpoint's limits (SecurityModule reads the same node): one limit for every way of asking.
        SecuritySettings limits = SecuritySettings.from(config);
        String openapi = ApiResponses.GSON.toJson(OpenApiDescription.build(catalog, limits.resultCap()));
        builder.addServlet("/api/queries/*", new SavedQueryServlet(catalog, served, limits.resultCap(), limits.queryTimeoutMs()));
        builder.addServlet("/api/openapi.json", new FixedJson(openapi));
        builder.addServlet("/api/*", new ApiDocsServlet());
        LOG.info("Saved-query API: {} queries at /api/queries, OpenAPI at /api/openapi.json, browsable at /api/", catalog.size());
    }

    /** The catalog {@link QueryApiModule} loaded for this server, else the one {@link #catalog(Model)} loads. */
    public static SavedQueryCatalog catalog(FusekiServer.Builder builder, Model config) {
        return builder.getServletAttribute(CATALOG_ATTRIBUTE) instanceof SavedQueryCatalog c ? c : catalog(config);
    }

    /**
     * The catalog of {@code queries/} under the dataset's sources (fkgc:sources), else the packaged one; works on
     * a folder and inside the jar (zip file system). A bad query file is an IllegalStateException naming file and line.
     */
    public static SavedQueryCatalog catalog(Model config) {
        Path root;
        try {
            root = sourcesRoot(config);
            return SavedQueryCatalog.load(root.resolve(SavedQueryCatalog.DIRECTORY));
        } catch (LoadException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("saved queries: " + e.getMessage(), e);
        }
    }

    private static Path sourcesRoot(Model config) throws IOException {
        for (RDFNode n : config.listObjectsOfProperty(KnowledgeGraphAssembler.SOURCES).toList()) {
            if (n.isURIResource()) return Path.of(URI.create(n.asResource().getURI()));
            if (n.isLiteral()) return Path.of(n.asLiteral().getLexicalForm());
        }
        return Sources.embeddedRoot();
    }

    /** A JSON document computed once (the catalog does not change while the server runs). */
    private static final class FixedJson extends HttpServlet {
        private final byte[] body;

        FixedJson(String json) { this.body = json.getBytes(StandardCharsets.UTF_8); }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setStatus(200);
            resp.setContentType(ApiResponses.JSON);
            resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
            resp.getOutputStream().write(body);
        }
    }
}
