package org.fentanylkg.http.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.apache.jena.system.Txn;
import org.fentanylkg.dataset.Generation;
import org.fentanylkg.http.linkeddata.Format;
import org.fentanylkg.http.linkeddata.HttpError;
import org.fentanylkg.http.linkeddata.Negotiation;
import org.fentanylkg.http.security.GuardedQueryService;
import org.fentanylkg.http.security.ResultCap;
import org.fentanylkg.queries.ParameterException;
import org.fentanylkg.queries.QueryParameter;
import org.fentanylkg.queries.SavedQuery;
import org.fentanylkg.queries.SavedQueryCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/queries} lists the saved queries; {@code GET /api/queries/{name}} runs one, with its
 * parameters from the query string, the format from the Accept header or a file suffix ({@code .csv}; the
 * offers are {@link #formats(boolean)}), and {@code limit}/{@code offset} paging. Answers go through the SPARQL
 * endpoint's result cap ({@code fkgc:resultCap}, {@link ResultCap}): a larger {@code limit} is clamped to it, as the
 * endpoint clamps a larger LIMIT, and the headers say so. Both carry validators from the generation served
 * ({@link org.fentanylkg.http.linkeddata.Representation}): a notebook that polls a query asks with If-None-Match and
 * gets 304, without the query being run, until the data changes.
 */
final class SavedQueryServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(SavedQueryServlet.class);

    /**
     * The formats of a query's answers, the default first: what the servlet offers, the OpenAPI description
     * advertises and the tests probe. The one place that names the table's lists.
     */
    static List<Format> formats(boolean graph) { return graph ? Format.GRAPH_RESULTS : Format.RESULTS; }

    static List<Format> formats(SavedQuery q) { return formats(isGraph(q.query())); }

    static boolean isGraph(Query q) { return q.isConstructType() || q.isDescribeType(); }

    private final SavedQueryCatalog catalog;
    private final DatasetGraph dataset;
    private final Supplier<Generation> generation;
    private final long cap;

    /** {@code cap}: the SPARQL endpoint's result cap. */
    SavedQueryServlet(SavedQueryCatalog catalog, DatasetGraph dataset, Supplier<Generation> generation, long cap) {
        this.catalog = catalog;
        this.dataset = dataset;
        this.generation = generation;
        this.cap = cap;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        if (path == null || path.equals("/")) {
            Negotiation.byAccept(req, Format.JSON_ONLY);
            ApiResponses.representation(generation.get(), Format.JSON, req)
                    .send(req, resp, () -> ApiResponses.bytes(list(catalog, req.getContextPath())));
            return;
        }
        String name = path.substring(1);
        String suffix = null;
        int dot = name.lastIndexOf('.');
        if (dot > 0 && catalog.get(name).isEmpty()) {
            suffix = name.substring(dot + 1);
            name = name.substring(0, dot);
        }
        String queryName = name;
        SavedQuery saved = catalog.get(name).orElseThrow(() -> HttpError.notFound("no saved query named '" + Negotiation.clip(queryName)
                + "'; GET /api/queries lists them"));
        Query query;
        try {
            query = saved.bind(ApiResponses.parameters(req));
        } catch (ParameterException e) {
            throw HttpError.badParameter(400, e.getMessage(), e.parameter(), e.expected());
        }
        List<Format> offers = formats(saved);
        Format format = suffix != null ? Negotiation.named(suffix, offers, true) : Negotiation.byAccept(req, offers);
        // The generation is read before the query runs: the answer is of this generation or a later one.
        var rep = ApiResponses.representation(generation.get(), format, req).header(ResultCap.HEADER_LIMIT, Long.toString(cap));
        if (suffix == null) rep.header("Vary", "Accept");
        rep.send(req, resp, () -> run(saved, query, format, resp));
    }

    /** The answer's bytes; read whole (at most cap+1 items) first, so that a failure still gets a proper status. */
    private byte[] run(SavedQuery saved, Query query, Format format, HttpServletResponse resp) {
        ResultCap.Capped<?> answer;
        try {
            answer = Txn.calculateRead(dataset, () -> execute(query));
        } catch (QueryCancelledException e) {
            throw new HttpError(503, GuardedQueryService.timeoutMessage("Query '" + saved.name() + "'"));
        } catch (RuntimeException e) {
            LOG.warn("saved query {} failed", saved.name(), e);
            throw new HttpError(500, "query '" + saved.name() + "' failed; the error is in the server's log");
        }
        if (answer.capped()) {
            resp.setHeader(ResultCap.HEADER_CAPPED, "true");
            LOG.info("saved query {}: answer capped at {} {}", saved.name(), cap, isGraph(query) ? "triples" : "rows");
        }
        Object result = answer.value();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (result instanceof RowSet rows) {
            ResultsWriter.create().lang(format.lang()).build().write(out, rows);
        } else if (result instanceof Boolean b) {
            ResultsWriter.create().lang(format.lang()).build().write(out, b);
        } else {
            RDFWriter.source((Graph) result).lang(format.lang()).output(out);
        }
        return out.toByteArray();
    }

    /** The answer up to the cap, as the SPARQL endpoint reads it (GuardedQueryService): at most cap+1 items. */
    private ResultCap.Capped<?> execute(Query query) {
        try (QueryExec exec = QueryExec.dataset(dataset).query(ResultCap.limited(query, cap)).build()) {
            if (query.isSelectType()) return ResultCap.rowsDetached(exec.select(), cap); // written after the transaction
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
}
