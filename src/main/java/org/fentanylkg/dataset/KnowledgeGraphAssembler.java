package org.fentanylkg.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.assembler.Assembler;
import org.apache.jena.assembler.exceptions.AssemblerException;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.assembler.AssemblerUtils;
import org.apache.jena.sparql.core.assembler.DatasetAssembler;
import org.apache.jena.vocabulary.RDF;
import org.fentanylkg.rdf.LoadException;
import org.fentanylkg.vocab.FKGC;

/**
 * Lets {@code fuseki-config.ttl} declare the knowledge graph as a dataset:
 * <pre>  &lt;#dataset&gt; a fkgc:KnowledgeGraph ; fkgc:sources "." .</pre>
 * A relative {@code fkgc:sources} is resolved against the configuration file's folder by
 * {@link org.fentanylkg.http.ServerConfig}; an IRI (file: or jar:) is used as it is.
 */
public final class KnowledgeGraphAssembler extends DatasetAssembler {
    public static final String NS = FKGC.NS;
    public static final Resource TYPE = FKGC.KnowledgeGraph;
    public static final Property SOURCES = FKGC.sources;

    /** Registers the assembler with Jena; call before a configuration is parsed. Idempotent. */
    public static void register() { AssemblerUtils.registerDataset(TYPE, new KnowledgeGraphAssembler()); }

    /** Builds started ahead of the assembly ({@link #buildAhead}), by sources folder; the assembler takes them. */
    private static final Map<Path, CompletableFuture<DatasetGraph>> AHEAD = new ConcurrentHashMap<>();

    /** What {@link #buildAhead} started; closing it drops any build the assembler did not take. */
    public interface BuildsAhead extends AutoCloseable {
        @Override void close();
    }

    /**
     * Starts building every knowledge graph {@code config} declares, each on a thread of its own, so that the
     * build overlaps Fuseki's processing of the configuration (Jena's assembler computes an RDFS closure of it,
     * most of a second at a cold start); the assembler then waits for the result instead of building.
     */
    public static BuildsAhead buildAhead(Model config) {
        List<Path> started = new ArrayList<>();
        for (Resource r : config.listResourcesWithProperty(RDF.type, TYPE).toList()) {
            Path path = sources(r);
            if (path == null) continue; // the assembler reports it
            CompletableFuture<DatasetGraph> result = new CompletableFuture<>();
            if (AHEAD.putIfAbsent(path, result) != null) continue;
            started.add(path);
            Thread t = new Thread(() -> {
                try {
                    result.complete(build(path));
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            }, "knowledge-graph-build");
            t.setDaemon(true);
            t.start();
        }
        return () -> started.forEach(AHEAD::remove);
    }

    @Override
    protected DatasetGraph createDataset(Assembler a, Resource root) {
        Path path = sources(root);
        if (path == null) throw new AssemblerException(root, "fkgc:sources is required: the folder holding ontology/ and data/");
        CompletableFuture<DatasetGraph> ahead = AHEAD.remove(path);
        if (ahead == null) return build(path);
        try {
            return ahead.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    private static Path sources(Resource root) {
        return ConfiguredSources.of(root).orElse(null);
    }

    private static DatasetGraph build(Path path) {
        try {
            return KnowledgeGraphBuilder.build(path).dataset();
        } catch (LoadException e) {
            throw new SourcesRejected(e);
        } catch (IOException e) {
            throw new SourcesRejected(new LoadException(java.util.List.of(
                    new org.fentanylkg.rdf.Problem(null, 0, null, e.getMessage()))));
        }
    }

    /** Carries the load problems out of Jena's assembler machinery to the command line, unwrapped. */
    public static final class SourcesRejected extends RuntimeException {
        private final LoadException cause;

        SourcesRejected(LoadException cause) {
            super(cause.getMessage(), cause, false, false);
            this.cause = cause;
        }

        public LoadException loadException() { return cause; }
    }
}
