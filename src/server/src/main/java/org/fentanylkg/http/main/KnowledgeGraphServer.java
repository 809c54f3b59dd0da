package org.fentanylkg.http.main;

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
import java.util.function.BiFunction;
import org.fentanylkg.dataset.KnowledgeGraphAssembler;
import org.fentanylkg.http.EarlyPreparation;
import org.fentanylkg.dataset.ServedGraph;
import org.fentanylkg.store.ServedGraphs;
import org.fentanylkg.store.StoreAssembler;
import org.fentanylkg.store.StoreConfig;
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
    private Model configModel;
    private Path store;
    private Path prebuilt;
    private int port = DEFAULT_PORT;
    private String host = "localhost";
    private URI publicBase;
    private BiFunction<ServedGraph, Model, List<FusekiModule>> modules = ServerModules::defaults;
    private ServedGraph graph;

    private KnowledgeGraphServer() {}

    public static KnowledgeGraphServer create() { return new KnowledgeGraphServer(); }

    /** The configuration file; by default the one packaged with the application (embedded default data). */
    public KnowledgeGraphServer config(Path config) { this.config = config; this.configModel = null; return this; }

    /** The configuration as a model already read (and rewritten, e.g. to serve a store) by {@link ServerConfig}. */
    public KnowledgeGraphServer config(Model config) { this.configModel = config; this.config = null; return this; }

    /** 0 picks a free port (tests). */
    public KnowledgeGraphServer port(int port) { this.port = port; return this; }

    /** The interface to bind: "localhost" by default, "0.0.0.0" for all. */
    public KnowledgeGraphServer host(String host) { this.host = host; return this; }

    /** Sets {@code fkgc:publicBase} in the configuration, over any the file gives (see {@link ServerConfig#publicBase}). */
    public KnowledgeGraphServer publicBase(URI base) { this.publicBase = base; return this; }

    /** Serves the TDB2 store at {@code store} (built by {@code load}) instead of building the graph in memory. */
    public KnowledgeGraphServer store(Path store) { this.store = store; return this; }

    /**
     * Serves a graph built in memory from the {@link org.fentanylkg.store.PrebuiltGeneration} in {@code folder}
     * when it was built from the same sources (else builds as usual).
     */
    public KnowledgeGraphServer prebuilt(Path folder) { this.prebuilt = folder; return this; }

    /** Replaces the Fuseki modules (by default {@link ServerModules#defaults}), made for the served graph. */
    public KnowledgeGraphServer modules(BiFunction<ServedGraph, Model, List<FusekiModule>> modules) {
        this.modules = modules;
        return this;
    }

    /** The knowledge graph served, once {@link #build()} has opened it. */
    public ServedGraph graph() {
        if (graph == null) throw new IllegalStateException("build() first");
        return graph;
    }

    /** Builds the knowledge graph and the server, without starting it. */
    public FusekiServer build() throws IOException {
        KnowledgeGraphAssembler.register();
        StoreAssembler.register();
        Path file = config != null ? config : Sources.embeddedRoot().resolve(ServerConfig.FILE_NAME);
        Model configModel = this.configModel != null ? this.configModel : ServerConfig.read(file);
        if (publicBase != null) ServerConfig.publicBase(configModel, publicBase);
        if (store != null) configModel = StoreConfig.serving(configModel, file, store);
        // Three things at once, on two cores: the graph builds (on its own thread from here), the modules prepare
        // what needs no graph, and Fuseki processes the configuration (its assembler then takes the graph opened here).
        graph = ServedGraphs.open(configModel, prebuilt);
        List<FusekiModule> mods = new ArrayList<>(modules.apply(graph, configModel));
        mods.add(new ClosesGraph(graph));
        FusekiServer.Builder builder = FusekiServer.create().fusekiModules(FusekiModules.create(mods));
        try (var offer = ServedGraphs.offer(configModel, graph)) {
            CompletableFuture<Void> early = prepareEarly(mods, configModel);
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
    private static CompletableFuture<Void> prepareEarly(List<FusekiModule> modules, Model configModel) {
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

    /** Closes the served graph when the server stops (a TDB2 store's watcher and open generation). */
    private record ClosesGraph(ServedGraph graph) implements FusekiModule {
        @Override public String name() { return "fentanyl-kg served graph"; }

        @Override public void serverStopped(FusekiServer server) { graph.close(); }
    }
}
