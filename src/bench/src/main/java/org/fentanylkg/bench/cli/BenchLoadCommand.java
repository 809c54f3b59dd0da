package org.fentanylkg.bench.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.fentanylkg.bench.load.MixedLoad;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The load benchmark; with {@code --report FILE} it writes its figures into that markdown file. */
@Command(name = "bench-load", mixinStandardHelpOptions = true, description = {
        "Benchmark: N concurrent connections for a fixed time over the saved queries and the resource pages;",
        "prints requests/s, p50 and p99 latency, errors and (server in this JVM) the heap after GC before and after.",
        "Exit code 1 if any request failed or the heap grew."})
final class BenchLoadCommand implements Callable<Integer> {
    static final String BEGIN = "<!-- bench-load:begin -->";
    static final String END = "<!-- bench-load:end -->";

    @Option(names = "--config", defaultValue = "fuseki-config.ttl", description = "Service configuration for the server started here (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--url", description = "Load this running server (on localhost) instead of starting one; no heap figure then.")
    String url;

    @Option(names = "--queries", defaultValue = "queries", description = "Folder of saved queries (default: ${DEFAULT-VALUE}).")
    Path queries;

    @Option(names = "--connections", defaultValue = "64", description = "Concurrent connections (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--duration", defaultValue = "60s", description = "Measured time, e.g. 60s or 5s (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--warmup", defaultValue = "10s", description = "Warm-up time, not measured (default: ${DEFAULT-VALUE}).")
    String warmup;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Markdown file whose block between " + BEGIN + " and " + END + " receives the figures.")
    Path report;

    @Override
    public Integer call() throws Exception {
        MixedLoad.Report r = MixedLoad.create().config(config).queries(queries).url(url).connections(connections)
                .duration(seconds(duration, "--duration")).warmup(seconds(warmup, "--warmup")).run(System.out);
        if (report != null) {
            String doc = Files.readString(report, StandardCharsets.UTF_8);
            int b = doc.indexOf(BEGIN);
            int e = doc.indexOf(END);
            if (b < 0 || e < b) throw new IllegalArgumentException(report + ": no " + BEGIN + " ... " + END + " block to write the figures into");
            Files.writeString(report, doc.substring(0, b + BEGIN.length()) + "\n" + r.markdown() + doc.substring(e), StandardCharsets.UTF_8);
            System.out.println("Figures written to " + report);
        }
        return r.errors() == 0 && r.heap().stable() ? 0 : 1;
    }

    private static Duration seconds(String s, String option) {
        if (!s.matches("\\d+s?")) throw new IllegalArgumentException(option + " takes seconds, e.g. 60s, not '" + s + "'");
        return Duration.ofSeconds(Long.parseLong(s.replace("s", "")));
    }
}
