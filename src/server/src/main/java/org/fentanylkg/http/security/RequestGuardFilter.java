package org.fentanylkg.http.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.fentanylkg.http.linkeddata.Format;
import org.fentanylkg.http.linkeddata.HttpError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applied to every request, before any servlet:
 * <ul>
 * <li>{@code X-Content-Type-Options: nosniff}, so a browser renders a SPARQL result or an error message as the
 *     type it is declared (JSON, CSV, plain text), never as HTML guessed from a payload inside it;</li>
 * <li>a request body must come with a {@code Content-Length} (411 otherwise): the size limit then refuses an
 *     oversized body with 413 before a byte of it is read, where a chunked one would fail half-way through
 *     parsing (for a form, as Jetty's "Unable to parse form content").</li>
 * <li>the parameters must decode (percent-encoding, UTF-8): Jetty parses them on first use and throws, which
 *     Fuseki would report as a 500; here it is a 400 that says so.</li>
 * <li>a request to a dataset's update, upload or data service, which this read-only server does not have, is told
 *     so (403) rather than "not found";</li>
 * <li>on the way out: text ({@code text/turtle} from the Graph Store Protocol and CONSTRUCT, CSV...) says
 *     {@code charset=utf-8}, and every 405 carries an {@code Allow} header (RFC 9110);</li>
 * <li>an {@link HttpError} a servlet throws is written in the one error format; any other failure of a servlet is
 *     logged and answered 500 in that format.</li>
 * </ul>
 */
final class RequestGuardFilter implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(RequestGuardFilter.class);
    /** What a resource takes when nothing more specific is known: every page and API of this server is read-only. */
    static final String READ_ONLY_METHODS = "GET, HEAD, OPTIONS";

    private final long maxRequestBody;
    private final Map<String, String> allow;
    private final Set<String> writeServices;

    /**
     * @param allow         the methods of each path that takes more or other than {@link #READ_ONLY_METHODS}
     * @param writeServices the paths of update services this server does not offer ({@code /kg/update})
     */
    RequestGuardFilter(long maxRequestBody, Map<String, String> allow, Set<String> writeServices) {
        this.maxRequestBody = maxRequestBody;
        this.allow = Map.copyOf(allow);
        this.writeServices = Set.copyOf(writeServices);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse raw)) {
            chain.doFilter(req, res);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        HttpServletResponse response = new Protocol(raw, allow.getOrDefault(path, READ_ONLY_METHODS));
        response.setHeader("X-Content-Type-Options", "nosniff");
        try {
            // sendError: Jetty's error handler writes these in the format of the path (plain text for SPARQL).
            if (request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null) {
                response.sendError(HttpServletResponse.SC_LENGTH_REQUIRED,
                        "Send the request body with a Content-Length header (at most " + maxRequestBody + " bytes), not chunked");
                return;
            }
            try {
                request.getParameterMap();
            } catch (RuntimeException e) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Malformed request parameters (percent-encoding or UTF-8): "
                        + (e instanceof org.eclipse.jetty.http.HttpException he ? he.getReason() : e.getMessage()));
                return;
            }
            if (writeServices.contains(path)) {
                throw new HttpError(HttpServletResponse.SC_FORBIDDEN, GuardedQueryService.READ_ONLY + "; query it at "
                        + path.substring(0, path.lastIndexOf('/')) + "/sparql");
            }
            chain.doFilter(request, response);
        } catch (HttpError e) {
            e.send(request, response);
        } catch (RuntimeException e) {
            if (e instanceof org.eclipse.jetty.http.HttpException) throw e; // Jetty's own: its status, through the error handler
            LOG.error("{} {}: {}", request.getMethod(), path, e.toString(), e);
            new HttpError(500, "the server failed to answer this request; the error is in its log").send(request, response);
        }
    }

    /** The response as sent: a charset on text, an Allow header on a 405. */
    private static final class Protocol extends HttpServletResponseWrapper {
        private final String allow;

        Protocol(HttpServletResponse response, String allow) {
            super(response);
            this.allow = allow;
        }

        @Override
        public void setContentType(String type) { super.setContentType(withCharset(type)); }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, "Content-Type".equalsIgnoreCase(name) ? withCharset(value) : value);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, "Content-Type".equalsIgnoreCase(name) ? withCharset(value) : value);
        }

        @Override
        public void setStatus(int sc) {
            allow(sc);
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc) throws IOException {
            allow(sc);
            super.sendError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            allow(sc);
            super.sendError(sc, msg);
        }

        private void allow(int sc) {
            if (sc == HttpServletResponse.SC_METHOD_NOT_ALLOWED && getHeader("Allow") == null) super.setHeader("Allow", allow);
        }

        static String withCharset(String type) {
            if (type == null || type.toLowerCase(java.util.Locale.ROOT).contains("charset=")) return type;
            return Format.textual(type.split(";", 2)[0].strip()) ? type + ";charset=utf-8" : type;
        }
    }
}
