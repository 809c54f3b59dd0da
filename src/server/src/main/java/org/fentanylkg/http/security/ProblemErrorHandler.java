package org.fentanylkg.http.security;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.fentanylkg.http.linkeddata.HttpError;

/**
 * Jetty's error handler for this server: the errors Jetty and the servlets raise with {@code sendError} (an
 * unknown path, a method a servlet does not take, a request refused before any servlet) are written in the
 * server's one error format ({@link HttpError}: problem details, or a page for a browser), except at the SPARQL
 * endpoints, which answer in plain text as Fuseki's own errors do. Never a stack trace.
 */
final class ProblemErrorHandler extends ErrorHandler {
    private final Set<String> sparqlPaths;

    /** @param sparqlPaths the paths of the dataset's SPARQL endpoints ({@code /kg/sparql}, {@code /kg/get}, ...) */
    ProblemErrorHandler(Set<String> sparqlPaths) {
        this.sparqlPaths = Set.copyOf(sparqlPaths);
        setShowStacks(false);
        setShowCauses(false);
    }

    /** Every method gets the error's body (Jetty's default writes one only for GET, POST and HEAD). */
    @Override
    public boolean errorPageForMethod(String method) { return true; }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback)
            throws IOException {
        String path = Request.getPathInContext(request);
        String reason = HttpStatus.getMessage(code);
        String detail = message == null || message.isBlank() || message.equals(reason) ? defaultDetail(code, request.getMethod(), path) : message;
        String contentType;
        byte[] body;
        if (sparqlPaths.contains(path)) {
            contentType = "text/plain;charset=utf-8";
            body = (detail + "\n").getBytes(StandardCharsets.UTF_8);
        } else {
            String accept = String.join(",", request.getHeaders().getValuesList(HttpHeader.ACCEPT));
            HttpError.Rendered r = HttpError.render(code, detail, Map.of(), path, accept.isBlank() ? null : accept, "/");
            contentType = r.contentType();
            body = r.body();
            response.getHeaders().put(HttpHeader.VARY, "Accept");
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, "HEAD".equals(request.getMethod()) ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
    }

    private static String defaultDetail(int code, String method, String path) {
        return switch (code) {
            case 404 -> "nothing is served at " + clip(path) + "; the site starts at /, the SPARQL endpoint is /kg/sparql";
            case 405 -> "the method " + clip(method) + " is not allowed at " + clip(path);
            default -> HttpStatus.getMessage(code);
        };
    }

    private static String clip(String s) { return org.fentanylkg.http.linkeddata.Negotiation.clip(s == null ? "" : s); }
}
