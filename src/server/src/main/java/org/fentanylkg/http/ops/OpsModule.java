package org.fentanylkg.http.ops;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.metrics.PrometheusMetricsProvider;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.fuseki.server.FusekiVocab;
import org.apache.jena.query.ARQ;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.engine.Timeouts;
import org.apache.jena.vocabulary.RDF;
import org.apache.logging.log4j.LogManager;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.ShutdownThread;
import org.fentanylkg.vocab.FKGC;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operations, as a Fuseki module:
 * <ul>
 * <li>Prometheus metrics at {@code /$/metrics} (Fuseki's, plus {@link RequestMetrics}); health at {@code /$/ping};</li>
 * <li>one log line per request ({@link RequestLogFilter}), with a query hash and never the query;</li>
 * <li>graceful shutdown: on SIGTERM (any JVM shutdown) Jetty stops accepting, lets the requests in flight
 *     finish for up to {@code fkgc:shutdownGrace} milliseconds (default: the query timeout plus 5 s, so any
 *     query still running finishes or times out first), then stops.</li>
 * </ul>
 */
public final class OpsModule implements FusekiModule {
    private static final Logger LOG = LoggerFactory.getLogger(OpsModule.class);
    static final long GRACE_MARGIN_MS = 5_000;

    private final PrometheusMetricsProvider metrics = new PrometheusMetricsProvider();
    private Long configuredGrace;

    @Override
    public String name() { return "fentanyl-kg operations"; }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        // Fuseki's /$/metrics uses the provider found in the servlet context, so ours can carry extra meters.
        builder.addServletAttribute("org.apache.jena.fuseki:MetricsProvider", metrics);
        builder.enableMetrics(true);
        builder.enablePing(true);
        configuredGrace = grace(configModel);
    }

    @Override
    public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model configModel) {
        Set<String> datasets = new java.util.HashSet<>();
        for (DataAccessPoint dap : registry.accessPoints()) datasets.add(dap.getName().replaceFirst("^/", ""));
        builder.addFilter("/*", new RequestLogFilter(new RequestMetrics(metrics.getMeterRegistry(), datasets)));
    }

    @Override
    public void server(FusekiServer server) {
        Server jetty = server.getJettyServer();
        GracefulHandler graceful = new GracefulHandler();
        graceful.setHandler(jetty.getHandler());
        jetty.setHandler(graceful);
        long grace = shutdownGraceMs();
        jetty.setStopTimeout(grace);
        jetty.setStopAtShutdown(true);
        jetty.addEventListener(new LifeCycle.Listener() {
            @Override public void lifeCycleStopping(LifeCycle event) {
                LOG.info("Stopping: no new requests; waiting up to {} ms for the requests in flight", grace);
            }
            @Override public void lifeCycleStopped(LifeCycle event) {
                LOG.info("Stopped");
                // At JVM exit (Jetty's shutdown hook) the request log may still hold the last lines for its next
                // batch; Log4j's own hook is off (log4j2.properties), so stop Log4j here, which writes them out.
                if (Thread.currentThread() instanceof ShutdownThread) LogManager.shutdown();
            }
        });
    }

    /** The configured grace, else the query timeout plus a margin. */
    long shutdownGraceMs() {
        if (configuredGrace != null) return configuredGrace;
        String timeout = ARQ.getContext().getAsString(ARQ.queryTimeout);
        long overall = timeout == null ? -1 : Timeouts.parseTimeoutStr(timeout, TimeUnit.MILLISECONDS).getRight();
        return Math.max(overall, 0) + GRACE_MARGIN_MS;
    }

    private static Long grace(Model config) {
        if (config == null) return null;
        Resource server = config.listResourcesWithProperty(RDF.type, FusekiVocab.tServer).nextOptional().orElse(null);
        if (server == null || server.getProperty(FKGC.shutdownGrace) == null) return null;
        String v = server.getProperty(FKGC.shutdownGrace).getObject().asLiteral().getLexicalForm().trim();
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fuseki-config.ttl: shutdownGrace must be a whole number of milliseconds, not '" + v + "'");
        }
    }
}
