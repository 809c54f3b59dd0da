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
import org.fentanylkg.http.linkeddata.Format;

/** What every API servlet writes: JSON bodies (errors are {@link org.fentanylkg.http.linkeddata.HttpError}s), and the request's query parameters. */
final class ApiResponses {
    static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    static final String JSON = Format.JSON.mediaType();
    private ApiResponses() {}

    static void json(HttpServletResponse resp, int status, JsonElement body) throws IOException {
        resp.setStatus(status);
        resp.setContentType(JSON);
        resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resp.getWriter().write(GSON.toJson(body));
        resp.getWriter().write("\n");
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
}
