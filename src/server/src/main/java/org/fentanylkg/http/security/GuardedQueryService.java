package org.fentanylkg.http.security;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.apache.jena.atlas.RuntimeIOException;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.DEF;
import org.apache.jena.fuseki.system.ConNeg;
import org.apache.jena.riot.WebContent;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.fuseki.server.CounterName;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.ActionExecLib;
import org.apache.jena.fuseki.servlets.SPARQLProtocol;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.Timeouts;
import java.util.concurrent.TimeUnit;
import org.apache.jena.riot.system.Prefixes;
import org.apache.jena.riot.web.HttpNames;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.fentanylkg.http.linkeddata.Format;
import org.apache.jena.web.HttpSC;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fuseki's SPARQL query operation with the public endpoint's limits: the query length, the query policy
 * ({@link QueryPolicy}: no SERVICE, no java: extensions), no JSONP or XSLT parameters, and the result cap
 * ({@link ResultCap}). The query timeout is Fuseki's own (the context's {@code arq:queryTimeout}, which also
 * bounds the protocol's {@code timeout=} parameter); a query cut by it gets 503 "Query timed out after N ms (the
 * server's limit)". An update, which this read-only service refuses, gets 403 saying so; HEAD answers as GET.
 */
public final class GuardedQueryService extends SPARQL_QueryDataset {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedQueryService.class);

    /**
     * Fuseki parameters refused here: {@code callback} (JSONP) writes the caller's text in front of the
     * results, and {@code stylesheet} puts a caller-chosen URL, unescaped, in an XML processing instruction;
     * both let a link make the server answer with attacker-written content (reflected XSS).
     */
    static final java.util.List<String> REFUSED_PARAMS = java.util.List.of("callback", "stylesheet");

    private final SecuritySettings settings;

    public GuardedQueryService(SecuritySettings settings) { this.settings = settings; }

    /** Said to an update sent to a query endpoint (SPARQL Update is refused here, however it comes). */
    public static final String READ_ONLY = "This SPARQL service is read-only: it takes queries (query= or application/sparql-query), "
            + "never an update";

    /**
     * HEAD answers as GET does, headers and all, without the body (RFC 9110; Jetty drops the body of a HEAD).
     * Fuseki's own validate and execute take only GET and POST, so this runs their GET steps.
     */
    @Override
    public void execHead(HttpAction action) {
        refuse(action);
        validateParams(action, acceptedParams(action));
        validateRequest(action);
        executeWithParameter(action);
    }

    @Override
    public void validate(HttpAction action) {
        refuse(action);
        super.validate(action);
    }

    /** What this server refuses whatever Fuseki allows: an update, JSONP and XSLT parameters. */
    private static void refuse(HttpAction action) {
        String type = action.getRequest().getContentType();
        if ((type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith(WebContent.contentTypeSPARQLUpdate))
                || action.getRequestParameter(HttpNames.paramUpdate) != null) {
            ServletOps.error(HttpSC.FORBIDDEN_403, READ_ONLY);
        }
        for (String p : REFUSED_PARAMS) {
            if (action.getRequestParameter(p) != null) {
                ServletOps.errorBadRequest("The '" + p + "' parameter is not supported on this server");
            }
        }
    }

    /**
     * Fuseki's own steps (SPARQLQueryProcessor.execute), less what each request paid for nothing: its action log
     * formats the query text twice (once re-serialised from the parsed query) at INFO, which this server does not
     * log (the request log has one line per request, with a hash). The text is parsed once per distinct text
     * ({@link ParsedQueries}), and so are the query policy, the capped form of the query and its algebra
     * ({@link CompiledPlans}).
     */
    @Override
    protected void execute(String queryString, HttpAction action) {
        if (queryString.isBlank()) ServletOps.errorBadRequest(queryString.isEmpty() ? "Error: Empty query string" : "Error: Blank query string");
        if (queryString.length() > settings.maxQueryLength()) {
            // In a GET the query is part of the URI (414); otherwise it is the request body (413).
            int status = HttpNames.METHOD_GET.equals(action.getRequestMethod()) ? HttpSC.URI_TOO_LONG_414 : HttpSC.PAYLOAD_TOO_LARGE_413;
            ServletOps.error(status, "The query is " + queryString.length() + " characters long; this server accepts queries of at most "
                    + settings.maxQueryLength() + " characters");
        }
        ParsedQueries.Parsed parsed = null;
        try {
            parsed = ParsedQueries.shared().parse(queryString);
            parsed.refusal(settings.serviceAllowed()).ifPresent(ServletOps::errorBadRequest);
        } catch (ActionErrorException ex) {
            throw ex;
        } catch (QueryParseException ex) {
            ServletOps.errorBadRequest(SPARQLProtocol.messageForParseException(ex));
        } catch (QueryException ex) {
            ServletOps.errorBadRequest("Error: \n" + queryString + "\n" + SPARQLProtocol.messageForException(ex));
        }
        Query query = parsed.query();
        try {
            action.beginRead();
            Pair<DatasetGraph, Query> p = decideDataset(action, query, null);
            Query q = p.getRight() == null ? query : p.getRight();
            // The capped form: memoised unless the dataset description made a query of its own.
            Query run = q == query ? parsed.limited(settings.resultCap()) : ResultCap.limited(q, settings.resultCap());
            if (q == query) parsed.plan(settings.resultCap()).ifPresent(memo -> action.getContext().set(CompiledPlans.MEMO, memo));
            try (QueryExec exec = super.createQueryExec(action, run, p.getLeft())) {
                QueryExecResult result = executeQuery(action, exec, query, null);
                sendResults(action, result, query.getPrologue());
            }
        } catch (QueryParseException ex) {
            action.abortSilent();
            ServletOps.errorBadRequest("Query parse error: \n" + queryString + "\n" + SPARQLProtocol.messageForException(ex));
        } catch (QueryCancelledException ex) {
            action.abortSilent();
            ActionExecLib.incCounter(action.getEndpoint().getCounters(), CounterName.QueryTimeouts);
            String asked = action.getRequestParameter(HttpNames.paramTimeout);
            ServletOps.error(HttpSC.SERVICE_UNAVAILABLE_503, asked == null ? timeoutMessage("Query")
                    : "Query timed out (the request asked for timeout=" + asked + " s; the server's limit is " + queryTimeoutMs() + " ms)");
        } finally {
            action.endRead();
        }
    }

    /** "Query timed out after 10000 ms (the server's limit)": what a query cut by the timeout is told. */
    public static String timeoutMessage(String what) {
        return what + " timed out after " + queryTimeoutMs() + " ms (the server's limit)";
    }

    /** The overall query timeout in force (ARQ's context, set from the configuration by {@link SecurityModule}). */
    static long queryTimeoutMs() {
        Object t = ARQ.getContext().get(ARQ.queryTimeout);
        if (t == null) return SecuritySettings.DEFAULT_QUERY_TIMEOUT_MS;
        long ms = Timeouts.parseTimeoutStr(t.toString(), TimeUnit.MILLISECONDS).getRight();
        return ms > 0 ? ms : SecuritySettings.DEFAULT_QUERY_TIMEOUT_MS;
    }

    @Override
    protected void validateQuery(HttpAction action, Query query) {
        super.validateQuery(action, query);
        Optional<String> refusal = QueryPolicy.check(query, settings.serviceAllowed());
        refusal.ifPresent(ServletOps::errorBadRequest);
    }

    @Override
    protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
        return super.createQueryExec(action, ResultCap.limited(query, settings.resultCap()), dataset);
    }

    /**
     * SELECT and ASK answers in SPARQL JSON (what most clients ask for) are written by {@link JsonResults}; SELECT
     * answers in CSV, TSV and SPARQL XML by Jena's writers, through {@link HeldAnswer}; everything else, and any
     * request with a format parameter, as Fuseki writes it. The format is chosen as Fuseki chooses it. Written here,
     * an answer that fits in {@link HeldAnswer#WHOLE_ANSWER_BYTES} goes out with its length, in full packets.
     */
    @Override
    protected void sendResults(HttpAction action, QueryExecResult result, Prologue prologue) {
        Format format = result.isRowSet() || result.isBoolean() ? plainFormat(action) : null;
        if (format == null || (result.isBoolean() && format != Format.RESULTS_JSON)) {
            super.sendResults(action, result, prologue);
            return;
        }
        ServletOps.setNoCache(action);
        action.setResponseContentType(format.contentType());
        ServletOps.success(action);
        IntConsumer contentLength = length -> action.getResponse().setContentLength(length);
        try {
            OutputStream out = action.getResponseOutputStream();
            if (result.isBoolean()) JsonResults.write(out, result.booleanResult(), contentLength);
            else if (format == Format.RESULTS_JSON) JsonResults.write(out, result.rowSet(), contentLength);
            else {
                HeldAnswer held = new HeldAnswer(out, contentLength);
                ResultsWriter.create().lang(format.lang()).build().write(held, result.rowSet());
                held.finish();
            }
        } catch (IOException e) {
            // as Fuseki's own result writers do: a client gone mid-answer is one line in the log ("client left?"), not a stack trace
            throw new RuntimeIOException(e);
        }
    }

    private static final List<String> FORMAT_PARAMS = List.of(HttpNames.paramOutput1, HttpNames.paramOutput2, HttpNames.paramOutput3,
            HttpNames.paramForceAccept, HttpNames.paramStyleSheet, HttpNames.paramCallback);

    /** The results format Fuseki would choose for the request, when it is one written here; else null. */
    private static Format plainFormat(HttpAction action) {
        HttpServletRequest r = action.getRequest();
        for (String p : FORMAT_PARAMS) if (r.getParameter(p) != null) return null;
        MediaType chosen = ConNeg.chooseContentType(r, DEF.rsOfferTable, DEF.acceptResultSetXML);
        if (chosen == null) return null;
        for (Format f : Format.RESULTS) if (f.mediaType().equals(chosen.getContentTypeStr())) return f;
        return null;
    }

    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec exec, Query query, String queryStringLog) {
        long cap = settings.resultCap();
        action.setResponseHeader(ResultCap.HEADER_LIMIT, Long.toString(cap));
        QueryExecResult result;
        boolean capped;
        if (query.isSelectType()) {
            var rows = ResultCap.rows(exec.select(), cap);
            result = new QueryExecResult(rows.value());
            capped = rows.capped();
        } else if (query.isConstructType()) {
            var quads = ResultCap.quads(exec.constructQuads(), cap);
            quads.value().prefixes().putAll(Prefixes.adapt(query.getPrefixMapping()));
            result = new QueryExecResult(quads.value());
            capped = quads.capped();
        } else if (query.isDescribeType()) {
            var triples = ResultCap.triples(exec.describeTriples(), cap);
            triples.value().getPrefixMapping().setNsPrefixes(query.getPrefixMapping());
            result = new QueryExecResult(triples.value());
            capped = triples.capped();
        } else if (query.isJsonType()) {
            var items = ResultCap.json(exec.execJsonItems(), cap);
            result = new QueryExecResult(items.value());
            capped = items.capped();
        } else {
            return super.executeQuery(action, exec, query, queryStringLog);
        }
        if (capped) {
            action.setResponseHeader(ResultCap.HEADER_CAPPED, "true");
            LOG.info("[{}] answer capped at {} {}", action.id, cap, query.isSelectType() || query.isJsonType() ? "rows" : "triples");
        }
        return result;
    }
}
