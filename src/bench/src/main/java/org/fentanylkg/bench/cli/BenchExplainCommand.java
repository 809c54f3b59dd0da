package org.fentanylkg.bench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fentanylkg.bench.ExplainLatencyBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Prints the median and p90 latency of explanation requests. */
@Command(name = "bench-explain", mixinStandardHelpOptions = true, description = "Benchmark: median and p90 latency of GET /api/explain over HTTP.")
final class BenchExplainCommand implements Callable<Integer> {
    @Option(names = "--config", defaultValue = "fuseki-config.ttl", description = "Service configuration (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--warmup", defaultValue = "500", description = "Warm-up requests (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--runs", defaultValue = "2000", description = "Measured requests (default: ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call() throws Exception {
        new ExplainLatencyBench(config, warmup, runs).run(System.out);
        return 0;
    }
}
