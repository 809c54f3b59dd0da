package org.fentanylkg.http.ops;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per request, through slf4j (logger {@code org.fentanylkg.http.ops.RequestLog}):
 * <pre>  GET /kg/sparql 200 12 ms query=3f2a9c1b0d4e5f60</pre>
 * method, path (without the query string), status, milliseconds, and for a SPARQL request the
 * {@link QueryHash} of its query or update, never the text. A capped answer adds {@code capped}; an answer a cache
 * could serve adds {@code cache=hit} or {@code cache=miss}. The same figures
 * go to {@link RequestMetrics}.
 */
final class RequestLogFilter implements Filter {
    static final Logger LOG = LoggerFactory.getLogger("org.fentanylkg.http.ops.RequestLog");
    private static final int MAX_PATH = 200;

    private final RequestMetrics metrics;

    RequestLogFilter(RequestMetrics metrics) { this.metrics = metrics; }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        long t0 = System.nanoTime();
        metrics.started();
        String hash = null;
        HttpServletRequest downstream = request;
        int thrown = 0;
        try {
            if (isSparqlBody(request)) {
                BufferedBody buffered = BufferedBody.of(request);
                downstream = buffered;
                hash = QueryHash.of(new String(buffered.body(), StandardCharsets.UTF_8));
            } else {
                String q = queryParameter(request);
                if (q != null) hash = QueryHash.of(q);
            }
            chain.doFilter(downstream, response);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            // On its way out it becomes Jetty's error response: the status it carries, else 500.
            thrown = e instanceof org.eclipse.jetty.http.HttpException he ? he.getCode() : 500;
            throw e;
        } finally {
            long ms = (System.nanoTime() - t0) / 1_000_000;
            int status = thrown != 0 && response.getStatus() < 400 ? thrown : response.getStatus();
            boolean capped = "true".equals(response.getHeader("X-Result-Capped"));
            String cache = response.getHeader("X-Cache");
            String path = clean(request.getRequestURI());
            LOG.info("{} {} {} {} ms{}{}{}", clean(request.getMethod()), path, status, ms,
                    hash == null ? "" : " query=" + hash, capped ? " capped" : "",
                    "HIT".equals(cache) ? " cache=hit" : "MISS".equals(cache) ? " cache=miss" : "");
            metrics.record(request.getMethod(), path, status, System.nanoTime() - t0, capped);
        }
    }

    /** A POST of application/sparql-query or -update: its body is read here so it can be hashed. */
    private static boolean isSparqlBody(HttpServletRequest r) {
        String ct = r.getContentType();
        if (!"POST".equalsIgnoreCase(r.getMethod()) || ct == null) return false;
        String type = ct.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        return type.equals("application/sparql-query") || type.equals("application/sparql-update");
    }

    /** The {@code query} or {@code update} parameter of a GET or an HTML form POST; null if none or unreadable. */
    private static String queryParameter(HttpServletRequest r) {
        try {
            String q = r.getParameter("query");
            return q != null ? q : r.getParameter("update");
        } catch (RuntimeException e) {
            return null; // a malformed or oversized form: the servlet reports it
        }
    }

    /** Logs are read in terminals: no control characters, no unbounded lines. */
    static String clean(String s) {
        if (s == null) return "-";
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_PATH + 1));
        for (int i = 0; i < s.length() && b.length() < MAX_PATH; i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        if (s.length() > MAX_PATH) b.append('…');
        return b.toString();
    }
}
