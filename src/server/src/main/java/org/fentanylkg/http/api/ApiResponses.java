package org.fentanylkg.http.api;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fentanylkg.dataset.Generation;
import org.fentanylkg.http.linkeddata.Format;
import org.fentanylkg.http.linkeddata.Representation;

/** What every API servlet writes: JSON bodies (errors are {@link org.fentanylkg.http.linkeddata.HttpError}s), and the request's query parameters. */
final class ApiResponses {
    static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    static final String JSON = Format.JSON.mediaType();
    private ApiResponses() {}

    static void json(HttpServletResponse resp, int status, JsonElement body) throws IOException {
        resp.setStatus(status);
        resp.setContentType(JSON);
        resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resp.getOutputStream().write(bytes(body));
    }

    /**
     * The validators of an API answer ({@link Representation}): its bytes depend only on the generation served, the
     * format and the request's path and query.
     */
    static Representation representation(Generation generation, Format format, HttpServletRequest req) {
        return Representation.of(generation, format.contentType(), req.getRequestURI(), String.valueOf(req.getQueryString()));
    }

    /** A JSON document's bytes as the API sends them: pretty-printed, UTF-8, a final newline. */
    static byte[] bytes(JsonElement body) { return (GSON.toJson(body) + "\n").getBytes(StandardCharsets.UTF_8); }

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
}
