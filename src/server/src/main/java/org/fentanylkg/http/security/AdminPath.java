package org.fentanylkg.http.security;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.JettySecurityLib;
import org.fentanylkg.dataset.ServedGraph;
import org.fentanylkg.http.linkeddata.HttpError;
import org.fentanylkg.rdf.LoadException;
import org.fentanylkg.rdf.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optional administrative path, {@code POST /$/reload}, on only when {@code fkgc:adminPasswordFile} names a
 * password file, and then behind HTTP basic authentication (Jetty's security handler and user store, the format
 * of Fuseki's {@code --passwd}: {@code user: password} per line, reread when it changes).
 *
 * <p>Serving the graph built in memory, a reload rebuilds it from the configured sources and swaps it in
 * only if the build has no problems; otherwise it answers 422 with every problem as
 * {@code file:line: message}, and the old graph goes on being served. Serving a TDB2 store, it switches to the
 * store's latest published generation at once (publishing one is {@code fentanyl-kg load}'s job).
 */
final class AdminPath {
    static final String PATH = "/$/reload";
    private static final Logger LOG = LoggerFactory.getLogger(AdminPath.class);

    private AdminPath() {}

    /** Puts the path behind authentication; the reload is the served graph's own. */
    static Reloader prepare(FusekiServer.Builder builder, Path passwordFile, ServedGraph graph) {
        if (!Files.isRegularFile(passwordFile) || !Files.isReadable(passwordFile)) {
            throw new IllegalArgumentException("fuseki-config.ttl: fkgc:adminPasswordFile " + passwordFile.toAbsolutePath()
                    + ": not found or not readable (leave it out to turn the administrative path off)");
        }
        builder.securityHandler(JettySecurityLib.makeSecurityHandlerForPathspec(PATH, "fentanyl-kg administration",
                JettySecurityLib.makeUserStore(passwordFile.toString())));
        return graph::reload;
    }

    @FunctionalInterface
    interface Reloader {
        /** Reloads; returns what it did. */
        String reload() throws IOException, LoadException;
    }

    /** POST /$/reload (behind the security handler); any other method gets 405 from HttpServlet, with Allow: POST. */
    static final class ReloadServlet extends HttpServlet {
        private final Reloader reloader;
        private final ReentrantLock running = new ReentrantLock();

        ReloadServlet(Reloader reloader) { this.reloader = reloader; }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            if (!running.tryLock()) throw new HttpError(HttpServletResponse.SC_CONFLICT, "a reload is already running");
            try {
                String done = reloader.reload();
                LOG.info("{} (by {})", done, req.getRemoteUser());
                resp.setStatus(HttpServletResponse.SC_OK);
                resp.setContentType("text/plain;charset=utf-8");
                resp.getWriter().println(done);
            } catch (LoadException e) {
                LOG.warn("Reload refused, still serving the previous graph: {} problem(s)", e.problems().size());
                throw new HttpError(422, e.problems().size() + " problem(s); nothing was reloaded, the previous graph is still served")
                        .with("problems", e.problems().stream().map(Problem::toString).toList());
            } catch (IOException | RuntimeException e) {
                LOG.warn("Reload failed, still serving the previous state: {}", e.toString());
                throw new HttpError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                        "reload failed: " + e.getMessage() + "; the previous state is still served");
            } finally {
                running.unlock();
            }
        }
    }

    /** The path when it is off: a 404 that says how to turn it on, whatever the method. */
    static final class OffServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) {
            throw HttpError.notFound("the administrative path " + PATH + " is off: fuseki-config.ttl names no fkgc:adminPasswordFile");
        }
    }
}
