package org.fentanylkg.http.pages;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.fentanylkg.dataset.Generation;
import org.fentanylkg.http.linkeddata.HttpError;
import org.fentanylkg.http.linkeddata.Representation;
import org.fentanylkg.http.linkeddata.RequestPaths;

/**
 * The site's static files, from the classpath only: {@code /assets/...} from {@code web/} (style sheet,
 * scripts) and {@code /assets/vendor/codemirror/...} from the CodeMirror WebJar. Nothing is fetched from
 * elsewhere at run time. Only known file types are served; the path is checked like any IRI path.
 */
public final class AssetServlet extends HttpServlet {
    public static final String PATH = "/assets/*";
    static final String CODEMIRROR = "vendor/codemirror/";

    private static final Map<String, String> TYPES = Map.of("css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon");
    private static final String CODEMIRROR_VERSION = webjarVersion("org.webjars.npm", "codemirror");

    /** The files change only with the jar: their validators are those of a generation that begins at start. */
    private final Generation started = new Generation(0, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            RequestPaths.check(request);
            String path = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
            String ext = path.substring(path.lastIndexOf('.') + 1);
            String type = TYPES.get(ext);
            if (type == null || path.isEmpty()) throw HttpError.notFound("no asset '" + path + "'");
            String resource = path.startsWith(CODEMIRROR)
                    ? "META-INF/resources/webjars/codemirror/" + CODEMIRROR_VERSION + "/" + path.substring(CODEMIRROR.length())
                    : "web/" + path;
            byte[] body = cache.computeIfAbsent(resource, AssetServlet::load);
            if (body.length == 0) throw HttpError.notFound("no asset '" + path + "'");
            Representation.of(started, type, resource).cacheControl("public, max-age=3600").send(request, response, () -> body);
        } catch (HttpError e) {
            e.send(response);
        }
    }

    private static byte[] load(String resource) {
        try (InputStream in = AssetServlet.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** The version of a WebJar on the classpath, from its Maven metadata. */
    static String webjarVersion(String group, String artifact) {
        try (InputStream in = AssetServlet.class.getClassLoader().getResourceAsStream("META-INF/maven/" + group + "/" + artifact + "/pom.properties")) {
            if (in == null) throw new IllegalStateException("the " + artifact + " WebJar is not on the classpath");
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the " + artifact + " WebJar's version", e);
        }
    }
}
