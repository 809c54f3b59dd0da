package org.fentanylkg.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The report of one benchmark run: {@code docs/benchmarks.md} for people and {@code docs/benchmarks.properties}
 * with every figure for machines (and as the baseline of a later run's before/after). Every figure in both
 * comes from the run; nothing is typed by hand.
 */
final class BenchmarkReport {
    private final BenchmarkSuite.Results r;
    private final Properties baseline;
    private final Properties figures = new Properties();

    BenchmarkReport(BenchmarkSuite.Results r, Path baselineFile) throws IOException {
        this.r = r;
        this.baseline = new Properties();
        if (baselineFile != null) {
            if (!Files.isReadable(baselineFile)) throw new IOException(baselineFile + ": baseline figures not found");
            try (Reader in = Files.newBufferedReader(baselineFile, StandardCharsets.UTF_8)) {
                baseline.load(in);
            }
        }
        collect();
    }

    static Path figuresFile(Path markdown) {
        String name = markdown.getFileName().toString().replaceFirst("\\.md$", "");
        return markdown.resolveSibling(name + ".properties");
    }

    void write(Path markdown) throws IOException {
        if (markdown.getParent() != null) Files.createDirectories(markdown.getParent());
        Files.writeString(markdown, markdown(), StandardCharsets.UTF_8);
        try (Writer w = Files.newBufferedWriter(figuresFile(markdown), StandardCharsets.UTF_8)) {
            // Sorted, so two runs diff line by line.
            TreeMap<Object, Object> sorted = new TreeMap<>(figures);
            w.write("# Figures of the benchmark run of " + r.started().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + " (" + r.command() + ")\n");
            for (var e : sorted.entrySet()) w.write(e.getKey() + "=" + e.getValue() + "\n");
        }
    }

    // ---- figures, flat

    private void collect() {
        put("run.started", r.started().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        if (r.queries() != null) {
            double minAb = Double.MAX_VALUE;
            for (QuerySpeedBench.Row row : r.queries().rows()) {
                String k = "query." + row.query() + ".";
                put(k + "a.qps", f1(row.a().throughput()));
                put(k + "b.qps", f1(row.b().throughput()));
                put(k + "a.p50_ms", f2(row.a().p50()));
                put(k + "a.p99_ms", f2(row.a().p99()));
                put(k + "ab", f2(row.ab()));
                if (row.ac() != null) put(k + "ac", f1(row.ac()));
                put(k + "c.status", row.cStatus());
                put(k + "served_ms", f2(row.servedMs()));
                put(k + "txnmem_ms", f2(row.txnMemMs()));
                if (row.owlMs() != null) put(k + "owl_ms", f2(row.owlMs()));
                minAb = Math.min(minAb, row.ab());
            }
            put("query.min_ab", f2(minAb));
        }
        if (r.peers() != null) {
            for (PeerBench.Row row : r.peers().rows()) {
                String k = "peer." + row.query() + ".";
                put(k + "a.qps", f1(row.a().rps()));
                put(k + "a_cached.qps", f1(row.aCached().rps()));
                put(k + "b.qps", f1(row.b().rps()));
                put(k + "a.cpu_ms", f3(row.a().cpuMsPerRequest()));
                put(k + "a_cached.cpu_ms", f3(row.aCached().cpuMsPerRequest()));
                put(k + "b.cpu_ms", f3(row.b().cpuMsPerRequest()));
                put(k + "a.p99_ms", f2(row.a().load().p99()));
                put(k + "served_ms", f3(row.servedMs()));
                put(k + "ab", f2(row.ab()));
                if (row.d() != null) {
                    put(k + "d.qps", f1(row.d().rps()));
                    put(k + "d.cpu_ms", f3(row.d().cpuMsPerRequest()));
                    put(k + "ad", f2(row.ad()));
                    put(k + "ad_cached", f1(row.adCached()));
                    put(k + "d.status", row.dStatus());
                }
            }
            PeerBench.Mixed m = r.peers().mixed();
            put("peer.mixed.a_cached.qps", f1(m.aCached().rps()));
            put("peer.mixed.a_cached.p99_ms", f2(m.aCached().load().p99()));
            put("peer.mixed.a_cached.errors", Long.toString(m.aCached().load().errors()));
            if (m.d() != null) {
                put("peer.mixed.d.qps", f1(m.d().rps()));
                put("peer.mixed.d.p99_ms", f2(m.d().load().p99()));
            }
            if (r.peers().virtuosoStartMedian() != null) put("start.virtuoso_ms", Long.toString(r.peers().virtuosoStartMedian()));
        }
        if (r.scaleQueries() != null) {
            for (ScaleQueryBench.Row row : r.scaleQueries().rows()) {
                String k = "scale_query." + row.query() + ".";
                put(k + "status", row.status());
                if (row.ac() != null) put(k + "ac", f1(row.ac()));
            }
        }
        if (r.scale() != null) {
            for (ScaleBench.Size s : r.scale().sizes()) {
                String k = "scale." + s.target() + ".";
                put(k + "asserted", Long.toString(s.asserted()));
                put(k + "parse_ms", f1(s.parseMs()));
                put(k + "closure_ms", f1(s.closureMs()));
                put(k + "inferred", Long.toString(s.inferred()));
                put(k + "peak_heap_mb", f1(s.peakHeapMb()));
                put(k + "live_heap_mb", f1(s.liveHeapMb()));
                if (s.jena().containsKey("closure_ms")) put(k + "jena_ms", s.jena().get("closure_ms"));
            }
            exponent().ifPresent(e -> put("scale.exponent", f2(e)));
        }
        if (r.start() != null) {
            put("start.ours_ms", Long.toString(r.start().oursMedian()));
            put("start.fuseki_ms", Long.toString(r.start().fusekiMedian()));
            put("start.store_ms", Long.toString(r.start().storeMedian()));
            if (r.start().oursHeapAfterGcKb() != null) put("start.ours_heap_after_gc_mb", f1(r.start().oursHeapAfterGcKb() / 1024.0));
        }
    }

    private void put(String k, String v) { figures.setProperty(k, v); }

    private java.util.Optional<Double> exponent() {
        List<ScaleBench.Size> s = r.scale().sizes();
        ScaleBench.Size from = s.stream().filter(x -> x.target() == 10_000).findFirst().orElse(s.isEmpty() ? null : s.get(0));
        ScaleBench.Size to = s.stream().filter(x -> x.target() == 1_000_000).findFirst().orElse(s.isEmpty() ? null : s.get(s.size() - 1));
        if (from == null || to == null || from == to) return java.util.Optional.empty();
        return java.util.Optional.of(ScaleBench.Figures.exponent(from, to));
    }

    private ScaleBench.Size size(long target) {
        return r.scale() == null ? null : r.scale().sizes().stream().filter(x -> x.target() == target).findFirst().orElse(null);
    }

    // ---- targets

    private record Target(String target, String figure, String met) {}

    private List<Target> targets() {
        List<Target> t = new ArrayList<>();
        if (r.peers() != null) peerTargets(t);
        if (r.queries() != null) {
            QuerySpeedBench.Row worst = r.queries().rows().stream().min((x, y) -> Double.compare(x.ab(), y.ab())).orElseThrow();
            long below = r.queries().rows().stream().filter(x -> x.ab() < 0.9).count();
            t.add(new Target("a/b ≥ 0.9 for every saved query (POST, 4 clients, answer cache off)",
                    String.format(Locale.ROOT, "lowest a/b %.2f (%s); %d of %d queries below 0.9", worst.ab(), worst.query(), below, r.queries().rows().size()),
                    below == 0 ? "met" : "missed"));
            long ok = r.queries().rows().stream().filter(x -> !x.cStatus().equals("same") || (x.ac() != null && x.ac() >= 20)).count();
            long wrong = r.queries().rows().stream().filter(x -> x.cStatus().startsWith("different")).count();
            long dnf = r.queries().rows().stream().filter(x -> x.cStatus().startsWith("DNF")).count();
            long fast = r.queries().rows().stream().filter(x -> x.cStatus().equals("same") && x.ac() != null && x.ac() >= 20).count();
            // Where (c) is right: its own cost, with HTTP taken away, bounds what any a/c over HTTP can reach.
            java.util.OptionalDouble rightInProcess = r.queries().rows().stream()
                    .filter(x -> x.cStatus().equals("same") && x.owlMs() != null)
                    .mapToDouble(x -> x.owlMs() / x.servedMs()).max();
            t.add(new Target("(c) OWL Micro answers as (a): a correctness comparison (the a/c ≥ 20 target is retired)",
                    String.format(Locale.ROOT, "%d of %d queries: (c) wrong on %d, did not finish on %d, right but ≥ 20× slower on %d",
                            ok, r.queries().rows().size(), wrong, dnf, fast)
                            + (rightInProcess.isPresent() ? String.format(Locale.ROOT,
                                    "; where (c) is right, in-process (no HTTP) it takes at most %.2f× (a)'s time", rightInProcess.getAsDouble()) : ""),
                    "–"));
        }
        if (r.scaleQueries() != null) {
            ScaleQueryBench.Figures sq = r.scaleQueries();
            List<ScaleQueryBench.Row> compared = sq.rows().stream().filter(ScaleQueryBench.Row::compared).toList();
            long ok = compared.stream().filter(x -> !x.status().equals("same") || (x.ac() != null && x.ac() >= 20)).count();
            t.add(new Target("(c) OWL Micro answers as (a) at " + sq.asserted() + " synthetic asserted triples: a correctness comparison (a/c ≥ 20 retired)",
                    String.format(Locale.ROOT, "%d of %d queries with synthetic answers: (c) wrong on %d, did not finish on %d, right but ≥ 20× slower on %d",
                            ok, compared.size(), compared.stream().filter(x -> x.status().startsWith("different")).count(),
                            compared.stream().filter(x -> x.status().startsWith("DNF")).count(),
                            compared.stream().filter(x -> x.status().equals("same") && x.ac() != null && x.ac() >= 20).count()),
                    "–"));
        }
        ScaleBench.Size m = size(1_000_000);
        if (m != null) {
            t.add(new Target("closure ≤ parse+load at 10⁶ asserted triples",
                    String.format(Locale.ROOT, "closure %.0f ms, parse+load %.0f ms (%.2f×)", m.closureMs(), m.parseMs(), m.closureMs() / m.parseMs()),
                    m.closureMs() <= m.parseMs() ? "met" : "missed"));
        }
        if (r.scale() != null) {
            exponent().ifPresent(e -> t.add(new Target("growth exponent of closure time 10⁴ → 10⁶ ≤ 1.1",
                    String.format(Locale.ROOT, "%.2f", e), e <= 1.1 ? "met" : "missed")));
        }
        if (r.start() != null) {
            double ratio = (double) r.start().oursMedian() / r.start().fusekiMedian();
            double storeRatio = (double) r.start().storeMedian() / r.start().fusekiMedian();
            t.add(new Target("start to first answer ≤ 1.5× plain Fuseki",
                    String.format(Locale.ROOT, "serve (builds and infers at start) %d ms vs %d ms (%.2f×); serve --tdb2 %d ms (%.2f×)",
                            r.start().oursMedian(), r.start().fusekiMedian(), ratio, r.start().storeMedian(), storeRatio),
                    ratio <= 1.5 ? "met" : storeRatio <= 1.5 ? "met with --tdb2 only" : "missed"));
            Long v = r.peers() == null ? null : r.peers().virtuosoStartMedian();
            if (v != null) {
                t.add(new Target("start to first answer ≤ Virtuoso's (its database already loaded)",
                        String.format(Locale.ROOT, "serve %d ms, serve --tdb2 %d ms, Virtuoso %d ms", r.start().oursMedian(), r.start().storeMedian(), v),
                        r.start().oursMedian() <= v && r.start().storeMedian() <= v ? "met"
                                : r.start().storeMedian() <= v ? "met with --tdb2 only" : "missed"));
            }
            Long kb = r.start().oursHeapAfterGcKb();
            t.add(new Target("heap ≤ 256 MiB for the report graph",
                    String.format(Locale.ROOT, "started with -Xmx256m and answered %d saved queries (%d not); %s in use after full GC",
                            r.start().savedQueriesAnswered(), r.start().failed().size(), kb == null ? "(jcmd not available)" : String.format(Locale.ROOT, "%.1f MiB", kb / 1024.0)),
                    kb == null ? "unknown" : kb <= 256 * 1024 && r.start().failed().isEmpty() ? "met" : "missed"));
        }
        return t;
    }

    private void peerTargets(List<Target> t) {
        PeerBench.Figures p = r.peers();
        List<PeerBench.Row> rows = p.rows();
        PeerBench.Row worstOverhead = rows.stream().max((x, y) -> Double.compare(overhead(x), overhead(y))).orElseThrow();
        double[] o = rows.stream().mapToDouble(BenchmarkReport::overhead).sorted().toArray();
        t.add(new Target("request overhead (server CPU per request − the query in-process) ≤ 0.3 ms, answer cache off",
                String.format(Locale.ROOT, "median %.2f ms; highest %.2f ms (%s); %d of %d queries above 0.3 ms", o[o.length / 2],
                        overhead(worstOverhead), worstOverhead.query(), rows.stream().filter(x -> overhead(x) > 0.3).count(), rows.size()),
                overhead(worstOverhead) <= 0.3 ? "met" : "missed"));
        PeerBench.Row worstAb = rows.stream().min((x, y) -> Double.compare(x.ab(), y.ab())).orElseThrow();
        long belowAb = rows.stream().filter(x -> x.ab() < 1.0).count();
        t.add(new Target("a/b ≥ 1.0 on every saved query, answer cache off",
                String.format(Locale.ROOT, "lowest a/b %.2f (%s); %d of %d below 1.0", worstAb.ab(), worstAb.query(), belowAb, rows.size()),
                belowAb == 0 ? "met" : "missed"));
        if (p.virtuoso() == null) {
            t.add(new Target("a/d against Virtuoso", "Virtuoso " + p.absent(), "not measured"));
            return;
        }
        List<PeerBench.Row> same = rows.stream().filter(PeerBench.Row::dSame).toList();
        if (!same.isEmpty()) {
            double g = Math.exp(same.stream().mapToDouble(x -> Math.log(x.ad())).average().orElse(0));
            PeerBench.Row worstAd = same.stream().min((x, y) -> Double.compare(x.ad(), y.ad())).orElseThrow();
            long below07 = same.stream().filter(x -> x.ad() < 0.7).count();
            t.add(new Target("a/d geometric mean ≥ 1.0 over the queries Virtuoso answers the same, none below 0.7, answer cache off",
                    String.format(Locale.ROOT, "geometric mean %.2f over %d queries; lowest %.2f (%s); %d below 0.7", g, same.size(), worstAd.ad(),
                            worstAd.query(), below07), g >= 1.0 && below07 == 0 ? "met" : "missed"));
            double gc = Math.exp(same.stream().mapToDouble(x -> Math.log(x.adCached())).average().orElse(0));
            t.add(new Target("a/d with the answer cache on (figure only)", String.format(Locale.ROOT, "geometric mean %.1f over the same %d queries", gc, same.size()), "–"));
        }
        PeerBench.Mixed m = p.mixed();
        if (m.d() != null) {
            double x = m.aCached().rps() / m.d().rps();
            boolean ok = m.aCached().load().errors() == 0 && m.aCached().load().p99() < 50 && x >= 3;
            t.add(new Target(m.connections() + " connections, " + m.duration().toSeconds() + " s, every saved query in turn, answer cache on: 0 errors, p99 < 50 ms, ≥ 3× Virtuoso's throughput",
                    String.format(Locale.ROOT, "%d errors, p99 %.1f ms, %.0f q/s against Virtuoso's %.0f q/s (%.1f×)", m.aCached().load().errors(),
                            m.aCached().load().p99(), m.aCached().rps(), m.d().rps(), x), ok ? "met" : "missed"));
        }
    }

    /** Server CPU per request with the answer cache off, less the query's own time in-process. */
    private static double overhead(PeerBench.Row x) { return x.a().cpuMsPerRequest() - x.servedMs(); }

    private void peers(StringBuilder b) {
        PeerBench.Figures p = r.peers();
        b.append("## The SPARQL endpoint against its peers\n\n");
        b.append("Each server loaded in turn by wrk (a process of its own: `wrk -t2 -c").append(p.connections()).append(" --latency`, HTTP GET ")
                .append("`/sparql?query=…`, `Accept: application/sparql-results+json`, 127.0.0.1), ").append(p.measure().toMillis() / 1000.0)
                .append(" s per round after a 1 s warm-up, ").append(p.rounds()).append(" rounds with the servers alternating. ")
                .append("CPU per request is the CPU time the server's process spent during its runs divided by the requests it answered: ")
                .append("(a), (a+) and (b) run in the benchmark's JVM, idle but for them while wrk runs (its JIT and GC included); (d) is Virtuoso's process.\n\n");
        b.append("- (a) fentanyl-kg as `serve` runs it, with the answer cache off (`fkgc:answerCacheBytes 0`); (a+) the same with the answer cache on (the default).\n");
        b.append("- (b) plain Fuseki over a copy of the same materialised dataset (Jena's transactional in-memory dataset, as `fuseki-server --file`).\n");
        if (p.virtuoso() != null) {
            b.append("- (d) ").append(p.virtuoso()).append(" (Debian's `").append(Virtuoso.PACKAGE).append("`), loaded with its bulk loader from the same ")
                    .append(p.servedQuads()).append(" quads fentanyl-kg serves (").append(p.virtuosoQuads()).append(" quads in Virtuoso after loading): ")
                    .append("the default graph in a graph of its own (`").append(Virtuoso.DEFAULT_GRAPH).append("`), the named graphs as themselves. ")
                    .append("Its default graph is the union of all graphs, so each query's top-level pattern is sent wrapped in `GRAPH <")
                    .append(Virtuoso.DEFAULT_GRAPH).append(">`, the form under which it answers over the same default graph. ")
                    .append("\"(d) answers\" compares its sorted rows with (a)'s. The benchmark installs it when it is missing (as root: `")
                    .append(Virtuoso.INSTALL).append("`).\n\n");
        } else {
            b.append("- (d) Virtuoso: ").append(p.absent()).append("; not measured.\n\n");
        }
        b.append("Throughput in queries per second, latency in ms, CPU in ms per request; \"in-process ms\" is the query on (a)'s dataset without HTTP (best of 20); ")
                .append("overhead = (a) CPU − in-process.\n\n");
        b.append("| saved query | rows | a q/s | a p50 | a p99 | a CPU | in-process ms | overhead | a+ q/s | a+ p99 | a+ CPU | b q/s | b p99 | b CPU | **a/b** | d q/s | d p50 | d p99 | d CPU | **a/d** | **a+/d** | (d) answers |\n");
        b.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|\n");
        double logAd = 0, logAdc = 0;
        int same = 0;
        for (PeerBench.Row x : p.rows()) {
            b.append("| ").append(x.query()).append(" | ").append(x.rows()).append(" | ")
                    .append(f1(x.a().rps())).append(" | ").append(f2(x.a().load().p50())).append(" | ").append(f2(x.a().load().p99())).append(" | ")
                    .append(f2(x.a().cpuMsPerRequest())).append(" | ").append(f2(x.servedMs())).append(" | ").append(f2(overhead(x))).append(" | ")
                    .append(f1(x.aCached().rps())).append(" | ").append(f2(x.aCached().load().p99())).append(" | ").append(f2(x.aCached().cpuMsPerRequest())).append(" | ")
                    .append(f1(x.b().rps())).append(" | ").append(f2(x.b().load().p99())).append(" | ").append(f2(x.b().cpuMsPerRequest())).append(" | ")
                    .append("**").append(f2(x.ab())).append("** | ");
            if (x.d() == null) b.append("– | – | – | – | – | – | – |\n");
            else {
                b.append(f1(x.d().rps())).append(" | ").append(f2(x.d().load().p50())).append(" | ").append(f2(x.d().load().p99())).append(" | ")
                        .append(f2(x.d().cpuMsPerRequest())).append(" | **").append(f2(x.ad())).append("** | **").append(f1(x.adCached())).append("** | ")
                        .append(cell(x.dStatus())).append(" |\n");
                if (x.dSame()) {
                    logAd += Math.log(x.ad());
                    logAdc += Math.log(x.adCached());
                    same++;
                }
            }
            long errors = x.a().load().errors() + x.aCached().load().errors() + x.b().load().errors() + (x.d() == null ? 0 : x.d().load().errors());
            if (errors > 0) b.append("\n(").append(x.query()).append(": ").append(errors).append(" failed requests)\n");
        }
        if (same > 0) {
            b.append("| geometric mean over the ").append(same).append(" queries (d) answers the same | | | | | | | | | | | | | | | | | | | **")
                    .append(f2(Math.exp(logAd / same))).append("** | **").append(f1(Math.exp(logAdc / same))).append("** | |\n");
        }
        long bDiff = p.rows().stream().filter(x -> !"same".equals(x.bStatus())).count();
        b.append("\n(b) answers as (a) on ").append(p.rows().size() - bDiff).append(" of ").append(p.rows().size()).append(" queries.\n\n");
        PeerBench.Mixed m = p.mixed();
        b.append("### ").append(m.connections()).append(" connections on the mix of saved queries\n\n");
        b.append("wrk with ").append(m.connections()).append(" connections for ").append(m.duration().toSeconds())
                .append(" s, each request the next saved query in turn (a Lua script over the ").append(p.rows().size())
                .append(" GET URLs of the table above), at (a+) `/kg/sparql` with the answer cache on, and at (d) with its rewritten queries.\n\n");
        b.append("| server | requests | errors | q/s | p50 ms | p99 ms | CPU ms per request |\n|---|--:|--:|--:|--:|--:|--:|\n");
        mixedRow(b, "(a+) fentanyl-kg, answer cache on", m.aCached());
        if (m.d() != null) mixedRow(b, "(d) Virtuoso", m.d());
        b.append('\n');
        if (!p.virtuosoStarts().isEmpty()) {
            b.append("Virtuoso's start to first answer (its database loaded and checkpointed; process start to the first 200 of `ASK {}`, polled every 10 ms): ")
                    .append(p.virtuosoStarts()).append(" ms, median **").append(p.virtuosoStartMedian()).append(" ms**.\n\n");
        }
    }

    private static void mixedRow(StringBuilder b, String name, PeerBench.Run x) {
        b.append("| ").append(name).append(" | ").append(x.load().requests()).append(" | ").append(x.load().errors()).append(" | ")
                .append(f1(x.rps())).append(" | ").append(f2(x.load().p50())).append(" | ").append(f2(x.load().p99())).append(" | ")
                .append(f2(x.cpuMsPerRequest())).append(" |\n");
    }

    // ---- text

    /** The table printed at the end of the run. */
    String summary() {
        StringBuilder b = new StringBuilder();
        b.append("Targets\n");
        for (Target t : targets()) b.append(String.format("  %-7s %-55s %s%n", t.met(), t.target(), t.figure()));
        if (r.queries() != null) {
            b.append(String.format("%n  %-36s %6s %9s %9s %7s %9s %8s  %s%n", "saved query", "rows", "a q/s", "b q/s", "a/b", "c q/s", "a/c", "(c) answers"));
            for (QuerySpeedBench.Row row : r.queries().rows()) {
                b.append(String.format(Locale.ROOT, "  %-36s %6d %9.1f %9.1f %7.2f %9s %8s  %s%n", row.query(), row.rows(),
                        row.a().throughput(), row.b().throughput(), row.ab(),
                        row.c() == null ? "-" : String.format(Locale.ROOT, "%.1f", row.c().throughput()),
                        row.ac() == null ? "-" : String.format(Locale.ROOT, "%.1f", row.ac()), row.cStatus()));
            }
        }
        return b.toString();
    }

    String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("# Benchmarks\n\n");
        b.append("Generated by `").append(r.command()).append("` on ")
                .append(r.started().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"))).append(". ")
                .append("Every figure below comes from that run; do not edit this file, run the command again. ")
                .append("The same figures, machine-readable, are in `").append("benchmarks.properties").append("`.\n\n");

        b.append("## Machine\n\n| | |\n|---|---|\n");
        for (Map.Entry<String, String> e : r.machine().entrySet()) b.append("| ").append(e.getKey()).append(" | ").append(cell(e.getValue())).append(" |\n");
        b.append("| load average (1 / 5 / 15 min) at start | ").append(r.loadBefore()).append(" |\n");
        b.append("| load average (1 / 5 / 15 min) at end | ").append(r.loadAfter()).append(" |\n\n");
        b.append("The machine is shared: other processes ran during the measurement, so absolute figures are noisy. ")
                .append("Compare the ratios, which are measured within one run and, for (a) and (b), in alternating rounds.\n\n");

        b.append("## Where each target stands\n\n| target | figure | |\n|---|---|---|\n");
        for (Target t : targets()) b.append("| ").append(t.target()).append(" | ").append(cell(t.figure())).append(" | ").append(t.met()).append(" |\n");
        b.append('\n');

        if (r.peers() != null) peers(b);
        if (r.queries() != null) queries(b);
        if (r.scaleQueries() != null) scaleQueries(b);
        if (r.scale() != null) scale(b);
        if (r.start() != null) start(b);
        if (!baseline.isEmpty()) beforeAfter(b);
        return b.toString();
    }

    private void queries(StringBuilder b) {
        QuerySpeedBench.Figures q = r.queries();
        b.append("## Query speed\n\n");
        b.append("Three servers in one JVM, on loopback ports, each measured alone with the same client: ")
                .append(q.clients()).append(" concurrent connections sending the saved query again and again (HTTP POST, ")
                .append("SPARQL JSON results read in full) for ").append(q.measure().toMillis() / 1000.0).append(" s per round, after a warm-up pass over every query on (a) and (b) and another of the query itself; ")
                .append("(a) and (b) in ").append(q.rounds()).append(" alternating rounds.\n\n");
        b.append("- (a) fentanyl-kg, as `serve` runs it (fuseki-config.ttl, the project's Fuseki modules).\n");
        b.append("- (b) plain Fuseki (`FusekiServer`, no modules) over a copy of the same materialised dataset, in Jena's transactional in-memory dataset as `fuseki-server --file` loads it: no inference, the limit of what a user would otherwise run.\n");
        b.append("- (c) plain Fuseki over the asserted graph (ontology and data, no closure) wrapped in Jena's ").append(q.reasoner())
                .append(" as the default graph, with the same named graphs except `graph/inferred`; the reasoner was prepared before measuring (")
                .append(q.cPrepareMillis()).append(" ms). Each (c) query is bounded at ").append(q.cTimeout().toSeconds())
                .append(" s; past that it is reported as DNF. \"(c) answers\" compares its sorted result rows with (a)'s.\n\n");
        b.append("Throughput in queries per second; latency p50 and p99 in ms; a/b and a/c are throughput ratios.\n\n");
        b.append("| saved query | rows | a q/s | a p50 | a p99 | b q/s | b p50 | b p99 | **a/b** | c q/s | c p50 | c p99 | **a/c** | (c) answers |\n");
        b.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|\n");
        for (QuerySpeedBench.Row row : q.rows()) {
            b.append("| ").append(row.query()).append(" | ").append(row.rows()).append(" | ")
                    .append(f1(row.a().throughput())).append(" | ").append(f2(row.a().p50())).append(" | ").append(f2(row.a().p99())).append(" | ")
                    .append(f1(row.b().throughput())).append(" | ").append(f2(row.b().p50())).append(" | ").append(f2(row.b().p99())).append(" | ")
                    .append("**").append(f2(row.ab())).append("** | ");
            if (row.c() == null) b.append("– | – | – | – | ");
            else b.append(f1(row.c().throughput())).append(" | ").append(f2(row.c().p50())).append(" | ").append(f2(row.c().p99())).append(" | **")
                    .append(row.ac() == null ? "–" : f1(row.ac())).append("** | ");
            b.append(cell(row.cStatus()));
            long errors = row.a().errors() + row.b().errors() + (row.c() == null ? 0 : row.c().errors());
            if (errors > 0) b.append(" (").append(errors).append(" failed requests)");
            b.append(" |\n");
        }
        b.append('\n');
        b.append("### Where query time goes: the datasets without HTTP\n\n");
        b.append("The same saved queries in-process (no HTTP, no Fuseki), best of 20 runs after 5 warm-up runs, on the dataset (a) serves (`")
                .append(q.servedDataset()).append("`: Jena's general in-memory dataset, one GraphMem2 graph per name, frozen after the build) ")
                .append("and on (b)'s copy in Jena's transactional in-memory dataset (`DatasetGraphFactory.createTxnMem()`, what ")
                .append("`fuseki-server --file` builds). A ratio above 1 is time (a) saves by serving a dataset made for reading.\n\n")
                .append("The last columns run the query on (c)'s dataset (OWL Micro over the asserted graph, its goals already tabled by the ")
                .append("requests above), best of up to 20 runs after up to 5 warm-up runs within ")
                .append(QuerySpeedBench.OWL_IN_PROCESS_BUDGET.toSeconds()).append(" s, where (c) answered over HTTP. ")
                .append("Where (c) answers right, (c) / (a) here is what a/c over HTTP could reach if HTTP cost nothing.\n\n");
        b.append("| saved query | (a) served ms | (b) transactional ms | (b) / (a) | (c) OWL Micro ms | (c) / (a) | (c) answers |\n|---|--:|--:|--:|--:|--:|---|\n");
        double logSum = 0;
        for (QuerySpeedBench.Row row : q.rows()) {
            b.append("| ").append(row.query()).append(" | ").append(f2(row.servedMs())).append(" | ").append(f2(row.txnMemMs())).append(" | ")
                    .append(f2(row.txnMemMs() / row.servedMs())).append(" | ")
                    .append(row.owlMs() == null ? "–" : f2(row.owlMs())).append(" | ")
                    .append(row.owlMs() == null ? "–" : f2(row.owlMs() / row.servedMs())).append(" | ")
                    .append(cell(row.cStatus())).append(" |\n");
            logSum += Math.log(row.txnMemMs() / row.servedMs());
        }
        b.append("| geometric mean | | | **").append(f2(Math.exp(logSum / q.rows().size()))).append("** | | | |\n\n");
    }

    private void scaleQueries(StringBuilder b) {
        ScaleQueryBench.Figures sq = r.scaleQueries();
        b.append("## Query speed at scale: (a) against (c) on a synthetic graph\n\n");
        b.append("On the report graph (a few thousand triples) every query is cheap for both (a) and (c), so their speeds differ little ")
                .append("and what tells them apart is whether (c) answers right. Here the same saved queries run on `SyntheticGraph` (seed, ")
                .append(sq.size()).append(" asserted triples requested: ").append(sq.asserted()).append(" asserted with the ontology, ")
                .append(sq.inferred()).append(" inferred), shaped like ours. (a) is plain Fuseki over the dataset fentanyl-kg materialises ")
                .append("(the service's modules are measured above); (c) is plain Fuseki over the asserted triples wrapped in OWL Micro, in a JVM of its own ")
                .append("that is restarted after any query it did not finish (OWL Micro's backward chainer runs on past the timeout), prepared before ")
                .append("measuring (").append(sq.cPrepareMillis()).append(" ms). Each query is bounded at ").append(sq.bound().toSeconds())
                .append(" s on both; then ").append(sq.clients()).append(" clients for ").append(sq.measure().toMillis() / 1000.0)
                .append(" s on each. Queries about the report's text and provenance find nothing in synthetic data and are not compared.\n\n");
        b.append("| saved query | rows | a q/s | a p50 | c q/s | c p50 | **a/c** | (c) answers |\n|---|--:|--:|--:|--:|--:|--:|---|\n");
        for (ScaleQueryBench.Row row : sq.rows()) {
            b.append("| ").append(row.query()).append(" | ").append(row.a() == null ? "–" : Integer.toString(row.rows())).append(" | ")
                    .append(row.a() == null ? "– | – | " : f1(row.a().throughput()) + " | " + f2(row.a().p50()) + " | ")
                    .append(row.c() == null ? "– | – | " : f1(row.c().throughput()) + " | " + f2(row.c().p50()) + " | ")
                    .append("**").append(row.ac() == null ? "–" : f1(row.ac())).append("** | ").append(cell(row.status())).append(" |\n");
        }
        b.append('\n');
    }

    private void scale(StringBuilder b) {
        ScaleBench.Figures s = r.scale();
        b.append("## Scale\n\n");
        b.append("Synthetic graphs from `SyntheticGraph` (seed ").append(s.seed()).append("), shaped like ours: departments and agencies, ")
                .append("statutes, organizations, designations of the four designation types, and chemicals in precursor chains of depth 1 to 8; ")
                .append("asserted triples include the ontology. Each size is written once as N-Triples; a fresh JVM then parses it into Jena's ")
                .append("in-memory graph (parse+load: the floor) and materialises the OWL 2 RL closure (`OwlRlReasoner`); best of several runs at the ")
                .append("small sizes. Peak heap is the highest heap occupancy sampled during the closure (garbage not yet collected included); live ")
                .append("heap is what remains after a full GC with the data and the closure held. Jena's OWL Micro rule reasoner runs on the same file ")
                .append("in another JVM: \"prepare\" runs its forward rules only; \"complete\" adds listing every entailed triple (its backward rules; ")
                .append("distinct triples counted), bounded at ").append(s.jenaBound().toSeconds()).append(" s and -Xmx4g (or the -Xmx of our run, if larger): DNF past either, and larger sizes are then not run. ")
                .append("k is the growth exponent of closure time from the previous size (t ∝ n^k).\n\n");
        b.append("| size | asserted | parse+load ms | closure ms | closure / parse+load | inferred | rounds | peak heap MiB | live heap MiB | -Xmx | k | Jena prepare ms | Jena complete ms | Jena inferred |\n");
        b.append("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        ScaleBench.Size prev = null;
        for (ScaleBench.Size x : s.sizes()) {
            b.append("| ").append(String.format(Locale.ROOT, "%.0e", (double) x.target()).replace("e+0", "e")).append(" | ").append(x.asserted()).append(" | ")
                    .append(f0(x.parseMs())).append(" | ").append(f0(x.closureMs())).append(" | ").append(f2(x.closureMs() / x.parseMs())).append(" | ")
                    .append(x.inferred()).append(" | ").append(x.rounds()).append(" | ").append(f0(x.peakHeapMb())).append(" | ").append(f0(x.liveHeapMb())).append(" | ")
                    .append(x.heap()).append(" | ").append(prev == null ? "–" : f2(ScaleBench.Figures.exponent(prev, x))).append(" | ")
                    .append(x.jena().getOrDefault("prepare_ms", "–")).append(" | ")
                    .append(x.jena().containsKey("closure_ms") ? x.jena().get("closure_ms") : x.jena().isEmpty() ? "not run" : "DNF (" + x.jena().getOrDefault("failure", "?") + ")").append(" | ")
                    .append(x.jena().getOrDefault("inferred", "–")).append(" |\n");
            prev = x;
        }
        exponent().ifPresent(e -> b.append("\nGrowth exponent of closure time from the smallest size to 10⁶ (or the largest run): **").append(f2(e)).append("**.\n"));
        b.append("\nJena's OWL Micro has no property chains and only part of OWL 2 RL, so its count of inferred triples is not ours: ")
                .append("it includes its own axiomatic and schema triples and misses what needs chains.\n\n");
    }

    private void start(StringBuilder b) {
        StartBench.Figures s = r.start();
        b.append("## Start to first answer, and heap\n\n");
        b.append("Child processes on loopback, both with `").append(s.jvmOptions()).append("`, timed from process start to the first ")
                .append("`200` answer of an ASK for an inferred class (polled every 10 ms): `fentanyl-kg serve` builds the report graph from the ")
                .append("sources (parse, evidence checks, closure, SHACL) at start; plain Fuseki (`FusekiMainCmd --file DUMP.nq /kg`) loads the ")
                .append("same ").append(s.quads()).append(" quads, already materialised, as N-Quads; `serve --tdb2` opens a store that `load` built ")
                .append("beforehand (nothing computed at start). Median of ").append(s.ours().size()).append(" starts each.\n\n");
        b.append("| | starts (ms) | median ms | heap in use after full GC |\n|---|---|--:|--:|\n");
        b.append("| fentanyl-kg serve | ").append(s.ours()).append(" | ").append(s.oursMedian()).append(" | ")
                .append(s.oursHeapAfterGcKb() == null ? "–" : f1(s.oursHeapAfterGcKb() / 1024.0) + " MiB").append(" |\n");
        b.append("| plain Fuseki --file | ").append(s.fuseki()).append(" | ").append(s.fusekiMedian()).append(" | ")
                .append(s.fusekiHeapAfterGcKb() == null ? "–" : f1(s.fusekiHeapAfterGcKb() / 1024.0) + " MiB").append(" |\n");
        b.append("| fentanyl-kg serve --tdb2 (store built beforehand by `load`) | ").append(s.store()).append(" | ").append(s.storeMedian()).append(" | – |\n\n");
        b.append("With `-Xmx256m`, fentanyl-kg answered ").append(s.savedQueriesAnswered()).append(" saved queries before its heap was read (`jcmd PID GC.run`, then `GC.heap_info`)");
        if (s.failed().isEmpty()) b.append(".\n\n");
        else b.append("; not answered: ").append(cell(String.join("; ", s.failed()))).append(".\n\n");
    }

    private void beforeAfter(StringBuilder b) {
        b.append("## Before and after\n\n");
        b.append("Figures of the baseline run (`--baseline`, recorded ").append(baseline.getProperty("run.started", "?"))
                .append(") against this run, for every figure both have.\n\n| figure | before | after |\n|---|--:|--:|\n");
        for (String k : new TreeMap<>(figures).keySet().stream().map(Object::toString).toList()) {
            if (k.equals("run.started") || k.endsWith(".status") || !baseline.containsKey(k)) continue;
            if (!(k.startsWith("scale.") || k.startsWith("start.") || k.equals("query.min_ab") || k.startsWith("peer.mixed."))) continue;
            b.append("| ").append(k).append(" | ").append(baseline.getProperty(k)).append(" | ").append(figures.getProperty(k)).append(" |\n");
        }
        b.append('\n');
        if (r.queries() == null) return;
        b.append("Per saved query: a/b over HTTP, and the query in-process on the dataset (a) serves, before and after.\n\n")
                .append("| saved query | a/b before | a/b after | served ms before | served ms after |\n|---|--:|--:|--:|--:|\n");
        for (QuerySpeedBench.Row row : r.queries().rows()) {
            String k = "query." + row.query() + ".";
            if (!baseline.containsKey(k + "ab")) continue;
            b.append("| ").append(row.query()).append(" | ").append(baseline.getProperty(k + "ab")).append(" | ").append(figures.getProperty(k + "ab"))
                    .append(" | ").append(baseline.getProperty(k + "served_ms", "–")).append(" | ").append(figures.getProperty(k + "served_ms")).append(" |\n");
        }
        b.append('\n');
    }

    private static String cell(String s) { return s.replace("|", "\\|"); }

    private static String f0(double d) { return String.format(Locale.ROOT, "%.0f", d); }

    private static String f1(double d) { return String.format(Locale.ROOT, "%.1f", d); }

    private static String f2(double d) { return String.format(Locale.ROOT, "%.2f", d); }

    private static String f3(double d) { return String.format(Locale.ROOT, "%.3f", d); }
}
