package org.fentanylkg.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.fentanylkg.bench.synthetic.SyntheticKnowledgeGraph;
import org.fentanylkg.dataset.KnowledgeGraph;

/**
 * (a) against (c) where the report graph is too small to tell them apart: the saved queries over a synthetic
 * graph ({@link org.fentanylkg.bench.synthetic.SyntheticGraph}, default 10⁵ asserted triples) shaped like ours.
 * (a) is Fuseki over the materialised dataset fentanyl-kg builds (the report-graph comparison already measures
 * what the service's modules cost); (c) is Fuseki over the same asserted triples wrapped in Jena's OWL Micro, as
 * in {@link QuerySpeedBench}, in a child JVM ({@link OwlMicroServer}) restarted after each query it did not finish. Every query is bounded, on both; a query (a) cannot answer within the bound, or
 * that finds no synthetic data (it asks about the report's text or provenance), is reported and not compared.
 */
public final class ScaleQueryBench {
    /** One saved query. {@code status}: "same", "different: ...", "DNF ...", "no synthetic data" or "(a) DNF". */
    public record Row(String query, int rows, HttpLoad.Result a, HttpLoad.Result c, String status) {
        public Double ac() { return a == null || c == null || c.requests() == 0 ? null : a.throughput() / c.throughput(); }

        /** Compared: both answered, with rows. */
        public boolean compared() { return a != null && !status.equals("no synthetic data") && !status.startsWith("(a)"); }
    }

    public record Figures(long size, long asserted, long inferred, long cPrepareMillis, Duration bound, int clients,
                          Duration measure, List<Row> rows) {}

    private Path queries = Path.of("queries");
    private long size = 100_000;
    private long seed = 42;
    private int clients = 4;
    private Duration measure = Duration.ofSeconds(2);
    private Duration bound = Duration.ofSeconds(20);

    public static ScaleQueryBench create() { return new ScaleQueryBench(); }

    public ScaleQueryBench queries(Path dir) { this.queries = dir; return this; }

    public ScaleQueryBench size(long triples) { this.size = triples; return this; }

    public ScaleQueryBench seed(long seed) { this.seed = seed; return this; }

    public ScaleQueryBench clients(int n) { this.clients = n; return this; }

    public ScaleQueryBench measure(Duration d) { this.measure = d; return this; }

    /** The bound on one query, on either server; past it the query did not finish (DNF). */
    public ScaleQueryBench bound(Duration d) { this.bound = d; return this; }

    public Figures run(PrintStream log) throws IOException, InterruptedException {
        List<Path> files;
        try (Stream<Path> s = Files.list(queries)) {
            files = s.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
        }
        KnowledgeGraph kg = SyntheticKnowledgeGraph.build(seed, size);
        FusekiServer a = fuseki(kg.dataset());
        OwlMicro c = new OwlMicro();
        try {
            long prepareMillis = c.start();
            log.printf("query speed at %d asserted triples (%d inferred): (a) %s, (c) %s in a child JVM; OWL Micro prepare %d ms%n",
                    kg.figures().asserted(), kg.figures().inferred(), QuerySpeedBench.endpoint(a), c.endpoint(), prepareMillis);
            HttpClient http = HttpClient.newHttpClient();
            HttpLoad load = new HttpLoad(clients, bound);
            List<Row> rows = new ArrayList<>();
            for (Path file : files) {
                String name = file.getFileName().toString().replaceFirst("\\.rq$", "");
                String query = Files.readString(file);
                Row row = measure(http, load, QuerySpeedBench.endpoint(a), c, name, query);
                rows.add(row);
                log.printf("  %-36s rows %6d  a %8s q/s  c %8s q/s  a/c %7s  %s%n", name, row.rows(),
                        row.a() == null ? "-" : String.format("%.1f", row.a().throughput()),
                        row.c() == null ? "-" : String.format("%.1f", row.c().throughput()),
                        row.ac() == null ? "-" : String.format("%.1f", row.ac()), row.status());
            }
            return new Figures(size, kg.figures().asserted(), kg.figures().inferred(), prepareMillis, bound, clients, measure, rows);
        } finally {
            a.stop();
            c.close();
        }
    }

    /** (c): {@link OwlMicroServer} in a child JVM, restarted after a query it did not finish. */
    private final class OwlMicro implements AutoCloseable {
        private Process process;
        private String endpoint;

        /** Starts the child and waits until it answers; returns OWL Micro's prepare time in ms. */
        long start() throws IOException, InterruptedException {
            close();
            process = new ProcessBuilder(ChildJvm.command(List.of("-Xmx4g", "-XX:+UseG1GC"), OwlMicroServer.class.getName(),
                    Long.toString(seed), Long.toString(size), Long.toString(bound.toMillis())))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            for (String line; (line = out.readLine()) != null; ) {
                Map<String, String> ready = ChildJvm.values(line, "READY");
                if (ready.containsKey("port")) {
                    endpoint = "http://localhost:" + ready.get("port") + "/kg/sparql";
                    return Long.parseLong(ready.get("prepare_ms"));
                }
            }
            throw new IOException("OWL Micro server (child JVM) ended before it was ready, exit " + process.waitFor());
        }

        String endpoint() { return endpoint; }

        @Override
        public void close() throws InterruptedException {
            if (process != null) ChildJvm.kill(process);
            process = null;
        }
    }

    private Row measure(HttpClient http, HttpLoad load, String a, OwlMicro c, String name, String query)
            throws IOException, InterruptedException {
        List<String> ansA;
        try {
            ansA = Answers.fetch(http, a, query, bound);
        } catch (Answers.DidNotFinish e) {
            return new Row(name, 0, null, null, "(a) DNF (" + e.getMessage() + ")");
        }
        if (ansA.isEmpty()) return new Row(name, 0, null, null, "no synthetic data");
        String status;
        boolean cAnswered = false;
        try {
            List<String> ansC = Answers.fetch(http, c.endpoint(), query, bound);
            cAnswered = true;
            status = ansC.equals(ansA) ? "same" : QuerySpeedBench.difference(ansA, ansC);
        } catch (Answers.DidNotFinish e) {
            status = "DNF (" + e.getMessage() + ")";
        } catch (IOException e) {
            status = "error: " + e.getMessage();
        }
        // A query (c) did not finish may still be running there: a fresh (c) for what follows, and quiet cores for (a).
        if (!cAnswered) c.start();
        load.run(a, query, Duration.ofMillis(500));
        HttpLoad.Result ra = load.run(a, query, measure);
        HttpLoad.Result rc = cAnswered ? load.run(c.endpoint(), query, measure) : null;
        return new Row(name, ansA.size(), ra, rc, status);
    }

    private FusekiServer fuseki(DatasetGraph dsg) {
        dsg.getContext().set(ARQ.queryTimeout, Long.toString(bound.toMillis()));
        return FusekiServer.create().port(0).loopback(true).add("/kg", dsg, false).build().start();
    }
}
