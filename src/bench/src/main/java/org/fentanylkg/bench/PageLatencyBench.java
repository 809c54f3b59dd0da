package org.fentanylkg.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.jena.fuseki.main.FusekiServer;
import org.fentanylkg.http.main.KnowledgeGraphServer;
import org.fentanylkg.http.linkeddata.Dumps;

/**
 * A benchmark, not a test: starts the service in this JVM and prints the median (and p90) latency of the linked
 * data pages over HTTP after warm-up (an HTML resource page, the same resource's Turtle description, and the
 * landing, report, ontology and query pages), then the size of each dump.
 */
public final class PageLatencyBench {
    private record Target(String name, String path, String accept) {}

    private final Path config;
    private final String resource;
    private final int warmup;
    private final int runs;

    public PageLatencyBench(Path config, String resource, int warmup, int runs) {
        this.config = config;
        this.resource = resource;
        this.warmup = warmup;
        this.runs = runs;
    }

    public void run(PrintStream out) throws IOException, InterruptedException {
        FusekiServer server = KnowledgeGraphServer.create().config(config).port(0).start();
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://localhost:" + server.getHttpPort() + "/";
        try {
            List<Target> targets = List.of(
                    new Target("HTML page " + resource, resource, "text/html"),
                    new Target("Turtle description " + resource, resource, "text/turtle"),
                    new Target("JSON-LD description " + resource, resource, "application/ld+json"),
                    new Target("landing page", "", "text/html"),
                    new Target("report page", "report/IF10400-2025-08-26", "text/html"),
                    new Target("ontology documentation", "ontology", "text/html"),
                    new Target("query UI", "query", "text/html"));
            out.printf(Locale.ROOT, "%-50s %9s %9s %9s%n", "page", "p50 ms", "p90 ms", "bytes");
            for (Target t : targets) {
                for (int i = 0; i < warmup; i++) get(http, base + t.path(), t.accept());
                double[] ms = new double[runs];
                int bytes = 0;
                for (int i = 0; i < runs; i++) {
                    long s = System.nanoTime();
                    bytes = get(http, base + t.path(), t.accept());
                    ms[i] = (System.nanoTime() - s) / 1e6;
                }
                Arrays.sort(ms);
                out.printf(Locale.ROOT, "%-50s %9.2f %9.2f %9d%n", t.name(), ms[runs / 2], ms[(int) (runs * 0.9)], bytes);
            }
            out.println();
            out.printf(Locale.ROOT, "%-50s %12s%n", "dump", "bytes");
            for (Dumps.Dump d : Dumps.Dump.values()) {
                out.printf(Locale.ROOT, "%-50s %12d%n", d.path() + " (" + d.title() + ")", get(http, base + d.path(), "*/*"));
            }
        } finally {
            server.stop();
        }
    }

    /** One GET; returns the body's size. */
    private static int get(HttpClient http, String url, String accept) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET().build();
        HttpResponse<byte[]> resp = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
        if (resp.statusCode() != 200) throw new IOException("HTTP " + resp.statusCode() + " for " + url);
        return resp.body().length;
    }
}
