package org.fentanylkg.http.ui;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.fentanylkg.http.linkeddata.Format;
import org.fentanylkg.http.linkeddata.HttpError;
import org.fentanylkg.http.linkeddata.LinkedData;
import org.fentanylkg.http.linkeddata.Links;
import org.fentanylkg.vocab.Prefixes;
import org.fentanylkg.http.linkeddata.Representation;
import org.fentanylkg.http.pages.SitePages;
import org.fentanylkg.http.pages.Templates;
import org.fentanylkg.http.pages.View;
import org.fentanylkg.queries.QueryParameter;
import org.fentanylkg.queries.SavedQuery;
import org.fentanylkg.queries.SavedQueryCatalog;
import org.fentanylkg.vocab.FKG;

/**
 * The query page. {@code ?query=} fills the editor (and {@code &run=1} runs it on load), so a query can be
 * shared as a link, as on the Wikidata Query Service. The page itself holds no data beyond the saved queries.
 */
final class QueryPageServlet extends HttpServlet {

    static final String DEFAULT_QUERY = """
            # Cartels and other groups designated as Foreign Terrorist Organizations (an inferred class).
            # The prefixes listed above the editor are known: use them without declaring them.
            SELECT ?organization ?name WHERE {
              ?organization a fkg:ForeignTerroristOrganization ;
                            rdfs:label ?name .
            }
            ORDER BY ?name
            """;

    private final LinkedData ld;
    private final SavedQueryCatalog catalog;
    /** The longest query accepted (fkgc:maxQueryLength, as at the SPARQL endpoint). */
    private final int maxQuery;

    QueryPageServlet(LinkedData ld, SavedQueryCatalog catalog, int maxQuery) {
        this.ld = ld;
        this.catalog = catalog;
        this.maxQuery = maxQuery;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] queries = request.getParameterValues("query");
        if (queries != null && queries.length > 1) {
            throw HttpError.badParameter(400, "parameter query is given " + queries.length + " times; give it once", "query", null);
        }
        String query = queries == null ? DEFAULT_QUERY : queries[0];
        if (query.length() > maxQuery) {
            throw HttpError.badParameter(414, "parameter query is " + query.length() + " characters long; this server accepts queries of at most "
                    + maxQuery + " characters", "query", null);
        }
        Links links = ld.links(request);
        // The page holds the saved queries, fixed while the server runs, and the report's IRI, of the generation.
        Representation.of(ld.generation(), Format.HTML, request, links).sendText(request, response, () -> {
            Node report = ld.read(() -> SitePages.reportIri(ld.dataset()));
            Map<String, Object> page = Templates.page(links, report, "Query", "query");
            page.put("stylesheets", List.of(links.at("assets/vendor/codemirror/lib/codemirror.css")));
            page.put("scripts", List.of(links.at("assets/vendor/codemirror/lib/codemirror.js"),
                    links.at("assets/vendor/codemirror/mode/sparql/sparql.js"),
                    links.at("assets/vendor/codemirror/addon/edit/matchbrackets.js"),
                    links.at("assets/js/query.js")));
            page.put("endpoint", links.at("kg/sparql"));
            page.put("namespace", FKG.BASE);
            page.put("prefixes", Prefixes.sparqlDeclarations());
            page.put("query", query);
            page.put("autorun", "1".equals(request.getParameter("run")) && queries != null);
            page.put("saved", saved(links));
            return Templates.render("query", page);
        });
    }

    private List<Map<String, Object>> saved(Links links) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SavedQuery q : catalog.all()) {
            List<Map<String, Object>> params = new ArrayList<>();
            for (QueryParameter p : q.parameters()) params.add(View.of("name", p.name(), "default", p.defaultValue().orElse(null)));
            out.add(View.of("name", q.name(), "title", q.title(), "description", q.description(), "tags", q.tags(),
                    "parameters", params, "text", q.sparql(), "api", links.at("api/queries/" + q.name())));
        }
        return out;
    }
}
