package org.fentanylkg.http.api;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * {@code /api/}: the browsable API page (Swagger UI on {@code /api/openapi.json}), its Swagger UI files from the
 * swagger-ui WebJar ({@code /api/swagger-ui/*}) and the project's own assets ({@code /api/assets/*}), all from
 * the classpath: nothing is fetched from the internet. Any other path under {@code /api/} is a JSON 404.
 */
final class ApiDocsServlet extends HttpServlet {
    private static final String OWN = "org/fentanylkg/http/api/";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html", "js", "text/javascript", "css", "text/css", "png", "image/png",
            "map", "application/json", "json", "application/json");

    private final String webjar;

    ApiDocsServlet() {
        this.webjar = "META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/";
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        if (path == null) {
            resp.sendRedirect(req.getContextPath() + req.getServletPath() + "/");
            return;
        }
        if (path.equals("/")) {
            send(resp, OWN + "api-docs.html", "no-cache");
            return;
        }
        String[] parts = path.substring(1).split("/", -1);
        if (parts.length == 2 && SAFE.matcher(parts[1]).matches()) {
            if (parts[0].equals("swagger-ui") && send(resp, webjar + parts[1], "public, max-age=86400")) return;
            if (parts[0].equals("assets") && send(resp, OWN + "assets/" + parts[1], "no-cache")) return;
        }
        ApiResponses.error(resp, 404, "no API resource at " + req.getRequestURI()
                + "; the API: /api/queries, /api/queries/{name}, /api/explain, " + SearchModule.API_PATH + ", /api/openapi.json");
    }

    /** Streams a classpath resource; false when there is none. */
    private static boolean send(HttpServletResponse resp, String resource, String cacheControl) throws IOException {
        try (InputStream in = ApiDocsServlet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) return false;
            String ext = resource.substring(resource.lastIndexOf('.') + 1);
            resp.setStatus(200);
            resp.setContentType(TYPES.getOrDefault(ext, "application/octet-stream"));
            if (!ext.equals("png")) resp.setCharacterEncoding("UTF-8");
            resp.setHeader("Cache-Control", cacheControl);
            if (ext.equals("html")) resp.setHeader("Content-Security-Policy", ApiResponses.HTML_POLICY);
            in.transferTo(resp.getOutputStream());
            return true;
        }
    }

    /** The WebJar's version, from its Maven metadata, so a version bump in the pom needs no code change. */
    static String swaggerUiVersion() {
        try (InputStream in = ApiDocsServlet.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) throw new IllegalStateException("the swagger-ui WebJar is not on the classpath");
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the swagger-ui WebJar's version", e);
        }
    }
}
