package org.fentanylkg.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.apache.jena.fuseki.system.FusekiLogging;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** {@code fentanyl-kg <command>}: serve, query, validate, load, explain (the benchmarks have a jar of their own: bench module); {@code fentanyl-kg help <command>} or {@code <command> --help}. */
@Command(name = "fentanyl-kg", mixinStandardHelpOptions = true, version = "fentanyl-kg 0.1.0",
        description = "Knowledge graph and SPARQL service for U.S.-Mexico fentanyl policy (CRS In Focus IF10400).",
        subcommands = {ServeCommand.class, QueryCommand.class, ValidateCommand.class, LoadCommand.class, ExplainCommand.class, HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        FusekiLogging.setLogging();
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        // names such as "Cártel de Sinaloa" and the explanations' "·" print as UTF-8 whatever the locale
        cl.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        String[] version = cl.getCommandSpec().version();
        cl.getSubcommands().values().forEach(sub -> sub.getCommandSpec().version(version));
        // A wrong option is the user's mistake: say what is wrong, never print a stack trace.
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 2;
        });
        return cl;
    }
}
