package org.fentanylkg.bench.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.fentanylkg.bench.ContainerBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Prints what Jetty alone costs per request, beside fentanyl-kg's lightest requests. */
@Command(name = "bench-container", mixinStandardHelpOptions = true,
        description = "Benchmark: CPU per request of Jetty alone (a fixed body: 2 bytes, and the size of each large saved-query answer) "
                + "against fentanyl-kg's /$/ping and ASK {}, one connection (wrk); the same bytes sent through a loopback socket.")
final class BenchContainerCommand implements Callable<Integer> {
    @Option(names = "--config", description = "Service configuration (default: ./fuseki-config.ttl if present, else the packaged one).")
    Path config;

    @Option(names = "--queries", defaultValue = "queries", description = "Folder of saved queries whose answer sizes are used (default: ${DEFAULT-VALUE}).")
    Path queries;

    @Option(names = "--rounds", defaultValue = "7", description = "Measured rounds of each request (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--round-seconds", defaultValue = "2", description = "Length of a round (default: ${DEFAULT-VALUE}).")
    int roundSeconds;

    @Override
    public Integer call() throws Exception {
        if (rounds < 1 || roundSeconds < 1) throw new IllegalArgumentException("--rounds and --round-seconds: at least 1");
        new ContainerBench(BenchCommand.configOrDefault(config), queries, rounds, Duration.ofSeconds(roundSeconds)).run(System.out);
        return 0;
    }
}
