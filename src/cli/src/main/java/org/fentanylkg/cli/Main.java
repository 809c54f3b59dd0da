package org.fentanylkg.cli;

import org.apache.jena.fuseki.system.FusekiLogging;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code fentanyl-kg <command>}: serve, query, validate, load, explain (the benchmarks have a jar of their own: bench module). */
@Command(name = "fentanyl-kg", mixinStandardHelpOptions = true, version = "fentanyl-kg 0.1.0",
        description = "Knowledge graph and SPARQL service for U.S.-Mexico fentanyl policy (CRS In Focus IF10400).",
        subcommands = {ServeCommand.class, QueryCommand.class, ValidateCommand.class, LoadCommand.class, ExplainCommand.class})
public final class Main {

    public static void main(String[] args) {
        FusekiLogging.setLogging();
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        // A wrong option is the user's mistake: say what is wrong, never print a stack trace.
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 2;
        });
        return cl;
    }
}
