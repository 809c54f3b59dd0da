package org.fentanylkg.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a request's time goes, with the answer cache off: a {@code serve} child JVM (this build, and optionally
 * another build's jar, say the one before a change, in the same run) loaded by wrk with the small saved queries in
 * turn, its execution sampled by JDK Flight Recorder ({@code jcmd JFR.start}, profile settings) after a warm-up;
 * then {@code jfr print --events jdk.ExecutionSample} read back: the hottest frames (top of stack) and the share of
 * samples in each stage of the request path (a frame anywhere in the stack).
 */
public final class ProfileBench {
    /** The samples with no frame of the servlets (Jetty parsing requests, reading and writing sockets, its threads). */
    static final String OUTSIDE = "outside the servlets (HTTP parsing, socket I/O, threads)";
    private static final String SERVLETS = "org.eclipse.jetty.ee10.servlet.";

    /** The stages: a label and the frames (method name prefixes) that mark it. */
    static final Map<String, List<String>> STAGES = stages();

    private static Map<String, List<String>> stages() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("query parsing (or finding the parsed text)", List.of("org.apache.jena.query.QueryFactory.create", "org.fentanylkg.http.security.ParsedQueries.parse"));
        m.put("Fuseki's action log (formatting the query for a log at WARN)", List.of("org.apache.jena.fuseki.servlets.SPARQLQueryProcessor.formatForLog",
                "org.apache.jena.fuseki.servlets.ServletOps.formatForLog"));
        m.put("query policy (SERVICE, java:)", List.of("org.fentanylkg.http.security.QueryPolicy.check"));
        m.put("query planning (algebra, optimiser)", List.of("org.apache.jena.sparql.engine.QueryEngineBase.getPlan"));
        m.put("query execution (reading the rows)", List.of("org.fentanylkg.http.security.ResultCap.rows", "org.apache.jena.sparql.engine.iterator.QueryIteratorBase.hasNext"));
        m.put("result writing", List.of("org.apache.jena.fuseki.servlets.SPARQLQueryProcessor.sendResults",
                "org.fentanylkg.http.security.GuardedQueryService.sendResults"));
        m.put("request log", List.of("org.slf4j.", "org.apache.logging.log4j."));
        m.put("request metrics", List.of("org.fentanylkg.http.ops.RequestMetrics.record", "io.micrometer."));
        m.put(OUTSIDE, List.of());
        return m;
    }

    /** One profiled build: its jar, samples, the hottest frames and the stages' shares (in % of samples), and wrk's throughput. */
    public record Profile(String build, long samples, double rps, List<Map.Entry<String, Double>> hottest, Map<String, Double> stages) {}

    public record Figures(List<Profile> profiles, List<String> queries, int connections, Duration measure) {}

    private Path config;
    private Path queries = Path.of("queries");
    private Path otherJar;
    private int connections = 4;
    private Duration warmup = Duration.ofSeconds(15);
    private Duration measure = Duration.ofSeconds(20);

    public static ProfileBench create() { return new ProfileBench(); }

    public ProfileBench config(Path c) { this.config = c; return this; }

    public ProfileBench queries(Path q) { this.queries = q; return this; }

    /** Another build's jar to profile in the same run (the build before a change). */
    public ProfileBench other(Path jar) { this.otherJar = jar; return this; }

    public Figures run(PrintStream log) throws Exception {
        Optional<String> noWrk = Wrk.ensureInstalled(log);
        if (noWrk.isPresent()) throw new IOException("wrk " + noWrk.get() + "; the profile needs it");
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Path jfr = Path.of(System.getProperty("java.home"), "bin", "jfr");
        if (!Files.isExecutable(jcmd) || !Files.isExecutable(jfr)) throw new IOException("jcmd and jfr of " + System.getProperty("java.home") + " are needed");
        Path cfg = PeerBench.withoutAnswerCache(config);
        Path scratch = Files.createTempDirectory("fkg-profile-");
        List<Path> files;
        try (Stream<Path> s = Files.list(queries)) {
            files = s.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
        }
        List<Profile> profiles = new ArrayList<>();
        List<String> small = new ArrayList<>();
        List<String> builds = new ArrayList<>();
        if (otherJar != null) builds.add(otherJar.toString());
        builds.add(ChildJvm.classPath());
        for (String cp : builds) {
            int port = StartBench.freePort();
            List<String> cmd = new ArrayList<>(List.of(ChildJvm.java(), "-XX:+FlightRecorder", "-cp", cp, "org.fentanylkg.cli.Main",
                    "serve", "--port", Integer.toString(port), "--config", cfg.toString()));
            StartBench.Started s = StartBench.start(cmd, port);
            try {
                String endpoint = "http://127.0.0.1:" + port + "/kg/sparql";
                if (small.isEmpty()) {
                    HttpClient http = HttpClient.newHttpClient();
                    for (Path f : files) {
                        String q = Files.readString(f);
                        long t0 = System.nanoTime();
                        int rows = Answers.fetch(http, endpoint, q, Duration.ofSeconds(60)).size();
                        // Small: what an analyst's dashboard sends most, a few dozen rows at most.
                        if (rows <= 30 && (System.nanoTime() - t0) < 2_000_000_000L) small.add(f.getFileName().toString().replaceFirst("\\.rq$", ""));
                    }
                }
                List<String> urls = new ArrayList<>();
                for (String name : small) urls.add(endpoint + "?query=" + URLEncoder.encode(Files.readString(queries.resolve(name + ".rq")), StandardCharsets.UTF_8));
                Wrk.run(urls, connections, warmup, scratch);
                Path recording = scratch.resolve("profile-" + profiles.size() + ".jfr");
                exec(jcmd.toString(), Long.toString(s.process().pid()), "JFR.start", "name=fkg", "settings=profile");
                Wrk.Result r = Wrk.run(urls, connections, measure, scratch);
                exec(jcmd.toString(), Long.toString(s.process().pid()), "JFR.stop", "name=fkg", "filename=" + recording);
                Profile p = read(cp.equals(ChildJvm.classPath()) ? "this build" : Path.of(cp).toString(), jfr, recording, r.rps());
                profiles.add(p);
                log.printf("  profile of %s: %d samples, %.0f q/s; stages %s%n", p.build(), p.samples(), p.rps(), p.stages());
            } finally {
                ChildJvm.kill(s.process());
            }
        }
        StartBench.deleteTree(scratch);
        return new Figures(profiles, small, connections, measure);
    }

    private static final Pattern FRAME = Pattern.compile("^\\s+([\\w$.<>]+)\\([^)]*\\)\\s+line:", Pattern.MULTILINE);

    private static Profile read(String build, Path jfr, Path recording, double rps) throws Exception {
        String out = exec(jfr.toString(), "print", "--events", "jdk.ExecutionSample", "--stack-depth", "256", recording.toString());
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> stage = new LinkedHashMap<>();
        STAGES.keySet().forEach(k -> stage.put(k, 0));
        long total = 0;
        for (String event : out.split("jdk.ExecutionSample")) {
            Matcher m = FRAME.matcher(event);
            List<String> frames = new ArrayList<>();
            while (m.find()) frames.add(m.group(1));
            if (frames.isEmpty()) continue;
            total++;
            self.merge(frames.get(0), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (String f : frames) {
                for (var e : STAGES.entrySet()) {
                    if (seen.contains(e.getKey())) continue;
                    for (String prefix : e.getValue()) {
                        if (f.startsWith(prefix)) {
                            seen.add(e.getKey());
                            break;
                        }
                    }
                }
            }
            if (frames.stream().noneMatch(f -> f.startsWith(SERVLETS))) seen.add(OUTSIDE);
            for (String k : seen) stage.merge(k, 1, Integer::sum);
        }
        long n = Math.max(1, total);
        List<Map.Entry<String, Double>> hottest = self.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(12)
                .map(e -> Map.entry(e.getKey(), 100.0 * e.getValue() / n)).toList();
        Map<String, Double> shares = new LinkedHashMap<>();
        stage.forEach((k, v) -> shares.put(k, 100.0 * v / n));
        return new Profile(build, total, rps, hottest, shares);
    }

    private static String exec(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IOException(String.join(" ", cmd) + ": " + ChildJvm.tail(out));
        return out;
    }
}
