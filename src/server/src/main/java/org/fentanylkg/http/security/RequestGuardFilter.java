package org.fentanylkg.http.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

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
 * </ul>
 */
final class RequestGuardFilter implements Filter {
    private final long maxRequestBody;

    RequestGuardFilter(long maxRequestBody) { this.maxRequestBody = maxRequestBody; }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (req instanceof HttpServletRequest request && res instanceof HttpServletResponse response) {
            response.setHeader("X-Content-Type-Options", "nosniff");
            if (request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null) {
                response.sendError(HttpServletResponse.SC_LENGTH_REQUIRED,
                        "Send the request body with a Content-Length header (at most " + maxRequestBody + " bytes), not chunked");
                return;
            }
            try {
                request.getParameterMap();
            } catch (RuntimeException e) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST,
                        "Malformed request parameters (percent-encoding or UTF-8): "
                                + (e instanceof org.eclipse.jetty.http.HttpException he ? he.getReason() : e.getMessage()));
                return;
            }
        }
        chain.doFilter(req, res);
    }
}
