package org.fentanylkg.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.assembler.Assembler;
import org.apache.jena.assembler.exceptions.AssemblerException;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.assembler.AssemblerUtils;
import org.apache.jena.sparql.core.assembler.DatasetAssembler;
import org.fentanylkg.rdf.LoadException;
import org.fentanylkg.vocab.FKGC;

/**
 * Lets {@code fuseki-config.ttl} declare the knowledge graph as a dataset:
 * <pre>  &lt;#dataset&gt; a fkgc:KnowledgeGraph ; fkgc:sources "." .</pre>
 * A relative {@code fkgc:sources} is resolved against the configuration file's folder by
 * the server's configuration reader; an IRI (file: or jar:) is used as it is.
 */
public final class KnowledgeGraphAssembler extends DatasetAssembler {
    public static final String NS = FKGC.NS;
    public static final Resource TYPE = FKGC.KnowledgeGraph;
    public static final Property SOURCES = FKGC.sources;

    /** Registers the assembler with Jena; call before a configuration is parsed. Idempotent. */
    public static void register() { AssemblerUtils.registerDataset(TYPE, new KnowledgeGraphAssembler()); }

    /** Served graphs opened before Fuseki reads the configuration, by dataset node ({@code store.ServedGraphs}). */
    private static final Map<Node, ServedGraph> OFFERED = new ConcurrentHashMap<>();

    /** Makes {@code graph}'s dataset the one the assemblers return for the dataset node {@code root}. */
    public static void offer(Node root, ServedGraph graph) { OFFERED.put(root, graph); }

    /** Withdraws an offer the assemblers did not take. */
    public static void withdraw(Node root) { OFFERED.remove(root); }

    /** The served graph offered for {@code root}, taken once. */
    public static Optional<ServedGraph> take(Node root) { return Optional.ofNullable(OFFERED.remove(root)); }

    @Override
    protected DatasetGraph createDataset(Assembler a, Resource root) {
        Optional<ServedGraph> offered = take(root.asNode());
        if (offered.isPresent()) return offered.get().dataset();
        // A configuration read outside this project's server (Fuseki's own, a test): build here.
        Path path = sources(root);
        if (path == null) throw new AssemblerException(root, "fkgc:sources is required: the folder holding ontology/ and data/");
        return build(path);
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
