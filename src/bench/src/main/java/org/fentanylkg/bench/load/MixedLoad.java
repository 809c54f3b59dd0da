package org.fentanylkg.bench.load;

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
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.jena.fuseki.main.FusekiServer;
import org.fentanylkg.http.main.KnowledgeGraphServer;

/**
 * The load benchmark: {@code connections} clients, each sending one request after another for a fixed time,
 * rotating over every saved query (SPARQL JSON read to the end) and the resource pages
 * (GET /id/{slug} as HTML), each client starting at a different place in the rotation. Bounded in count and time;
 * only the loopback address is ever called.
 * <pre>  MixedLoad.Report r = MixedLoad.create().config(path).connections(64).duration(Duration.ofSeconds(60)).run(System.out);</pre>
 * With no {@link #url}, it starts the server in this JVM, so it can also measure the heap after a full GC before
 * and after the run: the figure that shows whether a run leaves anything behind.
 */
public final class MixedLoad {
    /** Requests per client at most, whatever the duration: the loop always ends. */
    private static final int MAX_REQUESTS_PER_CLIENT = 1_000_000;
    private static final int PAGE_SAMPLE = 60;

    private Path config = Path.of("fuseki-config.ttl");
    private Path queries = Path.of("queries");
    private String url;
    private int connections = 64;
    private Duration duration = Duration.ofSeconds(60);
    private Duration warmup = Duration.ofSeconds(10);

    private MixedLoad() {}

    public static MixedLoad create() { return new MixedLoad(); }

    public MixedLoad config(Path config) { this.config = config; return this; }

    public MixedLoad queries(Path queries) { this.queries = queries; return this; }

    /** A running server (http://localhost:PORT) instead of one started here; it must be on this machine. */
    public MixedLoad url(String url) { this.url = url; return this; }

    public MixedLoad connections(int n) { this.connections = n; return this; }

    public MixedLoad duration(Duration d) { this.duration = d; return this; }

    public MixedLoad warmup(Duration d) { this.warmup = d; return this; }

    record Target(String category, String name, HttpRequest request) {}

    /** Latency figures of one category, in milliseconds. */
    public record Stats(long requests, long errors, double p50, double p99, double max) {
        static Stats of(double[] sortedMs, long errors) {
            return new Stats(sortedMs.length, errors, pct(sortedMs, 0.50), pct(sortedMs, 0.99), sortedMs.length == 0 ? Double.NaN : sortedMs[sortedMs.length - 1]);
        }
    }

    /** Heap used after a full GC, in bytes, before and after the measured run; -1 when the server is not in this JVM. */
    public record Heap(long before, long after) {
        public boolean measured() { return before >= 0; }

        public long growth() { return after - before; }

        /** Stable: grew by less than a quarter, or less than 16 MB. */
        public boolean stable() { return !measured() || growth() < Math.max(16L << 20, before / 4); }
    }

    public record Report(ZonedDateTime started, int connections, Duration duration, Duration warmup, boolean inProcess,
                         int queryTargets, String queriesNote, int pageTargets, String pagesNote, double seconds, Stats queries, Stats pages,
                         Stats all, List<String> errorSamples, Heap heap, String loadBefore, String loadAfter) {
        public long errors() { return all.errors(); }

        public double rps() { return all.requests() / seconds; }

        public String markdown() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "Measured %s by `fentanyl-kg-bench bench-load --connections %d --duration %ds --warmup %ds`%s, on %d cores%n",
                    started.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), connections, duration.toSeconds(), warmup.toSeconds(),
                    inProcess ? " (server in the same JVM)" : " (running server)", Runtime.getRuntime().availableProcessors()));
            b.append(String.format("with load averages (1/5/15 min) of %s before and %s after: the machine is shared.%n%n", loadBefore, loadAfter));
            b.append("| requests | what | count | errors | p50 ms | p99 ms | max ms |\n|---|---|---:|---:|---:|---:|---:|\n");
            b.append(row("saved queries", queryTargets + " queries, " + queriesNote, queries));
            b.append(row("resource pages", pageTargets == 0 ? "none: " + pagesNote : pageTargets + " pages", pages));
            b.append(row("all", String.format(Locale.ROOT, "%.0f requests/s", rps()), all));
            b.append('\n');
            if (heap.measured()) {
                b.append(String.format(Locale.ROOT, "Heap used after a full GC: %.1f MB before the run, %.1f MB after (%+.1f MB): %s.%n",
                        heap.before() / 1048576.0, heap.after() / 1048576.0, heap.growth() / 1048576.0, heap.stable() ? "stable" : "NOT stable"));
            }
            if (!errorSamples.isEmpty()) b.append("\nFirst errors: ").append(String.join("; ", errorSamples)).append('\n');
            return b.toString();
        }

        private static String row(String label, String what, Stats s) {
            return String.format(Locale.ROOT, "| %s | %s | %d | %d | %.1f | %.1f | %.1f |%n", label, what, s.requests(), s.errors(), s.p50(), s.p99(), s.max());
        }
    }

    public Report run(PrintStream log) throws IOException, InterruptedException {
        FusekiServer server = null;
        String base = url;
        if (base == null) {
            server = KnowledgeGraphServer.create().config(config).port(0).host("localhost").start();
            base = "http://localhost:" + server.getHttpPort();
        }
        if (!URI.create(base).getHost().matches("localhost|127\\.0\\.0\\.1|\\[::1]")) {
            throw new IllegalArgumentException("bench-load only loads a server on this machine (localhost), not " + base);
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(Math.max(2, connections / 8))).build();
        try {
            String[] queriesNote = new String[1];
            List<Target> targets = new ArrayList<>(savedQueries(http, base, queriesNote));
            String[] note = new String[1];
            List<Target> pages = resourcePages(http, base, note);
            targets.addAll(pages);
            log.printf("bench-load: %d saved queries (%s), %d resource pages%s; %d connections; warm-up %d s, then %d s%n",
                    targets.size() - pages.size(), queriesNote[0], pages.size(), pages.isEmpty() ? " (" + note[0] + ")" : "", connections,
                    warmup.toSeconds(), duration.toSeconds());
            measure(http, targets, warmup);
            Runtime.getRuntime().gc();
            long heapBefore = server != null ? heapAfterGc() : -1;
            String loadBefore = loadAverage();
            ZonedDateTime started = ZonedDateTime.now();
            Measured m = measure(http, targets, duration);
            String loadAfter = loadAverage();
            Stats q = Stats.of(m.sorted("query"), m.errors("query"));
            Stats p = Stats.of(m.sorted("page"), m.errors("page"));
            Stats all = Stats.of(m.sorted(null), m.errors(null));
            List<String> samples = m.errorSamples;
            double seconds = m.seconds;
            m = null; // let the latencies go before the heap is measured again
            long heapAfter = server != null ? heapAfterGc() : -1;
            Report r = new Report(started, connections, duration, warmup, server != null, targets.size() - pages.size(), queriesNote[0],
                    pages.size(), note[0], seconds, q, p, all, samples, new Heap(heapBefore, heapAfter), loadBefore, loadAfter);
            log.print(r.markdown());
            return r;
        } finally {
            if (server != null) server.stop();
        }
    }

    /**
     * The saved queries as analysts run them: through the saved-query API ({@code GET /api/queries/{name}}, which
     * binds each query's default parameters) when the server has it, else their text POSTed to /kg/sparql.
     */
    private List<Target> savedQueries(HttpClient http, String base, String[] note) throws IOException, InterruptedException {
        List<Path> files;
        try (Stream<Path> s = Files.list(queries)) {
            files = s.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
        }
        if (files.isEmpty()) throw new IOException(queries + ": no saved queries (*.rq)");
        List<Target> api = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString().replaceFirst("\\.rq$", "");
            api.add(new Target("query", name, HttpRequest.newBuilder(URI.create(base + "/api/queries/" + name))
                    .timeout(Duration.ofSeconds(30)).header("Accept", "application/sparql-results+json").GET().build()));
        }
        if (http.send(api.get(0).request(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            note[0] = "through the saved-query API, GET /api/queries/{name} with default parameters";
            return api;
        }
        note[0] = "their text POSTed to /kg/sparql (this build has no saved-query API)";
        List<Target> out = new ArrayList<>();
        for (Path f : files) {
            String body = "query=" + URLEncoder.encode(Files.readString(f), StandardCharsets.UTF_8);
            out.add(new Target("query", f.getFileName().toString(), HttpRequest.newBuilder(URI.create(base + "/kg/sparql"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/sparql-results+json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build()));
        }
        return out;
    }

    /** The HTML pages of resources of the graph, if this server serves them. */
    private List<Target> resourcePages(HttpClient http, String base, String[] note) throws IOException, InterruptedException {
        String q = "SELECT DISTINCT ?s WHERE { ?s a ?t FILTER(STRSTARTS(STR(?s), \"https://w3id.org/fentanyl-kg/id/\")) } ORDER BY ?s";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/kg/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
        List<String> iris = r.body().lines().skip(1).map(String::trim).filter(l -> !l.isEmpty()).toList();
        List<Target> out = new ArrayList<>();
        int step = Math.max(1, iris.size() / PAGE_SAMPLE);
        for (int i = 0; i < iris.size() && out.size() < PAGE_SAMPLE; i += step) {
            String path = iris.get(i).replace("https://w3id.org/fentanyl-kg", "");
            out.add(new Target("page", path, HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "text/html").GET().build()));
        }
        if (out.isEmpty()) {
            note[0] = "no resources found";
            return out;
        }
        HttpResponse<Void> probe = http.send(out.get(0).request(), HttpResponse.BodyHandlers.discarding());
        if (probe.statusCode() != 200) {
            note[0] = "this build serves no resource pages (HTTP " + probe.statusCode() + " at " + out.get(0).name() + ")";
            return List.of();
        }
        return out;
    }

    private static final class Measured {
        final List<double[]> queryMs = new ArrayList<>();
        final List<double[]> pageMs = new ArrayList<>();
        final AtomicLong queryErrors = new AtomicLong();
        final AtomicLong pageErrors = new AtomicLong();
        final List<String> errorSamples = new ArrayList<>();
        double seconds;

        double[] sorted(String category) {
            List<double[]> parts = new ArrayList<>();
            if (category == null || category.equals("query")) parts.addAll(queryMs);
            if (category == null || category.equals("page")) parts.addAll(pageMs);
            double[] all = parts.stream().flatMapToDouble(Arrays::stream).toArray();
            Arrays.sort(all);
            return all;
        }

        long errors(String category) {
            if (category == null) return queryErrors.get() + pageErrors.get();
            return category.equals("query") ? queryErrors.get() : pageErrors.get();
        }
    }

    private Measured measure(HttpClient http, List<Target> targets, Duration d) throws InterruptedException {
        Measured m = new Measured();
        long deadline = System.nanoTime() + d.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long start = System.nanoTime();
        try {
            List<Future<double[][]>> futures = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                int offset = (int) ((long) c * targets.size() / connections);
                futures.add(pool.submit(() -> client(http, targets, offset, deadline, m)));
            }
            for (Future<double[][]> f : futures) {
                try {
                    double[][] lat = f.get();
                    synchronized (m) {
                        m.queryMs.add(lat[0]);
                        m.pageMs.add(lat[1]);
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        m.seconds = (System.nanoTime() - start) / 1e9;
        return m;
    }

    /** One client: requests in rotation until the deadline; returns its latencies (ms) for queries and pages. */
    private static double[][] client(HttpClient http, List<Target> targets, int offset, long deadline, Measured m) {
        double[] q = new double[256];
        double[] p = new double[256];
        int nq = 0;
        int np = 0;
        for (int i = 0; i < MAX_REQUESTS_PER_CLIENT && System.nanoTime() < deadline; i++) {
            Target t = targets.get((offset + i) % targets.size());
            boolean query = t.category().equals("query");
            long t0 = System.nanoTime();
            try {
                HttpResponse<byte[]> r = http.send(t.request(), HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() != 200) throw new IOException("HTTP " + r.statusCode() + " for " + t.name());
                double ms = (System.nanoTime() - t0) / 1e6;
                if (query) {
                    if (nq == q.length) q = Arrays.copyOf(q, nq * 2);
                    q[nq++] = ms;
                } else {
                    if (np == p.length) p = Arrays.copyOf(p, np * 2);
                    p[np++] = ms;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (IOException | RuntimeException e) {
                (query ? m.queryErrors : m.pageErrors).incrementAndGet();
                synchronized (m.errorSamples) {
                    if (m.errorSamples.size() < 5) m.errorSamples.add(t.name() + ": " + e.getMessage());
                }
            }
        }
        return new double[][] {Arrays.copyOf(q, nq), Arrays.copyOf(p, np)};
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    static double pct(double[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
