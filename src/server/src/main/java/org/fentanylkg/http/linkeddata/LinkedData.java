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
    private final Supplier<String> version;
    private volatile Snapshot snapshot;

    /** The view of {@code graph}; nothing is read until a request asks (the graph may still be building). */
    public LinkedData(ServedGraph graph, PublicBase base) {
        this.graph = graph;
        this.base = base;
        this.version = graph::version;
    }

    public DatasetGraph dataset() {
        DatasetGraph d = dsg;
        if (d == null) dsg = d = graph.dataset();
        return d;
    }

    /** The served graph this is the view of. */
    public ServedGraph graph() { return graph; }

    public PublicBase publicBase() { return base; }

    public Links links(HttpServletRequest request) { return new Links(base.forRequest(request)); }

    /** The snapshot of the current version (computed in a read transaction when the version changed). */
    public Snapshot snapshot() {
        String v = version.get();
        Snapshot s = snapshot;
        if (s != null && s.version.equals(v)) return s;
        synchronized (this) {
            s = snapshot;
            if (s == null || !s.version.equals(v)) {
                DatasetGraph d = dataset();
                Labels labels = Txn.calculateRead(d, () -> Labels.of(d.getDefaultGraph()));
                s = new Snapshot(v, graph.generation().built().truncatedTo(ChronoUnit.SECONDS), labels);
                snapshot = s;
            }
            return s;
        }
    }

    /** Runs {@code action} in a read transaction. */
    public <T> T read(Supplier<T> action) { return Txn.calculateRead(dataset(), action); }

    /** What is computed once per version of the data. */
    public final class Snapshot {
        private final String version;
        private final Instant lastModified;
        private final Labels labels;
        private Statistics statistics;
        private final Map<Dumps.Dump, byte[]> dumps = new EnumMap<>(Dumps.Dump.class);

        private Snapshot(String version, Instant lastModified, Labels labels) {
            this.version = version;
            this.lastModified = lastModified;
            this.labels = labels;
        }

        public String version() { return version; }

        /** When this version was built or published: the Last-Modified of every representation. */
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

        public synchronized byte[] dump(Dumps.Dump dump) {
            return dumps.computeIfAbsent(dump, d -> Txn.calculateRead(dataset(), () -> Dumps.write(dataset(), d)));
        }
    }
}
