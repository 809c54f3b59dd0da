package org.fentanylkg.cli;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.jena.fuseki.main.FusekiServer;
import org.fentanylkg.dataset.KnowledgeGraphAssembler;
import org.fentanylkg.http.main.KnowledgeGraphServer;
import org.fentanylkg.http.linkeddata.PublicBase;
import org.fentanylkg.rdf.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Starts the SPARQL service. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Build the knowledge graph and serve it over SPARQL (http://HOST:PORT/kg/sparql).")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "3030", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "localhost", description = "Interface to bind (default: ${DEFAULT-VALUE}; 0.0.0.0 for all).")
    String host;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Fuseki configuration (default: ./fuseki-config.ttl if present, else the packaged one).")
    Path config;

    @Option(names = "--tdb2", paramLabel = "DIR",
            description = "Serve the TDB2 store built by `load` (read-only, nothing recomputed at start; follows reloads) instead of building in memory.")
    Path tdb2;

    @Option(names = "--generation", paramLabel = "DIR",
            description = "Serve the graph `load --generation DIR` wrote, when it was built from the same sources, instead of building it (default: the one the build writes next to the jar, fentanyl-kg.generation; 'none' to always build). Ignored with --tdb2.")
    String generation;

    @Option(names = "--public-base", paramLabel = "URL",
            description = "Public base IRI where this server answers for https://w3id.org/fentanyl-kg/ (behind a proxy); default: fkgc:publicBase in the configuration, else each request's own scheme://host:port/.")
    String publicBase;

    @Option(names = "--train-and-exit", hidden = true,
            description = "Start, answer every saved query and a few pages once, stop: the build's class-data-sharing training run.")
    boolean trainAndExit;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        URI base = publicBase == null ? null : PublicBase.iri(publicBase, "--public-base");
        String taken = portTaken(host, port);
        if (taken != null) {
            spec.commandLine().getErr().println("error: " + taken);
            return 1;
        }
        Path file = config;
        if (file == null && Path.of("fuseki-config.ttl").toFile().isFile()) file = Path.of("fuseki-config.ttl");
        FusekiServer server;
        try {
            KnowledgeGraphServer kgs = KnowledgeGraphServer.create().config(file).store(tdb2).prebuilt(prebuilt());
            server = kgs.port(port).host(host).publicBase(base).start();
        } catch (RuntimeException e) {
            KnowledgeGraphAssembler.SourcesRejected rejected = findRejected(e);
            if (rejected == null) throw e;
            var err = spec.commandLine().getErr();
            for (Problem p : rejected.loadException().problems()) err.println(p);
            err.println("The service did not start: " + rejected.loadException().problems().size() + " problem(s) in the sources.");
            return 1;
        }
        var out = spec.commandLine().getOut();
        out.println("fentanyl-kg: SPARQL at http://" + host + ":" + server.getHttpPort() + "/kg/sparql");
        out.flush();
        if (trainAndExit) {
            Training.run(server.getHttpPort());
            server.stop();
            return 0;
        }
        server.join();
        return 0;
    }

    /** The prebuilt generation to try: {@code --generation}, else the build's one next to the running jar, if any. */
    Path prebuilt() {
        if (generation != null) return generation.equals("none") ? null : Path.of(generation);
        return besideJar(".generation");
    }

    /** {@code NAME.jar}'s sibling {@code NAME + suffix} when running from a jar (null from a classes folder). */
    static Path besideJar(String suffix) {
        try {
            Path jar = Path.of(ServeCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            String name = jar.getFileName().toString();
            if (!name.endsWith(".jar") || !jar.toFile().isFile()) return null;
            return jar.resolveSibling(name.substring(0, name.length() - 4) + suffix);
        } catch (java.net.URISyntaxException | SecurityException | IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    /**
     * Why {@code host:port} cannot be bound, or null when it can: checked before the graph is built, so that a
     * port in use is reported at once rather than after the build.
     */
    static String portTaken(String host, int port) {
        if (port == 0) return null;
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(host, port));
            return null;
        } catch (BindException e) {
            return "port " + port + " on " + host + " is already in use (" + e.getMessage() + "); choose another with --port";
        } catch (IOException e) {
            return "cannot listen on " + host + ":" + port + ": " + e.getMessage();
        }
    }

    private static KnowledgeGraphAssembler.SourcesRejected findRejected(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof KnowledgeGraphAssembler.SourcesRejected r) return r;
        }
        return null;
    }
}
