package org.fentanylkg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fentanylkg.dataset.KnowledgeGraph;
import org.fentanylkg.dataset.KnowledgeGraphBuilder;
import org.fentanylkg.rdf.LoadException;
import org.fentanylkg.rdf.Problem;
import org.fentanylkg.validation.SentenceCoverage;
import org.fentanylkg.vocab.Graphs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Checks the ontology, the facts, their evidence and the shapes; lists every problem found; and reports how many
 * of the report's sentences are the evidence of some fact, listing those that are not. Exit code 1 on a problem
 * or an uncovered sentence.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check ontology, facts, evidence and SHACL shapes; report every problem and every sentence of the report no fact rests on.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin SourcesOption sources;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Path root = sources.root();
        err.println("Sources: " + root.toUri());
        try {
            KnowledgeGraph kg = KnowledgeGraphBuilder.build(root);
            SentenceCoverage coverage = SentenceCoverage.of(
                    kg.dataset().getGraph(Graphs.REPORT), kg.dataset().getGraph(Graphs.PROVENANCE));
            out.println("OK: " + kg.figures());
            out.println(coverage);
            for (SentenceCoverage.Uncovered u : coverage.uncovered()) out.println("  uncovered: <" + u.iri() + "> " + u.text());
            if (!coverage.complete()) {
                err.println(coverage.uncovered().size() + " sentence(s) of the report are the evidence of no fact.");
                return 1;
            }
            return 0;
        } catch (LoadException e) {
            for (Problem p : e.problems()) err.println(p);
            err.println(e.problems().size() + " problem(s); nothing was loaded.");
            return 1;
        }
    }
}
