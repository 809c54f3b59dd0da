package org.fentanylkg.http.linkeddata;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.fuseki.server.Endpoint;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.rdf.model.Model;
import org.fentanylkg.dataset.ServedGraph;

/**
 * Linked data as a Fuseki module: dereferenceable IRIs for the whole namespace (content negotiation, HTML from
 * {@link HtmlPages}), the VoID/DCAT description, the dumps, the JSON-LD context, the SPARQL Service
 * Description at the query endpoints, and CORS on every read endpoint.
 */
public final class LinkedDataModule implements FusekiModule {
    /** The server paths of the namespace {@code https://w3id.org/fentanyl-kg/} and of the dataset's description. */
    public static final List<String> PATHS = List.of("", "/id/*", "/fact/*", "/report/*", "/graph/*", "/ontology", "/ontology/*",
            "/" + DatasetDescription.PATH, "/" + LinkedDataServlet.CONTEXT_PATH, "/dumps", "/dumps/*");

    private final ServedGraph graph;
    private final LinkedData ld;
    private final Function<LinkedData, HtmlPages> pages;

    /** @param pages makes the HTML pages once the dataset is known */
    public LinkedDataModule(ServedGraph graph, LinkedData ld, Function<LinkedData, HtmlPages> pages) {
        this.graph = graph;
        this.ld = ld;
        this.pages = pages;
    }

    @Override
    public String name() { return "fentanyl-kg linked data"; }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        // Fuseki's CORS filter comes first in the chain and covers every path, so the servlets added here too.
        builder.enableCors(true);
    }

    @Override
    public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model configModel) {
        DataAccessPoint dap = registry.get(graph.name());
        HtmlPages html = pages.apply(ld);
        for (String path : PATHS) builder.addServlet(path, new LinkedDataServlet(ld, html));
        Set<String> endpoints = new LinkedHashSet<>();
        for (Endpoint e : dap.getDataService().getEndpoints(Operation.Query)) {
            endpoints.add(graph.name() + (e.getName() == null || e.getName().isEmpty() ? "" : "/" + e.getName()));
        }
        builder.addFilter(graph.name() + "/*", new ServiceDescriptionFilter(ld, endpoints));
    }
}
