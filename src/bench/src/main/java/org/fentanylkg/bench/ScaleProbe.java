package org.fentanylkg.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.InfModel;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.reasoner.ReasonerRegistry;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sys.JenaSystem;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.fentanylkg.bench.synthetic.SyntheticKnowledgeGraph;
import org.fentanylkg.inference.Closure;
import org.fentanylkg.inference.OwlRlReasoner;

/**
 * One scale measurement, in a JVM of its own so that heap figures are this measurement's alone. Run by
 * {@link ScaleBench}; prints one line of {@code key=value} figures.
 * <pre>
 *   ScaleProbe ours FILE.nt REPS   parse+load (the floor) and our closure, best of REPS; heap
 *   ScaleProbe jena FILE.nt        parse+load, then Jena's OWL Micro rule reasoner: prepare and list everything
 * </pre>
 */
public final class ScaleProbe {
    private ScaleProbe() {}

    public static void main(String[] args) throws Exception {
        JenaSystem.init();
        String mode = args[0];
        Path file = Path.of(args[1]);
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Graph ontology = SyntheticKnowledgeGraph.ontology();
        StringBuilder out = new StringBuilder();
        if (mode.equals("ours")) {
            long parse = Long.MAX_VALUE;
            long closureNanos = Long.MAX_VALUE;
            long peak = 0;
            Graph data = null;
            Closure closure = null;
            for (int r = 0; r < reps; r++) {
                data = null;
                closure = null;
                System.gc();
                long t0 = System.nanoTime();
                data = parse(file);
                parse = Math.min(parse, System.nanoTime() - t0);
                HeapSampler sampler = HeapSampler.begin();
                OwlRlReasoner reasoner = OwlRlReasoner.compile(ontology);
                long t1 = System.nanoTime();
                closure = reasoner.materialise(data);
                closureNanos = Math.min(closureNanos, System.nanoTime() - t1);
                peak = Math.max(peak, sampler.end());
            }
            long live = liveHeap();
            out.append(String.format(Locale.ROOT, "asserted=%d parse_ms=%.1f closure_ms=%.1f inferred=%d rounds=%d peak_heap_mb=%.1f live_heap_mb=%.1f",
                    data.size(), parse / 1e6, closureNanos / 1e6, closure.inferred().size(), closure.iterations(),
                    peak / 1048576.0, live / 1048576.0));
        } else if (mode.equals("jena")) {
            long t0 = System.nanoTime();
            Graph data = parse(file);
            long parse = System.nanoTime() - t0;
            long asserted = data.size();
            long t1 = System.nanoTime();
            InfModel inf = ModelFactory.createInfModel(ReasonerRegistry.getOWLMicroReasoner(), ModelFactory.createModelForGraph(data));
            inf.prepare();
            long prepare = System.nanoTime() - t1;
            // Printed at once: if the listing below does not finish within the bound, this much is still known.
            System.out.printf(Locale.ROOT, "PARTIAL asserted=%d parse_ms=%.1f prepare_ms=%.1f%n", asserted, parse / 1e6, prepare / 1e6);
            System.out.flush();
            // Everything entailed: listing all triples runs the backward rules too; they repeat triples, so count distinct.
            java.util.Set<Triple> all = new java.util.HashSet<>();
            ExtendedIterator<Triple> it = inf.getGraph().find();
            while (it.hasNext()) all.add(it.next());
            long total = System.nanoTime() - t1;
            out.append(String.format(Locale.ROOT, "asserted=%d parse_ms=%.1f prepare_ms=%.1f closure_ms=%.1f total=%d inferred=%d",
                    asserted, parse / 1e6, prepare / 1e6, total / 1e6, all.size(), all.size() - asserted));
        } else {
            throw new IllegalArgumentException("mode: ours | jena");
        }
        System.out.println("RESULT " + out);
        System.out.flush();
        System.exit(0);
    }

    /** Parse and load without inference: N-Triples into Jena's in-memory graph. */
    static Graph parse(Path file) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(file).lang(Lang.NTRIPLES).parse(g);
        return g;
    }

    /** The highest heap occupancy seen, sampled every 2 ms (garbage not yet collected included). */
    private static final class HeapSampler extends Thread {
        private volatile boolean running = true;
        private long max;

        static HeapSampler begin() {
            HeapSampler s = new HeapSampler();
            s.setDaemon(true);
            s.start();
            return s;
        }

        @Override
        public void run() {
            var mem = ManagementFactory.getMemoryMXBean();
            while (running) {
                max = Math.max(max, mem.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long end() throws InterruptedException {
            running = false;
            join();
            return Math.max(max, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
    }

    private static long liveHeap() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
