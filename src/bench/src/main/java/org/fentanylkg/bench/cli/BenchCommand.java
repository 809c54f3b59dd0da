package org.fentanylkg.bench.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.fentanylkg.bench.BenchmarkSuite;
import org.fentanylkg.bench.SearchBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs the benchmarks, prints the table and writes docs/benchmarks.md. */
@Command(name = "bench", mixinStandardHelpOptions = true, aliases = "bench-queries", description = {
        "Benchmarks (figures, not tests): query speed of fentanyl-kg against plain Fuseki (b) and Fuseki with Jena's"
                + " OWL reasoner (c) over HTTP; closure time and heap against size on synthetic graphs; start to first"
                + " answer against plain Fuseki; heap of the report graph.",
        "Prints a table and writes the report (default docs/benchmarks.md, and its figures as .properties)."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "Service configuration (default: ./fuseki-config.ttl if present, else the packaged one).")
    Path config;

    @Option(names = "--queries", defaultValue = "queries", paramLabel = "DIR", description = "Folder of saved queries (default: ${DEFAULT-VALUE}).")
    Path queries;

    @Option(names = "--out", defaultValue = "docs/benchmarks.md", paramLabel = "FILE", description = "The report to write (default: ${DEFAULT-VALUE}); 'none' to write nothing.")
    String out;

    @Option(names = "--baseline", paramLabel = "FILE", description = "The .properties of an earlier run: the report adds a before/after table.")
    Path baseline;

    @Option(names = "--only", split = ",", paramLabel = "PART", description = "Run only these parts: profile, peers, queries, scale-queries, scale, start, search (default: all).")
    List<String> only;

    @Option(names = "--clients", defaultValue = "4", description = "Concurrent HTTP clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--seconds", defaultValue = "1.5", description = "Measured seconds per query, system and round (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--rounds", defaultValue = "5", description = "Alternating rounds of (a) and (b) per query (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--owl-timeout", defaultValue = "20", paramLabel = "SECONDS", description = "Bound on one query of (c), Fuseki with OWL Micro (default: ${DEFAULT-VALUE}).")
    int owlTimeout;

    @Option(names = "--sizes", split = ",", defaultValue = "10000,100000,1000000", paramLabel = "N",
            description = "Synthetic sizes in asserted triples (default: ${DEFAULT-VALUE}; add 10000000 for 10^7, ~18 GB heap).")
    List<Long> sizes;

    @Option(names = "--scale-queries-size", defaultValue = "100000", paramLabel = "N",
            description = "Synthetic size (asserted triples) of the scale-queries part, the saved queries on (a) and (c) (default: ${DEFAULT-VALUE}).")
    long scaleQueriesSize;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the synthetic generator (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--jena-timeout", defaultValue = "120", paramLabel = "SECONDS", description = "Bound on Jena's rule reasoner at each size (default: ${DEFAULT-VALUE}).")
    int jenaTimeout;

    @Option(names = "--starts", defaultValue = "3", description = "Starts of each server to time (default: ${DEFAULT-VALUE}).")
    int starts;

    @Option(names = "--search-size", defaultValue = "1000000", paramLabel = "N",
            description = "Synthetic size (asserted triples) at which the search part reports index build time and size (default: ${DEFAULT-VALUE}).")
    long searchSize;

    @Option(names = "--search-clients", defaultValue = "16", description = "Concurrent clients of the search part's autocomplete run (default: ${DEFAULT-VALUE}).")
    int searchClients;

    @Option(names = "--search-out", defaultValue = "docs/benchmarks-search.md", paramLabel = "FILE",
            description = "The search part's report (default: ${DEFAULT-VALUE}); 'none' to write nothing.")
    String searchOut;

    @Option(names = "--peer-connections", defaultValue = "8", description = "wrk connections per query in the peer comparison (default: ${DEFAULT-VALUE}).")
    int peerConnections;

    @Option(names = "--peer-seconds", defaultValue = "2", description = "Measured seconds per query, server and round in the peer comparison (default: ${DEFAULT-VALUE}).")
    double peerSeconds;

    @Option(names = "--peer-rounds", defaultValue = "2", description = "Alternating rounds of (a), (a+), (b), (d) per query (default: ${DEFAULT-VALUE}).")
    int peerRounds;

    @Option(names = "--mixed-connections", defaultValue = "64", description = "Connections of the mixed saved-query run (default: ${DEFAULT-VALUE}).")
    int mixedConnections;

    @Option(names = "--mixed-seconds", defaultValue = "60", description = "Seconds of the mixed saved-query run, on (a+) and on (d) (default: ${DEFAULT-VALUE}).")
    int mixedSeconds;

    @Option(names = "--profile-other", paramLabel = "JAR", description = "Another build's jar to profile beside this one, in the same run (say, the build before a change).")
    Path profileOther;

    @Spec CommandSpec spec;

    /** The configuration given, else ./fuseki-config.ttl if present, else null (the packaged one). */
    static Path configOrDefault(Path config) {
        if (config == null && Path.of("fuseki-config.ttl").toFile().isFile()) return Path.of("fuseki-config.ttl");
        return config;
    }

    @Override
    public Integer call() throws Exception {
        Path cfg = configOrDefault(config);
        List<String> all = List.of("profile", "peers", "queries", "scale-queries", "scale", "start", "search");
        List<String> parts = only == null ? all : only;
        for (String p : parts) {
            if (!all.contains(p)) throw new IllegalArgumentException("--only: unknown part '" + p + "' (" + String.join(", ", all) + ")");
        }
        if (parts.contains("search")) {
            // its own figures, printed: the suite's report is left to the suite
            SearchBench.Figures f = SearchBench.create().config(cfg).starts(starts).clients(searchClients).syntheticTriples(searchSize).seed(seed).run(System.out);
            if (!searchOut.equals("none")) {
                List<String> a = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
                if (!a.isEmpty() && a.get(0).equals(spec.name())) a.remove(0);
                SearchBench.write(f, ("fentanyl-kg-bench bench " + String.join(" ", a)).trim(), Path.of(searchOut));
            }
            if (parts.size() == 1) return 0;
        }
        List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        if (!args.isEmpty() && spec.name().equals(args.get(0)) || !args.isEmpty() && args.get(0).equals("bench-queries")) args.remove(0);
        BenchmarkSuite suite = BenchmarkSuite.create().config(cfg).queries(queries).clients(clients)
                .measure(Duration.ofMillis((long) (seconds * 1000))).rounds(rounds).owlTimeout(Duration.ofSeconds(owlTimeout))
                .sizes(sizes).seed(seed).jenaBound(Duration.ofSeconds(jenaTimeout)).startRepeats(starts)
                .scaleQueriesSize(scaleQueriesSize)
                .peers(peerConnections, Duration.ofMillis((long) (peerSeconds * 1000)), peerRounds, mixedConnections, Duration.ofSeconds(mixedSeconds))
                .parts(parts.contains("queries"), parts.contains("scale-queries"), parts.contains("scale"), parts.contains("start"), parts.contains("peers"), parts.contains("profile"))
                .profileOther(profileOther)
                .command(("fentanyl-kg-bench bench " + String.join(" ", args)).trim());
        suite.runAndReport(System.out, out.equals("none") ? null : Path.of(out), baseline);
        return 0;
    }
}
