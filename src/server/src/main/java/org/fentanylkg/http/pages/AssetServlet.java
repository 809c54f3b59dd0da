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
import org.fentanylkg.http.linkeddata.Format;
import org.fentanylkg.http.linkeddata.HttpError;
import org.fentanylkg.http.linkeddata.Representation;
import org.fentanylkg.http.linkeddata.RequestPaths;

/**
 * The site's static files, from the classpath only: {@code /assets/...} from {@code web/} (style sheet,
 * scripts) and {@code /assets/vendor/codemirror/...} from the CodeMirror WebJar. Nothing is fetched from
 * elsewhere at run time. Only known file types are served; the path is checked like any IRI path.
 * {@link #serve} and {@link #webjar} are the server's one way to send a file of the jar (the API page's Swagger UI
 * uses them too).
 */
public final class AssetServlet extends HttpServlet {
    public static final String PATH = "/assets/*";
    static final String CODEMIRROR = "vendor/codemirror/";

    private static final String CODEMIRROR_ROOT = webjar("org.webjars.npm", "codemirror");
    /** The files change only with the jar: their validators are those of a generation that begins at start. */
    private static final Generation STARTED = new Generation(0, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RequestPaths.check(request);
        String path = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        String resource = path.startsWith(CODEMIRROR) ? CODEMIRROR_ROOT + path.substring(CODEMIRROR.length()) : "web/" + path;
        if (path.isEmpty() || !serve(resource, "public, max-age=3600", request, response)) throw HttpError.notFound("no asset '" + path + "'");
    }

    /**
     * Sends a classpath resource of a known type, with validators (conditional GET gives 304); false when there is
     * no such resource or its type is not served.
     */
    public static boolean serve(String resource, String cacheControl, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Format type = Format.byName(resource.substring(resource.lastIndexOf('.') + 1), Format.ASSETS).orElse(null);
        if (type == null) return false;
        byte[] body = CACHE.computeIfAbsent(resource, AssetServlet::load);
        if (body.length == 0) return false;
        Representation.of(STARTED, type.contentType(), resource).cacheControl(cacheControl).send(request, response, () -> body);
        return true;
    }

    private static byte[] load(String resource) {
        try (InputStream in = AssetServlet.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /**
     * Where a WebJar's files are on the classpath ({@code META-INF/resources/webjars/codemirror/5.65.16/}), from its
     * Maven metadata, so that a version bump in the pom needs no code change.
     */
    public static String webjar(String group, String artifact) {
        try (InputStream in = AssetServlet.class.getClassLoader().getResourceAsStream("META-INF/maven/" + group + "/" + artifact + "/pom.properties")) {
            if (in == null) throw new IllegalStateException("the " + artifact + " WebJar is not on the classpath");
            Properties p = new Properties();
            p.load(in);
            return "META-INF/resources/webjars/" + artifact + "/" + p.getProperty("version") + "/";
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the " + artifact + " WebJar's version", e);
        }
    }
}
