package org.fentanylkg.rdf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.riot.RiotParseException;
import org.apache.jena.riot.system.ErrorHandler;

/** Collects problems across the pipeline, and adapts RIOT's parse errors to them. */
public final class ProblemCollector {
    private final List<Problem> problems = new ArrayList<>();

    public void add(Problem problem) { problems.add(problem); }

    public List<Problem> problems() { return List.copyOf(problems); }

    public boolean isEmpty() { return problems.isEmpty(); }

    /** Throws if any problem was recorded: the caller must not publish a half-built graph. */
    public void throwIfAny() throws LoadException {
        if (!problems.isEmpty()) throw new LoadException(problems);
    }

    /** A RIOT error handler that records errors against {@code file}; fatal errors still stop the parser. */
    public ErrorHandler errorHandlerFor(Path file) {
        return new ErrorHandler() {
            @Override public void warning(String message, long line, long col) {
                // Warnings (e.g. unusual IRIs) are reported as problems too: a fact graph must be clean.
                problems.add(Problem.at(file, line, "warning: " + message + col(col)));
            }
            @Override public void error(String message, long line, long col) {
                problems.add(Problem.at(file, line, message + col(col)));
            }
            @Override public void fatal(String message, long line, long col) {
                problems.add(Problem.at(file, line, message + col(col)));
                // RIOT cannot continue after a fatal error; the caller catches this, the problem is recorded.
                throw new RiotParseException(message, line, col);
            }
        };
    }

    private static String col(long col) { return col > 0 ? " (column " + col + ")" : ""; }
}
