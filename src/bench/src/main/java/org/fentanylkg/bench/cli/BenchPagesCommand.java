package org.fentanylkg.bench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fentanylkg.bench.PageLatencyBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Prints the median latency of the linked-data pages and the size of each dump. */
@Command(name = "bench-pages", mixinStandardHelpOptions = true, description = "Benchmark: median latency of an HTML page and of a Turtle description (and other pages) over HTTP; dump sizes.")
final class BenchPagesCommand implements Callable<Integer> {
    @Option(names = "--config", defaultValue = "fuseki-config.ttl", description = "Service configuration (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--resource", defaultValue = "id/sinaloa-cartel", description = "Path of the resource to fetch (default: ${DEFAULT-VALUE}).")
    String resource;

    @Option(names = "--warmup", defaultValue = "50", description = "Warm-up requests per page (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--runs", defaultValue = "200", description = "Measured requests per page (default: ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call() throws Exception {
        new PageLatencyBench(config, resource, warmup, runs).run(System.out);
        return 0;
    }
}
