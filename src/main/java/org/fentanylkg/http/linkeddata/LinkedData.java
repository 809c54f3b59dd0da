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
import org.fentanylkg.dataset.SwitchingDataset;
import org.fentanylkg.explain.Labels;

/**
 * The linked-data view of the served dataset, shared by the modules of one server: the public base, and a
 * {@link Snapshot} of what is computed once per version of the data (labels, counts, dumps). The data is
 * read-only, but a server of a TDB2 store switches to a newly published generation while it runs; the
 * snapshot follows it.
 */
public final class LinkedData {
    /** A context key, not a configuration term: named by the class, outside the fkgc: namespace. */
    private static final Symbol KEY = Symbol.create(LinkedData.class.getName());

    private final DatasetGraph dsg;
    private final PublicBase base;
    private final Supplier<String> version;
    private volatile Snapshot snapshot;

    private LinkedData(DatasetGraph dsg, PublicBase base) {
        this.dsg = dsg;
        this.base = base;
        this.version = versionOf(dsg);
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

    /** How to tell one version of the data from the next: the switching dataset's version, else fixed (built at start). */
    private static Supplier<String> versionOf(DatasetGraph dsg) {
        return SwitchingDataset.under(dsg).<Supplier<String>>map(s -> s::version).orElse(() -> "built");
    }

    public DatasetGraph dataset() { return dsg; }

    public Links links(HttpServletRequest request) { return new Links(base.forRequest(request)); }

    /** The snapshot of the current version (computed in a read transaction when the version changed). */
    public Snapshot snapshot() {
        String v = version.get();
        Snapshot s = snapshot;
        if (s != null && s.version.equals(v)) return s;
        synchronized (this) {
            s = snapshot;
            if (s == null || !s.version.equals(v)) {
                Labels labels = Txn.calculateRead(dsg, () -> Labels.of(dsg.getDefaultGraph()));
                s = new Snapshot(v, Instant.now().truncatedTo(ChronoUnit.SECONDS), labels);
                snapshot = s;
            }
            return s;
        }
    }

    /** Runs {@code action} in a read transaction. */
    public <T> T read(Supplier<T> action) { return Txn.calculateRead(dsg, action); }

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

        /** When this server first served this version: the Last-Modified of every representation. */
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
