package org.fentanylkg.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * Everything the {@code bench} command runs, in order: query speed against plain Fuseki and Fuseki with Jena's
 * OWL reasoner, closure time against size, start time and heap; then the report
 * ({@link BenchmarkReport}: docs/benchmarks.md and its machine-readable twin).
 * <pre>  BenchmarkSuite.create().config(cfg).queries(dir).sizes(List.of(10_000L, 100_000L, 1_000_000L)).run(System.out);</pre>
 */
public final class BenchmarkSuite {
    /** All the figures of one run. Parts not run are null. */
    public record Results(ZonedDateTime started, Map<String, String> machine, String loadBefore, String loadAfter,
                          String command, QuerySpeedBench.Figures queries, ScaleQueryBench.Figures scaleQueries,
                          ScaleBench.Figures scale, StartBench.Figures start, PeerBench.Figures peers,
                          ProfileBench.Figures profile) {}

    private final QuerySpeedBench queryBench = QuerySpeedBench.create();
    private final ScaleQueryBench scaleQueryBench = ScaleQueryBench.create();
    private final ScaleBench scaleBench = ScaleBench.create();
    private final StartBench startBench = StartBench.create();
    private final PeerBench peerBench = PeerBench.create();
    private boolean runPeers = true;
    private final ProfileBench profileBench = ProfileBench.create();
    private boolean runProfile = true;
    private boolean runQueries = true;
    private boolean runScaleQueries = true;
    private boolean runScale = true;
    private boolean runStart = true;
    private String command = "bench";

    public static BenchmarkSuite create() { return new BenchmarkSuite(); }

    public BenchmarkSuite config(Path config) { queryBench.config(config); peerBench.config(config); profileBench.config(config); return this; }

    /** Another build's jar to profile beside this one (the build before a change). */
    public BenchmarkSuite profileOther(Path jar) { profileBench.other(jar); return this; }

    public BenchmarkSuite queries(Path dir) { queryBench.queries(dir); scaleQueryBench.queries(dir); startBench.queries(dir); peerBench.queries(dir); profileBench.queries(dir); return this; }

    /** The peer comparison: connections per query, measured time per round, rounds; the mixed run's connections and time. */
    public BenchmarkSuite peers(int connections, Duration measure, int rounds, int mixedConnections, Duration mixed) {
        peerBench.connections(connections).measure(measure).rounds(rounds).mixed(mixedConnections, mixed);
        return this;
    }

    public BenchmarkSuite clients(int n) { queryBench.clients(n); scaleQueryBench.clients(n); return this; }

    public BenchmarkSuite measure(Duration d) { queryBench.measure(d); scaleQueryBench.measure(d); return this; }

    public BenchmarkSuite warmup(Duration d) { queryBench.warmup(d); return this; }

    public BenchmarkSuite rounds(int n) { queryBench.rounds(n); return this; }

    public BenchmarkSuite owlTimeout(Duration d) { queryBench.cTimeout(d); scaleQueryBench.bound(d); return this; }

    /** Synthetic size (asserted triples) at which the saved queries compare (a) and (c) again. */
    public BenchmarkSuite scaleQueriesSize(long triples) { scaleQueryBench.size(triples); return this; }

    public BenchmarkSuite sizes(List<Long> sizes) { scaleBench.sizes(sizes); return this; }

    public BenchmarkSuite seed(long seed) { scaleBench.seed(seed); scaleQueryBench.seed(seed); return this; }

    public BenchmarkSuite jenaBound(Duration d) { scaleBench.jenaBound(d); return this; }

    public BenchmarkSuite startRepeats(int n) { startBench.repeats(n); peerBench.starts(n); return this; }

    /** Which parts to run (all by default). */
    public BenchmarkSuite parts(boolean queries, boolean scaleQueries, boolean scale, boolean start, boolean peers, boolean profile) {
        this.runPeers = peers;
        this.runProfile = profile;
        this.runQueries = queries;
        this.runScaleQueries = scaleQueries;
        this.runScale = scale;
        this.runStart = start;
        return this;
    }

    /** The command line, for the report. */
    public BenchmarkSuite command(String command) { this.command = command; return this; }

    public Results run(PrintStream log) throws Exception {
        ZonedDateTime started = ZonedDateTime.now();
        String loadBefore = Machine.loadAverage();
        log.println("machine load average (1/5/15 min): " + loadBefore);
        QuerySpeedBench.Figures q = null;
        ScaleQueryBench.Figures sq = null;
        ScaleBench.Figures s = null;
        StartBench.Figures st = null;
        PeerBench.Figures pe = null;
        ProfileBench.Figures pr = null;
        if (runProfile) {
            log.println("== where a request's time goes (JFR), answer cache off");
            pr = profileBench.run(log);
        }
        if (runPeers) {
            log.println("== the SPARQL endpoint against peers: (a) fentanyl-kg, answer cache off and on, (b) plain Fuseki, (d) Virtuoso");
            pe = peerBench.run(log);
        }
        if (runQueries) {
            log.println("== query speed: (a) fentanyl-kg, (b) plain Fuseki, (c) Fuseki + OWL Micro");
            q = queryBench.run(log);
        }
        if (runScaleQueries) {
            log.println("== query speed on a synthetic graph: (a) materialised, (c) Fuseki + OWL Micro");
            sq = scaleQueryBench.run(log);
        }
        if (runScale) {
            log.println("== scale: synthetic graphs");
            s = scaleBench.run(log);
        }
        if (runStart) {
            log.println("== start to first answer, heap");
            st = startBench.run(log);
        }
        String loadAfter = Machine.loadAverage();
        log.println("machine load average (1/5/15 min): " + loadAfter);
        return new Results(started, Machine.describe(), loadBefore, loadAfter, command, q, sq, s, st, pe, pr);
    }

    /** Convenience: run, print the table, write the report. */
    public Results runAndReport(PrintStream log, Path markdown, Path baseline) throws Exception {
        Results r = run(log);
        BenchmarkReport report = new BenchmarkReport(r, baseline);
        log.println();
        log.print(report.summary());
        if (markdown != null) {
            report.write(markdown);
            log.println("wrote " + markdown + " and " + BenchmarkReport.figuresFile(markdown));
        }
        return r;
    }

    static void check(boolean ok, String what) throws IOException {
        if (!ok) throw new IOException(what);
    }
}
