package org.fentanylkg.rdf;

import java.util.List;
import java.util.stream.Collectors;

/** The sources cannot be loaded; carries every problem found, not only the first. */
public final class LoadException extends Exception {
    private final List<Problem> problems;

    public LoadException(List<Problem> problems) {
        super(problems.size() + " problem(s) in the sources:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() { return problems; }
}
