package org.fentanylkg.http.cache;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.DEF;
import org.apache.jena.fuseki.system.ConNeg;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryException;
import org.apache.jena.riot.web.HttpNames;
import org.fentanylkg.dataset.Generation;
import org.fentanylkg.http.linkeddata.Representation;
import org.fentanylkg.http.ops.BufferedBody;
import org.fentanylkg.http.security.ParsedQueries;

/**
 * The answer cache of the SPARQL query endpoints ({@code /kg/sparql}, {@code /kg/query}, {@code /kg}; GET and
 * POST, and HEAD as its GET; SELECT, ASK, CONSTRUCT, DESCRIBE). The data changes only by generation, so an answer is
 * kept, keyed by {@link AnswerKey}, and sent again to the same query on the same generation, as QLever keeps query
 * results and the Wikidata Query Service caches its endpoint. Concurrent misses for one key are coalesced ({@link Coalescing}, as
 * the pages' cache does). Not kept: anything but a 200, a capped answer, one too large, and the answer of a query
 * that calls RAND, NOW, UUID, STRUUID or BNODE.
 *
 * <p>A GET answer carries an ETag made of the generation and the key, with {@code Cache-Control: no-cache} (the
 * client asks again, conditionally, since a reload may come at any time); a GET whose {@code If-None-Match} holds it
 * gets 304 at once. A HEAD gets the headers its GET would, from the GET's entry when there is one; its own answer,
 * which has no body, is not kept. Requests the key cannot describe are let through untouched: any parameter but the
 * protocol's and Fuseki's format and timeout parameters, credentials, a range, a query that does not parse (Fuseki reports
 * it) or is longer than the server accepts (the guards report it).
 */
final class AnswerCacheFilter implements Filter {
    static final String ETAG = "ETag";
    /** The parameters an answer may depend on, all in the key; {@code timeout} only bounds how long it may take. */
    static final Set<String> PARAMS = Set.of(HttpNames.paramQuery, HttpNames.paramDefaultGraphURI, HttpNames.paramNamedGraphURI,
            HttpNames.paramOutput1, HttpNames.paramOutput2, HttpNames.paramOutput3, HttpNames.paramForceAccept, HttpNames.paramTimeout);
    private static final List<String> PASS_THROUGH = List.of("Authorization", "If-Match", "If-Unmodified-Since", "If-Range", "Range",
            "Upgrade", "Transfer-Encoding");
    /** Request headers a query answer varies on (Fuseki's Vary): Accept is in the key as the negotiated format. */
    private static final Set<String> KEYED = Set.of("accept", "origin", "accept-encoding", "accept-charset",
            "access-control-request-method", "access-control-request-headers");

    private final Set<String> paths;
    private final Coalescing coalescing;
    private final Supplier<Generation> generation;
    private final int maxQueryLength;
    private final TeeResponse.Policy policy;

    /**
     * @param paths          the request paths of the query endpoints
     * @param maxQueryLength longer queries are let through, for the guards to refuse
     */
    AnswerCacheFilter(Set<String> paths, Coalescing coalescing, Supplier<Generation> generation, int maxQueryLength) {
        this.paths = Set.copyOf(paths);
        this.coalescing = coalescing;
        this.generation = generation;
        this.maxQueryLength = maxQueryLength;
        // Fuseki marks every query answer no-store; this cache sets Cache-Control itself (no-cache: revalidate with the ETag).
        this.policy = new TeeResponse.Policy(coalescing.cache().maxEntryBytes(), KEYED, Set.of("cache-control", "pragma"));
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)
                || !paths.contains(request.getRequestURI())) {
            chain.doFilter(req, res);
            return;
        }
        String method = request.getMethod();
        boolean head = method.equals("HEAD");
        boolean get = head || method.equals("GET"); // a HEAD is its GET without the body (RFC 9110), validator and all
        if (!get && !method.equals("POST") || passThrough(request)) {
            chain.doFilter(req, res);
            return;
        }
        HttpServletRequest downstream = request;
        String text;
        String type = request.getContentType() == null ? null : request.getContentType().split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!get && "application/sparql-query".equals(type)) {
            BufferedBody body = BufferedBody.of(request);
            downstream = body;
            text = new String(body.body(), StandardCharsets.UTF_8);
            if (request.getParameter(HttpNames.paramQuery) != null) text = null; // two queries: Fuseki decides
        } else if (get && type == null || !get && (type == null || "application/x-www-form-urlencoded".equals(type))) {
            String[] q = request.getParameterValues(HttpNames.paramQuery);
            text = q == null || q.length != 1 ? null : q[0];
        } else {
            text = null;
        }
        ParsedQueries.Parsed parsed = text == null || text.isBlank() || text.length() > maxQueryLength ? null : parse(text);
        if (parsed == null || !parsed.repeatable() || !onlyKnownParameters(request)) {
            chain.doFilter(downstream, response);
            return;
        }
        String format = format(request, parsed.query());
        if (format == null) {
            chain.doFilter(downstream, response);
            return;
        }
        // Read before the answer is computed: whatever it is computed on is this generation or a later one.
        Generation g = generation.get();
        coalescing.cache().observe(g.number());
        AnswerKey key = new AnswerKey(g.number(), parsed.normalized(), sorted(request, HttpNames.paramDefaultGraphURI),
                sorted(request, HttpNames.paramNamedGraphURI), format, List.copyOf(Collections.list(request.getHeaders("Origin"))));
        response.setHeader("Cache-Control", "no-cache");
        if (get) {
            String etag = etag(g, key, parsed);
            response.setHeader(ETAG, etag);
            if (Representation.matches(request, etag)) {
                coalescing.notModified(response);
                return;
            }
        }
        coalescing.serve(key, head, downstream, response, chain, policy);
    }

    private static ParsedQueries.Parsed parse(String text) {
        try {
            return ParsedQueries.shared().parse(text);
        } catch (QueryException e) {
            return null; // Fuseki answers 400 with the parser's message
        }
    }

    private static boolean passThrough(HttpServletRequest r) {
        for (String h : PASS_THROUGH) if (r.getHeader(h) != null) return true;
        return false;
    }

    private static boolean onlyKnownParameters(HttpServletRequest r) {
        for (Enumeration<String> names = r.getParameterNames(); names.hasMoreElements();) {
            if (!PARAMS.contains(names.nextElement())) return false;
        }
        return true;
    }

    /**
     * The answer's format as Fuseki chooses it (Responses: content negotiation with the same offers and defaults,
     * then {@code output}, {@code format} or {@code results}, then {@code force-accept}); null for a query type this
     * cache leaves alone.
     */
    static String format(HttpServletRequest r, Query q) {
        AcceptList offer;
        MediaType dflt;
        if (q.isSelectType()) {
            offer = DEF.rsOfferTable;
            dflt = DEF.acceptResultSetXML;
        } else if (q.isAskType()) {
            offer = DEF.rsOfferBoolean;
            dflt = DEF.acceptResultSetXML;
        } else if (q.isConstructType() || q.isDescribeType()) {
            offer = DEF.constructOffer;
            dflt = DEF.acceptTurtle;
        } else {
            return null;
        }
        MediaType chosen = ConNeg.chooseContentType(r, offer, dflt);
        String output = firstOf(r, HttpNames.paramOutput1, HttpNames.paramOutput2, HttpNames.paramOutput3);
        String force = r.getParameter(HttpNames.paramForceAccept);
        return (chosen == null ? "" : chosen.getContentTypeStr()) + (output == null ? "" : " output=" + output)
                + (force == null ? "" : " force-accept=" + force);
    }

    private static String firstOf(HttpServletRequest r, String... names) {
        for (String n : names) {
            String v = r.getParameter(n);
            if (v != null && !v.isBlank()) return v.trim();
        }
        return null;
    }

    private static List<String> sorted(HttpServletRequest r, String name) {
        String[] v = r.getParameterValues(name);
        if (v == null) return List.of();
        String[] copy = v.clone();
        Arrays.sort(copy);
        return List.of(copy);
    }

    /**
     * A strong validator: the generation (its number, and its build time, which tells apart two starts of the
     * server), a digest of the query, and a hash of the rest of the key.
     */
    static String etag(Generation g, AnswerKey key, ParsedQueries.Parsed parsed) {
        int rest = Objects.hash(key.defaultGraphs(), key.namedGraphs(), key.format(), key.origin());
        return "\"" + g.number() + "-" + Long.toString(g.built().toEpochMilli(), 36) + "-" + parsed.digest() + "-"
                + Integer.toHexString(rest) + "\"";
    }
}
