package org.fentanylkg.http.api;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.rdf.model.Model;
import org.fentanylkg.http.EarlyPreparation;
import org.fentanylkg.http.linkeddata.LinkedData;
import org.fentanylkg.search.SearchIndex;

/**
 * Search: {@code /api/search} (JSON, CSV) and the results page {@code /search}, over the text index that each
 * served dataset carries (built with it; see {@code search.SearchIndex}). The search box in every page's header
 * asks {@code /api/search} for suggestions and opens {@code /search}.
 */
public final class SearchModule implements FusekiModule, EarlyPreparation {
    public static final String API_PATH = "/api/search";
    public static final String PAGE_PATH = "/search";

    private final LinkedData ld;

    public SearchModule(LinkedData ld) { this.ld = ld; }

    @Override
    public String name() { return "fentanyl-kg search"; }

    /** Loads and warms Lucene while the graph builds, so the index build that follows it costs less of the start. */
    @Override
    public void prepareEarly(Model config) {
        if (!SearchIndex.off()) SearchIndex.warmUp();
    }

    @Override
    public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model config) {
        builder.addServlet(API_PATH, new SearchServlet(ld));
        builder.addServlet(PAGE_PATH, new SearchPageServlet(ld));
    }
}
