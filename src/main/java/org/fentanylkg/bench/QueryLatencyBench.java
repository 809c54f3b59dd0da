package org.fentanylkg.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.fuseki.main.FusekiServer;
import org.fentanylkg.http.KnowledgeGraphServer;
import org.fentanylkg.http.ServerModules;

/**
 * A small benchmark, not a test: starts the service in this JVM, measures the time from start to the first
 * answer, then the median and p90 latency of each saved query over HTTP (after warm-up).
 */
public final class QueryLatencyBench {
    private final Path config;
    private final Path queries;
    private final int warmup;
    private final int runs;

    public QueryLatencyBench(Path config, Path queries, int warmup, int runs) {
        this.config = config;
        this.queries = queries;
        this.warmup = warmup;
        this.runs = runs;
    }

    public void run(PrintStream out) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        FusekiServer server = KnowledgeGraphServer.create().config(config).port(0).start();
        HttpClient http = HttpClient.newHttpClient();
        String endpoint = "http://localhost:" + server.getHttpPort() + "/kg/sparql";
        try {
            call(http, endpoint, "ASK { ?s ?p ?o }");
            long firstAnswer = System.nanoTime() - t0;
            out.printf("start to first answer: %d ms (%s)%n", firstAnswer / 1_000_000, ServerModules.knowledgeGraph(server.getDataAccessPointRegistry()).figures());
            out.printf("%-40s %8s %8s %6s%n", "saved query", "p50 ms", "p90 ms", "rows");
            List<Path> files;
            try (Stream<Path> s = Files.list(queries)) {
                files = s.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
            }
            for (Path file : files) {
                String query = Files.readString(file);
                for (int i = 0; i < warmup; i++) call(http, endpoint, query);
                double[] ms = new double[runs];
                int rows = 0;
                for (int i = 0; i < runs; i++) {
                    long s = System.nanoTime();
                    rows = call(http, endpoint, query);
                    ms[i] = (System.nanoTime() - s) / 1e6;
                }
                Arrays.sort(ms);
                out.printf("%-40s %8.2f %8.2f %6d%n", file.getFileName(), ms[runs / 2], ms[(int) (runs * 0.9)], rows);
            }
        } finally {
            server.stop();
        }
    }

    /** Runs one query; returns the number of CSV data rows (lines after the header). */
    private static int call(HttpClient http, String endpoint, String query) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IOException("HTTP " + r.statusCode() + " for query: " + r.body());
        List<String> lines = new ArrayList<>(r.body().lines().toList());
        return Math.max(0, lines.size() - 1);
    }
}
