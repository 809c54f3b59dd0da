package org.fentanylkg.http.api;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.rdf.model.Model;
import org.fentanylkg.dataset.Generation;
import org.fentanylkg.dataset.ServedGraph;
import org.fentanylkg.http.linkeddata.Format;
import org.fentanylkg.http.security.SecuritySettings;
import org.fentanylkg.queries.SavedQueryCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The saved queries of {@code queries/} as a REST API (grlc's model, served by this server):
 * {@code /api/queries}, {@code /api/queries/{name}}, the OpenAPI description {@code /api/openapi.json} and the
 * browsable API page {@code /api/}. The queries are the served graph's (the folder beside its sources); a bad
 * query file stops the server with its file and line, like a bad fact file.
 */
public final class QueryApiModule implements FusekiModule {
    private static final Logger LOG = LoggerFactory.getLogger(QueryApiModule.class);
    private final ServedGraph graph;

    public QueryApiModule(ServedGraph graph) { this.graph = graph; }

    @Override
    public String name() { return "fentanyl-kg saved-query API"; }

    @Override
    public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model config) {
        SavedQueryCatalog catalog = graph.savedQueries();
        // The SPARQL endpoint's limits (SecurityModule reads the same node): one limit for every way of asking.
        SecuritySettings limits = SecuritySettings.from(config);
        byte[] openapi = ApiResponses.bytes(OpenApiDescription.build(catalog, limits.resultCap()));
        builder.addServlet("/api/queries/*", new SavedQueryServlet(catalog, graph.dataset(), graph::generation, limits.resultCap()));
        builder.addServlet("/api/openapi.json", new FixedJson(openapi, graph::generation));
        builder.addServlet("/api/*", new ApiDocsServlet());
        LOG.info("Saved-query API: {} queries at /api/queries, OpenAPI at /api/openapi.json, browsable at /api/", catalog.size());
    }

    /**
     * A JSON document computed once (the catalog does not change while the server runs), with the validators of the
     * generation served, as the catalog's other representations have them: a client revalidates with a cheap 304.
     */
    private static final class FixedJson extends HttpServlet {
        private final byte[] body;
        private final Supplier<Generation> generation;

        FixedJson(byte[] body, Supplier<Generation> generation) {
            this.body = body;
            this.generation = generation;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            ApiResponses.representation(generation.get(), Format.JSON, req).send(req, resp, () -> body);
        }
    }
}
