package org.fentanylkg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fentanylkg.bench.QueryLatencyBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Prints start-to-first-answer and per-query latency figures. */
@Command(name = "bench-queries", description = "Benchmark: time to first answer and median latency of each saved query over HTTP.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--config", defaultValue = "fuseki-config.ttl", description = "Service configuration (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--queries", defaultValue = "queries", description = "Folder of .rq files (default: ${DEFAULT-VALUE}).")
    Path queries;

    @Option(names = "--warmup", defaultValue = "20", description = "Warm-up runs per query (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--runs", defaultValue = "100", description = "Measured runs per query (default: ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call() throws Exception {
        new QueryLatencyBench(config, queries, warmup, runs).run(System.out);
        return 0;
    }
}
