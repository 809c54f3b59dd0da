package org.fentanylkg.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.FusekiVocab;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.fentanylkg.http.main.KnowledgeGraphServer;
import org.fentanylkg.http.main.ServerConfig;
import org.fentanylkg.vocab.FKGC;
import org.fentanylkg.http.linkeddata.Dumps;

/**
 * A benchmark, not a test: starts the service twice in this JVM, with the response cache on (the configuration as
 * given) and off ({@code fkgc:responseCacheBytes 0}), and prints the median (and p90) latency over HTTP after
 * warm-up of the linked data pages (an HTML resource page, the same resource's Turtle and JSON-LD descriptions,
 * the landing, report, ontology and query pages, the JSON-LD context, the Turtle dump) and of a saved query's answer: an unconditional GET with the
 * cache on and off, and a conditional GET (If-None-Match with the page's ETag: 304) with it off. The requests of
 * the three columns alternate, so the machine's noise falls on all of them alike. Then the size of each dump.
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
        FusekiServer cached = KnowledgeGraphServer.create().config(config).port(0).start();
        FusekiServer uncached = null;
        Path off = Files.createTempFile("fkg-bench-config-", ".ttl");
        // HTTP/1.1: an h2c upgrade request is let through by the cache, so it would never be answered from memory.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            Model model = ServerConfig.read(config);
            Resource node = model.listResourcesWithProperty(RDF.type, FusekiVocab.tServer).next();
            node.removeAll(FKGC.responseCacheBytes).addLiteral(FKGC.responseCacheBytes, 0L);
            try (OutputStream o = Files.newOutputStream(off)) {
                RDFDataMgr.write(o, model, Lang.TURTLE);
            }
            uncached = KnowledgeGraphServer.create().config(off).port(0).start();
            String on = "http://localhost:" + cached.getHttpPort() + "/";
            String plain = "http://localhost:" + uncached.getHttpPort() + "/";
            List<Target> targets = List.of(
                    new Target("HTML page " + resource, resource, "text/html"),
                    new Target("Turtle description " + resource, resource, "text/turtle"),
                    new Target("JSON-LD description " + resource, resource, "application/ld+json"),
                    new Target("landing page", "", "text/html"),
                    new Target("report page", "report/IF10400-2025-08-26", "text/html"),
                    new Target("ontology documentation", "ontology", "text/html"),
                    new Target("query UI", "query", "text/html"),
                    new Target("JSON-LD context", "context.jsonld", "application/ld+json"),
                    new Target("Turtle dump", "dumps/fentanyl-kg.ttl", "text/turtle"),
                    new Target("saved query timeline (JSON)", "api/queries/timeline", "application/sparql-results+json"));
            out.printf(Locale.ROOT, "%-44s %21s %21s %21s %8s %6s %9s%n", "page (median / p90 ms)", "cache off, 200", "cache on, 200",
                    "cache off, 304", "off/on", "hits", "bytes");
            for (Target t : targets) {
                String etag = get(http, plain + t.path(), t.accept(), null).headers().firstValue("ETag").orElse(null);
                for (int i = 0; i < warmup; i++) {
                    get(http, plain + t.path(), t.accept(), null);
                    get(http, on + t.path(), t.accept(), null);
                    if (etag != null) get(http, plain + t.path(), t.accept(), etag);
                }
                double[] offMs = new double[runs];
                double[] onMs = new double[runs];
                double[] notModifiedMs = new double[runs];
                int bytes = 0;
                int hits = 0;
                for (int i = 0; i < runs; i++) {
                    long s = System.nanoTime();
                    bytes = get(http, plain + t.path(), t.accept(), null).body().length;
                    offMs[i] = (System.nanoTime() - s) / 1e6;
                    s = System.nanoTime();
                    if ("HIT".equals(get(http, on + t.path(), t.accept(), null).headers().firstValue("X-Cache").orElse(null))) hits++;
                    onMs[i] = (System.nanoTime() - s) / 1e6;
                    if (etag != null) {
                        s = System.nanoTime();
                        get(http, plain + t.path(), t.accept(), etag);
                        notModifiedMs[i] = (System.nanoTime() - s) / 1e6;
                    }
                }
                out.printf(Locale.ROOT, "%-44s %21s %21s %21s %8.1f %5d%% %9d%n", t.name(), pct(offMs), pct(onMs),
                        etag == null ? "(no ETag)" : pct(notModifiedMs), median(offMs) / median(onMs), 100 * hits / runs, bytes);
            }
            out.println();
            out.printf(Locale.ROOT, "%-50s %12s%n", "dump", "bytes");
            for (Dumps.Dump d : Dumps.Dump.values()) {
                out.printf(Locale.ROOT, "%-50s %12d%n", d.path() + " (" + d.title() + ")", get(http, on + d.path(), "*/*", null).body().length);
            }
        } finally {
            cached.stop();
            if (uncached != null) uncached.stop();
            Files.deleteIfExists(off);
        }
    }

    private static double median(double[] ms) {
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }

    private static String pct(double[] ms) {
        Arrays.sort(ms);
        return String.format(Locale.ROOT, "%.2f / %.2f", ms[ms.length / 2], ms[(int) (ms.length * 0.9)]);
    }

    /** One GET, conditional when {@code etag} is given (then a 304 is expected, else a 200). */
    private static HttpResponse<byte[]> get(HttpClient http, String url, String accept, String etag) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET();
        if (etag != null) b.header("If-None-Match", etag);
        HttpResponse<byte[]> resp = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        int expected = etag == null ? 200 : 304;
        if (resp.statusCode() != expected) throw new IOException("HTTP " + resp.statusCode() + " (not " + expected + ") for " + url);
        return resp;
    }
}
