package org.fentanylkg.http.api;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.fentanylkg.http.linkeddata.HttpError;
import org.fentanylkg.http.linkeddata.Negotiation;
import org.fentanylkg.http.pages.AssetServlet;

/**
 * {@code /api/}: the browsable API page (Swagger UI on {@code /api/openapi.json}), its Swagger UI files from the
 * swagger-ui WebJar ({@code /api/swagger-ui/*}) and the project's own assets ({@code /api/assets/*}), all from
 * the classpath ({@link AssetServlet#serve}): nothing is fetched from the internet. Any other path under
 * {@code /api/} is a 404 in the one error format.
 */
final class ApiDocsServlet extends HttpServlet {
    private static final String OWN = "org/fentanylkg/http/api/";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private final String webjar;

    ApiDocsServlet() {
        this.webjar = AssetServlet.webjar("org.webjars", "swagger-ui");
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        if (path == null) {
            resp.sendRedirect(req.getContextPath() + req.getServletPath() + "/");
            return;
        }
        if (path.equals("/") && AssetServlet.serve(OWN + "api-docs.html", "no-cache", req, resp)) return;
        String[] parts = path.substring(1).split("/", -1);
        if (parts.length == 2 && SAFE.matcher(parts[1]).matches()) {
            if (parts[0].equals("swagger-ui") && AssetServlet.serve(webjar + parts[1], "public, max-age=86400", req, resp)) return;
            if (parts[0].equals("assets") && AssetServlet.serve(OWN + "assets/" + parts[1], "no-cache", req, resp)) return;
        }
        throw HttpError.notFound("no API resource at " + Negotiation.clip(req.getRequestURI())
                + "; the API: /api/queries, /api/queries/{name}, /api/explain, /api/search, /api/openapi.json");
    }
}
