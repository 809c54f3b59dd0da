package org.fentanylkg.http.linkeddata;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpStatus;

/**
 * The server's one error format, for every endpoint but SPARQL's (which keeps Fuseki's plain text): RFC 9457
 * problem details ({@code application/problem+json}: type, title, status, detail, instance, and where known the
 * member that says where, such as {@code parameter} or {@code position}), or, for a browser (an Accept header
 * that prefers HTML), the same details as a page of the site. Servlets throw it; {@link #send} writes it, and
 * the server's Jetty error handler writes the errors Jetty and Fuseki raise themselves (unknown paths, 405s).
 */
public final class HttpError extends RuntimeException {
    public static final String MEDIA_TYPE = "application/problem+json";
    /** RFC 9457: a problem whose type is only its status. */
    static final String TYPE = "about:blank";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    private static final Mustache PAGE = new DefaultMustacheFactory("web/templates").compile("error.mustache");

    private final int status;
    private final Map<String, Object> members = new LinkedHashMap<>();

    public HttpError(int status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    public int status() { return status; }

    /** Adds an extension member: where the error is ({@code parameter}, {@code position}) or what was expected. */
    public HttpError with(String member, Object value) {
        if (value != null) members.put(member, value);
        return this;
    }

    /** A bad parameter: the member {@code parameter} names it, {@code expected} (when given) says what it takes. */
    public static HttpError badParameter(int status, String detail, String parameter, String expected) {
        return new HttpError(status, detail).with("parameter", parameter).with("expected", expected);
    }

    public static HttpError badRequest(String message) { return new HttpError(400, message); }

    public static HttpError notFound(String message) { return new HttpError(404, message); }

    /** A 405: the Allow header lists what the resource does take (RFC 9110). */
    public static HttpError methodNotAllowed(String method, String allow, String detail) {
        return new HttpError(405, detail == null ? "the method " + Negotiation.clip(method) + " is not allowed here; use " + allow : detail)
                .with("allow", allow);
    }

    /** Writes the error, negotiated: problem details, or a page for a browser. Never a stack trace. */
    public void send(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) return;
        response.resetBuffer();
        response.setStatus(status);
        if (members.get("allow") instanceof String allow) response.setHeader("Allow", allow);
        Rendered r = render(status, getMessage(), members, request.getRequestURI(), acceptOf(request), baseOf(request));
        response.setHeader("Cache-Control", "no-store");
        // An error that arose while a representation rendered is not that representation: no validators of it.
        response.setHeader("ETag", null);
        response.setHeader("Last-Modified", null);
        response.setHeader("Vary", "Accept");
        if (r.html()) response.setHeader("Content-Security-Policy", Representation.HTML_POLICY);
        response.setContentType(r.contentType());
        response.setContentLength(r.body().length);
        if (!"HEAD".equals(request.getMethod())) response.getOutputStream().write(r.body());
    }

    /** An error body: its Content-Type, bytes, and whether it is the HTML page. */
    public record Rendered(String contentType, byte[] body, boolean html) {}

    /**
     * The body of an error, for whoever writes it (a servlet, or Jetty's error handler).
     *
     * @param instance the request's path (RFC 9457 {@code instance})
     * @param accept   the request's Accept header, or null
     * @param base     this server's root path, for the page's links and style sheet
     */
    public static Rendered render(int status, String detail, Map<String, Object> members, String instance, String accept, String base) {
        String title = HttpStatus.getMessage(status);
        String text = detail == null || detail.isBlank() ? title : detail;
        if (Negotiation.preferred(accept, Format.ERROR) == Format.HTML) {
            Map<String, Object> scope = new LinkedHashMap<>();
            scope.put("title", status + " " + title);
            scope.put("base", base);
            scope.put("css", base + "assets/css/site.css");
            scope.put("status", status);
            scope.put("detail", text);
            scope.put("members", members.entrySet().stream().filter(e -> !e.getKey().equals("allow"))
                    .map(e -> Map.of("name", e.getKey(), "value", String.valueOf(e.getValue()))).collect(Collectors.toList()));
            StringWriter out = new StringWriter();
            PAGE.execute(out, scope);
            return new Rendered(Format.HTML.contentType(), out.toString().getBytes(StandardCharsets.UTF_8), true);
        }
        JsonObject o = new JsonObject();
        o.addProperty("type", TYPE);
        o.addProperty("title", title);
        o.addProperty("status", status);
        o.addProperty("detail", text);
        if (instance != null) o.addProperty("instance", instance);
        members.forEach((k, v) -> o.add(k, GSON.toJsonTree(v)));
        return new Rendered(MEDIA_TYPE, (GSON.toJson((JsonElement) o) + "\n").getBytes(StandardCharsets.UTF_8), false);
    }

    /** All Accept headers of a request joined, or null. */
    static String acceptOf(HttpServletRequest request) {
        List<String> headers = Collections.list(request.getHeaders("Accept"));
        String joined = headers.stream().filter(h -> !h.isBlank()).collect(Collectors.joining(","));
        return joined.isBlank() ? null : joined;
    }

    /** The server's root, as a path: the page's links stay on whatever host and port the client used. */
    static String baseOf(HttpServletRequest request) { return request.getContextPath() + "/"; }
}
