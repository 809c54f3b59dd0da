package org.fentanylkg.http;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.fentanylkg.dataset.KnowledgeGraphAssembler;
import org.fentanylkg.source.Sources;

/**
 * The SPARQL service: embedded Fuseki configured by {@code fuseki-config.ttl}, in the manner of
 * {@link FusekiServer.Builder}:
 * <pre>  FusekiServer server = KnowledgeGraphServer.create().config(path).port(3030).host("localhost").start();</pre>
 * Features beyond the SPARQL protocol are Fuseki modules ({@link ServerModules}), Fuseki's own extension point.
 */
public final class KnowledgeGraphServer {
    public static final int DEFAULT_PORT = 3030;

    private Path config;
    private int port = DEFAULT_PORT;
    private String host = "localhost";
    private URI publicBase;
    private final List<FusekiModule> modules = new ArrayList<>(ServerModules.defaults());

    private KnowledgeGraphServer() {}

    public static KnowledgeGraphServer create() { return new KnowledgeGraphServer(); }

    /** The configuration file; by default the one packaged with the application (embedded default data). */
    public KnowledgeGraphServer config(Path config) { this.config = config; return this; }

    /** 0 picks a free port (tests). */
    public KnowledgeGraphServer port(int port) { this.port = port; return this; }

    /** The interface to bind: "localhost" by default, "0.0.0.0" for all. */
    public KnowledgeGraphServer host(String host) { this.host = host; return this; }

    /** Sets {@code fkgc:publicBase} in the configuration, over any the file gives (see {@link ServerConfig#publicBase}). */
    public KnowledgeGraphServer publicBase(URI base) { this.publicBase = base; return this; }

    /** Replaces the Fuseki modules (by default {@link ServerModules#defaults()}). */
    public KnowledgeGraphServer modules(List<FusekiModule> modules) {
        this.modules.clear();
        this.modules.addAll(modules);
        return this;
    }

    /** Builds the knowledge graph and the server, without starting it. */
    public FusekiServer build() throws IOException {
        KnowledgeGraphAssembler.register();
        Path file = config != null ? config : Sources.embeddedRoot().resolve(ServerConfig.FILE_NAME);
        Model configModel = ServerConfig.read(file);
        if (publicBase != null) ServerConfig.publicBase(configModel, publicBase);
        FusekiServer.Builder builder = FusekiServer.create().fusekiModules(FusekiModules.create(modules));
        // Three things at once, on two cores: the graph builds, the modules prepare what needs no graph, and
        // Fuseki processes the configuration (its assembler then takes the graph built ahead).
        try (var ahead = KnowledgeGraphAssembler.buildAhead(configModel)) {
            CompletableFuture<Void> early = prepareEarly(configModel);
            builder.parseConfig(configModel);
            awaitEarly(early);
        }
        FusekiServer server = builder.port(port).enablePing(true).build();
        // The builder only knows "loopback or all"; bind the connector to the requested host instead.
        for (Connector c : server.getJettyServer().getConnectors()) {
            if (c instanceof ServerConnector sc) sc.setHost(host);
        }
        return server;
    }

    public FusekiServer start() throws IOException { return build().start(); }

    /** Starts the modules' graph-independent work ({@link EarlyPreparation}) on another thread, each on its own copy of the configuration. */
    private CompletableFuture<Void> prepareEarly(Model configModel) {
        List<Runnable> tasks = new ArrayList<>();
        for (FusekiModule m : modules) {
            if (m instanceof EarlyPreparation e) {
                Model copy = ModelFactory.createDefaultModel().add(configModel); // Fuseki adds to the original while it reads it
                tasks.add(() -> e.prepareEarly(copy));
            }
        }
        // A thread of its own: on two cores the common pool has one worker, which other work may hold.
        return CompletableFuture.runAsync(() -> tasks.forEach(Runnable::run), r -> {
            Thread t = new Thread(r, "modules-early");
            t.setDaemon(true);
            t.start();
        });
    }

    /** Waits for the early work; its failure (say, a bad saved query) is the module's own exception. */
    private static void awaitEarly(CompletableFuture<Void> early) {
        try {
            early.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }
}
