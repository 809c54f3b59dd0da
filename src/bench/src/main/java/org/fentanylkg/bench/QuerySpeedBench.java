package org.fentanylkg.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.ARQ;
import org.apache.jena.rdf.model.InfModel;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.reasoner.ReasonerRegistry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.fentanylkg.http.main.KnowledgeGraphServer;
import org.fentanylkg.http.security.JsonResults;
import org.fentanylkg.vocab.Graphs;

/**
 * Query speed over HTTP, in one JVM and one run, with the same concurrent client ({@link HttpLoad}):
 * (a) fentanyl-kg as configured; (b) plain Fuseki over a copy of the same materialised dataset (no inference:
 * the limit); (c) Fuseki over the asserted graph wrapped in Jena's OWL Micro rule reasoner (an InfModel, what a
 * user would otherwise pick). The three servers run in this JVM on loopback ports, each measured alone, (a) and
 * (b) alternated in rounds so that drift in the machine's load hits both alike.
 */
public final class QuerySpeedBench {
    /**
     * One saved query's figures. {@code cStatus}: "same", "different: ...", "DNF ..." or "error: ...".
     * {@code owlMs}: the query in-process on (c)'s OWL Micro dataset, null where (c) did not answer.
     */
    public record Row(String query, int rows, HttpLoad.Result a, HttpLoad.Result b, HttpLoad.Result c,
                      boolean bSame, String cStatus, double servedMs, double txnMemMs, Double owlMs) {
        public double ab() { return a.throughput() / b.throughput(); }

        public Double ac() { return c == null || c.requests() == 0 ? null : a.throughput() / c.throughput(); }
    }

    /** The figures, and how (c) was set up. */
    public record Figures(List<Row> rows, int clients, Duration measure, int rounds, long cPrepareMillis,
                          String reasoner, Duration cTimeout, String servedDataset) {}

    /** Time allowed for one query's in-process runs on (c)'s dataset. */
    static final Duration OWL_IN_PROCESS_BUDGET = Duration.ofSeconds(15);

    private Path config;
    private Path queries = Path.of("queries");
    private int clients = 4;
    private Duration warmup = Duration.ofSeconds(1);
    private Duration measure = Duration.ofSeconds(2);
    private int rounds = 2;
    private Duration cTimeout = Duration.ofSeconds(20);

    public static QuerySpeedBench create() { return new QuerySpeedBench(); }

    public QuerySpeedBench config(Path config) { this.config = config; return this; }

    public QuerySpeedBench queries(Path queries) { this.queries = queries; return this; }

    public QuerySpeedBench clients(int clients) { this.clients = clients; return this; }

    public QuerySpeedBench warmup(Duration d) { this.warmup = d; return this; }

    public QuerySpeedBench measure(Duration d) { this.measure = d; return this; }

    public QuerySpeedBench rounds(int rounds) { this.rounds = rounds; return this; }

    /** The bound on one query of (c); past it the query is reported as not finished (DNF). */
    public QuerySpeedBench cTimeout(Duration d) { this.cTimeout = d; return this; }

    public Figures run(PrintStream log) throws IOException, InterruptedException {
        List<Path> files;
        try (Stream<Path> s = Files.list(queries)) {
            files = s.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
        }
        if (files.isEmpty()) throw new IOException(queries + ": no saved queries (*.rq)");

        // The answer cache off: repeated queries would be answered from memory, and this compares the work of answering.
        FusekiServer a = KnowledgeGraphServer.create().config(PeerBench.withoutAnswerCache(config)).port(0).start();
        FusekiServer b = null;
        FusekiServer c = null;
        try {
            DatasetGraph served = a.getDataAccessPointRegistry().get("/kg").getDataService().getDataset();
            DatasetGraph copy = DatasetGraphFactory.createTxnMem();
            Graph asserted = GraphFactory.createDefaultGraph();
            java.util.Map<org.apache.jena.graph.Node, Graph> named = new java.util.LinkedHashMap<>();
            served.executeRead(() -> {
                copy.executeWrite(() -> served.find().forEachRemaining(copy::add));
                served.getGraph(Graphs.ASSERTED).find().forEachRemaining(asserted::add);
                served.listGraphNodes().forEachRemaining(g -> {
                    if (g.equals(Graphs.INFERRED)) return;
                    Graph ng = GraphFactory.createDefaultGraph();
                    served.getGraph(g).find().forEachRemaining(ng::add);
                    named.put(g, ng);
                });
            });
            b = fuseki(copy, Duration.ofSeconds(60));
            long t0 = System.nanoTime();
            InfModel inf = ModelFactory.createInfModel(ReasonerRegistry.getOWLMicroReasoner(), ModelFactory.createModelForGraph(asserted));
            inf.prepare();
            long prepareMillis = (System.nanoTime() - t0) / 1_000_000;
            DatasetGraph forC = DatasetGraphFactory.create(inf.getGraph());
            named.forEach(forC::addGraph);
            c = fuseki(forC, cTimeout);
            log.printf("query speed: (a) %s, (b) %s, (c) %s; OWL Micro prepare %d ms%n",
                    endpoint(a), endpoint(b), endpoint(c), prepareMillis);

            HttpClient http = HttpClient.newHttpClient();
            HttpLoad load = new HttpLoad(clients, Duration.ofSeconds(60));
            HttpLoad loadC = new HttpLoad(clients, cTimeout);
            List<Row> rows = new ArrayList<>();
            // One pass over every query on (a) and (b) first, so that the JIT has compiled the common paths of both
            // servers before anything is measured (else the first query measured pays for it, on (a) more than (b)).
            for (Path file : files) {
                String query = Files.readString(file);
                load.run(endpoint(a), query, warmup);
                load.run(endpoint(b), query, warmup);
            }
            for (Path file : files) {
                String name = file.getFileName().toString().replaceFirst("\\.rq$", "");
                String query = Files.readString(file);
                List<String> ansA;
                List<String> ansB;
                try {
                    ansA = Answers.fetch(http, endpoint(a), query, Duration.ofSeconds(60));
                    ansB = Answers.fetch(http, endpoint(b), query, Duration.ofSeconds(60));
                } catch (Answers.DidNotFinish e) {
                    throw new IOException(name + ": fentanyl-kg or plain Fuseki did not answer: " + e.getMessage());
                }
                String cStatus;
                boolean cAnswered = false;
                try {
                    List<String> ansC = Answers.fetch(http, endpoint(c), query, cTimeout);
                    cAnswered = true;
                    cStatus = ansC.equals(ansA) ? "same" : difference(ansA, ansC);
                } catch (Answers.DidNotFinish e) {
                    cStatus = "DNF (" + e.getMessage() + ")";
                } catch (IOException e) {
                    cStatus = "error: " + e.getMessage();
                }

                load.run(endpoint(a), query, warmup);
                load.run(endpoint(b), query, warmup);
                HttpLoad.Result ra = null;
                HttpLoad.Result rb = null;
                double[] la = new double[0];
                double[] lb = new double[0];
                for (int r = 0; r < rounds; r++) {
                    HttpLoad.Result x = load.run(endpoint(a), query, measure);
                    la = concat(la, load.lastLatencies());
                    ra = ra == null ? x : HttpLoad.Result.merge(ra, x, la.clone());
                    HttpLoad.Result y = load.run(endpoint(b), query, measure);
                    lb = concat(lb, load.lastLatencies());
                    rb = rb == null ? y : HttpLoad.Result.merge(rb, y, lb.clone());
                }
                HttpLoad.Result rc = cAnswered ? loadC.run(endpoint(c), query, measure) : null;
                // In-process, no HTTP: the same query on the dataset (a) serves and on (b)'s, the one `fuseki-server --file` builds.
                double servedMs = bestOf(served, query);
                double txnMemMs = bestOf(copy, query);
                // And on (c)'s: with HTTP taken away, is (c) itself 20 times slower than (a)?
                Double owlMs = cAnswered ? owlBestOf(forC, query) : null;
                Row row = new Row(name, ansA.size(), ra, rb, rc, ansA.equals(ansB), cStatus, servedMs, txnMemMs, owlMs);
                rows.add(row);
                log.printf("  %-36s rows %4d  a %8.1f q/s  b %8.1f q/s  a/b %5.2f  c %s%n", name, ansA.size(),
                        ra.throughput(), rb.throughput(), row.ab(),
                        rc == null ? cStatus : String.format("%8.1f q/s a/c %7.1f %s", rc.throughput(), row.ac() == null ? Double.NaN : row.ac(), cStatus));
            }
            return new Figures(rows, clients, measure, rounds, prepareMillis, "OWL Micro (ReasonerRegistry.getOWLMicroReasoner())", cTimeout,
                    DatasetGraphWrapper.unwrap(served).getClass().getSimpleName());
        } finally {
            a.stop();
            if (b != null) b.stop();
            if (c != null) c.stop();
        }
    }

    /** Best of 20 in-process runs (after 5 warm-up runs), in ms, reading every row. */
    static double bestOf(DatasetGraph dsg, String query) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 25; i++) {
            double ms = timeOnce(dsg, query);
            if (i >= 5) best = Math.min(best, ms);
        }
        return best;
    }

    /**
     * The same on (c)'s dataset, but within {@link #OWL_IN_PROCESS_BUDGET} (a query can stay slow after the reasoner has
     * tabled its goals): best of the measured runs, at least one. Null if a run times out or fails.
     */
    private static Double owlBestOf(DatasetGraph dsg, String query) {
        long deadline = System.nanoTime() + OWL_IN_PROCESS_BUDGET.toNanos();
        try {
            for (int warm = 0; warm < 5 && System.nanoTime() < deadline; warm++) timeOnce(dsg, query);
            double best = timeOnce(dsg, query);
            for (int runs = 1; runs < 20 && System.nanoTime() < deadline; runs++) best = Math.min(best, timeOnce(dsg, query));
            return best;
        } catch (RuntimeException e) {
            return null; // timed out (the dataset carries (c)'s query timeout) or failed: no in-process figure
        }
    }

    /** Something to wait for before reading the process's CPU again (the collector and compilers finishing). */
    interface Pause {
        void await() throws InterruptedException;
    }

    /**
     * The query's CPU time (ms, mean) in-process, parsed once, reading every row, as {@code cpuMillis} counts it, from
     * when the process is idle until it is idle again ({@code idle}), as a server's run is counted. At least 5 runs,
     * and for at least {@code d}; each run on this thread, or, given {@code handOff}, on one of its threads while this
     * one waits, as a server hands a request to a thread of its pool.
     */
    static double cpuSequential(DatasetGraph dsg, org.apache.jena.query.Query query, Duration d, java.util.concurrent.ExecutorService handOff,
                                java.util.function.DoubleSupplier cpuMillis, Pause idle) throws InterruptedException, IOException {
        Runnable once = () -> readEveryRow(dsg, QueryExec.dataset(dsg).query(query));
        return cpuPerRun(() -> runOn(handOff, once), d, cpuMillis, idle);
    }

    /** Runs {@code once} on this thread, or, given {@code handOff}, on one of its threads while this one waits. */
    private static void runOn(java.util.concurrent.ExecutorService handOff, Runnable once) throws InterruptedException {
        if (handOff == null) {
            once.run();
            return;
        }
        try {
            handOff.submit(once).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** One run of a measured step, which may wait for another thread. */
    interface Step {
        void run() throws InterruptedException, IOException;
    }

    /** CPU per run of {@code step}, run back to back for {@code d} (at least 5 times), between two quiet spells. */
    static double cpuPerRun(Step step, Duration d, java.util.function.DoubleSupplier cpuMillis, Pause idle)
            throws InterruptedException, IOException {
        idle.await();
        long until = System.nanoTime() + d.toNanos();
        double cpu0 = cpuMillis.getAsDouble();
        int n = 0;
        while (n < 5 || System.nanoTime() < until) {
            step.run();
            n++;
        }
        idle.await();
        return (cpuMillis.getAsDouble() - cpu0) / n;
    }

    /**
     * CPU per run of the query answered as the endpoint answers it: run, its rows written as they are read by the
     * endpoint's writer ({@link JsonResults}, SPARQL JSON results, the overhead's requests' format; an ASK answer by
     * Jena's) and sent through {@code sink}; on this thread back to back, or, given {@code handOff}, as
     * {@link #cpuSequential} hands it off. Less {@link #cpuSequential} on this thread, it is what writing and sending the
     * answer add to the query; handed off, it is all the endpoint does for a request but HTTP's part.
     */
    static double cpuAnswering(DatasetGraph dsg, org.apache.jena.query.Query query, Duration d, AnswerSink sink,
                               java.util.concurrent.ExecutorService handOff, java.util.function.DoubleSupplier cpuMillis, Pause idle)
            throws InterruptedException, IOException {
        Runnable once = () -> dsg.executeRead(() -> {
            try (QueryExec run = QueryExec.dataset(dsg).query(query).timeout(120, java.util.concurrent.TimeUnit.SECONDS).build()) {
                if (run.getQuery().isAskType()) { // as Fuseki writes a boolean answer
                    org.apache.jena.sparql.resultset.ResultsWriter.create().lang(org.apache.jena.riot.resultset.ResultSetLang.RS_JSON).build()
                            .write(sink.out(), run.ask());
                } else {
                    JsonResults.write(sink.out(), run.select());
                }
                sink.flush();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return cpuPerRun(() -> runOn(handOff, once), d, () -> cpuMillis.getAsDouble() - sink.readerCpuMillis(), idle);
    }

    private static double timeOnce(DatasetGraph dsg, String query) {
        long t0 = System.nanoTime();
        readEveryRow(dsg, QueryExec.dataset(dsg).query(query));
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void readEveryRow(DatasetGraph dsg, org.apache.jena.sparql.exec.QueryExecBuilder exec) {
        dsg.executeRead(() -> {
            // Bounded by the benchmark, not by the global query timeout the servers of this JVM set.
            try (QueryExec run = exec.timeout(120, java.util.concurrent.TimeUnit.SECONDS).build()) {
                if (run.getQuery().isAskType()) {
                    run.ask();
                    return;
                }
                var rows = run.select();
                while (rows.hasNext()) rows.next();
                rows.close();
            }
        });
    }

    static String difference(List<String> expected, List<String> actual) {
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(actual);
        List<String> extra = new ArrayList<>(actual);
        extra.removeAll(expected);
        return "different: " + actual.size() + " rows vs " + expected.size() + " (" + missing.size() + " missing, " + extra.size() + " extra)";
    }

    private static double[] concat(double[] x, double[] y) {
        double[] z = java.util.Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, z, x.length, y.length);
        return z;
    }

    static FusekiServer fuseki(DatasetGraph dsg, Duration timeout) {
        dsg.getContext().set(ARQ.queryTimeout, Long.toString(timeout.toMillis()));
        return FusekiServer.create().port(0).loopback(true).add("/kg", dsg, false).build().start();
    }

    static String endpoint(FusekiServer s) { return "http://localhost:" + s.getHttpPort() + "/kg/sparql"; }
}
