package org.fentanylkg.http;

import java.util.List;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.fentanylkg.dataset.KnowledgeGraph;

/**
 * The service's features beyond the SPARQL protocol, each a {@link FusekiModule} in a package of its own.
 * A module finds the knowledge graph with {@link #knowledgeGraph(DataAccessPointRegistry)} in its
 * {@code configured(...)} step and adds its servlets and filters to the builder there.
 */
public final class ServerModules {
    /** The dataset's name in fuseki-config.ttl. */
    public static final String DATASET = "/kg";

    private ServerModules() {}

    /** The modules every server runs, in order. */
    public static List<FusekiModule> defaults() {
        return List.of();
    }

    /** The knowledge graph served at {@link #DATASET}. */
    public static KnowledgeGraph knowledgeGraph(DataAccessPointRegistry registry) {
        var dap = registry.get(DATASET);
        if (dap == null) throw new IllegalStateException("fuseki-config.ttl declares no dataset named " + DATASET);
        return KnowledgeGraph.of(dap.getDataService().getDataset())
                .orElseThrow(() -> new IllegalStateException(DATASET + " is not a fkgc:KnowledgeGraph dataset"));
    }
}
