package org.fentanylkg.http.linkeddata;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Symbol;
import org.apache.jena.system.Txn;
import org.fentanylkg.dataset.KnowledgeGraphAssembler;
import org.fentanylkg.dataset.Generation;
import org.fentanylkg.explain.Labels;

/**
 * The linked-data view of the served dataset, shared by the modules of one server: the public base, and a
 * {@link Snapshot} of what is computed once per version of the data (labels, counts, dumps). The data is
 * read-only, but a server of a TDB2 store switches to a newly published generation while it runs; the
 * snapshot follows it.
 */
public final class LinkedData {
    private static final Symbol KEY = Symbol.create(KnowledgeGraphAssembler.NS + "linkedData");

    private final DatasetGraph dsg;
    private final PublicBase base;
    private final Supplier<Generation> generation;
    private volatile Snapshot snapshot;

    private LinkedData(DatasetGraph dsg, PublicBase base) {
        this.dsg = dsg;
        this.base = base;
        this.generation = Generation.tracking(dsg);
    }

    /** The linked-data view of a dataset, made once and kept in the dataset's context. */
    public static synchronized LinkedData of(DatasetGraph dsg, Model config) {
        LinkedData ld = dsg.getContext().get(KEY);
        if (ld == null) {
            ld = new LinkedData(dsg, PublicBase.fromConfig(config));
            dsg.getContext().set(KEY, ld);
        }
        return ld;
    }

    public DatasetGraph dataset() { return dsg; }

    public PublicBase publicBase() { return base; }

    public Links links(HttpServletRequest request) { return new Links(base.forRequest(request)); }

    /** The generation served now: what the validators of every representation are made from. */
    public Generation generation() { return generation.get(); }

    /** The snapshot of the current generation (computed in a read transaction when the generation changed). */
    public Snapshot snapshot() {
        Generation g = generation.get();
        Snapshot s = snapshot;
        if (s != null && s.generation.equals(g)) return s;
        synchronized (this) {
            s = snapshot;
            if (s == null || !s.generation.equals(g)) {
                Labels labels = Txn.calculateRead(dsg, () -> Labels.of(dsg.getDefaultGraph()));
                s = new Snapshot(g, labels);
                snapshot = s;
            }
            return s;
        }
    }

    /** Runs {@code action} in a read transaction. */
    public <T> T read(Supplier<T> action) { return Txn.calculateRead(dsg, action); }

    /** What is computed once per version of the data. */
    public final class Snapshot {
        private final Generation generation;
        private final Instant lastModified;
        private final Labels labels;
        private Statistics statistics;
        private final Map<Dumps.Dump, byte[]> dumps = new EnumMap<>(Dumps.Dump.class);

        private Snapshot(Generation generation, Labels labels) {
            this.generation = generation;
            this.lastModified = generation.built().truncatedTo(ChronoUnit.SECONDS); // HTTP dates have seconds
            this.labels = labels;
        }

        public Generation generation() { return generation; }

        /** When this generation was built: the Last-Modified of every representation. */
        public Instant lastModified() { return lastModified; }

        public Labels labels() { return labels; }

        public Describer describer() { return new Describer(dsg, labels); }

        public synchronized Statistics statistics() {
            if (statistics == null) statistics = Txn.calculateRead(dsg, () -> Statistics.of(dsg));
            return statistics;
        }

        /** The VoID and DCAT description, with the sizes of the dumps. */
        public Model datasetDescription(Links links) {
            Map<Dumps.Dump, Long> sizes = new EnumMap<>(Dumps.Dump.class);
            for (Dumps.Dump d : Dumps.Dump.values()) sizes.put(d, (long) dump(d).length);
            Statistics stats = statistics();
            return Txn.calculateRead(dsg, () -> DatasetDescription.build(dsg, stats, sizes, lastModified, links));
        }

        public synchronized byte[] dump(Dumps.Dump dump) {
            return dumps.computeIfAbsent(dump, d -> Txn.calculateRead(dsg, () -> Dumps.write(dsg, d)));
        }
    }
}
