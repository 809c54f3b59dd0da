package org.fentanylkg.bench.cli;

import org.apache.jena.fuseki.system.FusekiLogging;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar target/fentanyl-kg-bench.jar <command>}: the benchmarks, in a jar of their own so that the
 * product jar carries none of their load generators and competitor servers.
 */
@Command(name = "fentanyl-kg-bench", mixinStandardHelpOptions = true, version = "fentanyl-kg-bench 0.1.0",
        description = "Benchmarks of fentanyl-kg (figures, not tests).",
        subcommands = {BenchCommand.class, BenchContainerCommand.class, BenchExplainCommand.class, BenchLoadCommand.class, BenchPagesCommand.class})
public final class BenchMain {

    public static void main(String[] args) {
        FusekiLogging.setLogging();
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new BenchMain());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 2;
        });
        return cl;
    }
}
