package org.fentanylkg.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.jena.sparql.core.DatasetGraph;
import org.fentanylkg.dataset.Generation;
import org.fentanylkg.dataset.ServedGraph;
import org.fentanylkg.explain.Labels;
import org.fentanylkg.inference.Derivations;
import org.fentanylkg.queries.SavedQueryCatalog;
import org.fentanylkg.rdf.LoadException;

/**
 * The knowledge graph read from a TDB2 store built by {@code fentanyl-kg load}: nothing is recomputed at start, and
 * the server follows the store's published generation ({@link ServingDataset}).
 */
public final class StoredGraph implements ServedGraph {
    private final String name;
    private final ServingDataset served;
    private final CompletableFuture<SavedQueryCatalog> queries;
    private final Labels labels;

    /**
     * Serves the store at {@code location} as {@code name}, with the saved queries of {@code queriesRoot}'s
     * {@code queries/} folder.
     */
    public StoredGraph(String name, Path location, Path queriesRoot) throws IOException {
        this.name = name;
        this.queries = CompletableFuture.supplyAsync(() -> {
            try {
                return SavedQueryCatalog.load(queriesRoot.resolve(SavedQueryCatalog.DIRECTORY));
            } catch (IOException | LoadException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, r -> {
            Thread t = new Thread(r, "saved-queries");
            t.setDaemon(true);
            t.start();
        });
        this.served = KnowledgeGraphStore.at(location).serve();
        this.labels = new Labels(served, served::version);
    }

    @Override public String name() { return name; }

    @Override public DatasetGraph dataset() { return served; }

    @Override public Generation generation() { return new Generation(served.switches(), served.published()); }

    @Override public String version() { return served.version(); }

    /** The derivations of the generation this thread reads, when its {@code load} kept them (every load does). */
    @Override
    public Optional<Derivations> derivations() { return served.explains() ? Optional.of(served) : Optional.empty(); }

    @Override public Labels labels() { return labels; }

    @Override
    public SavedQueryCatalog savedQueries() {
        try {
            return queries.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    @Override
    public String reload() throws IOException {
        return served.refresh() ? "Now serving " + served.generation() + " of the store"
                : "Already serving the store's latest generation, " + served.generation();
    }

    @Override public void close() { served.close(); }

    @Override public String toString() { return "StoredGraph[" + name + " at " + served + "]"; }
}
