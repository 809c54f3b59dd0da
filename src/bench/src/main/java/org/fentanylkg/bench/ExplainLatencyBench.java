package org.fentanylkg.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.fentanylkg.vocab.Graphs;
import org.fentanylkg.explain.Terms;
import org.fentanylkg.http.main.KnowledgeGraphServer;
import org.fentanylkg.vocab.FKG;

/**
 * A small benchmark, not a test: starts the service in this JVM and measures the latency of
 * {@code GET /api/explain} over HTTP for the inferred triples about the graph's resources (after warm-up),
 * and separately for the example "why is 4-piperidone a fentanyl precursor?".
 */
public final class ExplainLatencyBench {
    private static final String EXAMPLE = "s=" + enc(FKG.RESOURCE + "4-piperidone")
            + "&p=" + enc("http://www.w3.org/1999/02/22-rdf-syntax-ns#type") + "&o=" + enc("<" + FKG.NS + "FentanylPrecursor>");

    private final Path config;
    private final int warmup;
    private final int runs;

    public ExplainLatencyBench(Path config, int warmup, int runs) {
        this.config = config;
        this.warmup = warmup;
        this.runs = runs;
    }

    public void run(PrintStream out) throws IOException, InterruptedException {
        KnowledgeGraphServer kgs = KnowledgeGraphServer.create().config(config).port(0);
        FusekiServer server = kgs.start();
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://localhost:" + server.getHttpPort() + "/api/explain?";
        try {
            DatasetGraph dsg = kgs.graph().dataset();
            List<String> queries = new ArrayList<>();
            List<Triple> inferred = dsg.calculateRead(() -> dsg.getGraph(Graphs.INFERRED).find().toList()).stream()
                    .filter(t -> t.getSubject().isURI() && t.getSubject().getURI().startsWith(FKG.RESOURCE))
                    .sorted(Comparator.comparing(Triple::toString)).toList();
            for (Triple t : inferred) {
                queries.add("s=" + enc(t.getSubject().getURI()) + "&p=" + enc(t.getPredicate().getURI())
                        + "&o=" + enc(Terms.ntriples(t.getObject())));
            }
            Collections.shuffle(queries, new Random(42)); // fixed order, run to run
            for (int i = 0; i < warmup; i++) call(http, base + queries.get(i % queries.size()));
            double[] all = time(http, base, queries, runs);
            double[] example = time(http, base, List.of(EXAMPLE), Math.max(runs / 10, 50));
            out.printf("explanation latency over HTTP (GET /api/explain), %d inferred triples%n", dsg.calculateRead(() -> dsg.getGraph(Graphs.INFERRED).size()));
            out.printf("%-46s %6s %8s %8s %8s%n", "request", "n", "p50 ms", "p90 ms", "max ms");
            out.printf("%-46s %6d %8.2f %8.2f %8.2f%n", "inferred triples about fkr: resources (" + inferred.size() + ")", all.length,
                    all[all.length / 2], all[(int) (all.length * 0.9)], all[all.length - 1]);
            out.printf("%-46s %6d %8.2f %8.2f %8.2f%n", "4-piperidone a fkg:FentanylPrecursor", example.length,
                    example[example.length / 2], example[(int) (example.length * 0.9)], example[example.length - 1]);
        } finally {
            server.stop();
        }
    }

    private static double[] time(HttpClient http, String base, List<String> queries, int n) throws IOException, InterruptedException {
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            call(http, base + queries.get(i % queries.size()));
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static void call(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IOException("HTTP " + r.statusCode() + " for " + url + ": " + r.body());
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }
}
