package org.fentanylkg.http.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.WebContent;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.apache.jena.system.Txn;
import org.fentanylkg.http.security.ResultCap;
import org.fentanylkg.queries.ParameterException;
import org.fentanylkg.queries.QueryParameter;
import org.fentanylkg.queries.SavedQuery;
import org.fentanylkg.queries.SavedQueryCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/queries} lists the saved queries; {@code GET /api/queries/{name}} runs one, with its
 * parameters from the query string, the format from the Accept header or a file suffix ({@link #formats()}),
 * and {@code limit}/{@code offset} paging. Answers go through the SPARQL endpoint's result cap
 * ({@code fkgc:resultCap}, {@link ResultCap}): a larger {@code limit} is clamped to it, as the endpoint clamps a
 * larger LIMIT, and the headers say so.
 */
final class SavedQueryServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(SavedQueryServlet.class);

    /**
     * A format a saved query answers in.
     *
     * @param mediaType what the client asks for (Accept) and what the answer's Content-Type says
     * @param suffix    the file suffix that asks for it in the path ({@code .csv}), null for Accept only
     * @param lang      the writer
     * @param graph     true for CONSTRUCT and DESCRIBE answers, false for SELECT and ASK
     */
    record ResultFormat(String mediaType, String suffix, Lang lang, boolean graph) {
        boolean fits(SavedQuery q) { return graph == isGraph(q.query()); }
    }

    /** The formats, by kind; in each kind the first is the default. */
    private static final List<ResultFormat> FORMATS = List.of(
            new ResultFormat(WebContent.contentTypeResultsJSON, ".json", ResultSetLang.RS_JSON, false),
            // Fuseki's offer too: plain JSON clients get the same document under the type they asked for.
            new ResultFormat(WebContent.contentTypeJSON, null, ResultSetLang.RS_JSON, false),
            new ResultFormat(WebContent.contentTypeTextCSV, ".csv", ResultSetLang.RS_CSV, false),
            new ResultFormat(WebContent.contentTypeTextTSV, ".tsv", ResultSetLang.RS_TSV, false),
            new ResultFormat(WebContent.contentTypeResultsXML, ".xml", ResultSetLang.RS_XML, false),
            new ResultFormat(WebContent.contentTypeTurtle, ".ttl", Lang.TURTLE, true),
            new ResultFormat(WebContent.contentTypeNTriples, ".nt", Lang.NTRIPLES, true),
            new ResultFormat(WebContent.contentTypeJSONLD, ".jsonld", Lang.JSONLD, true),
            new ResultFormat(WebContent.contentTypeRDFXML, ".rdf", Lang.RDFXML, true));

    /** Every format the servlet answers in: what the OpenAPI description advertises and the tests probe. */
    static List<ResultFormat> formats() { return FORMATS; }

    /** The formats that fit a query (results or graph), default first. */
    static List<ResultFormat> formats(SavedQuery q) { return formats().stream().filter(f -> f.fits(q)).toList(); }

    private final SavedQueryCatalog catalog;
    private final DatasetGraph dataset;
    private final long cap;
    private final long timeoutMs;

    /** {@code cap} and {@code timeoutMs} are the SPARQL endpoint's (the timeout itself is ARQ's, from its context). */
    SavedQueryServlet(SavedQueryCatalog catalog, DatasetGraph dataset, long cap, long timeoutMs) {
        this.catalog = catalog;
        this.dataset = dataset;
        this.cap = cap;
        this.timeoutMs = timeoutMs;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        if (path == null || path.equals("/")) {
            ApiResponses.json(resp, 200, list(catalog, req.getContextPath()));
            return;
        }
        // A query's name has no dot (SavedQueryCatalog), so a dot starts the suffix.
        String name = path.substring(1);
        int dot = name.indexOf('.');
        String suffix = dot < 0 ? null : name.substring(dot);
        if (dot >= 0) name = name.substring(0, dot);
        Optional<SavedQuery> found = catalog.get(name);
        if (found.isEmpty()) {
            ApiResponses.error(resp, 404, "no saved query named '" + name + "'; GET /api/queries lists them");
            return;
        }
        SavedQuery saved = found.get();
        List<ResultFormat> offer = formats(saved);
        ResultFormat format;
        if (suffix != null) {
            String s = suffix;
            Optional<ResultFormat> bySuffix = formats().stream().filter(f -> s.equals(f.suffix())).findFirst();
            if (bySuffix.isEmpty()) {
                ApiResponses.error(resp, 404, "no format '" + suffix + "'; query '" + name + "' answers as " + suffixes(offer)
                        + " (or by the Accept header)");
                return;
            }
            format = bySuffix.get();
            if (!format.fits(saved)) {
                ApiResponses.error(resp, 406, "'" + suffix + "' does not fit a " + saved.queryType() + " query; it answers as "
                        + suffixes(offer) + ", that is " + mediaTypes(offer));
                return;
            }
        } else {
            format = negotiate(req, offer);
            if (format == null) {
                ApiResponses.error(resp, 406, "cannot answer in " + req.getHeader("Accept") + "; this query gives " + mediaTypes(offer));
                return;
            }
        }
        Query query;
        try {
            query = saved.bind(ApiResponses.parameters(req));
        } catch (ParameterException e) {
            ApiResponses.error(resp, 400, e.getMessage(), e.parameter(), e.expected());
            return;
        }
        run(saved, query, format, resp);
    }

    private static ResultFormat negotiate(HttpServletRequest req, List<ResultFormat> offer) {
        AcceptList types = AcceptList.create(offer.stream().map(ResultFormat::mediaType).toArray(String[]::new));
        MediaType chosen = ApiResponses.negotiate(req, types);
        if (chosen == null) return null;
        return offer.stream().filter(f -> f.mediaType().equals(chosen.getContentTypeStr())).findFirst().orElse(null);
    }

    private static String suffixes(List<ResultFormat> formats) {
        return formats.stream().map(ResultFormat::suffix).filter(s -> s != null).collect(Collectors.joining(", "));
    }

    private static List<String> mediaTypes(List<ResultFormat> formats) { return formats.stream().map(ResultFormat::mediaType).toList(); }

    private void run(SavedQuery saved, Query query, ResultFormat format, HttpServletResponse resp) throws IOException {
        try {
            // Read whole (at most cap+1 items) before the first byte is sent, so a timeout still gets a proper status.
            ResultCap.Capped<?> answer = Txn.calculateRead(dataset, () -> execute(query));
            resp.setStatus(200);
            resp.setHeader(ResultCap.HEADER_LIMIT, Long.toString(cap));
            if (answer.capped()) {
                resp.setHeader(ResultCap.HEADER_CAPPED, "true");
                LOG.info("saved query {}: answer capped at {} {}", saved.name(), cap, format.graph() ? "triples" : "rows");
            }
            resp.setContentType(format.mediaType());
            resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
            OutputStream out = resp.getOutputStream();
            if (answer.value() instanceof RowSet rows) ResultsWriter.create().lang(format.lang()).build().write(out, rows);
            else if (answer.value() instanceof Boolean b) ResultsWriter.create().lang(format.lang()).build().write(out, b);
            else RDFWriter.source((Graph) answer.value()).lang(format.lang()).output(out);
            out.flush();
        } catch (QueryCancelledException e) {
            ApiResponses.error(resp, 503, "query '" + saved.name() + "' ran past the server's query timeout of " + timeoutMs + " ms");
        } catch (RuntimeException e) {
            LOG.warn("saved query {} failed", saved.name(), e);
            ApiResponses.error(resp, 500, "query '" + saved.name() + "' failed: " + e.getMessage());
        }
    }

    /** The answer up to the cap, as the SPARQL endpoint reads it (GuardedQueryService): at most cap+1 items. */
    private ResultCap.Capped<?> execute(Query query) {
        try (QueryExec exec = QueryExec.dataset(dataset).query(ResultCap.limited(query, cap)).build()) {
            if (query.isSelectType()) return ResultCap.rows(exec.select(), cap);
            if (query.isAskType()) return new ResultCap.Capped<>(exec.ask(), false);
            var triples = ResultCap.triples(query.isConstructType() ? exec.constructTriples() : exec.describeTriples(), cap);
            triples.value().getPrefixMapping().setNsPrefixes(query.getPrefixMapping());
            return triples;
        }
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

    static boolean isGraph(Query q) { return q.isConstructType() || q.isDescribeType(); }
}
