package org.fentanylkg.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.fentanylkg.dataset.KnowledgeGraph;
import org.fentanylkg.dataset.KnowledgeGraphBuilder;
import org.fentanylkg.source.Sources;
import org.fentanylkg.store.KnowledgeGraphStore;

/**
 * Start to first answer, as child processes on loopback: {@code fentanyl-kg serve} as the README runs it (reading
 * the generation the build wrote beside the jar, when the sources are those it was built from), against plain
 * Fuseki ({@code FusekiMainCmd --file}) loading the same triples already materialised, as N-Quads; {@code serve
 * --tdb2} on a store built beforehand; and {@code serve --generation none}, building the graph and its closure at
 * start. All get the same JVM options. Then the heap of the report graph: the service runs
 * with {@code -Xmx256m}, answers every saved query, and {@code jcmd} reports the heap in use after a full GC.
 */
public final class StartBench {
    public record Figures(List<Long> ours, List<Long> fuseki, List<Long> store, List<Long> building, long quads, String jvmOptions,
                          Long oursHeapAfterGcKb, Long fusekiHeapAfterGcKb, int savedQueriesAnswered, List<String> failed, String dump) {
        public long oursMedian() { return median(ours); }

        public long fusekiMedian() { return median(fuseki); }

        public long storeMedian() { return median(store); }

        public long buildingMedian() { return median(building); }
    }

    private static final String FIRST_QUERY = "PREFIX fkg: <https://w3id.org/fentanyl-kg/ontology#> "
            + "ASK { ?org a fkg:ForeignTerroristOrganization }";
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private Path sources;
    private Path queries = Path.of("queries");
    private int repeats = 3;
    private List<String> jvm = List.of("-Xmx256m", "-XX:+UseG1GC");

    public static StartBench create() { return new StartBench(); }

    /** The sources both are started on (default: the packaged ones). */
    public StartBench sources(Path dir) { this.sources = dir; return this; }

    public StartBench queries(Path dir) { this.queries = dir; return this; }

    public StartBench repeats(int n) { this.repeats = n; return this; }

    public Figures run(PrintStream log) throws Exception {
        KnowledgeGraph kg = KnowledgeGraphBuilder.build(sources != null ? sources : Sources.embeddedRoot());
        Path dump = Files.createTempFile("fentanyl-kg-", ".nq");
        long quads;
        DatasetGraph dsg = kg.dataset();
        try (OutputStream out = Files.newOutputStream(dump)) {
            dsg.executeRead(() -> RDFDataMgr.write(out, dsg, Lang.NQUADS));
            quads = dsg.calculateRead(() -> { long n = 0; var it = dsg.find(); while (it.hasNext()) { it.next(); n++; } return n; });
        }
        List<String> sourcesArgs = sources != null ? List.of("--config", writeConfig(sources).toString()) : List.of();
        // As the README runs it: with the class-data-sharing archive the build writes beside the jar, when there is one.
        List<String> oursJvm = new ArrayList<>(jvm);
        Path archive = archive();
        if (archive != null) oursJvm.add("-XX:SharedArchiveFile=" + archive);
        String options = String.join(" ", jvm) + (archive == null ? "" : "`, and for fentanyl-kg `-XX:SharedArchiveFile=" + archive.getFileName());
        List<Long> ours = new ArrayList<>();
        List<Long> fuseki = new ArrayList<>();
        List<Long> store = new ArrayList<>();
        List<Long> building = new ArrayList<>();
        Path storeDir = Files.createTempDirectory("fentanyl-kg-store-");
        KnowledgeGraphStore.at(storeDir).load(kg);
        Long oursHeap = null;
        Long fusekiHeap = null;
        int answered = 0;
        try {
            for (int r = 0; r < repeats; r++) {
                boolean last = r == repeats - 1;
                int port = freePort();
                List<String> serve = new ArrayList<>(List.of("serve", "--port", Integer.toString(port)));
                serve.addAll(sourcesArgs);
                Started s = start(ChildJvm.command(serverClassPath(), oursJvm, "org.fentanylkg.cli.Main", serve.toArray(String[]::new)), port);
                try {
                    ours.add(s.millis);
                    if (last) {
                        answered = answerAll(port);
                        oursHeap = heapAfterGc(s.process.pid());
                    }
                } finally {
                    ChildJvm.kill(s.process);
                }
                port = freePort();
                Started f = start(ChildJvm.command(serverClassPath(), jvm, "org.apache.jena.fuseki.main.cmds.FusekiMainCmd",
                        "--port=" + port, "--localhost", "--file=" + dump, "/kg"), port);
                try {
                    fuseki.add(f.millis);
                    if (last) fusekiHeap = heapAfterGc(f.process.pid());
                } finally {
                    ChildJvm.kill(f.process);
                }
                port = freePort();
                List<String> serveStore = new ArrayList<>(List.of("serve", "--tdb2", storeDir.toString(), "--port", Integer.toString(port)));
                serveStore.addAll(sourcesArgs);
                Started t = start(ChildJvm.command(serverClassPath(), oursJvm, "org.fentanylkg.cli.Main", serveStore.toArray(String[]::new)), port);
                store.add(t.millis);
                ChildJvm.kill(t.process);
                port = freePort();
                List<String> serveBuilding = new ArrayList<>(List.of("serve", "--generation", "none", "--port", Integer.toString(port)));
                serveBuilding.addAll(sourcesArgs);
                Started b = start(ChildJvm.command(serverClassPath(), oursJvm, "org.fentanylkg.cli.Main", serveBuilding.toArray(String[]::new)), port);
                building.add(b.millis);
                ChildJvm.kill(b.process);
                log.printf("  start to first answer: fentanyl-kg serve %d ms, plain Fuseki %d ms, fentanyl-kg serve --tdb2 %d ms, serve --generation none %d ms%n",
                        s.millis, f.millis, t.millis, b.millis);
            }
        } finally {
            Files.deleteIfExists(dump);
            deleteTree(storeDir);
        }
        return new Figures(ours, fuseki, store, building, quads, options, oursHeap, fusekiHeap, answered, List.copyOf(failed), dump.getFileName().toString());
    }

    record Started(Process process, long millis) {}

    /**
     * The class path the servers start from: the product jar (target/fentanyl-kg.jar) when this runs from a jar
     * beside it, as the README runs {@code serve}; else this JVM's class path.
     */
    static String serverClassPath() {
        String cp = ChildJvm.classPath();
        if (cp.contains(java.io.File.pathSeparator) || !cp.endsWith(".jar")) return cp;
        Path product = Path.of(cp).toAbsolutePath().resolveSibling("fentanyl-kg.jar");
        return Files.isReadable(product) ? product.toString() : cp;
    }

    /**
     * The build's class-data-sharing archive (target/fentanyl-kg.jsa), made from the product jar, when the servers
     * start from that jar (an archive used with another class path is refused by the JVM).
     */
    static Path archive() {
        String cp = serverClassPath();
        if (!cp.endsWith("fentanyl-kg.jar")) return null;
        Path jsa = Path.of(cp).resolveSibling("fentanyl-kg.jsa");
        return Files.isReadable(jsa) ? jsa : null;
    }

    /** Starts the command and polls until the first query answers (bounded: 120 s). */
    static Started start(List<String> command, int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ask = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/kg/sparql?query="
                        + URLEncoder.encode(FIRST_QUERY, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10)).header("Accept", "application/sparql-results+json").build();
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = t0 + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) throw new IOException("exited with " + p.exitValue() + " before answering: " + String.join(" ", command));
            try {
                HttpResponse<String> r = http.send(ask, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    if (!r.body().contains("true")) throw new IOException("first answer is not 'true': " + r.body());
                    return new Started(p, (System.nanoTime() - t0) / 1_000_000);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        ChildJvm.kill(p);
        throw new IOException("no answer within 120 s: " + String.join(" ", command));
    }

    private final List<String> failed = new ArrayList<>();

    private int answerAll(int port) throws Exception {
        if (!Files.isDirectory(queries)) return 0;
        HttpClient http = HttpClient.newHttpClient();
        int n = 0;
        try (Stream<Path> s = Files.list(queries)) {
            for (Path q : s.filter(p -> p.toString().endsWith(".rq")).sorted().toList()) {
                try {
                    Answers.fetch(http, "http://localhost:" + port + "/kg/sparql", Files.readString(q), Duration.ofSeconds(60));
                    n++;
                } catch (IOException | Answers.DidNotFinish e) {
                    failed.add(q.getFileName() + ": " + e.getMessage());
                }
            }
        }
        return n;
    }

    /** Heap in use after a full GC, in KiB, from {@code jcmd} (null when jcmd is not available). */
    static Long heapAfterGc(long pid) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) return null;
        exec(jcmd.toString(), Long.toString(pid), "GC.run");
        String info = exec(jcmd.toString(), Long.toString(pid), "GC.heap_info");
        Matcher m = USED.matcher(info);
        return m.find() ? Long.parseLong(m.group(1)) : null;
    }

    private static String exec(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private static Path writeConfig(Path sources) throws IOException {
        Path cfg = sources.resolve("fuseki-config.ttl");
        if (!Files.exists(cfg)) throw new IOException(cfg + ": not found");
        return cfg;
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static long median(List<Long> xs) {
        long[] a = xs.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return a.length == 0 ? -1 : a[a.length / 2];
    }
}
