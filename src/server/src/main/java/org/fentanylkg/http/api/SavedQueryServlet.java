package org.fentanylkg.http.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.WebContent;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.resultset.ResultSetWriterRegistry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.apache.jena.system.Txn;
import org.fentanylkg.queries.ParameterException;
import org.fentanylkg.queries.QueryParameter;
import org.fentanylkg.queries.SavedQuery;
import org.fentanylkg.queries.SavedQueryCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/queries} lists the saved queries; {@code GET /api/queries/{name}} runs one, with its
 * parameters from the query string, the format from the Accept header or a {@code .json}, {@code .csv} or
 * {@code .tsv} suffix, and {@code limit}/{@code offset} paging.
 */
final class SavedQueryServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(SavedQueryServlet.class);

    /** SELECT and ASK results; the first is the default. */
    static final AcceptList RESULTS = AcceptList.create(WebContent.contentTypeResultsJSON, WebContent.contentTypeJSON,
            WebContent.contentTypeTextCSV, WebContent.contentTypeTextTSV, WebContent.contentTypeResultsXML);
    /** CONSTRUCT and DESCRIBE results. */
    static final AcceptList GRAPHS = AcceptList.create(WebContent.contentTypeTurtle, WebContent.contentTypeNTriples,
            WebContent.contentTypeJSONLD, WebContent.contentTypeRDFXML);
    private static final Map<String, String> SUFFIXES = Map.of(
            ".json", WebContent.contentTypeResultsJSON, ".csv", WebContent.contentTypeTextCSV,
            ".tsv", WebContent.contentTypeTextTSV, ".xml", WebContent.contentTypeResultsXML,
            ".ttl", WebContent.contentTypeTurtle, ".nt", WebContent.contentTypeNTriples,
            ".jsonld", WebContent.contentTypeJSONLD, ".rdf", WebContent.contentTypeRDFXML);

    private final SavedQueryCatalog catalog;
    private final DatasetGraph dataset;
    private final Dataset wrapped;

    SavedQueryServlet(SavedQueryCatalog catalog, DatasetGraph dataset) {
        this.catalog = catalog;
        this.dataset = dataset;
        this.wrapped = DatasetFactory.wrap(dataset);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        if (path == null || path.equals("/")) {
            ApiResponses.json(resp, 200, list(catalog, req.getContextPath()));
            return;
        }
        String name = path.substring(1);
        String suffix = null;
        for (String s : SUFFIXES.keySet()) {
            if (name.endsWith(s) && catalog.get(name).isEmpty()) {
                suffix = s;
                name = name.substring(0, name.length() - s.length());
                break;
            }
        }
        Optional<SavedQuery> found = catalog.get(name);
        if (found.isEmpty()) {
            ApiResponses.error(resp, 404, "no saved query named '" + name + "'; GET /api/queries lists them");
            return;
        }
        SavedQuery saved = found.get();
        Query query;
        try {
            query = saved.bind(ApiResponses.parameters(req));
        } catch (ParameterException e) {
            ApiResponses.error(resp, 400, e.getMessage(), e.parameter(), e.expected());
            return;
        }
        boolean graph = query.isConstructType() || query.isDescribeType();
        AcceptList offer = graph ? GRAPHS : RESULTS;
        MediaType type;
        if (suffix != null) {
            type = MediaType.create(SUFFIXES.get(suffix));
            if (AcceptList.match(AcceptList.create(type), offer) == null) {
                ApiResponses.error(resp, 406, "'" + suffix + "' does not fit a " + saved.queryType() + " query; it gives "
                        + offer.entries().stream().map(MediaType::getContentTypeStr).toList());
                return;
            }
        } else {
            type = ApiResponses.negotiate(req, offer);
            if (type == null) {
                ApiResponses.error(resp, 406, "cannot answer in " + req.getHeader("Accept") + "; this query gives "
                        + offer.entries().stream().map(MediaType::getContentTypeStr).toList());
                return;
            }
        }
        run(saved, query, type.getContentTypeStr(), resp);
    }

    private void run(SavedQuery saved, Query query, String contentType, HttpServletResponse resp) throws IOException {
        try {
            // Results are gathered before the first byte is sent, so a failure still gets a proper status.
            Object result = Txn.calculateRead(dataset, () -> {
                try (QueryExecution qe = QueryExecution.create(query, wrapped)) {
                    if (query.isSelectType()) return ResultSetFactory.copyResults(qe.execSelect());
                    if (query.isAskType()) return qe.execAsk();
                    return query.isConstructType() ? qe.execConstruct().getGraph() : qe.execDescribe().getGraph();
                }
            });
            resp.setStatus(200);
            resp.setContentType(contentType.equals(WebContent.contentTypeJSON) ? WebContent.contentTypeResultsJSON : contentType);
            resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
            OutputStream out = resp.getOutputStream();
            if (result instanceof ResultSetRewindable rs) {
                ResultsWriter.create().lang(resultLang(contentType)).write(out, rs);
            } else if (result instanceof Boolean b) {
                ResultsWriter.create().lang(resultLang(contentType)).build().write(out, b);
            } else {
                Lang lang = RDFLanguages.contentTypeToLang(contentType);
                RDFWriter.source((Graph) result).lang(lang).output(out);
            }
            out.flush();
        } catch (QueryCancelledException e) {
            ApiResponses.error(resp, 503, "query '" + saved.name() + "' timed out");
        } catch (RuntimeException e) {
            LOG.warn("saved query {} failed", saved.name(), e);
            ApiResponses.error(resp, 500, "query '" + saved.name() + "' failed: " + e.getMessage());
        }
    }

    private static Lang resultLang(String contentType) {
        if (contentType.equals(WebContent.contentTypeJSON)) return ResultSetLang.RS_JSON;
        Lang lang = RDFLanguages.contentTypeToLang(contentType);
        return lang != null && ResultSetWriterRegistry.isRegistered(lang) ? lang : ResultSetLang.RS_JSON;
    }

    /** The catalog as the listing gives it: everything a client needs to call each query. */
    static JsonObject list(SavedQueryCatalog catalog, String contextPath) {
        JsonArray queries = new JsonArray();
        for (SavedQuery q : catalog.all()) queries.add(describe(q, contextPath));
        JsonObject o = new JsonObject();
        o.addProperty("count", catalog.size());
        o.add("queries", queries);
        return o;
    }

    static JsonObject describe(SavedQuery q, String contextPath) {
        JsonObject o = new JsonObject();
        o.addProperty("name", q.name());
        o.addProperty("title", q.title());
        o.addProperty("description", q.description());
        JsonArray tags = new JsonArray();
        q.tags().forEach(tags::add);
        o.add("tags", tags);
        o.addProperty("type", q.queryType());
        o.addProperty("url", contextPath + "/api/queries/" + q.name());
        JsonArray params = new JsonArray();
        for (QueryParameter p : q.parameters()) params.add(describe(p));
        o.add("parameters", params);
        if (q.pagination() > 0) o.addProperty("pagination", q.pagination());
        JsonArray vars = new JsonArray();
        q.resultVariables().forEach(vars::add);
        o.add("variables", vars);
        o.addProperty("sparql", q.sparql());
        return o;
    }

    static JsonObject describe(QueryParameter p) {
        JsonObject o = new JsonObject();
        o.addProperty("name", p.name());
        o.addProperty("variable", "?" + p.variable());
        o.addProperty("type", p.typeName());
        if (p.datatype() != null) o.addProperty("datatype", p.datatype());
        if (p.lang() != null) o.addProperty("lang", p.lang());
        o.addProperty("required", p.required());
        p.defaultValue().ifPresent(d -> o.addProperty("default", d));
        if (!p.enumeration().isEmpty()) {
            JsonArray e = new JsonArray();
            p.enumeration().forEach(e::add);
            o.add("enum", e);
        }
        o.addProperty("description", p.expected());
        return o;
    }
}
