package org.fentanylkg.http.linkeddata;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.fentanylkg.dataset.Generation;
import org.fentanylkg.dataset.ServedGraph;
import org.fentanylkg.explain.Labels;

/**
 * The linked-data view of the served dataset, shared by the modules of one server: the public base, and a
 * {@link Snapshot} of what is computed once per version of the data (labels, counts, dumps). The data is
 * read-only, but a server of a TDB2 store switches to a newly published generation while it runs; the
 * snapshot follows it.
 */
public final class LinkedData {
    private final ServedGraph graph;
    private volatile DatasetGraph dsg;
    private final PublicBase base;
    private volatile Snapshot snapshot;

    /** The view of {@code graph}; nothing is read until a request asks (the graph may still be building). */
    public LinkedData(ServedGraph graph, PublicBase base) {
        this.graph = graph;
        this.base = base;
    }

    public DatasetGraph dataset() {
        DatasetGraph d = dsg;
        if (d == null) dsg = d = graph.dataset();
        return d;
    }

    /** The served graph this is the view of. */
    public ServedGraph graph() { return graph; }

    public Links links(HttpServletRequest request) { return new Links(base.forRequest(request)); }

    /** The generation served now: what the validators of every representation are made from. */
    public Generation generation() { return graph.generation(); }

    /** The snapshot of the current generation (computed in a read transaction when the generation changed). */
    public Snapshot snapshot() {
        Generation g = graph.generation();
        Snapshot s = snapshot;
        if (s != null && s.generation.equals(g)) return s;
        synchronized (this) {
            s = snapshot;
            if (s == null || !s.generation.equals(g)) {
                DatasetGraph d = dataset();
                Labels labels = Txn.calculateRead(d, () -> Labels.of(d.getDefaultGraph()));
                s = new Snapshot(g, labels);
                snapshot = s;
            }
            return s;
        }
    }

    /** Runs {@code action} in a read transaction. */
    public <T> T read(Supplier<T> action) { return Txn.calculateRead(dataset(), action); }

    /** What is computed once per version of the data. */
    public final class Snapshot {
        private final Generation generation;
        private final Instant lastModified;
        private final Labels labels;
        private Statistics statistics;
        private final Map<Dumps.Dump, byte[]> dumps = new EnumMap<>(Dumps.Dump.class);
        private final Map<Class<?>, Object> derived = new java.util.concurrent.ConcurrentHashMap<>();

        private Snapshot(Generation generation, Labels labels) {
            this.generation = generation;
            this.lastModified = generation.built().truncatedTo(ChronoUnit.SECONDS); // HTTP dates have seconds
            this.labels = labels;
        }

        public Generation generation() { return generation; }

        /** When this generation was built or published: the Last-Modified of every representation. */
        public Instant lastModified() { return lastModified; }

        public Labels labels() { return labels; }

        public Describer describer() { return new Describer(dataset(), labels); }

        public synchronized Statistics statistics() {
            if (statistics == null) statistics = Txn.calculateRead(dataset(), () -> Statistics.of(dataset()));
            return statistics;
        }

        /** The VoID and DCAT description, with the sizes of the dumps. */
        public Model datasetDescription(Links links) {
            Map<Dumps.Dump, Long> sizes = new EnumMap<>(Dumps.Dump.class);
            for (Dumps.Dump d : Dumps.Dump.values()) sizes.put(d, (long) dump(d).length);
            Statistics stats = statistics();
            return Txn.calculateRead(dataset(), () -> DatasetDescription.build(dataset(), stats, sizes, lastModified, links));
        }

        /** What another part of the server computes once per generation (one value of each class), made on first use. */
        public <T> T derived(Class<T> kind, Supplier<T> make) {
            return kind.cast(derived.computeIfAbsent(kind, k -> make.get()));
        }

        public synchronized byte[] dump(Dumps.Dump dump) {
            return dumps.computeIfAbsent(dump, d -> Txn.calculateRead(dataset(), () -> Dumps.write(dataset(), d)));
        }
    }
}
