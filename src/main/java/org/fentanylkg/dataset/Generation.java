package org.fentanylkg.dataset;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Which content of the knowledge graph is served: {@code number} changes whenever the content does (it counts the
 * switches since the server started), {@code built} is when that content was built (the in-memory graph) or
 * published (a TDB2 generation). HTTP validators are made from it before anything is rendered.
 */
public record Generation(long number, Instant built) {
    public Generation {
        Objects.requireNonNull(built, "built");
    }

    /**
     * The generation of {@code served} as it changes: the switching dataset's under its wrappers; else fixed, built
     * when the knowledge graph was (or now, for a dataset that is not one).
     */
    public static Supplier<Generation> tracking(DatasetGraph served) {
        var switching = SwitchingDataset.under(served);
        if (switching.isPresent()) return switching.get()::servedGeneration;
        Generation fixed = new Generation(0, builtAt(served));
        return () -> fixed;
    }

    /** The generation {@code served} is on now. */
    public static Generation of(DatasetGraph served) { return tracking(served).get(); }

    /** When {@code dsg} was built, if it is a knowledge graph; else now. */
    static Instant builtAt(DatasetGraph dsg) {
        return KnowledgeGraph.of(dsg).map(kg -> kg.figures().built()).orElseGet(Instant::now);
    }

    /** The same content with a switch more, built at {@code at}. */
    Generation next(Instant at) { return new Generation(number + 1, at); }
}
