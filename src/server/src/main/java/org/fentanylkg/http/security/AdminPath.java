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

    /** POST /$/reload (behind the security handler); any other method gets 405 from HttpServlet. */
    static final class ReloadServlet extends HttpServlet {
        private final Reloader reloader;
        private final ReentrantLock running = new ReentrantLock();

        ReloadServlet(Reloader reloader) { this.reloader = reloader; }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain;charset=utf-8");
            if (!running.tryLock()) {
                resp.setStatus(HttpServletResponse.SC_CONFLICT);
                resp.getWriter().println("A reload is already running.");
                return;
            }
            try {
                String done = reloader.reload();
                LOG.info("{} (by {})", done, req.getRemoteUser());
                resp.setStatus(HttpServletResponse.SC_OK);
                resp.getWriter().println(done);
            } catch (LoadException e) {
                LOG.warn("Reload refused, still serving the previous graph: {} problem(s)", e.problems().size());
                resp.setStatus(422);
                for (Problem p : e.problems()) resp.getWriter().println(p);
                resp.getWriter().println(e.problems().size() + " problem(s); nothing was reloaded, the previous graph is still served.");
            } catch (IOException | RuntimeException e) {
                LOG.warn("Reload failed, still serving the previous state: {}", e.toString());
                resp.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
                resp.getWriter().println("Reload failed: " + e.getMessage() + "; the previous state is still served.");
            } finally {
                running.unlock();
            }
        }
    }
}
