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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.jena.fuseki.main.FusekiServer;
import org.fentanylkg.bench.synthetic.SyntheticKnowledgeGraph;
import org.fentanylkg.dataset.KnowledgeGraph;
import org.fentanylkg.http.main.KnowledgeGraphServer;
import org.fentanylkg.search.SearchIndex;

/**
 * A benchmark, not a test ({@code bench --only search}): what search costs.
 * <ol>
 *   <li>Start to first answer of {@code serve} in a fresh JVM, with the text index and without it
 *       ({@code -Dfkg.search=off}), alternating, the median of each.</li>
 *   <li>Autocomplete latency: {@code GET /api/search?q=<prefix>&limit=8} over HTTP on 127.0.0.1 against the report
 *       graph, for prefixes of names typed letter by letter; p50 and p95 for one client, then for 16 at once.</li>
 *   <li>Index build time and size on disk for a synthetic graph (default 10^6 asserted triples), as {@code load}
 *       writes it beside a TDB2 generation.</li>
 * </ol>
 */
public final class SearchBench {
    /** What a person types into the box, letter by letter: every prefix of these from two letters on. */
    private static final List<String> TYPED = List.of("jalisco", "sinaloa cartel", "4-anilinopiperidine", "halt fentanyl",
            "marco rubio", "intercam", "precursor", "tariffs", "pill presses", "executive order 14157", "cibanco", "fentanyl");

    public record Figures(String loadBefore, int starts, long startWith, long startWithout, double p50One, double p95One, double p50Many, double p95Many,
                          int clients, long requestsOne, long requestsMany, long syntheticTriples, long indexDocs,
                          long indexMillis, long indexBytes) {}

    private Path config;
    private int starts = 3;
    private int clients = 16;
    private int rounds = 10;
    private long syntheticTriples = 1_000_000;
    private long seed = 42;

    public static SearchBench create() { return new SearchBench(); }

    public SearchBench config(Path config) { this.config = config; return this; }

    public SearchBench starts(int n) { this.starts = n; return this; }

    public SearchBench clients(int n) { this.clients = n; return this; }

    /** How many times each client types the whole list. */
    public SearchBench rounds(int n) { this.rounds = n; return this; }

    public SearchBench syntheticTriples(long n) { this.syntheticTriples = n; return this; }

    public SearchBench seed(long seed) { this.seed = seed; return this; }

    /** Writes the figures as Markdown to {@code file} (with the command that measured them). */
    public static void write(Figures f, String command, Path file) throws IOException {
        String md = String.format(Locale.ROOT, """
                # Search benchmarks

                Measured by `%s` on %s, %s; load average before / after: %s / %s (1, 5, 15 min; the machine is shared).

                | what | figure | target |
                |---|---|---|
                | start to first answer, `serve`, median of %d fresh JVMs (`-Xmx256m`) | with the index %d ms, without (`-Dfkg.search=off`) %d ms: %+.1f%% | ≤ +20%% |
                | autocomplete `GET /api/search?q=<prefix>&limit=8`, 1 client (%d requests) | p50 %.2f ms, p95 %.2f ms | p95 < 20 ms |
                | autocomplete, %d concurrent clients (%d requests) | p50 %.2f ms, p95 %.2f ms | p95 < 50 ms |
                | text index of a synthetic graph of %d asserted triples, as `load` writes it | %d documents, built in %d ms, %.1f MiB on disk | reported |

                Autocomplete: every prefix (from two letters) of a dozen names and phrases typed letter by letter, over HTTP
                on 127.0.0.1 against the report graph, after a warm-up pass; start: from process launch to the first `200`
                of an ASK at /kg/sparql, the two kinds of start alternating.
                """, command, Machine.describe().get("CPU"), java.time.LocalDate.now(), f.loadBefore(), Machine.loadAverage(),
                f.starts(), f.startWith(), f.startWithout(), 100.0 * (f.startWith() - f.startWithout()) / f.startWithout(),
                f.requestsOne(), f.p50One(), f.p95One(), f.clients(), f.requestsMany(), f.p50Many(), f.p95Many(),
                f.syntheticTriples(), f.indexDocs(), f.indexMillis(), f.indexBytes() / 1048576.0);
        Files.writeString(file, md);
    }

    public Figures run(PrintStream out) throws Exception {
        out.println("Search (bench --only search)");
        String loadBefore = Machine.loadAverage();
        List<Long> with = new ArrayList<>();
        List<Long> without = new ArrayList<>();
        for (int r = 0; r < starts; r++) {
            without.add(startToFirstAnswer(true));
            with.add(startToFirstAnswer(false));
            out.printf(Locale.ROOT, "  start to first answer: with the index %d ms, without %d ms%n", with.get(r), without.get(r));
        }
        long mWith = median(with);
        long mWithout = median(without);
        out.printf(Locale.ROOT, "  start to first answer, median of %d: with the index %d ms, without %d ms (%+.1f%%)%n",
                starts, mWith, mWithout, 100.0 * (mWith - mWithout) / mWithout);

        List<String> prefixes = new ArrayList<>();
        for (String w : TYPED) for (int i = 2; i <= w.length(); i++) prefixes.add(w.substring(0, i));
        FusekiServer server = KnowledgeGraphServer.create().config(config).host("127.0.0.1").port(0).start();
        double[] one;
        double[] many;
        try {
            String base = "http://127.0.0.1:" + server.getHttpPort() + "/api/search?limit=8&q=";
            HttpClient warm = HttpClient.newHttpClient();
            for (int i = 0; i < 3; i++) for (String p : prefixes) get(warm, base, p);
            one = type(base, prefixes, 1);
            many = type(base, prefixes, clients);
        } finally {
            server.stop();
        }
        out.printf(Locale.ROOT, "  autocomplete, 1 client: %d requests, p50 %.2f ms, p95 %.2f ms%n", one.length, pct(one, 50), pct(one, 95));
        out.printf(Locale.ROOT, "  autocomplete, %d clients: %d requests, p50 %.2f ms, p95 %.2f ms%n", clients, many.length, pct(many, 50), pct(many, 95));

        KnowledgeGraph kg = SyntheticKnowledgeGraph.build(seed, syntheticTriples);
        Path dir = Files.createTempDirectory("fentanyl-kg-text-");
        long docs;
        long millis;
        long bytes;
        try {
            long t0 = System.nanoTime();
            docs = SearchIndex.write(kg.dataset(), dir.resolve(SearchIndex.FOLDER));
            millis = (System.nanoTime() - t0) / 1_000_000;
            bytes = size(dir);
        } finally {
            deleteTree(dir);
        }
        out.printf(Locale.ROOT, "  synthetic graph of %d asserted triples (%d in the default graph): index of %d documents built in %d ms, %.1f MiB on disk%n",
                syntheticTriples, kg.figures().total(), docs, millis, bytes / 1048576.0);
        return new Figures(loadBefore, starts, mWith, mWithout, pct(one, 50), pct(one, 95), pct(many, 50), pct(many, 95), clients, one.length, many.length,
                syntheticTriples, docs, millis, bytes);
    }

    /** Each client types every prefix {@code rounds} times; the latency of each request, in ms. */
    private double[] type(String base, List<String> prefixes, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                results.add(pool.submit(() -> {
                    HttpClient http = HttpClient.newHttpClient();
                    double[] ms = new double[prefixes.size() * rounds];
                    int i = 0;
                    for (int r = 0; r < rounds; r++) {
                        for (String p : prefixes) {
                            long t0 = System.nanoTime();
                            get(http, base, p);
                            ms[i++] = (System.nanoTime() - t0) / 1e6;
                        }
                    }
                    return ms;
                }));
            }
            List<double[]> all = new ArrayList<>();
            for (Future<double[]> f : results) all.add(f.get());
            return all.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
        } finally {
            pool.shutdownNow();
        }
    }

    private static void get(HttpClient http, String base, String q) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString());
        if (resp.statusCode() != 200) throw new IOException("HTTP " + resp.statusCode() + " for q=" + q + ": " + resp.body());
    }

    /** A fresh JVM serving the report graph: ms from launch to the first answer of a text query (or, without the index, of any query). */
    private long startToFirstAnswer(boolean off) throws Exception {
        int port = StartBench.freePort();
        List<String> jvm = new ArrayList<>(List.of("-Xmx256m", "-XX:+UseG1GC"));
        if (off) jvm.add("-D" + SearchIndex.SWITCH + "=off");
        List<String> args = new ArrayList<>(List.of("serve", "--port", Integer.toString(port)));
        if (config != null) args.addAll(List.of("--config", config.toString()));
        List<String> command = ChildJvm.command(jvm, "org.fentanylkg.cli.Main", args.toArray(String[]::new));
        // the first answer needs the graph, which the index is built with: an ASK over the data answers once both are there
        String query = "ASK { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l }";
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ask = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/kg/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10)).header("Accept", "application/sparql-results+json").build();
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = t0 + Duration.ofSeconds(120).toNanos();
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) throw new IOException("exited with " + p.exitValue() + " before answering: " + String.join(" ", command));
                try {
                    HttpResponse<String> r = http.send(ask, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) return (System.nanoTime() - t0) / 1_000_000;
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(10);
            }
            throw new IOException("no answer within 120 s: " + String.join(" ", command));
        } finally {
            ChildJvm.kill(p);
        }
    }

    private static double pct(double[] sorted, int p) {
        if (sorted.length == 0) return Double.NaN;
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static long median(List<Long> xs) {
        List<Long> s = xs.stream().sorted().toList();
        return s.get(s.size() / 2);
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
