package org.fentanylkg.http.security;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.Endpoint;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.rdf.model.Model;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.fentanylkg.dataset.ServedGraph;
import org.fentanylkg.http.EarlyPreparation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public endpoint's safe defaults ({@link SecuritySettings}), as a Fuseki module:
 * <ul>
 * <li>prepare: the query timeout and "SERVICE off" in ARQ's context; {@code java:} extensions and remote
 *     JSON-LD documents refused; SPARQL query handled by {@link GuardedQueryService} (length, policy, cap), a
 *     query's algebra compiled once ({@link CompiledPlans});</li>
 * <li>configured: {@code X-Content-Type-Options: nosniff} on every response, a Content-Length on every body,
 *     a charset on text and an Allow header on a 405 ({@link RequestGuardFilter});</li>
 * <li>server: the one error format for what Jetty itself refuses ({@link ProblemErrorHandler});</li>
 * <li>the optional administrative path ({@link AdminPath}), off unless {@code fkgc:adminPasswordFile} is set;</li>
 * <li>server: the largest request line plus headers (431 above it, 414 for a URI alone), and the largest
 *     request body (413 above it, checked on Content-Length and while streaming).</li>
 * </ul>
 */
public final class SecurityModule implements FusekiModule, EarlyPreparation {
    private static final Logger LOG = LoggerFactory.getLogger(SecurityModule.class);

    private final ServedGraph graph;
    private SecuritySettings settings = SecuritySettings.defaults();
    private AdminPath.Reloader reloader;
    private Set<String> sparqlPaths = Set.of();
    /** Fuseki's usual names of the services that write, none of which this server has. */
    static final List<String> WRITE_SERVICES = List.of("update", "upload", "data");

    public SecurityModule(ServedGraph graph) { this.graph = graph; }

    @Override
    public String name() { return "fentanyl-kg security"; }

    /** The JVM-wide guards: installed before anything could parse JSON-LD or call an extension. */
    @Override
    public void prepareEarly(Model config) {
        ExtensionGuard.install();
        OfflineJsonLd.install();
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        settings = SecuritySettings.from(configModel);
        // Fuseki merges the server's ja:context into ARQ's global context; fill in what the file left out.
        if (!ARQ.getContext().isDefined(ARQ.queryTimeout)) ARQ.getContext().set(ARQ.queryTimeout, Long.toString(settings.queryTimeoutMs()));
        ARQ.getContext().set(ARQ.httpServiceAllowed, settings.serviceAllowed());
        ExtensionGuard.install();
        OfflineJsonLd.install();
        builder.registerOperation(Operation.Query, new GuardedQueryService(settings));
        CompiledPlans.register();
        reloader = settings.adminPasswordFile().map(file -> AdminPath.prepare(builder, file, graph)).orElse(null);
        LOG.info("Limits: query timeout {} ms, result cap {}, query length {} chars, request body {} bytes, request header {} bytes, SERVICE {}",
                ARQ.getContext().getAsString(ARQ.queryTimeout), settings.resultCap(), settings.maxQueryLength(),
                settings.maxRequestBody(), settings.maxRequestHeader(), settings.serviceAllowed() ? "allowed" : "off");
        LOG.info("Administrative path {}", reloader == null ? "off" : AdminPath.PATH + " (HTTP basic authentication)");
    }

    @Override
    public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model configModel) {
        Map<String, String> allow = new HashMap<>();
        Set<String> writeServices = new HashSet<>();
        for (DataAccessPoint dap : registry.accessPoints()) {
            Map<String, Set<String>> methods = new HashMap<>();
            for (Endpoint e : dap.getDataService().getEndpoints()) {
                String path = dap.getName() + (e.isUnnamed() ? "" : "/" + e.getName());
                // The SPARQL query service takes POST as well; the Graph Store Protocol here only reads.
                Set<String> m = methods.computeIfAbsent(path, k -> new java.util.TreeSet<>(List.of("GET", "HEAD", "OPTIONS")));
                if (e.getOperation() == Operation.Query) m.add("POST");
            }
            methods.forEach((path, m) -> allow.put(path, String.join(", ", m)));
            for (String service : WRITE_SERVICES) {
                if (!methods.containsKey(dap.getName() + "/" + service)) writeServices.add(dap.getName() + "/" + service);
            }
        }
        sparqlPaths = Set.copyOf(allow.keySet());
        allow.put(AdminPath.PATH, "POST");
        builder.addFilter("/*", new RequestGuardFilter(settings.maxRequestBody(), allow, writeServices));
        builder.addServlet(AdminPath.PATH, reloader != null ? new AdminPath.ReloadServlet(reloader) : new AdminPath.OffServlet());
    }

    /** Jetty's default response buffer. */
    static final int OUTPUT_BUFFER_BYTES = 32 * 1024;

    @Override
    public void server(FusekiServer server) {
        Server jetty = server.getJettyServer();
        for (Connector c : jetty.getConnectors()) {
            HttpConnectionFactory http = c.getConnectionFactory(HttpConnectionFactory.class);
            if (http != null) {
                http.getHttpConfiguration().setRequestHeaderSize(settings.maxRequestHeader());
                // Fuseki asks for a 5 MiB output buffer; Jetty's pool keeps none that large, so every response
                // allocated and zeroed a fresh 5 MiB direct buffer (and freed it through GC). Jetty's own default
                // instead: answers are read whole before a byte is sent (ResultCap), so a larger one buys nothing.
                http.getHttpConfiguration().setOutputBufferSize(OUTPUT_BUFFER_BYTES);
            }
        }
        // The one error format for what Jetty and the servlets refuse themselves (the context's handler, as the
        // servlets' sendError uses it, and the server's, for what fails before the context).
        ProblemErrorHandler errors = new ProblemErrorHandler(sparqlPaths);
        jetty.setErrorHandler(errors);
        ServletContextHandler.getServletContextHandler(server.getServletContext()).setErrorHandler(errors);
        Handler app = jetty.getHandler();
        SizeLimitHandler limit = new SizeLimitHandler(settings.maxRequestBody(), -1);
        limit.setHandler(app);
        jetty.setHandler(limit);
    }
}
