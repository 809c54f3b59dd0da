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
import org.apache.jena.sparql.graph.GraphFactory;
import org.fentanylkg.bench.synthetic.SyntheticKnowledgeGraph;
import org.fentanylkg.dataset.KnowledgeGraph;
import org.fentanylkg.vocab.Graphs;

/**
 * (a) against (c) where the report graph is too small to tell them apart: the saved queries over a synthetic
 * graph ({@link org.fentanylkg.bench.synthetic.SyntheticGraph}, default 10⁵ asserted triples) shaped like ours.
 * (a) is Fuseki over the materialised dataset fentanyl-kg builds (the report-graph comparison already measures
 * what the service's modules cost); (c) is Fuseki over the same asserted triples wrapped in Jena's OWL Micro, as
 * in {@link QuerySpeedBench}. Every query is bounded, on both; a query (a) cannot answer within the bound, or
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
        DatasetGraph served = kg.dataset();
        Graph asserted = GraphFactory.createDefaultGraph();
        served.executeRead(() -> served.getGraph(Graphs.ASSERTED).find().forEachRemaining(asserted::add));
        long t0 = System.nanoTime();
        InfModel inf = ModelFactory.createInfModel(ReasonerRegistry.getOWLMicroReasoner(), ModelFactory.createModelForGraph(asserted));
        inf.prepare();
        long prepareMillis = (System.nanoTime() - t0) / 1_000_000;
        FusekiServer a = fuseki(served);
        FusekiServer c = fuseki(DatasetGraphFactory.create(inf.getGraph()));
        log.printf("query speed at %d asserted triples (%d inferred): (a) %s, (c) %s; OWL Micro prepare %d ms%n",
                kg.figures().asserted(), kg.figures().inferred(), QuerySpeedBench.endpoint(a), QuerySpeedBench.endpoint(c), prepareMillis);
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpLoad load = new HttpLoad(clients, bound);
            List<Row> rows = new ArrayList<>();
            for (Path file : files) {
                String name = file.getFileName().toString().replaceFirst("\\.rq$", "");
                String query = Files.readString(file);
                Row row = measure(http, load, a, c, name, query);
                rows.add(row);
                log.printf("  %-36s rows %6d  a %8s q/s  c %8s q/s  a/c %7s  %s%n", name, row.rows(),
                        row.a() == null ? "-" : String.format("%.1f", row.a().throughput()),
                        row.c() == null ? "-" : String.format("%.1f", row.c().throughput()),
                        row.ac() == null ? "-" : String.format("%.1f", row.ac()), row.status());
            }
            return new Figures(size, kg.figures().asserted(), kg.figures().inferred(), prepareMillis, bound, clients, measure, rows);
        } finally {
            a.stop();
            c.stop();
        }
    }

    private Row measure(HttpClient http, HttpLoad load, FusekiServer a, FusekiServer c, String name, String query)
            throws IOException, InterruptedException {
        List<String> ansA;
        try {
            ansA = Answers.fetch(http, QuerySpeedBench.endpoint(a), query, bound);
        } catch (Answers.DidNotFinish e) {
            return new Row(name, 0, null, null, "(a) DNF (" + e.getMessage() + ")");
        }
        if (ansA.isEmpty()) return new Row(name, 0, null, null, "no synthetic data");
        String status;
        boolean cAnswered = false;
        try {
            List<String> ansC = Answers.fetch(http, QuerySpeedBench.endpoint(c), query, bound);
            cAnswered = true;
            status = ansC.equals(ansA) ? "same" : QuerySpeedBench.difference(ansA, ansC);
        } catch (Answers.DidNotFinish e) {
            status = "DNF (" + e.getMessage() + ")";
        } catch (IOException e) {
            status = "error: " + e.getMessage();
        }
        load.run(QuerySpeedBench.endpoint(a), query, Duration.ofMillis(500));
        HttpLoad.Result ra = load.run(QuerySpeedBench.endpoint(a), query, measure);
        HttpLoad.Result rc = cAnswered ? load.run(QuerySpeedBench.endpoint(c), query, measure) : null;
        return new Row(name, ansA.size(), ra, rc, status);
    }

    private FusekiServer fuseki(DatasetGraph dsg) {
        dsg.getContext().set(ARQ.queryTimeout, Long.toString(bound.toMillis()));
        return FusekiServer.create().port(0).loopback(true).add("/kg", dsg, false).build().start();
    }
}
