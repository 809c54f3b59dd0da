package org.fentanylkg.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
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
import java.util.concurrent.atomic.AtomicLong;
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

    /**
     * p50One … requestsMany: every request computed by the search (a parameter the API ignores, new at each request,
     * misses the response cache); cached…: the same prefixes typed again, as the response cache answers them.
     */
    public record Figures(String loadBefore, int starts, long startWith, long startWithout, double p50One, double p95One, double p50Many, double p95Many,
                          int clients, long requestsOne, long requestsMany, double cachedP50One, double cachedP95One,
                          double cachedP50Many, double cachedP95Many, double[] cpuPerRequest, long syntheticTriples, long indexDocs,
                          long indexMillis, long indexBytes, String warmup) {}

    /**
     * Latencies of one autocomplete run (ms, sorted) and the process's CPU time per request (ms; server and clients
     * share the JVM), which the machine's other load changes far less than latency.
     */
    private record Run(double[] ms, double cpuPerRequest) {}

    private Path config;
    private int starts = 3;
    private int clients = 16;
    private int rounds = 10;
    private long syntheticTriples = 1_000_000;
    private long seed = 42;
    /** Values of the parameter that makes a request new to the response cache, never repeated. */
    private final AtomicLong nonces = new AtomicLong();

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
                | start to first answer, `serve`, median of %d fresh JVMs (`-Xmx256m`, as the README runs it) | with the index %d ms, without (`-Dfkg.search=off`) %d ms: %+.1f%% | ≤ +20%% |
                | autocomplete `GET /api/search?q=<prefix>&limit=8`, each computed, 1 client (%d requests) | p50 %.2f ms, p95 %.2f ms; CPU %.2f ms per request | p95 < 20 ms |
                | autocomplete, each computed, %d concurrent clients (%d requests) | p50 %.2f ms, p95 %.2f ms; CPU %.2f ms per request | p95 < 50 ms |
                | autocomplete, prefixes typed before (response cache), 1 client | p50 %.2f ms, p95 %.2f ms; CPU %.2f ms per request | |
                | autocomplete, prefixes typed before (response cache), %d concurrent clients | p50 %.2f ms, p95 %.2f ms; CPU %.2f ms per request | |
                | text index of a synthetic graph of %d asserted triples, as `load` writes it | %d documents, built in %d ms, %.1f MiB on disk | reported |

                Autocomplete: every prefix (from two letters) of a dozen names and phrases typed letter by letter, over HTTP/1.1
                on 127.0.0.1 against the report graph (server and clients in one JVM), after warm-up passes of the %d-client
                run until the JIT compilers settled (%s). "Each computed": every
                request carries a parameter the API ignores, new at each request, so the response cache misses and the search
                runs; "typed before": the same requests without it, answered by the response cache. CPU: the process's CPU time
                during the run over its requests (server and clients in one JVM). Start: from process launch
                to the first `200` of an ASK at /kg/sparql, the two kinds of start alternating.
                """, command, Machine.describe().get("CPU"), java.time.LocalDate.now(), f.loadBefore(), Machine.loadAverage(),
                f.starts(), f.startWith(), f.startWithout(), 100.0 * (f.startWith() - f.startWithout()) / f.startWithout(),
                f.requestsOne(), f.p50One(), f.p95One(), f.cpuPerRequest()[0], f.clients(), f.requestsMany(), f.p50Many(), f.p95Many(), f.cpuPerRequest()[1],
                f.cachedP50One(), f.cachedP95One(), f.cpuPerRequest()[2], f.clients(), f.cachedP50Many(), f.cachedP95Many(), f.cpuPerRequest()[3],
                f.syntheticTriples(), f.indexDocs(), f.indexMillis(), f.indexBytes() / 1048576.0, f.clients(), f.warmup());
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
        Run oneRun;
        Run manyRun;
        Run cachedOneRun;
        Run cachedManyRun;
        JitWarmup.Settled warmup;
        try {
            String base = "http://127.0.0.1:" + server.getHttpPort() + "/api/search?limit=8&q=";
            HttpClient warm = client();
            for (String p : prefixes) get(warm, base, p, null); // what "typed before" reads from the response cache
            warmup = JitWarmup.run(() -> type(base, prefixes, clients, true, 1), 3, Duration.ofSeconds(90));
            out.println("  " + warmup.describe());
            oneRun = type(base, prefixes, 1, true);
            manyRun = type(base, prefixes, clients, true);
            cachedOneRun = type(base, prefixes, 1, false);
            cachedManyRun = type(base, prefixes, clients, false);
        } finally {
            server.stop();
        }
        double[] one = oneRun.ms();
        double[] many = manyRun.ms();
        double[] cachedOne = cachedOneRun.ms();
        double[] cachedMany = cachedManyRun.ms();
        double[] cpu = {oneRun.cpuPerRequest(), manyRun.cpuPerRequest(), cachedOneRun.cpuPerRequest(), cachedManyRun.cpuPerRequest()};
        out.printf(Locale.ROOT, "  autocomplete, each computed, 1 client: %d requests, p50 %.2f ms, p95 %.2f ms, CPU %.2f ms per request%n", one.length, pct(one, 50), pct(one, 95), cpu[0]);
        out.printf(Locale.ROOT, "  autocomplete, each computed, %d clients: %d requests, p50 %.2f ms, p95 %.2f ms, CPU %.2f ms per request%n", clients, many.length, pct(many, 50), pct(many, 95), cpu[1]);
        out.printf(Locale.ROOT, "  autocomplete, typed before (response cache), 1 client: p50 %.2f ms, p95 %.2f ms, CPU %.2f ms per request%n", pct(cachedOne, 50), pct(cachedOne, 95), cpu[2]);
        out.printf(Locale.ROOT, "  autocomplete, typed before (response cache), %d clients: p50 %.2f ms, p95 %.2f ms, CPU %.2f ms per request%n", clients, pct(cachedMany, 50), pct(cachedMany, 95), cpu[3]);

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
                pct(cachedOne, 50), pct(cachedOne, 95), pct(cachedMany, 50), pct(cachedMany, 95), cpu, syntheticTriples, docs, millis, bytes, warmup.describe());
    }

    /**
     * Each client types every prefix {@code rounds} times; the latency of each request, in ms. {@code computed}: each
     * request with a parameter new to the response cache, so that the search runs.
     */
    private Run type(String base, List<String> prefixes, int n, boolean computed) throws Exception {
        return type(base, prefixes, n, computed, rounds);
    }

    private Run type(String base, List<String> prefixes, int n, boolean computed, int rounds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        long cpu0 = processCpuNanos();
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                results.add(pool.submit(() -> {
                    HttpClient http = client();
                    double[] ms = new double[prefixes.size() * rounds];
                    int i = 0;
                    for (int r = 0; r < rounds; r++) {
                        for (String p : prefixes) {
                            long t0 = System.nanoTime();
                            get(http, base, p, computed ? Long.toString(nonces.incrementAndGet()) : null);
                            ms[i++] = (System.nanoTime() - t0) / 1e6;
                        }
                    }
                    return ms;
                }));
            }
            List<double[]> all = new ArrayList<>();
            for (Future<double[]> f : results) all.add(f.get());
            double[] ms = all.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
            return new Run(ms, (processCpuNanos() - cpu0) / 1e6 / ms.length);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** HTTP/1.1, as a browser asks over http: (Java's default client asks to upgrade to h2c, which the response cache lets through). */
    private static HttpClient client() { return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(); }

    /** {@code nonce}: the value of a parameter the API ignores, to miss the response cache (null: none). */
    private static void get(HttpClient http, String base, String q, String nonce) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + URLEncoder.encode(q, StandardCharsets.UTF_8) + (nonce == null ? "" : "&nocache=" + nonce)))
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString());
        if (resp.statusCode() != 200) throw new IOException("HTTP " + resp.statusCode() + " for q=" + q + ": " + resp.body());
    }

    /** A fresh JVM serving the report graph: ms from launch to the first answer of a text query (or, without the index, of any query). */
    private long startToFirstAnswer(boolean off) throws Exception {
        int port = StartBench.freePort();
        List<String> jvm = new ArrayList<>(List.of("-Xmx256m", "-XX:+UseG1GC"));
        // as the README runs serve: from the product jar with the build's class-data-sharing archive, when there is one
        Path archive = StartBench.archive();
        if (archive != null) jvm.add("-XX:SharedArchiveFile=" + archive);
        if (off) jvm.add("-D" + SearchIndex.SWITCH + "=off");
        List<String> args = new ArrayList<>(List.of("serve", "--port", Integer.toString(port)));
        if (config != null) args.addAll(List.of("--config", config.toString()));
        List<String> command = ChildJvm.command(StartBench.serverClassPath(), jvm, "org.fentanylkg.cli.Main", args.toArray(String[]::new));
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
