package org.fentanylkg.http.api;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;

/** What every API servlet writes: JSON bodies, JSON errors, and the request's query parameters. */
final class ApiResponses {
    static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    static final String JSON = "application/json";
    /** The HTML pages' Content-Security-Policy, as the site's other pages: only this server's own scripts and styles. */
    static final String HTML_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private ApiResponses() {}

    static void json(HttpServletResponse resp, int status, JsonElement body) throws IOException {
        resp.setStatus(status);
        resp.setContentType(JSON);
        resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resp.getWriter().write(GSON.toJson(body));
        resp.getWriter().write("\n");
    }

    /** {"status": 400, "error": message} plus {"parameter", "expected"} where given. */
    static void error(HttpServletResponse resp, int status, String message, String parameter, String expected) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("status", status);
        o.addProperty("error", message);
        if (parameter != null) o.addProperty("parameter", parameter);
        if (expected != null) o.addProperty("expected", expected);
        json(resp, status, o);
    }

    static void error(HttpServletResponse resp, int status, String message) throws IOException {
        error(resp, status, message, null, null);
    }

    /** The query-string parameters, in order, each with all its values. */
    static Map<String, List<String>> parameters(HttpServletRequest req) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        req.getParameterMap().forEach((k, v) -> out.put(k, Arrays.asList(v)));
        return out;
    }

    /** The single value of a parameter; null when absent. */
    static String single(HttpServletRequest req, String name) {
        String[] v = req.getParameterValues(name);
        return v == null || v.length == 0 ? null : v[0];
    }

    /**
     * The offered media type that best fits the Accept header (the first offer for a missing header or "*&#47;*"),
     * or null when the header accepts none of the offers (406).
     */
    static MediaType negotiate(HttpServletRequest req, AcceptList offer) {
        String accept = req.getHeader("Accept");
        if (accept == null || accept.isBlank()) return offer.entries().get(0);
        return AcceptList.match(new AcceptList(accept), offer);
    }
}
