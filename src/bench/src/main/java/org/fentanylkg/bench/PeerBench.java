package org.fentanylkg.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.FusekiVocab;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.fentanylkg.http.main.KnowledgeGraphServer;
import org.fentanylkg.http.main.ServerConfig;
import org.fentanylkg.source.Sources;
import org.fentanylkg.vocab.FKGC;

/**
 * fentanyl-kg against its peers at the SPARQL endpoint, the path analysts and dashboards use: (a) fentanyl-kg with
 * its answer cache off and (a+) on, (b) plain Fuseki over the same materialised dataset, (d) Virtuoso 7.2 loaded with
 * the same quads ({@link Virtuoso}). Every server is loaded by wrk ({@link Wrk}, GET, SPARQL JSON), a process of its
 * own, so the CPU the server's process spends during a run is the server's: (a), (a+) and (b) run in this JVM, which
 * is otherwise idle while wrk runs; (d) in Virtuoso's process. A run's CPU is counted until the server is idle again,
 * per request sent ({@link #measured}). Then 64 connections on a mix of every saved query, and
 * Virtuoso's start to first answer.
 */
public final class PeerBench {
    /** One server's figures for one query: wrk's, and the server's CPU per request in ms. */
    public record Run(Wrk.Result load, double cpuMsPerRequest) {
        double rps() { return load.rps(); }
    }

    /**
     * One saved query. {@code dStatus}: "same", "different: ...", "error: ..." or null without (d).
     * {@code servedMs}: the query in-process on the dataset (a) serves (no HTTP), best of 20; {@code overhead}: the
     * request path's own cost, like for like ({@link Overhead}).
     */
    public record Row(String query, int rows, Run a, Run aCached, Run b, Run d, String bStatus, String dStatus, double servedMs,
                      Overhead overhead) {
        Double ab() { return a.rps() / b.rps(); }

        Double ad() { return d == null ? null : a.rps() / d.rps(); }

        Double adCached() { return d == null ? null : aCached.rps() / d.rps(); }

        /** Virtuoso gave the same rows, and every server answered requests in the runs (else there is no ratio). */
        boolean dSame() { return "same".equals(dStatus) && d.rps() > 0 && a.rps() > 0 && aCached.rps() > 0; }
    }

    /**
     * What the request path adds to a query, like for like: (a)'s CPU per request on one connection, and the CPU of
     * the same query run in-process on one thread reading every row (no HTTP, no answer written), in rounds that
     * alternate between the two ({@link #paired}). Same concurrency, same JIT state, same accounting: the process's
     * CPU, its garbage collection included, the JIT compilers' time not ({@link #cpuMillis}). At 8 connections on 2
     * cores a heavy query costs itself more CPU (caches, collector), which is the query's cost, not the request path's.
     *
     * <p>Jetty hands each request to a thread that has stood idle since its last one: with one connection two
     * threads take turns, one selecting while the other runs a request. A query run on such a thread costs more CPU
     * than back to back on one thread, its data having left the core's caches. So a third side gives each run of the
     * query in-process to one of two pool threads in turn and waits for it ({@code handedMs}): {@code total} is
     * server − in-process back to back, the overhead as the issue defines it; {@code path} is server − handed off,
     * what HTTP, the guards, the logs and writing the answer add; the rest is the hand-off's. {@code writeMs} is what
     * writing and sending the answer add to the query in-process: the query answered as the endpoint answers it, its
     * rows written as they are read and sent through a loopback socket ({@link QuerySpeedBench#cpuAnswering}), less the
     * query only read, paired in rounds (NaN until measured): the part of the overhead that grows with the answer's size.
     * A fourth side answers the query so, handed off ({@code answeredMs}): {@code beyond} is server − that, what the
     * request adds to everything the endpoint must do to answer it (HTTP, the guards, the logs), measured at once
     * rather than summed from parts measured apart, since writing on a handed-off thread costs more than back to back.
     */
    public record Overhead(double serverMs, double queryMs, double handedMs, Spread total, Spread path, int pairs, double writeMs,
                           double answeredMs, Spread beyond) {
        /** The overhead as the issue defines it: {@code total}'s median. */
        public double ms() { return total.ms(); }

        /** The overhead less the writing of the answer. */
        public double lessWritingMs() { return total.ms() - writeMs; }

        Overhead withWriting(double ms) { return new Overhead(serverMs, queryMs, handedMs, total, path, pairs, ms, answeredMs, beyond); }

        /**
         * What the overhead is made of, each part measured: what every request pays (the overhead of a query that
         * reads nothing, {@code nothing}), and the hand-off and the writing of the answer beyond that query's own.
         */
        public double accountedMs(Overhead nothing) {
            return nothing.ms() + (handedMs - queryMs) - (nothing.handedMs - nothing.queryMs) + writeMs - nothing.writeMs;
        }

        /** The overhead less {@link #accountedMs}: what its measured parts leave unexplained. */
        public double unaccountedMs(Overhead nothing) { return ms() - accountedMs(nothing); }

        /** The overhead is not measurably more than its parts: at least one pair of rounds differs by no more. */
        public boolean accountedFor(Overhead nothing) { return total.lowMs() <= accountedMs(nothing); }

        /** What the request adds to answering the query is measurably more than {@code ms}: no pair of rounds differs by as little. */
        public boolean beyondAbove(double ms) { return beyond.lowMs() > ms; }
    }

    /** A median of paired differences, in ms, and the range of the differences it was taken from. */
    public record Spread(double ms, double lowMs, double highMs) {
        static Spread of(double[] d) {
            double[] sorted = d.clone();
            java.util.Arrays.sort(sorted);
            return new Spread(median(sorted), sorted[0], sorted[sorted.length - 1]);
        }
    }

    /** The 64-connection run on the mix of saved queries. */
    public record Mixed(int connections, Duration duration, Run aCached, Run d) {}

    /**
     * The part of the overhead every request pays, whatever its query: {@value #NOTHING} at each endpoint on one
     * connection, a query that reads nothing, its answer one boolean. {@code ask} is measured as each saved query's
     * overhead is ({@link #paired}); {@code pingMs} is (a)'s CPU per request of Fuseki's {@code /$/ping}, a request
     * that runs no query (Jetty, the filters, the logs); {@code d} is Virtuoso's run of the same query (null without
     * it), its CPU per request and throughput. Each a median of {@link #OVERHEAD_PAIRS} rounds. Plain Fuseki is left
     * out: it sends this answer chunked, and on one connection each request then waits out the client's delayed
     * acknowledgement, so its CPU per request would be the idle process's divided by a few dozen requests a second.
     */
    public record Floor(double pingMs, Overhead ask, Run d) {}

    /** The query of {@link Floor}. */
    static final String NOTHING = "ASK {}";

    /** {@code virtuoso}: version, or null with {@code absent} saying why; {@code floor}: null where not measured. */
    public record Figures(List<Row> rows, int connections, Duration measure, int rounds, String virtuoso, String absent,
                          long virtuosoQuads, long servedQuads, Mixed mixed, List<Long> virtuosoStarts, String warmup, Floor floor) {
        public Long virtuosoStartMedian() { return virtuosoStarts.isEmpty() ? null : StartBench.median(virtuosoStarts); }
    }

    private Path config;
    private Path queries = Path.of("queries");
    private int connections = 8;
    private Duration measure = Duration.ofSeconds(2);
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private int rounds = 2;
    private int mixedConnections = 64;
    private Duration mixed = Duration.ofSeconds(60);
    private int starts = 3;

    public static PeerBench create() { return new PeerBench(); }

    public PeerBench config(Path config) { this.config = config; return this; }

    public PeerBench queries(Path queries) { this.queries = queries; return this; }

    public PeerBench connections(int n) { this.connections = n; return this; }

    public PeerBench measure(Duration d) { this.measure = d; return this; }

    public PeerBench rounds(int n) { this.rounds = n; return this; }

    public PeerBench mixed(int connections, Duration d) { this.mixedConnections = connections; this.mixed = d; return this; }

    public PeerBench starts(int n) { this.starts = n; return this; }

    /** The configuration with the answer cache off ({@code fkgc:answerCacheBytes 0}), as a temporary file. */
    static Path withoutAnswerCache(Path config) throws IOException {
        Path file = config != null ? config : Sources.embeddedRoot().resolve(ServerConfig.FILE_NAME);
        Model model = ServerConfig.read(file);
        Resource server = model.listResourcesWithProperty(RDF.type, FusekiVocab.tServer).next();
        server.removeAll(FKGC.answerCacheBytes);
        server.addLiteral(FKGC.answerCacheBytes, 0L);
        Path out = Files.createTempFile("fkg-bench-config-", ".ttl");
        out.toFile().deleteOnExit();
        try (OutputStream o = Files.newOutputStream(out)) {
            RDFDataMgr.write(o, model, Lang.TURTLE);
        }
        return out;
    }

    /** The saved queries ({@code *.rq}) of a folder, by name; an error if there are none. */
    static List<Path> savedQueries(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
        }
        if (files.isEmpty()) throw new IOException(folder + ": no saved queries (*.rq)");
        return files;
    }

    public Figures run(PrintStream log) throws Exception {
        Optional<String> noWrk = Wrk.ensureInstalled(log);
        if (noWrk.isPresent()) throw new IOException("wrk " + noWrk.get() + "; the peer comparison needs it");
        List<Path> files = savedQueries(queries);
        Path scratch = Files.createTempDirectory("fkg-peers-");
        // Two threads taking turns, as Jetty's with one connection: the overhead measurement's third and fourth sides (Overhead).
        java.util.concurrent.ExecutorService handOff = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "fkg-bench-hand-off");
            t.setDaemon(true);
            return t;
        });
        // Where the in-process side sends its answers, to measure their writing as the endpoint writes them.
        AnswerSink sink = new AnswerSink();

        FusekiServer a = KnowledgeGraphServer.create().config(withoutAnswerCache(config)).port(0).start();
        FusekiServer aCached = null;
        FusekiServer b = null;
        Virtuoso d = null;
        String absent = null;
        String version = null;
        long virtuosoQuads = 0;
        List<Long> startMs = new ArrayList<>();
        try {
            aCached = KnowledgeGraphServer.create().config(config).port(0).start();
            DatasetGraph served = a.getDataAccessPointRegistry().get("/kg").getDataService().getDataset();
            DatasetGraph copy = DatasetGraphFactory.createTxnMem();
            long[] quads = {0};
            served.executeRead(() -> copy.executeWrite(() -> served.find().forEachRemaining(copy::add)));
            b = QuerySpeedBench.fuseki(copy, Duration.ofSeconds(60));

            absent = Virtuoso.ensureInstalled(log).orElse(null);
            if (absent == null) {
                version = Virtuoso.version();
                log.println("peer (d): " + version + "; creating and loading its database");
                d = Virtuoso.create(scratch.resolve("virtuoso"));
                virtuosoQuads = d.load(served, quads);
                log.printf("peer (d): %d quads loaded of the %d written (the default graph's triples and every named graph's)%n", virtuosoQuads, quads[0]);
            } else {
                log.println("peer (d): Virtuoso " + absent + "; running without it");
            }
            String ea = endpoint(a), eac = endpoint(aCached), eb = QuerySpeedBench.endpoint(b).replace("localhost", "127.0.0.1");
            HttpClient http = HttpClient.newHttpClient();
            // Every query on (a), (a+) and (b) in turn until the JIT has settled, so that what is measured is compiled code:
            // (a), (a+) and (b) run in this JVM, and the compilers' CPU time would otherwise count as theirs.
            List<List<String>> mixes = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (Path file : files) {
                String query = Files.readString(file);
                for (int i = 0; i < 3; i++) mixes.get(i).add(url(List.of(ea, eac, eb).get(i), query));
            }
            JitWarmup.Settled warmup = JitWarmup.run(() -> {
                for (List<String> mix : mixes) Wrk.run(mix, connections, Duration.ofSeconds(5), scratch);
            }, 2, Duration.ofSeconds(300));
            log.println("  " + warmup.describe());
            List<Row> rows = new ArrayList<>();
            List<String> mixA = new ArrayList<>();
            List<String> mixD = new ArrayList<>();
            for (Path file : files) {
                String name = file.getFileName().toString().replaceFirst("\\.rq$", "");
                String query = Files.readString(file);
                String dQuery = d == null ? null : Virtuoso.rewrite(query);
                List<String> ansA;
                List<String> ansB;
                long singleMs;
                long slowerMs;
                try {
                    long t0 = System.nanoTime();
                    ansA = Answers.fetch(http, ea, query, Duration.ofSeconds(60));
                    long t1 = System.nanoTime();
                    ansB = Answers.fetch(http, eb, query, Duration.ofSeconds(60));
                    singleMs = (t1 - t0) / 1_000_000;
                    // (b) runs a heavy query several times slower than (a): its runs must be long enough for it too
                    slowerMs = Math.max(t1 - t0, System.nanoTime() - t1) / 1_000_000;
                } catch (Answers.DidNotFinish e) {
                    throw new IOException(name + ": fentanyl-kg or plain Fuseki did not answer: " + e.getMessage());
                }
                String bStatus = ansA.equals(ansB) ? "same" : QuerySpeedBench.difference(ansA, ansB);
                // A run long enough for every connection to finish several requests of a slow query.
                Duration runFor = Duration.ofMillis(Math.max(measure.toMillis(), Math.min(30_000, 4 * connections * slowerMs / CORES)));
                String dStatus = null;
                if (d != null) {
                    try {
                        List<String> ansD = Answers.fetch(http, d.endpoint(), dQuery, Duration.ofSeconds(60));
                        dStatus = ansA.equals(ansD) ? "same" : QuerySpeedBench.difference(ansA, ansD);
                    } catch (Answers.DidNotFinish | IOException e) {
                        dStatus = "error: " + e.getMessage();
                    }
                }
                String ua = url(ea, query), uac = url(eac, query), ub = url(eb, query), ud = d == null ? null : url(d.endpoint(), dQuery);
                mixA.add(uac);
                if (ud != null) mixD.add(ud);
                Duration warm = Duration.ofSeconds(1);
                for (String u : d == null ? List.of(ua, uac, ub) : List.of(ua, uac, ub, ud)) Wrk.run(List.of(u), connections, warm, scratch);
                List<List<Run>> runs = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
                for (int r = 0; r < rounds; r++) {
                    runs.get(0).add(inJvm(List.of(ua), connections, runFor, scratch));
                    runs.get(1).add(inJvm(List.of(uac), connections, runFor, scratch));
                    runs.get(2).add(inJvm(List.of(ub), connections, runFor, scratch));
                    if (d != null) runs.get(3).add(external(d.process(), List.of(ud), connections, runFor, scratch));
                }
                double servedMs = QuerySpeedBench.bestOf(served, query);
                // The server parses a query text once (ParsedQueries), so in-process it is parsed once too.
                org.apache.jena.query.Query parsed = org.apache.jena.query.QueryFactory.create(query);
                // Rounds long enough for several runs of a slow query, bounded.
                Duration round = Duration.ofMillis(Math.min(5000, Math.max(1000, 5 * singleMs)));
                QuerySpeedBench.Pause quiet = () -> idle(PeerBench::processMillis);
                Overhead overhead = paired(() -> inJvm(List.of(ua), 1, round, scratch).cpuMsPerRequest(),
                        () -> QuerySpeedBench.cpuSequential(served, parsed, round, null, PeerBench::cpuMillis, quiet),
                        () -> QuerySpeedBench.cpuSequential(served, parsed, round, handOff, PeerBench::cpuMillis, quiet),
                        () -> QuerySpeedBench.cpuAnswering(served, parsed, round, sink, handOff, PeerBench::cpuMillis, quiet),
                        OVERHEAD_PAIRS);
                overhead = overhead.withWriting(writing(served, parsed, round, sink, quiet));
                Row row = new Row(name, ansA.size(), merge(runs.get(0)), merge(runs.get(1)), merge(runs.get(2)),
                        d == null ? null : merge(runs.get(3)), bStatus, dStatus, servedMs, overhead);
                rows.add(row);
                log.printf("  %-36s rows %4d  overhead %.3f ms (%.3f to %.3f over %d pairs of rounds; 1 connection %.3f ms/req, in-process %.3f ms); "
                                + "request path %.3f ms (%.3f to %.3f; in-process handed off %.3f ms); writing the answer %.3f ms; "
                                + "beyond answering %.3f ms (%.3f to %.3f; answered in-process handed off %.3f ms)%n", name, row.rows(),
                        overhead.ms(), overhead.total().lowMs(), overhead.total().highMs(), overhead.pairs(), overhead.serverMs(), overhead.queryMs(),
                        overhead.path().ms(), overhead.path().lowMs(), overhead.path().highMs(), overhead.handedMs(), overhead.writeMs(),
                        overhead.beyond().ms(), overhead.beyond().lowMs(), overhead.beyond().highMs(), overhead.answeredMs());
                log.printf("  %-36s rows %4d  a %7.1f q/s %5.2f ms/req  a+ %8.1f q/s  b %7.1f q/s %5.2f ms/req  a/b %5.2f%s%n", name, row.rows(),
                        row.a().rps(), row.a().cpuMsPerRequest(), row.aCached().rps(), row.b().rps(), row.b().cpuMsPerRequest(), row.ab(),
                        d == null ? "" : String.format(java.util.Locale.ROOT, "  d %7.1f q/s %5.2f ms/req  a/d %5.2f  a+/d %6.1f  (d) %s",
                                row.d().rps(), row.d().cpuMsPerRequest(), row.ad(), row.adCached(), dStatus));
            }
            Floor floor = floor(served, a.getHttpPort(), ea, d, handOff, sink, scratch);
            log.printf("floor: %s at one connection: (a) overhead %.3f ms (%.3f to %.3f; %.3f ms/req against %.3f in-process), request path %.3f ms, "
                            + "beyond answering %.3f ms; (a) /$/ping %.3f ms/req%s%n", NOTHING, floor.ask().ms(), floor.ask().total().lowMs(), floor.ask().total().highMs(),
                    floor.ask().serverMs(), floor.ask().queryMs(), floor.ask().path().ms(), floor.ask().beyond().ms(), floor.pingMs(),
                    floor.d() == null ? "" : String.format(java.util.Locale.ROOT, "; (d) %.3f ms/req at %.0f q/s", floor.d().cpuMsPerRequest(), floor.d().rps()));
            log.printf("mixed: %d connections, %d s, every saved query in turn at /kg/sparql (answer cache on)%n", mixedConnections, mixed.toSeconds());
            Run mixedA = inJvm(mixA, mixedConnections, mixed, scratch);
            Run mixedD = d == null ? null : external(d.process(), mixD, mixedConnections, mixed, scratch);
            log.printf("  a+ %.1f q/s p99 %.1f ms errors %d%s%n", mixedA.rps(), mixedA.load().p99(), mixedA.load().errors(),
                    mixedD == null ? "" : String.format(java.util.Locale.ROOT, "; d %.1f q/s p99 %.1f ms errors %d", mixedD.rps(), mixedD.load().p99(), mixedD.load().errors()));
            if (d != null) {
                for (int i = 0; i < starts; i++) {
                    d.stop();
                    startMs.add(d.start(Duration.ofSeconds(120)));
                }
                log.println("peer (d): start to first answer (ms) " + startMs);
            }
            return new Figures(rows, connections, measure, rounds, version, absent, virtuosoQuads, quads[0],
                    new Mixed(mixedConnections, mixed, mixedA, mixedD), startMs, warmup.describe(), floor);
        } finally {
            handOff.shutdownNow();
            sink.close();
            a.stop();
            if (aCached != null) aCached.stop();
            if (b != null) b.stop();
            if (d != null) d.close();
            StartBench.deleteTree(scratch); // Virtuoso's database among it
        }
    }


    /** {@link Floor}: measured after the saved queries, with the JIT compilers settled. */
    private static Floor floor(DatasetGraph served, int port, String ea, Virtuoso d, java.util.concurrent.ExecutorService handOff, AnswerSink sink,
                               Path scratch) throws Exception {
        org.apache.jena.query.Query nothing = org.apache.jena.query.QueryFactory.create(NOTHING);
        Duration round = Duration.ofSeconds(1);
        String ua = url(ea, NOTHING);
        QuerySpeedBench.Pause quiet = () -> idle(PeerBench::processMillis);
        Overhead ask = paired(() -> inJvm(List.of(ua), 1, round, scratch).cpuMsPerRequest(),
                () -> QuerySpeedBench.cpuSequential(served, nothing, round, null, PeerBench::cpuMillis, quiet),
                () -> QuerySpeedBench.cpuSequential(served, nothing, round, handOff, PeerBench::cpuMillis, quiet),
                () -> QuerySpeedBench.cpuAnswering(served, nothing, round, sink, handOff, PeerBench::cpuMillis, quiet), OVERHEAD_PAIRS)
                .withWriting(writing(served, nothing, round, sink, quiet));
        String ping = "http://127.0.0.1:" + port + "/$/ping";
        String ud = d == null ? null : url(d.endpoint(), NOTHING);
        double[] pingMs = new double[OVERHEAD_PAIRS];
        List<Run> dRuns = new ArrayList<>();
        for (int i = 0; i < OVERHEAD_PAIRS; i++) {
            pingMs[i] = inJvm(List.of(ping), 1, round, scratch).cpuMsPerRequest();
            if (d != null) dRuns.add(external(d.process(), List.of(ud), 1, round, scratch));
        }
        Run dMedian = dRuns.stream().sorted(java.util.Comparator.comparingDouble(Run::cpuMsPerRequest)).skip(dRuns.size() / 2).findFirst().orElse(null);
        return new Floor(Spread.of(pingMs).ms(), ask, dMedian);
    }

    /** What writing and sending its answer add to the query in-process: the median of paired rounds, answered against only read. */
    private static double writing(DatasetGraph served, org.apache.jena.query.Query query, Duration round, AnswerSink sink, QuerySpeedBench.Pause quiet)
            throws InterruptedException, IOException {
        double[] writing = new double[WRITING_ROUNDS];
        for (int i = 0; i < writing.length; i++) {
            double read = QuerySpeedBench.cpuSequential(served, query, round, null, PeerBench::cpuMillis, quiet);
            writing[i] = QuerySpeedBench.cpuAnswering(served, query, round, sink, null, PeerBench::cpuMillis, quiet) - read;
        }
        return Spread.of(writing).ms();
    }

    /** A run against a server of this JVM: the JVM's CPU per request sent ({@link #measured}; the JVM does nothing else meanwhile). */
    static Run inJvm(List<String> urls, int connections, Duration d, Path scratch) throws IOException, InterruptedException {
        return measured(PeerBench::cpuMillis, PeerBench::processMillis, urls, connections, d, scratch);
    }

    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

    /**
     * This JVM's CPU time in ms, less the JIT compilers' time: what a long-running server spends. Recompilation goes
     * on for minutes after the warm-up (a run of one query after another's deoptimises code compiled for the other),
     * and lands, unevenly, in whichever run is measuring then.
     */
    static double cpuMillis() {
        double jit = JIT != null && JIT.isCompilationTimeMonitoringSupported() ? JIT.getTotalCompilationTime() : 0;
        return processMillis() - jit;
    }

    /** This JVM's CPU time in ms, all of it: what {@link #idle} waits on, so that no compilation competes with a run. */
    private static double processMillis() { return OS.getProcessCpuTime() / 1e6; }

    private static Run external(ProcessHandle p, List<String> urls, int connections, Duration d, Path scratch) throws IOException, InterruptedException {
        return measured(() -> Virtuoso.cpuMillis(p), () -> Virtuoso.cpuMillis(p), urls, connections, d, scratch);
    }

    /**
     * A run's CPU (ms, read by {@code cpuMillis}) from its start until the process is idle again, per request sent. When wrk
     * stops, each connection has a request in flight, which the server still answers in full: a slow query runs to its
     * end. Read at wrk's exit, that CPU landed in the next run, another server's or another query's, while the run's own
     * was divided by the requests answered only, which overstated a slow query's CPU per request several times over.
     * So a run starts once the previous one's requests are done, and counts the one left on each connection.
     * {@code busyMillis}: the process's CPU that must fall quiet first ({@link #idle}), {@code cpuMillis}: what is counted.
     */
    private static Run measured(DoubleSupplier cpuMillis, DoubleSupplier busyMillis, List<String> urls, int connections, Duration d, Path scratch)
            throws IOException, InterruptedException {
        idle(busyMillis);
        double cpu0 = cpuMillis.getAsDouble();
        Wrk.Result r = Wrk.run(urls, connections, d, scratch);
        idle(busyMillis);
        double cpu1 = cpuMillis.getAsDouble();
        return new Run(r, r.requests() == 0 ? Double.NaN : (cpu1 - cpu0) / (r.requests() + connections));
    }

    /** Waits until the process uses under a tenth of a core over {@link #IDLE_WINDOW}, for at most a minute. */
    static void idle(DoubleSupplier cpuMillis) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            double c0 = cpuMillis.getAsDouble();
            Thread.sleep(IDLE_WINDOW.toMillis());
            if (cpuMillis.getAsDouble() - c0 < IDLE_WINDOW.toMillis() / 10.0) return;
        }
    }

    private static final Duration IDLE_WINDOW = Duration.ofMillis(300);

    /** One round of a measurement: CPU ms per execution. */
    interface Round {
        double run() throws Exception;
    }

    /** Pairs of rounds per query in the overhead measurement, after the warm-up pairs. */
    static final int OVERHEAD_PAIRS = 5;

    /** Pairs of rounds per query, the query answered and only read, whose differences' median is the answer's writing. */
    static final int WRITING_ROUNDS = 3;

    /** Warm-up pairs at most: a query's code keeps improving for seconds after the suite's warm-up, as C2 compiles its paths. */
    static final int MAX_WARMUP_PAIRS = 4;

    /**
     * Rounds of each side in turn: the server, the query in-process back to back, handed off, and answered handed off.
     * Warm-up pairs until every side's last two rounds agree within 5% or 0.05 ms (at most {@link #MAX_WARMUP_PAIRS}),
     * not counted; then {@code pairs} pairs, and the medians of each side and of the differences server − each of the
     * others, with their ranges. The machine's speed drifts over seconds (it is shared), so a difference is taken
     * between rounds measured side by side, and its median is robust to a round that caught a collection or a neighbour.
     */
    static Overhead paired(Round server, Round inProcess, Round handedOff, Round answered, int pairs) throws Exception {
        Round[] sides = {server, inProcess, handedOff, answered};
        double[] last = new double[sides.length];
        for (int i = 0; i < sides.length; i++) last[i] = sides[i].run();
        for (int warm = 1; warm < MAX_WARMUP_PAIRS; warm++) {
            boolean agree = true;
            for (int i = 0; i < sides.length; i++) {
                double x = sides[i].run();
                agree &= agree(x, last[i]);
                last[i] = x;
            }
            if (agree) break;
        }
        double[][] v = new double[sides.length][pairs];
        double[][] less = new double[sides.length - 1][pairs]; // server − each other side
        for (int p = 0; p < pairs; p++) {
            for (int i = 0; i < sides.length; i++) v[i][p] = sides[i].run();
            for (int i = 1; i < sides.length; i++) less[i - 1][p] = v[0][p] - v[i][p];
        }
        return new Overhead(Spread.of(v[0]).ms(), Spread.of(v[1]).ms(), Spread.of(v[2]).ms(), Spread.of(less[0]), Spread.of(less[1]), pairs,
                Double.NaN, Spread.of(v[3]).ms(), Spread.of(less[2]));
    }

    private static boolean agree(double x, double y) { return Math.abs(x - y) <= Math.max(0.05, 0.05 * Math.min(x, y)); }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static Run merge(List<Run> runs) {
        List<Wrk.Result> loads = runs.stream().map(Run::load).toList();
        double cpu = 0;
        long n = 0;
        for (Run r : runs) {
            cpu += r.cpuMsPerRequest() * r.load().requests();
            n += r.load().requests();
        }
        return new Run(Wrk.Result.merge(loads), n == 0 ? Double.NaN : cpu / n);
    }

    private static String endpoint(FusekiServer s) { return "http://127.0.0.1:" + s.getHttpPort() + "/kg/sparql"; }

    private static String url(String endpoint, String query) {
        return endpoint + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }
}
