package org.fentanylkg.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.fentanylkg.bench.synthetic.SyntheticGraph;
import org.fentanylkg.bench.synthetic.SyntheticKnowledgeGraph;

/**
 * Closure time against size: for each size, the synthetic graph (with the real ontology) is written once as
 * N-Triples; a child JVM ({@link ScaleProbe}) parses it into Jena's in-memory graph (the floor: parse and load
 * without inference) and materialises the closure; another runs Jena's OWL Micro rule reasoner on the same
 * file, within a bound.
 */
public final class ScaleBench {
    /**
     * One size's figures. {@code jena}: Jena's figures; without closure_ms when it did not finish within the
     * bound (prepare_ms when at least the forward rules did), empty when not run (a smaller size already did not finish).
     */
    public record Size(long target, long asserted, double parseMs, double closureMs, long inferred, long rounds,
                       double peakHeapMb, double liveHeapMb, String heap, Map<String, String> jena) {}

    public record Figures(List<Size> sizes, long seed, Duration jenaBound) {
        /** The growth exponent k of closure time, t ∝ n^k, between two sizes. */
        public static double exponent(Size from, Size to) {
            return Math.log(to.closureMs() / from.closureMs()) / Math.log((double) to.asserted() / from.asserted());
        }
    }

    private List<Long> sizes = List.of(10_000L, 100_000L, 1_000_000L);
    private long seed = 42;
    private Duration jenaBound = Duration.ofSeconds(120);
    private Duration bound = Duration.ofMinutes(30);
    private Path work;

    public static ScaleBench create() { return new ScaleBench(); }

    public ScaleBench sizes(List<Long> sizes) { this.sizes = sizes; return this; }

    public ScaleBench seed(long seed) { this.seed = seed; return this; }

    public ScaleBench jenaBound(Duration d) { this.jenaBound = d; return this; }

    /** Where the generated files go (default: a temporary folder, deleted afterwards). */
    public ScaleBench work(Path dir) { this.work = dir; return this; }

    public Figures run(PrintStream log) throws IOException, InterruptedException {
        Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("fkg-scale-");
        List<Size> out = new ArrayList<>();
        boolean runJena = true;
        Graph ontology = SyntheticKnowledgeGraph.ontology();
        try {
            for (long n : sizes) {
                Path file = dir.resolve("synthetic-" + seed + "-" + n + ".nt");
                if (!Files.exists(file)) write(ontology, seed, n, file);
                String heap = heapFor(n);
                int reps = n <= 100_000 ? 5 : n <= 1_000_000 ? 2 : 1;
                ChildJvm.Outcome ours = ChildJvm.run(ChildJvm.command(List.of("-Xmx" + heap, "-XX:+UseG1GC"),
                        ScaleProbe.class.getName(), "ours", file.toString(), Integer.toString(reps)), bound);
                if (!ours.finished()) throw new IOException("closure at " + n + " triples did not finish within " + bound);
                Map<String, String> r = ChildJvm.result(ours.output());
                Map<String, String> jena = new java.util.LinkedHashMap<>();
                if (runJena) {
                    String jenaHeap = n <= 200_000 ? "4g" : heap;
                    ChildJvm.Outcome j = ChildJvm.run(ChildJvm.command(List.of("-Xmx" + jenaHeap, "-XX:+UseG1GC"),
                            ScaleProbe.class.getName(), "jena", file.toString()), jenaBound, true);
                    jena = new java.util.LinkedHashMap<>(j.finished() ? ChildJvm.result(j.output()) : ChildJvm.values(j.output(), "PARTIAL"));
                    jena.put("heap", jenaHeap);
                    if (j.output().contains("OutOfMemoryError")) jena.put("failure", "out of memory at -Xmx" + jenaHeap);
                    else if (!j.finished()) jena.put("failure", "not finished within " + jenaBound.toSeconds() + " s");
                    // Past the bound at one size, larger sizes will not finish either: skip them.
                    if (!j.finished()) runJena = false;
                }
                Size s = new Size(n, Long.parseLong(r.get("asserted")), Double.parseDouble(r.get("parse_ms")),
                        Double.parseDouble(r.get("closure_ms")), Long.parseLong(r.get("inferred")), Long.parseLong(r.get("rounds")),
                        Double.parseDouble(r.get("peak_heap_mb")), Double.parseDouble(r.get("live_heap_mb")), heap, jena);
                out.add(s);
                log.printf("  %,12d asserted: parse+load %8.0f ms, closure %8.0f ms (%.2f x), %,d inferred, peak heap %.0f MiB, live %.0f MiB; Jena OWL Micro %s%n",
                        s.asserted(), s.parseMs(), s.closureMs(), s.closureMs() / s.parseMs(), s.inferred(), s.peakHeapMb(), s.liveHeapMb(),
                        jena.containsKey("closure_ms") ? jena.get("closure_ms") + " ms, " + jena.get("inferred") + " inferred"
                                : "DNF: " + jena.getOrDefault("failure", "not run") + (jena.containsKey("prepare_ms") ? " (prepare " + jena.get("prepare_ms") + " ms)" : ""));
            }
        } finally {
            if (work == null) {
                try (var s = Files.list(dir)) {
                    for (Path p : s.toList()) Files.deleteIfExists(p);
                }
                Files.deleteIfExists(dir);
            }
        }
        return new Figures(out, seed, jenaBound);
    }

    /** The ontology and the synthetic data of size n, as one N-Triples file. */
    static void write(Graph ontology, long seed, long n, Path file) throws IOException {
        try (OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            StreamRDF w = StreamRDFWriter.getWriterStream(os, Lang.NTRIPLES);
            w.start();
            ontology.find().forEachRemaining(w::triple);
            SyntheticGraph.seed(seed).triples(n).generate(w::triple);
            w.finish();
        }
    }

    private static String heapFor(long n) {
        if (n <= 200_000) return "1g";
        if (n <= 2_000_000) return "6g";
        return "18g";
    }
}
