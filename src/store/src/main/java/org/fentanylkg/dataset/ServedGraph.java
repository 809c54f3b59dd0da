package org.fentanylkg.dataset;

import java.io.IOException;
import java.util.Optional;
import org.apache.jena.sparql.core.DatasetGraph;
import org.fentanylkg.explain.Explainer;
import org.fentanylkg.explain.Labels;
import org.fentanylkg.inference.Derivations;
import org.fentanylkg.queries.SavedQueryCatalog;
import org.fentanylkg.rdf.LoadException;

/**
 * The knowledge graph a server serves, whatever holds it: built in memory from the sources ({@link BuiltGraph}) or
 * read from a TDB2 store ({@code store.StoredGraph}). The server's modules receive it when they are registered, and
 * ask it, never the dataset's class or context, for what they need.
 */
public interface ServedGraph extends AutoCloseable {

    /** The dataset's path, as {@code fuseki:name} in the configuration gives it ("/kg"). */
    String name();

    /** The dataset as served: read-only; each read transaction stays on one generation. Waits for a build under way. */
    DatasetGraph dataset();

    /** The generation now served. */
    Generation generation();

    /** A name for the generation now served, for people ("reload 2", a store generation's folder). */
    String version();

    /** How the inferred triples of the generation this thread reads were derived; empty when that was not kept. */
    Optional<Derivations> derivations();

    /** An explainer of the generation this thread reads, if the derivations were kept. */
    default Optional<Explainer> explainer() { return derivations().map(d -> Explainer.of(dataset(), d)); }

    /** The one label rule, over the served data (read again when the generation changes). */
    Labels labels();

    /** The saved queries served with this graph (the {@code queries/} folder beside its sources, else the packaged one). */
    SavedQueryCatalog savedQueries();

    /**
     * Switches to new content: rebuilds from the sources and swaps the result in only if it has no problems, or
     * switches to a store's latest published generation. Returns what it did, for the log and the caller.
     */
    String reload() throws IOException, LoadException;

    @Override
    default void close() {}
}
