package org.fentanylkg.cli;

import java.util.concurrent.Callable;
import org.fentanylkg.dataset.KnowledgeGraph;
import org.fentanylkg.rdf.LoadException;
import org.fentanylkg.rdf.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Checks the ontology, the facts, their evidence and the shapes; lists every problem found. */
@Command(name = "validate", description = "Check ontology, facts, evidence and SHACL shapes; report every problem.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin SourcesOption sources;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try {
            KnowledgeGraph kg = sources.build();
            spec.commandLine().getOut().println("OK: " + kg.figures());
            return 0;
        } catch (LoadException e) {
            var err = spec.commandLine().getErr();
            for (Problem p : e.problems()) err.println(p);
            err.println(e.problems().size() + " problem(s); nothing was loaded.");
            return 1;
        }
    }
}
